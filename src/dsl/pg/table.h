// pg tables (pgTable, pgTableCreator, schema.table) and the builders their extra-config
// callback returns: indexes, primary keys, foreign keys, unique constraints and checks.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dsl/common/entities.h"
#include "dsl/pg/columns.h"

namespace dp::dsl::pg {

/// A pg table (PgTable).
struct PgTableHost : TableBase {
  ts::Value extra_config;                      // the third pgTable argument (function) or undefined
  bool enable_rls = false;
  std::vector<ts::Object*> inline_foreign_keys;  // FK builder objects from .references()
  ts::Object* extra_columns = nullptr;         // built on first use
};

/// The pg table of a value, or nullptr.
inline PgTableHost* AsPgTable(ts::Value v) {
  TableBase* t = AsTable(v);
  return t != nullptr && t->dialect == "pg" ? static_cast<PgTableHost*>(t) : nullptr;
}

/// pgTableWithSchema(name, columns, extraConfig, schema, baseName).
ts::Object* MakeTable(ts::CallContext& call, std::string name, ts::Value columns, ts::Value extra_config,
                      std::optional<std::string> schema, std::string base_name);
/// The object of ExtraConfigColumns given to the extra-config callback (built once).
ts::Object* ExtraConfigColumns(ts::Interp& interp, PgTableHost& table);

/// index()/uniqueIndex() before .on(): IndexBuilderOn (ignored when returned as is).
struct PgIndexOnHost : Host {
  PgIndexOnHost() : Host(HostKind::PgIndexBuilderOn) {}
  bool unique = false;
  ts::Value name;
};

/// One element of an index's columns: an SQL expression or an IndexedColumn.
struct PgIndexedColumn {
  ts::Value sql;  // SQL object when this is an expression
  std::string name;
  bool key_as_name = false;
  std::string column_type;
  bool has_index_config = false;  // false when a non-extra column was given (drizzle: undefined)
  PgIndexConfig index_config;
  ColumnBase* column = nullptr;   // for casing
};

/// IndexBuilder: after .on()/.onOnly()/.using().
struct PgIndexHost : Host {
  PgIndexHost() : Host(HostKind::PgIndexBuilder) {}
  ts::Value name;
  std::vector<PgIndexedColumn> columns;
  bool unique = false;
  bool only = false;
  bool concurrently = false;
  ts::Value where;
  ts::Value with;  // object or undefined
  std::string method = "btree";
};

/// primaryKey({ columns, name }) / primaryKey(a, b).
struct PgPrimaryKeyHost : Host {
  PgPrimaryKeyHost() : Host(HostKind::PgPrimaryKeyBuilder) {}
  std::vector<ts::Value> columns;
  ts::Value name;
};

/// ForeignKeyBuilder: foreignKey({...}) or a column's .references().
struct PgForeignKeyHost : Host {
  PgForeignKeyHost() : Host(HostKind::PgForeignKeyBuilder) {}
  ts::Value config;               // foreignKey's config object (read when resolved)
  ts::Value inline_column;        // .references(): the referencing column
  ts::Value inline_ref;           // .references(): the callback
  ts::Value on_update;            // "no action" unless set
  ts::Value on_delete;
};

/// unique(name) before .on().
struct PgUniqueOnHost : Host {
  PgUniqueOnHost() : Host(HostKind::PgUniqueOnBuilder) {}
  ts::Value name;
};

/// UniqueConstraintBuilder.
struct PgUniqueHost : Host {
  PgUniqueHost() : Host(HostKind::PgUniqueBuilder) {}
  std::vector<ts::Value> columns;
  ts::Value name;
  bool nulls_not_distinct = false;
};

/// check(name, sql).
struct PgCheckHost : Host {
  PgCheckHost() : Host(HostKind::PgCheckBuilder) {}
  ts::Value name;
  ts::Value value;
};

/// Adds pgTable, pgTableCreator and the constraint/index functions to `ns`.
void AddTableFunctions(ts::Interp& interp, ts::Object* ns);

/// A new FK builder object for a column's .references() entry.
ts::Object* NewInlineForeignKey(ts::Interp& interp, ts::Value column, const PgReference& ref);

}  // namespace dp::dsl::pg
