// SQLite diff entry point: resolves table renames, then column renames per table (as
// drizzle-kit's applySqliteSnapshotsDiff asks), applies them to a copy of the current
// snapshot, then compares, emits drizzle-kit-ordered statements and combines them.
#include "diff/sqlite/diff.h"

#include <algorithm>

#include "diff/sqlite/diff_internal.h"

namespace dp::diff::sqlite {

namespace {

using detail::DiffState;
using model::sqlite::Snapshot;
using model::sqlite::Table;

constexpr const char* kHintSchema = "public";

/// Renames pairs returned by the resolver, sorted by the created entity (prompt order).
std::vector<Rename> AskRenames(Resolver& resolver, EntityKind kind, const std::vector<EntityPath>& deleted,
                               const std::vector<EntityPath>& created) {
  if (deleted.empty() || created.empty()) return {};
  std::vector<Rename> renames = resolver.Resolve(kind, deleted, created);
  std::vector<Rename> valid;
  std::vector<bool> used_from(deleted.size(), false);
  std::vector<bool> used_to(created.size(), false);
  for (const Rename& rename : renames) {
    if (rename.from >= deleted.size() || rename.to >= created.size()) continue;
    if (used_from[rename.from] || used_to[rename.to]) continue;
    used_from[rename.from] = used_to[rename.to] = true;
    valid.push_back(rename);
  }
  std::stable_sort(valid.begin(), valid.end(), [](const Rename& a, const Rename& b) { return a.to < b.to; });
  return valid;
}

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
  const Snapshot& desired = *state.desired;
  std::vector<std::string> deleted;
  std::vector<std::string> created;
  for (const auto& [name, table] : state.current.tables) {
    if (!desired.tables.contains(name)) deleted.push_back(name);
  }
  for (const auto& [name, table] : desired.tables) {
    if (!state.current.tables.contains(name)) created.push_back(name);
  }
  std::vector<EntityPath> deleted_paths;
  std::vector<EntityPath> created_paths;
  for (const std::string& name : deleted) deleted_paths.push_back(detail::TablePath(name));
  for (const std::string& name : created) created_paths.push_back(detail::TablePath(name));
  std::vector<bool> renamed_from(deleted.size(), false);
  std::vector<bool> renamed_to(created.size(), false);
  for (const Rename& rename : AskRenames(resolver, EntityKind::Table, deleted_paths, created_paths)) {
    renamed_from[rename.from] = renamed_to[rename.to] = true;
    state.renamed_tables.emplace_back(deleted[rename.from], created[rename.to]);
    state.plan.table_renames.push_back({"", deleted[rename.from], created[rename.to]});
  }
  for (const auto& [from, to] : state.renamed_tables) RenameTableInCurrent(state.current, from, to);
  for (size_t table_idx = 0; table_idx < deleted.size(); ++table_idx) {
    if (!renamed_from[table_idx]) state.deleted_tables.push_back(deleted[table_idx]);
  }
  for (size_t table_idx = 0; table_idx < created.size(); ++table_idx) {
    if (!renamed_to[table_idx]) state.created_tables.push_back(created[table_idx]);
  }
}

void ResolveColumns(DiffState& state, Resolver& resolver) {
  const Snapshot& desired = *state.desired;
  for (const std::string& table_name : state.current.tables.Keys()) {
    const Table* desired_table = desired.tables.Get(table_name);
    if (desired_table == nullptr) continue;
    const Table& current_table = *state.current.tables.Get(table_name);
    std::vector<std::string> deleted;
    std::vector<std::string> created;
    for (const auto& [name, column] : current_table.columns) {
      if (!desired_table->columns.contains(name)) deleted.push_back(name);
    }
    for (const auto& [name, column] : desired_table->columns) {
      if (!current_table.columns.contains(name)) created.push_back(name);
    }
    std::vector<EntityPath> deleted_paths;
    std::vector<EntityPath> created_paths;
    for (const std::string& name : deleted) deleted_paths.push_back(detail::ColumnPath(table_name, name));
    for (const std::string& name : created) created_paths.push_back(detail::ColumnPath(table_name, name));
    for (const Rename& rename : AskRenames(resolver, EntityKind::Column, deleted_paths, created_paths)) {
      RenameColumn renamed{table_name, deleted[rename.from], created[rename.to]};
      state.renamed_columns.push_back(renamed);
      state.plan.column_renames.push_back({table_name, renamed.from, renamed.to});
      RenameColumnInCurrent(state.current, table_name, renamed.from, renamed.to);
    }
  }
}

}  // namespace

namespace detail {

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
