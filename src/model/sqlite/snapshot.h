// The SQLite snapshot (drizzle-kit "version 6", dialect "sqlite"): the same fields as
// drizzle-kit's sqlite schemaInternal zod schema, one struct per JSON object. Fields are
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

namespace dp::model::sqlite {

using common::CheckConstraint;
using common::ForeignKey;
using common::IndexColumnInternal;
using common::IndexInternal;
using common::Meta;
using common::UniqueConstraint;

/// `generated: { as, type }` of a column; `as` is parenthesized SQL ("(a + b)").
struct Generated {
  std::string type = "virtual";  ///< "stored" | "virtual"
  std::string as;
  bool operator==(const Generated&) const = default;
};

struct Column {
  std::string name;
  std::string type;                   ///< "integer", "text", "real", "blob", "numeric"
  bool primary_key = false;           ///< "primaryKey"
  bool not_null = false;              ///< "notNull"
  std::optional<bool> autoincrement;  ///< drizzle-kit always writes it (false unless set)
  /// "default": SQL text string ("'abc'", "(CURRENT_TIMESTAMP)"), number or boolean.
  std::optional<nlohmann::ordered_json> default_value;
  std::optional<Generated> generated;
  bool operator==(const Column&) const = default;
};

struct Index {
  std::string name;
  std::vector<std::string> columns;  ///< column names or SQL expressions
  std::optional<std::string> where;
  bool is_unique = false;  ///< "isUnique"
  bool operator==(const Index&) const = default;
};

/// JSON key order: columns, name.
struct CompositePk {
  std::vector<std::string> columns;
  std::optional<std::string> name;
  bool operator==(const CompositePk&) const = default;
};

struct Table {
  std::string name;
  OrderedMap<Column> columns;
  OrderedMap<Index> indexes;
  OrderedMap<ForeignKey> foreign_keys;              ///< "foreignKeys"
  OrderedMap<CompositePk> composite_primary_keys;   ///< "compositePrimaryKeys"
  OrderedMap<UniqueConstraint> unique_constraints;  ///< "uniqueConstraints"
  OrderedMap<CheckConstraint> check_constraints;    ///< "checkConstraints"
  bool operator==(const Table&) const = default;
};

/// JSON key order: columns, name, isExisting, definition.
struct View {
  std::string name;
  OrderedMap<Column> columns;
  std::optional<std::string> definition;  ///< absent for .existing() views
  bool is_existing = false;               ///< "isExisting"
  bool operator==(const View&) const = default;
};

/// `internal` (kitInternals): which index columns are SQL expressions.
struct KitInternals {
  std::optional<OrderedMap<IndexInternal>> indexes = OrderedMap<IndexInternal>{};
  bool operator==(const KitInternals&) const = default;
};

/// A whole SQLite snapshot. JSON key order: version, dialect, id, prevId, tables, views,
/// enums ({} always), _meta, internal.
struct Snapshot {
  std::string version = "6";
  std::string dialect = "sqlite";
  std::optional<std::string> id;
  std::optional<std::string> prev_id;  ///< "prevId"
  OrderedMap<Table> tables;
  OrderedMap<View> views;
  Meta meta;                                              ///< "_meta"
  std::optional<KitInternals> internal = KitInternals{};  ///< generate writes {"indexes": {}}
  bool operator==(const Snapshot&) const = default;
};

/// True when the two snapshots describe the same schema (ignores id and prevId).
inline bool SameSchema(Snapshot a, Snapshot b) {
  a.id = b.id;
  a.prev_id = b.prev_id;
  return a == b;
}

}  // namespace dp::model::sqlite
