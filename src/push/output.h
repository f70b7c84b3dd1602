// What push prints: drizzle-kit's texts for people, and drizzle-kit 1.0's single JSON
// object for CI (--output json).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "push/apply.h"
#include "push/plan.h"

namespace dp::push {

/// The JSON object of --output json:
/// {"status","dialect","statements":[{"sql","hazards"}],"hints":[...],"warnings":[...],"error"?}
nlohmann::ordered_json JsonReport(const std::string& status, const std::string& dialect, const PushPlan* plan,
                                  const std::optional<std::string>& error, const ApplyReport* applied);

/// Missing answers as drizzle-kit 1.0 missing-hint objects ("rename_or_create" /
/// "confirm_data_loss").
nlohmann::ordered_json MissingHintsJson(const PushPlan& plan, const std::vector<DataLossWarning>& unconfirmed);

/// The same, for people: each question with the hint snippets that answer it.
std::string MissingHintsText(const PushPlan& plan, const std::vector<DataLossWarning>& unconfirmed);

/// drizzle-kit's confirmation choice: "Yes, I want to remove 1 table, truncate 2 tables".
std::string ConfirmChoiceText(const PushPlan& plan);

}  // namespace dp::push
