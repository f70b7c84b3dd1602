// The MySQL snapshot (drizzle-kit "version 5", dialect "mysql"): the same fields as
// drizzle-kit's mysql schemaInternal zod schema, one struct per JSON object. Fields are
// snake_case renderings of the JSON keys; std::optional marks zod-optional keys.
// Record keys: tables and views by name, columns and constraints by name. Parts shared
// with other dialects come from model/common_parts.h.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/common_parts.h"
#include "model/ordered_map.h"

namespace dp::model::mysql {

using common::CheckConstraint;
using common::ForeignKey;
using common::IndexColumnInternal;
using common::IndexInternal;
using common::Meta;
using common::UniqueConstraint;

/// `generated: { as, type }` of a column.
struct Generated {
  std::string type = "stored";  ///< "stored" | "virtual"
  std::string as;
  bool operator==(const Generated&) const = default;
};

/// JSON key order: name, type, primaryKey, notNull, autoincrement, onUpdate, generated, default.
struct Column {
  std::string name;
  std::string type;          ///< "int", "varchar(255)", "enum('a','b')", "bigint unsigned", ...
  bool primary_key = false;  ///< "primaryKey" (generate writes false: PKs go to compositePrimaryKeys)
  bool not_null = false;     ///< "notNull"
  std::optional<bool> autoincrement;  ///< drizzle-kit always writes it
  /// "default": SQL text string ("'abc'", "(now())"), number or boolean.
  std::optional<nlohmann::ordered_json> default_value;
  std::optional<bool> on_update;  ///< "onUpdate": ON UPDATE CURRENT_TIMESTAMP (true or absent)
  std::optional<Generated> generated;
  bool operator==(const Column&) const = default;
};

struct Index {
  std::string name;
  std::vector<std::string> columns;         ///< column names or SQL expressions
  bool is_unique = false;                   ///< "isUnique"
  std::optional<std::string> using_method;  ///< JSON "using": "btree" | "hash"
  std::optional<std::string> algorithm;     ///< "default" | "inplace" | "copy"
  std::optional<std::string> lock;          ///< "default" | "none" | "shared" | "exclusive"
  bool operator==(const Index&) const = default;
};

struct CompositePk {
  std::string name;  ///< generate names single-column PKs "<table>_<column>"
  std::vector<std::string> columns;
  bool operator==(const CompositePk&) const = default;
};

struct Table {
  std::string name;
  OrderedMap<Column> columns;
  OrderedMap<Index> indexes;
  OrderedMap<ForeignKey> foreign_keys;              ///< "foreignKeys"
  OrderedMap<CompositePk> composite_primary_keys;   ///< "compositePrimaryKeys"
  OrderedMap<UniqueConstraint> unique_constraints;  ///< "uniqueConstraints"
  OrderedMap<CheckConstraint> check_constraints;    ///< JSON "checkConstraint" (singular, as drizzle-kit)
  bool operator==(const Table&) const = default;
};

/// JSON key order: columns, name, isExisting, definition, withCheckOption, algorithm, sqlSecurity.
struct View {
  std::string name;
  OrderedMap<Column> columns;
  std::optional<std::string> definition;         ///< absent for .existing() views
  bool is_existing = false;                      ///< "isExisting"
  std::string algorithm = "undefined";           ///< "undefined" | "merge" | "temptable"
  std::string sql_security = "definer";          ///< "sqlSecurity": "definer" | "invoker"
  std::optional<std::string> with_check_option;  ///< "withCheckOption": "local" | "cascaded"
  bool operator==(const View&) const = default;
};

/// `internal.tables[t].columns[c]`.
struct ColumnInternal {
  std::optional<bool> is_default_an_expression;  ///< "isDefaultAnExpression"
  bool operator==(const ColumnInternal&) const = default;
};

struct TableInternal {
  OrderedMap<ColumnInternal> columns;
  bool operator==(const TableInternal&) const = default;
};

/// `internal` (kitInternals). generate writes {"tables": {}, "indexes": {...}}.
struct KitInternals {
  std::optional<OrderedMap<TableInternal>> tables = OrderedMap<TableInternal>{};
  std::optional<OrderedMap<IndexInternal>> indexes = OrderedMap<IndexInternal>{};
  bool operator==(const KitInternals&) const = default;
};

/// A whole MySQL snapshot. JSON key order: version, dialect, id, prevId, tables, views,
/// _meta, internal.
struct Snapshot {
  std::string version = "5";
  std::string dialect = "mysql";
  std::optional<std::string> id;
  std::optional<std::string> prev_id;  ///< "prevId"
  OrderedMap<Table> tables;
  OrderedMap<View> views;
  Meta meta;  ///< "_meta"
  std::optional<KitInternals> internal = KitInternals{};
  bool operator==(const Snapshot&) const = default;
};

/// True when the two snapshots describe the same schema (ignores id and prevId).
inline bool SameSchema(Snapshot a, Snapshot b) {
  a.id = b.id;
  a.prev_id = b.prev_id;
  return a == b;
}

}  // namespace dp::model::mysql
