// The typed changes of a SQLite push plan. The list is already in execution order and
// already "combined" the way drizzle-kit combines SQLite statements: every change SQLite's
// ALTER TABLE cannot express (column type, default, NOT NULL, primary key, AUTOINCREMENT,
// foreign keys, CHECK constraints, stored generated columns) became one RecreateTable of
// the desired table. sqlgen renders each change; push adjusts a few push-only knobs
// (row deletion before a NOT NULL column, PRAGMA foreign_keys around a recreation).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/sqlite/snapshot.h"

namespace dp::diff::sqlite {

/// CREATE TABLE with the desired definition (its indexes are separate CreateIndex changes).
struct CreateTable {
  model::sqlite::Table table;
};

struct DropTable {
  std::string name;
};

struct RenameTable {
  std::string from;
  std::string to;
};

struct RenameColumn {
  std::string table;
  std::string from;
  std::string to;
};

/// ALTER TABLE ADD COLUMN. `reference` is set when the new column carries a single-column
/// foreign key (rendered inline as REFERENCES, which SQLite allows for a NULL default).
struct AddColumn {
  std::string table;
  model::sqlite::Column column;
  std::optional<model::sqlite::ForeignKey> reference;
};

struct DropColumn {
  std::string table;
  std::string column;
};

/// Which generated-column transition a ReAddColumn performs (drizzle-kit's
/// set_generated / alter_generated / drop_generated); all render DROP COLUMN + ADD.
enum class GeneratedChange : uint8_t { Set, Alter, Drop };

/// A virtual generated column changed: DROP COLUMN then ADD COLUMN with the desired column.
struct ReAddColumn {
  std::string table;
  model::sqlite::Column column;
  GeneratedChange change = GeneratedChange::Alter;
};

/// CREATE [UNIQUE] INDEX; `expressions[i]` says columns[i] is an SQL expression.
struct CreateIndex {
  std::string table;
  model::sqlite::Index index;
  std::vector<bool> expressions;
};

struct DropIndex {
  std::string table;
  std::string name;
};

/// The 12-step table rebuild: create `__new_<t>` with the desired definition, copy the
/// rows, drop the old table, rename, recreate the indexes.
struct RecreateTable {
  model::sqlite::Table table;                        ///< desired definition (indexes included)
  std::vector<std::vector<bool>> index_expressions;  ///< per table.indexes entry, per column
  /// Columns copied from the old table: desired columns that existed before (after
  /// renames), in desired order, generated columns excluded.
  std::vector<std::string> copied_columns;
  /// Columns of the old table (after renames) the new definition no longer has.
  std::vector<std::string> removed_columns;
  /// Desired columns the old table did not have.
  std::vector<std::string> added_columns;
  /// Why the table is rebuilt ("column qty: type, default", "check items_qty_pos added").
  std::vector<std::string> reasons;
  /// Some desired table (this one included) references this table by a foreign key.
  bool referenced = false;
  // Push-time knobs (PlanPush sets them from the live database):
  bool copy_rows = true;             ///< false: rows are deleted instead (data loss accepted)
  bool toggle_foreign_keys = false;  ///< wrap in PRAGMA foreign_keys=OFF / ON
};

/// Push-only: delete every row before adding a NOT NULL column without default
/// (drizzle-kit's answer to its data-loss prompt).
struct DeleteRows {
  std::string table;
  /// drizzle-kit writes `delete from t;` before ADD COLUMN and ``DELETE FROM `t`;``
  /// before a recreation.
  bool before_recreate = false;
};

struct CreateView {
  std::string name;
  std::string definition;
};

struct DropView {
  std::string name;
};

using Change =
    std::variant<CreateTable, DropTable, RenameTable, RenameColumn, AddColumn, DropColumn, ReAddColumn,
                 CreateIndex, DropIndex, RecreateTable, DeleteRows, CreateView, DropView>;

/// A table or column rename decided by the resolver (for push's bookkeeping and notes).
struct AppliedRename {
  std::string table;  ///< the table (new name); empty for table renames
  std::string from;
  std::string to;
};

/// Things we change where drizzle-kit 0.31 would not (or would differently); push prints
/// them with --verbose.
struct Note {
  std::string message;
};

struct Plan {
  std::vector<Change> changes;
  std::vector<AppliedRename> table_renames;
  std::vector<AppliedRename> column_renames;
  std::vector<Note> notes;
  bool empty() const { return changes.empty(); }
};

}  // namespace dp::diff::sqlite
