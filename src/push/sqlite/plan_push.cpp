// SQLite push planning (see plan_push.h). The data-loss texts and the statements added on
// acceptance are drizzle-kit's (sqlitePushUtils.ts logSuggestionsAndReturn); the counts run
// against the database as it is before the push, so renamed tables are counted under
// their current names.
#include "push/sqlite/plan_push.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <cstdlib>
#include <map>
#include <optional>
#include <set>
#include <unordered_map>

#include "diff/sqlite/diff.h"
#include "introspect/sqlite/inspect.h"
#include "sqlgen/sqlite/generate.h"

namespace dp::push::sqlite {

namespace {

namespace ds = diff::sqlite;

constexpr const char* kHintSchema = "public";  // drizzle-kit 1.0 hint paths for SQLite

/// Row counts with a per-table cache, so each table is counted at most once.
class Counter {
 public:
  explicit Counter(db::Connection& connection) : connection_(connection) {}

  base::Result<long> Rows(const std::string& table) {
    auto cached = rows_.find(table);
    if (cached != rows_.end()) return cached->second;
    auto count = Scalar(fmt::format("select count(*) as count from `{}`", table));
    if (count) rows_[table] = *count;
    return count;
  }

  base::Result<long> NonNull(const std::string& table, const std::string& column) {
    return Scalar(fmt::format("select count(`{}`.`{}`) as count from `{}`", table, column, table));
  }

  /// PRAGMA foreign_keys, read once.
  base::Result<bool> ForeignKeysOn() {
    if (!foreign_keys_) {
      auto result = connection_.Query("PRAGMA foreign_keys;");
      if (!result) return base::Fail(result.error().Wrap("sqlite: read PRAGMA foreign_keys"));
      foreign_keys_ = !result->rows.empty() && !result->rows[0].empty() && result->rows[0][0] &&
                      std::strtol(result->rows[0][0]->c_str(), nullptr, 10) != 0;
    }
    return *foreign_keys_;
  }

 private:
  base::Result<long> Scalar(const std::string& sql) {
    auto result = connection_.Query(sql);
    if (!result) return base::Fail(result.error().Wrap("sqlite: count rows"));
    if (result->rows.empty() || result->rows[0].empty() || !result->rows[0][0]) return 0L;
    return std::strtol(result->rows[0][0]->c_str(), nullptr, 10);
  }

