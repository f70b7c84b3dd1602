// Internal state shared by the SQLite diff's steps: resolution (diff.cpp), per-table
// comparison and drizzle-kit-ordered statement emission (table_diff.cpp), views
// (views.cpp), and the per-table combination into recreations (combine.cpp).
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "diff/resolver.h"
#include "diff/sqlite/normalize.h"
#include "diff/sqlite/plan.h"
#include "model/sqlite/snapshot.h"

namespace dp::diff::sqlite::detail {

/// How a table's composite primary key changed (drizzle-kit's create/delete/alter_composite_pk).
enum class PkChange : uint8_t { None, Deleted, Created, Altered };

/// Everything that differs in one table present on both sides (after renames).
struct TableDiff {
  std::string name;
  const model::sqlite::Table* current = nullptr;  ///< patched current table
  const model::sqlite::Table* desired = nullptr;
  std::vector<std::string> added_columns;                             ///< desired order
  std::vector<std::string> dropped_columns;                           ///< current order
  std::vector<std::pair<std::string, ColumnChange>> altered_columns;  ///< current order
  std::vector<model::sqlite::ForeignKey> deleted_fks;
  std::vector<model::sqlite::ForeignKey> added_fks;
  std::vector<std::string> deleted_checks;
  std::vector<std::string> added_checks;
  std::vector<std::string> altered_checks;
  std::vector<std::string> deleted_indexes;
  std::vector<std::string> added_indexes;
  std::vector<std::string> altered_indexes;
  PkChange pk_change = PkChange::None;
  bool empty() const;
};

struct ViewDiff {
  std::vector<std::string> created;                          ///< desired order, .existing() views excluded
  std::vector<std::string> deleted;                          ///< current order
  std::vector<std::pair<std::string, std::string>> renamed;  ///< (from, to)
  std::vector<std::string> altered;  ///< definition changed (drizzle-kit push ignores these)
};

struct DiffState {
  model::sqlite::Snapshot current;  ///< introspected, with resolved renames applied
  const model::sqlite::Snapshot* desired = nullptr;
  std::vector<std::string> created_tables;                          ///< desired order
  std::vector<std::string> deleted_tables;                          ///< current order
  std::vector<std::pair<std::string, std::string>> renamed_tables;  ///< (from, to), resolver order
  std::vector<RenameColumn> renamed_columns;
  std::vector<TableDiff> tables;  ///< tables present on both sides, current order
  ViewDiff views;
  Plan plan;
};

/// Why a raw statement is in the list (drizzle-kit's JSON statement kinds, coarsened).
enum class RawKind : uint8_t {
  Plain,            ///< renders as `change`
  Recreate,         ///< needs the table rebuilt (alter column, FK/PK/check changes, ...)
  CreateReference,  ///< a foreign key added to an existing table
};

/// One drizzle-kit JSON statement before sqliteCombineStatements.
struct Raw {
  RawKind kind = RawKind::Plain;
  std::string group;  ///< the combiner's key: the statement's table ("undefined" for views)
  std::optional<Change> change;
  model::sqlite::ForeignKey reference;  ///< for CreateReference
  std::string reason;                   ///< why a rebuild is needed (Recreate, CreateReference)
};

/// Names only in the current snapshot (current order) and only in the desired one (desired
/// order), less the renames the resolver found between them.
struct NameChanges {
  std::vector<std::string> deleted;
  std::vector<std::string> created;
  std::vector<std::pair<std::string, std::string>> renamed;  ///< (from, to), in created order
};

/// Compares two name lists and asks the resolver (entities named by `path`) which vanished
/// names became which new ones; each name is renamed at most once.
NameChanges MatchNames(const std::vector<std::string>& current, const std::vector<std::string>& desired,
                       Resolver& resolver, EntityKind kind,
                       const std::function<EntityPath(const std::string&)>& path);

/// Compares every table present on both sides into state.tables.
void CompareTables(DiffState& state);

/// The raw statements in the order applySqliteSnapshotsDiff pushes them.
std::vector<Raw> EmitRaw(DiffState& state);

/// Compares views into state.views (asking the resolver about renames).
void CompareViews(DiffState& state, Resolver& resolver);

/// sqliteCombineStatements: groups by table in JS object key order, turns Recreate kinds
/// into one RecreateTable per table, moves renames first.
std::vector<Change> Combine(const DiffState& state, std::vector<Raw> raws);

/// Drops views that read a recreated or dropped table before the first change and creates
/// them again at the end (SQLite refuses RENAME while a view names a missing table).
void ProtectDependentViews(DiffState& state, std::vector<Change>& changes);

/// `expressions` flags for an index of the desired snapshot (kit internals).
std::vector<bool> IndexExpressions(const model::sqlite::Snapshot& snapshot,
                                   const model::sqlite::Index& index);

/// The hint path of a table (["public", name]) and of a column.
EntityPath TablePath(const std::string& table);
EntityPath ColumnPath(const std::string& table, const std::string& column);

}  // namespace dp::diff::sqlite::detail
