// Shared helpers for the PostgreSQL diff/sqlgen tests: compact snapshot JSON (missing
// keys filled from the record keys), a resolver answering from drizzle-kit 1.0 hints, and
// plan / statement dumps.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/result.h"
#include "diff/pg/change.h"
#include "diff/resolver.h"
#include "model/pg/snapshot.h"
#include "sqlgen/statement.h"

namespace dp::pgtest {

/// Reads a snapshot written compactly: absent top-level records, table parts, names
/// (taken from record keys), primaryKey/notNull (false), index columns given as plain
/// strings ("email" or {"expression": ...}) are filled in. "" or "{}" is the empty snapshot.
base::Result<model::pg::Snapshot> ReadCompactSnapshot(const std::string& text);

/// Answers rename questions from a JSON array of drizzle-kit 1.0 hints
/// ({"type":"rename","kind":...,"from":[...],"to":[...]}); everything else is a create.
class HintResolver final : public diff::Resolver {
 public:
  explicit HintResolver(const nlohmann::json& hints);
  std::vector<diff::Rename> Resolve(diff::EntityKind kind, std::span<const diff::EntityPath> deleted,
                                    std::span<const diff::EntityPath> created) override;
  /// Every question asked, as "kind: deleted... -> created..." lines.
  const std::vector<std::string>& questions() const { return questions_; }

 private:
  struct RenameHint {
    std::string kind;
    diff::EntityPath from, to;
  };
  std::vector<RenameHint> renames_;
  std::vector<std::string> questions_;
};

/// One line per change: its kind and what it applies to.
std::string DumpPlan(const diff::pg::Plan& plan);

/// Statements joined by drizzle-kit's breakpoint line.
std::string JoinStatements(const std::vector<sqlgen::Statement>& statements);

/// One line per statement with hazards or outside_transaction: "<index>: data_loss ...".
std::string DumpHazards(const std::vector<sqlgen::Statement>& statements);

/// Splits an expected.sql text on "--> statement-breakpoint", trimming each statement.
std::vector<std::string> SplitStatements(const std::string& text);

/// Reads a whole file ("" when missing).
std::string ReadFile(const std::string& path);

/// txtar-like sections: "-- name --" lines start a section.
struct Section {
  std::string name;
  std::string body;
};
std::vector<Section> ParseSections(const std::string& text);
std::string FormatSections(const std::vector<Section>& sections);

}  // namespace dp::pgtest