  db::Connection& connection_;
  std::unordered_map<std::string, long> rows_;
  std::optional<bool> foreign_keys_;
};

/// drizzle-kit tests `!column.default`; we treat any default (0 and false included) as one,
/// since ADD COLUMN then succeeds without deleting rows.
bool NeedsRowsGone(const model::sqlite::Column& column) {
  return column.not_null && !column.default_value;
}

std::string Sql(const ds::Change& change) {
  std::string sql;
  for (const sqlgen::Statement& statement : sqlgen::sqlite::GenerateChange(change)) sql += statement.sql;
  return sql;
}

DataLossWarning Warning(std::string message, std::string kind, diff::EntityPath entity,
                        std::optional<std::string> extra = std::nullopt) {
  DataLossWarning warning;
  warning.message = std::move(message);
  warning.kind = std::move(kind);
  warning.entity = std::move(entity);
  if (extra) warning.extra_statements.push_back(std::move(*extra));
  return warning;
}

/// The recreate branch of logSuggestionsAndReturn: removed columns holding values, added
/// NOT NULL columns without default on a table with rows (rows deleted, copy skipped), and
/// PRAGMA foreign_keys around the rebuild of a referenced table when the pragma is on.
base::Result<void> AnalyzeRecreate(Counter& counter, const std::string& db_table, ds::RecreateTable& recreate,
                                   std::vector<ds::Change>& changes, std::vector<DataLossWarning>& warnings) {
  const std::string& name = recreate.table.name;
  for (const std::string& column : recreate.removed_columns) {
    auto count = counter.NonNull(db_table, column);
    if (!count) return base::Fail(count.error());
    if (*count > 0) {
      warnings.push_back(Warning(
          fmt::format("· You're about to delete {} column in {} table with {} items", column, name, *count),
          "column", {kHintSchema, name, column}));
    }
  }
  for (const std::string& column_name : recreate.added_columns) {
    if (!NeedsRowsGone(*recreate.table.columns.Get(column_name))) continue;
    auto count = counter.Rows(db_table);
    if (!count) return base::Fail(count.error());
    if (*count == 0) continue;
    recreate.copy_rows = false;
    ds::DeleteRows deletion{name, true};
    warnings.push_back(
        Warning(fmt::format("· You're about to add not-null {} column without default value to "
                            "table, which contains {} items",
                            column_name, *count),
                "add_not_null", {kHintSchema, name, column_name}, Sql(deletion)));
    changes.push_back(deletion);
  }
  if (recreate.referenced) {
    auto on = counter.ForeignKeysOn();
    if (!on) return base::Fail(on.error());
    recreate.toggle_foreign_keys = *on;
  }
  return {};
}

}  // namespace

base::Result<void> AnalyzeDataLoss(db::Connection& connection, ds::Plan& plan,
                                   std::vector<DataLossWarning>& warnings) {
  std::map<std::string, std::string> old_names;  // new table name -> name in the database now
  for (const ds::AppliedRename& rename : plan.table_renames) old_names[rename.to] = rename.from;
  auto db_name = [&](const std::string& table) {
    auto it = old_names.find(table);
    return it == old_names.end() ? table : it->second;
  };
  Counter counter(connection);
  std::vector<ds::Change> changes;
  for (ds::Change& change : plan.changes) {
    if (const auto* drop = std::get_if<ds::DropTable>(&change)) {
      auto count = counter.Rows(drop->name);
      if (!count) return base::Fail(count.error());
      if (*count > 0) {
        warnings.push_back(
            Warning(fmt::format("· You're about to delete {} table with {} items", drop->name, *count),
                    "table", {kHintSchema, drop->name}));
      }
    } else if (const auto* drop_column = std::get_if<ds::DropColumn>(&change)) {
      auto count = counter.NonNull(db_name(drop_column->table), drop_column->column);
      if (!count) return base::Fail(count.error());
      if (*count > 0) {
        warnings.push_back(Warning(fmt::format("· You're about to delete {} column in {} table with {} items",
                                               drop_column->column, drop_column->table, *count),
                                   "column", {kHintSchema, drop_column->table, drop_column->column}));
      }
    } else if (const auto* add = std::get_if<ds::AddColumn>(&change);
               add != nullptr && NeedsRowsGone(add->column)) {
      auto count = counter.Rows(db_name(add->table));
      if (!count) return base::Fail(count.error());
      if (*count > 0) {
        ds::DeleteRows deletion{add->table, false};
        warnings.push_back(
            Warning(fmt::format("· You're about to add not-null {} column without default value, "
                                "which contains {} items",
                                add->column.name, *count),
                    "add_not_null", {kHintSchema, add->table, add->column.name}, Sql(deletion)));
        changes.push_back(deletion);
      }
    } else if (auto* recreate = std::get_if<ds::RecreateTable>(&change)) {
      DP_TRY(AnalyzeRecreate(counter, db_name(recreate->table.name), *recreate, changes, warnings));
    }
    changes.push_back(std::move(change));
  }
  plan.changes = std::move(changes);
  return {};
}

base::Result<PushPlan> PlanPush(db::Connection& connection, const model::sqlite::Snapshot& desired,
                                const Filters& filters, diff::Resolver& resolver) {
  auto current = introspect::sqlite::Inspect(connection, filters);
  if (!current) return base::Fail(current.error());
  ds::Plan plan = ds::Diff(*current, desired, resolver);
  PushPlan push_plan;
  push_plan.missing_hints = resolver.missing();
  DP_TRY(AnalyzeDataLoss(connection, plan, push_plan.warnings));
  std::set<std::string> tables_removed, columns_removed, tables_truncated;  // drizzle-kit dedupes them
  for (const DataLossWarning& warning : push_plan.warnings) {
    std::string key = fmt::format("{}", fmt::join(warning.entity, "."));
    if (warning.kind == "table") tables_removed.insert(key);
    if (warning.kind == "column") columns_removed.insert(key);
    if (warning.kind == "add_not_null")
      tables_truncated.insert(warning.entity.size() > 1 ? warning.entity[1] : key);
  }
  push_plan.tables_to_remove = tables_removed.size();
  push_plan.columns_to_remove = columns_removed.size();
  push_plan.tables_to_truncate = tables_truncated.size();
  push_plan.statements = sqlgen::sqlite::Generate(plan);
  for (const ds::Note& note : plan.notes) push_plan.notes.push_back(note.message);
  return push_plan;
}

std::vector<sqlgen::Statement> ExportStatements(const model::sqlite::Snapshot& desired) {
  diff::CreateAllResolver resolver;
  return sqlgen::sqlite::Generate(ds::Diff(model::sqlite::Snapshot{}, desired, resolver));
}

}  // namespace dp::push::sqlite
