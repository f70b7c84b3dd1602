// What a dialect's planner hands to the push command: the statements to run, and the
// data-loss findings that need the user's confirmation (drizzle-kit's texts and counts).
#pragma once

#include <string>
#include <vector>

#include "diff/resolver.h"
#include "introspect/filters.h"
#include "sqlgen/statement.h"

namespace dp::push {

/// A data-loss finding, e.g. drizzle-kit's
/// "· You're about to delete users table with 3 items".
struct DataLossWarning {
  std::string message;
  /// What a drizzle-kit 1.0 `confirm_data_loss` hint names: kind is one of "table", "column",
  /// "schema", "view", "primary_key", "add_not_null", "add_unique"; entity as in rename hints
  /// (["public","users"], ["public","users","email"]). reason: "non_empty" | "table_recreate" |
  /// "type_change" (with type_from / type_to).
  std::string kind;
  diff::EntityPath entity;
  std::string reason = "non_empty";
  std::string type_from, type_to;
  /// Statements drizzle-kit adds when the user accepts (e.g. `truncate table "t" cascade;`),
  /// already included in PushPlan::statements at the right place; listed here so the
  /// confirmation can name them.
  std::vector<std::string> extra_statements;
};

struct PushPlan {
  std::vector<sqlgen::Statement> statements;
  std::vector<DataLossWarning> warnings;  // non-empty: confirm unless --force
  std::vector<diff::MissingHint> missing_hints;  // non-empty: cannot apply (exit 2)
  /// Counts for drizzle-kit's confirmation choice ("Yes, I want to remove 1 table, truncate 2 tables").
  size_t tables_to_remove = 0;
  size_t columns_to_remove = 0;
  size_t tables_to_truncate = 0;
  size_t matviews_to_remove = 0;
  /// Queries the planning took (introspection and row counts); set by push, for
  /// --output json and the benchmarks.
  size_t queries = 0;
  /// Informational notes printed with --verbose (e.g. what drizzle-kit ignores and we detected).
  std::vector<std::string> notes;
};

/// Filters live with introspection, which applies them.
using Filters = introspect::Filters;

}  // namespace dp::push
