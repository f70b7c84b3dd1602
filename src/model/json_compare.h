// Compares two JSON documents (snapshots) and reports the first difference by path,
// ignoring chosen top-level keys (id, prevId). Used by conformance and golden tests.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>

namespace dp::model {

struct JsonCompareOptions {
  std::set<std::string> ignore_top_level_keys = {"id", "prevId"};
  bool check_key_order = false;  ///< also report objects whose keys are in another order
};

/// The first difference found, depth first in `expected`'s order.
struct JsonDifference {
  std::string path;     ///< `tables["public.users"].columns.id.notNull` (odd keys quoted, [i] for arrays)
  std::string message;  ///< "expected true, got false", "missing key", "unexpected key", ...
};

/// Nullopt when equal under the options; otherwise the first difference.
std::optional<JsonDifference> CompareJson(const nlohmann::ordered_json& expected,
                                          const nlohmann::ordered_json& actual,
                                          const JsonCompareOptions& options = {});

/// "path: message" for a difference.
std::string ToString(const JsonDifference& difference);

}  // namespace dp::model
