// SQLite diff entry point: resolves table renames, then column renames per table (as
// drizzle-kit's applySqliteSnapshotsDiff asks), applies them to a copy of the current
// snapshot, then compares, emits drizzle-kit-ordered statements and combines them.
#include "diff/sqlite/diff.h"

#include <algorithm>
#include <unordered_set>

#include "diff/sqlite/diff_internal.h"

namespace dp::diff::sqlite {

namespace {

using detail::DiffState;
using model::sqlite::Snapshot;
using model::sqlite::Table;

constexpr const char* kHintSchema = "public";

/// Applies a table rename to the current snapshot. Like drizzle-kit, only the table's own
/// name changes: foreign keys keep naming the old table, so a table holding or receiving a
/// foreign key that mentions a renamed table is rebuilt (harmless; keeps its statements).
void RenameTableInCurrent(Snapshot& current, const std::string& from, const std::string& to) {
  current.tables.Rename(from, to);
  current.tables[to].name = to;
}

/// Applies a column rename; as in drizzle-kit, indexes, keys and foreign keys still list the
/// old name (their changes then drop and create the index or rebuild the table).
void RenameColumnInCurrent(Snapshot& current, const std::string& table_name, const std::string& from,
                           const std::string& to) {
  Table& table = current.tables[table_name];
  table.columns.Rename(from, to);
  table.columns[to].name = to;
}

void ResolveTables(DiffState& state, Resolver& resolver) {
  detail::NameChanges names =
      detail::MatchNames(state.current.tables.Keys(), state.desired->tables.Keys(), resolver,
                         EntityKind::Table, [](const std::string& name) { return detail::TablePath(name); });
  for (const auto& [from, to] : names.renamed) {
    state.plan.table_renames.push_back({"", from, to});
    RenameTableInCurrent(state.current, from, to);
  }
  state.renamed_tables = std::move(names.renamed);
  state.deleted_tables = std::move(names.deleted);
  state.created_tables = std::move(names.created);
}

void ResolveColumns(DiffState& state, Resolver& resolver) {
  for (const std::string& table_name : state.current.tables.Keys()) {
    const Table* desired_table = state.desired->tables.Get(table_name);
    if (desired_table == nullptr) continue;
    detail::NameChanges names = detail::MatchNames(
        state.current.tables.Get(table_name)->columns.Keys(), desired_table->columns.Keys(), resolver,
        EntityKind::Column, [&](const std::string& name) { return detail::ColumnPath(table_name, name); });
    for (const auto& [from, to] : names.renamed) {
      state.renamed_columns.push_back(RenameColumn{table_name, from, to});
      state.plan.column_renames.push_back({table_name, from, to});
      RenameColumnInCurrent(state.current, table_name, from, to);
    }
  }
}

}  // namespace

namespace detail {

NameChanges MatchNames(const std::vector<std::string>& current, const std::vector<std::string>& desired,
                       Resolver& resolver, EntityKind kind,
                       const std::function<EntityPath(const std::string&)>& path) {
  std::unordered_set<std::string> current_set(current.begin(), current.end());
  std::unordered_set<std::string> desired_set(desired.begin(), desired.end());
  std::vector<std::string> deleted;
  std::vector<std::string> created;
  for (const std::string& name : current) {
    if (!desired_set.contains(name)) deleted.push_back(name);
  }
  for (const std::string& name : desired) {
    if (!current_set.contains(name)) created.push_back(name);
  }
  std::vector<bool> renamed_from(deleted.size(), false);
  std::vector<bool> renamed_to(created.size(), false);
  std::vector<Rename> renames;
  if (!deleted.empty() && !created.empty()) {
    std::vector<EntityPath> deleted_paths;
    std::vector<EntityPath> created_paths;
    for (const std::string& name : deleted) deleted_paths.push_back(path(name));
    for (const std::string& name : created) created_paths.push_back(path(name));
    for (const Rename& rename : resolver.Resolve(kind, deleted_paths, created_paths)) {
      if (rename.from >= deleted.size() || rename.to >= created.size()) continue;
      if (renamed_from[rename.from] || renamed_to[rename.to]) continue;
      renamed_from[rename.from] = renamed_to[rename.to] = true;
      renames.push_back(rename);
    }
  }
  std::stable_sort(renames.begin(), renames.end(),
                   [](const Rename& a, const Rename& b) { return a.to < b.to; });
  NameChanges names;
  for (const Rename& rename : renames) names.renamed.emplace_back(deleted[rename.from], created[rename.to]);
  for (size_t name_idx = 0; name_idx < deleted.size(); ++name_idx) {
    if (!renamed_from[name_idx]) names.deleted.push_back(std::move(deleted[name_idx]));
  }
  for (size_t name_idx = 0; name_idx < created.size(); ++name_idx) {
    if (!renamed_to[name_idx]) names.created.push_back(std::move(created[name_idx]));
  }
  return names;
}

EntityPath TablePath(const std::string& table) {
  return {kHintSchema, table};
}
EntityPath ColumnPath(const std::string& table, const std::string& column) {
  return {kHintSchema, table, column};
}

std::vector<bool> IndexExpressions(const Snapshot& snapshot, const model::sqlite::Index& index) {
  std::vector<bool> expressions(index.columns.size(), false);
  if (!snapshot.internal || !snapshot.internal->indexes) return expressions;
  const model::sqlite::IndexInternal* internal = snapshot.internal->indexes->Get(index.name);
  if (internal == nullptr) return expressions;
  for (size_t column_idx = 0; column_idx < index.columns.size(); ++column_idx) {
    const model::sqlite::IndexColumnInternal* column = internal->columns.Get(index.columns[column_idx]);
    expressions[column_idx] = column != nullptr && column->is_expression.value_or(false);
  }
  return expressions;
}

}  // namespace detail

Plan Diff(const Snapshot& current, const Snapshot& desired, Resolver& resolver) {
  DiffState state;
  state.current = current;
  state.desired = &desired;
  ResolveTables(state, resolver);
  ResolveColumns(state, resolver);
  detail::CompareTables(state);
  detail::CompareViews(state, resolver);
  std::vector<Change> changes = detail::Combine(state, detail::EmitRaw(state));
  detail::ProtectDependentViews(state, changes);
  state.plan.changes = std::move(changes);
  return std::move(state.plan);
}

}  // namespace dp::diff::sqlite
