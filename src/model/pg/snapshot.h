// The PostgreSQL snapshot (drizzle-kit "version 7", dialect "postgresql"): the same
// fields as drizzle-kit's pgSchemaInternal zod schema, one struct per JSON object.
// Fields are snake_case renderings of the JSON keys (noted where they differ more);
// std::optional marks zod-optional keys, which drizzle-kit omits when undefined.
// Record keys follow drizzle-kit: tables "schema.name", enums/sequences/views
// "schema.name", roles and columns and constraints by name.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/common_parts.h"
#include "model/ordered_map.h"

namespace dp::model::pg {

using common::CheckConstraint;

/// `generated: { as, type }` of a column (GENERATED ALWAYS AS (...) STORED).
struct Generated {
  std::string type = "stored";  ///< always "stored" in v7
  std::string as;               ///< the SQL expression
  bool operator==(const Generated&) const = default;
};

/// The options of a sequence, shared by `sequences` entries and identity columns.
struct SequenceOptions {
  std::optional<std::string> increment;
  std::optional<std::string> min_value;   ///< "minValue"
  std::optional<std::string> max_value;   ///< "maxValue"
  std::optional<std::string> start_with;  ///< "startWith"
  std::optional<std::string> cache;
  std::optional<bool> cycle;
  bool operator==(const SequenceOptions&) const = default;
};

/// `identity`: a GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY column's sequence.
struct Identity : SequenceOptions {
  std::string type;  ///< "always" | "byDefault"
  std::string name;  ///< sequence name (default "<table>_<column>_seq")
  std::string schema;
  bool operator==(const Identity&) const = default;
};

/// A table or view column.
struct Column {
  std::string name;
  std::string type;                        ///< SQL type as drizzle writes it ("varchar(256)", "integer[]")
  std::optional<std::string> type_schema;  ///< "typeSchema": schema of an enum type
  bool primary_key = false;                ///< "primaryKey"
  bool not_null = false;                   ///< "notNull"
  /// "default": a string (SQL text, e.g. "'abc'" or "now()"), a number, a boolean, or
  /// (rarely) an object/array drizzle copied verbatim.
  std::optional<nlohmann::ordered_json> default_value;
  std::optional<bool> is_unique;           ///< "isUnique" (legacy; generate never writes it)
  std::optional<std::string> unique_name;  ///< "uniqueName" (legacy)
  std::optional<bool> nulls_not_distinct;  ///< "nullsNotDistinct" (legacy)
  std::optional<Generated> generated;
  std::optional<Identity> identity;
  bool operator==(const Column&) const = default;
};

/// One element of an index's `columns` array.
struct IndexColumn {
  std::string expression;      ///< column name, or SQL text when is_expression
  bool is_expression = false;  ///< "isExpression"
  bool asc = true;
  std::optional<std::string> nulls;    ///< "first" | "last"
  std::optional<std::string> opclass;  ///< operator class ("vector_l2_ops")
  bool operator==(const IndexColumn&) const = default;
};

struct Index {
  std::string name;
  std::vector<IndexColumn> columns;
  bool is_unique = false;  ///< "isUnique"
  /// "with": storage parameters (`{ fillfactor: 70 }`); drizzle-kit writes `{}` when none.
  std::optional<OrderedMap<nlohmann::ordered_json>> with;
  std::string method = "btree";  ///< "btree" | "hash" | "gin" | ...
  std::optional<std::string> where;
  bool concurrently = false;
  bool operator==(const Index&) const = default;
};

struct ForeignKey {
  std::string name;
  std::string table_from;                 ///< "tableFrom" (table name, no schema)
  std::vector<std::string> columns_from;  ///< "columnsFrom"
  std::string table_to;                   ///< "tableTo"
  std::optional<std::string> schema_to;   ///< "schemaTo" (absent for tables in the default schema)
  std::vector<std::string> columns_to;    ///< "columnsTo"
  std::optional<std::string> on_update;   ///< "onUpdate": "no action" | "cascade" | ...
  std::optional<std::string> on_delete;   ///< "onDelete"
  bool operator==(const ForeignKey&) const = default;
};

struct CompositePk {
  std::string name;
  std::vector<std::string> columns;
  bool operator==(const CompositePk&) const = default;
};

struct UniqueConstraint {
  std::string name;
  std::vector<std::string> columns;
  bool nulls_not_distinct = false;  ///< "nullsNotDistinct"
  bool operator==(const UniqueConstraint&) const = default;
};

/// A row-level-security policy, inside a table or (with on/schema) top level.
struct Policy {
  std::string name;
  std::optional<std::string> as;       ///< "PERMISSIVE" | "RESTRICTIVE"
  std::optional<std::string> command;  ///< JSON "for": "ALL" | "SELECT" | "INSERT" | "UPDATE" | "DELETE"
  std::optional<std::vector<std::string>> to;  ///< role names, sorted ("public" by default)
  std::optional<std::string> using_expr;       ///< JSON "using"
  std::optional<std::string> with_check;       ///< "withCheck"
  std::optional<std::string> on;               ///< top-level policies: "\"schema\".\"table\""
  std::optional<std::string> schema;           ///< top-level policies: the table's schema
  bool operator==(const Policy&) const = default;
};

struct Table {
  std::string name;
  std::string schema;  ///< "" for tables of the default (public) schema as drizzle-kit writes them
  OrderedMap<Column> columns;
  OrderedMap<Index> indexes;
  OrderedMap<ForeignKey> foreign_keys;              ///< "foreignKeys"
  OrderedMap<CompositePk> composite_primary_keys;   ///< "compositePrimaryKeys"
  OrderedMap<UniqueConstraint> unique_constraints;  ///< "uniqueConstraints"
  OrderedMap<Policy> policies;
  OrderedMap<CheckConstraint> check_constraints;  ///< "checkConstraints"
  bool is_rls_enabled = false;                    ///< "isRLSEnabled"
  bool operator==(const Table&) const = default;
};

struct Enum {
  std::string name;
  std::string schema;
  std::vector<std::string> values;
  bool operator==(const Enum&) const = default;
};

struct Sequence : SequenceOptions {
  std::string name;
  std::string schema;
  bool operator==(const Sequence&) const = default;
};

struct Role {
  std::string name;
  std::optional<bool> create_db;    ///< "createDb"
  std::optional<bool> create_role;  ///< "createRole"
  std::optional<bool> inherit;
  bool operator==(const Role&) const = default;
};

/// A view's `with` options: view options and materialized-view storage parameters.
/// drizzle-kit writes them in the order the schema gave them; `key_order` keeps that
/// order (JSON keys; set fields missing from it are written after, in declaration
/// order) and is ignored by ==.
struct ViewWith {
  std::optional<std::string> check_option;  ///< "checkOption": "local" | "cascaded"
  std::optional<bool> security_barrier;     ///< "securityBarrier"
  std::optional<bool> security_invoker;     ///< "securityInvoker"
  std::optional<double> fillfactor;
  std::optional<double> toast_tuple_target;         ///< "toastTupleTarget"
  std::optional<double> parallel_workers;           ///< "parallelWorkers"
  std::optional<bool> autovacuum_enabled;           ///< "autovacuumEnabled"
  std::optional<std::string> vacuum_index_cleanup;  ///< "vacuumIndexCleanup": "auto" | "off" | "on"
  std::optional<bool> vacuum_truncate;              ///< "vacuumTruncate"
  std::optional<double> autovacuum_vacuum_threshold;
  std::optional<double> autovacuum_vacuum_scale_factor;
  std::optional<double> autovacuum_vacuum_cost_delay;
  std::optional<double> autovacuum_vacuum_cost_limit;
  std::optional<double> autovacuum_freeze_min_age;
  std::optional<double> autovacuum_freeze_max_age;
  std::optional<double> autovacuum_freeze_table_age;
  std::optional<double> autovacuum_multixact_freeze_min_age;
  std::optional<double> autovacuum_multixact_freeze_max_age;
  std::optional<double> autovacuum_multixact_freeze_table_age;
  std::optional<double> log_autovacuum_min_duration;
  std::optional<bool> user_catalog_table;  ///< "userCatalogTable"
  std::vector<std::string> key_order;      ///< JSON keys in written order; not compared

  /// Compares the option values only (not key_order).
  bool operator==(const ViewWith& other) const;
  /// The set options as (JSON key, value) in output order (key_order first).
  nlohmann::ordered_json Entries() const;
};

struct View {
  std::string name;
  std::string schema;
  OrderedMap<Column> columns;
  std::optional<std::string> definition;  ///< SQL of the query; absent for .existing() views
  bool materialized = false;
  std::optional<ViewWith> with;
  bool is_existing = false;                 ///< "isExisting"
  std::optional<bool> with_no_data;         ///< "withNoData" (materialized)
  std::optional<std::string> using_method;  ///< JSON "using": access method (materialized)
  std::optional<std::string> tablespace;    ///< (materialized)
  bool operator==(const View&) const = default;
};

/// `_meta`: rename bookkeeping ("old" -> "new" keys); empty in generated snapshots.
struct Meta {
  OrderedMap<std::string> schemas;
  OrderedMap<std::string> tables;
  OrderedMap<std::string> columns;
  bool operator==(const Meta&) const = default;
};

/// `internal` (kitInternals) per-column facts: written by introspection only.
struct ColumnInternal {
  std::optional<bool> is_array;  ///< "isArray"
  std::optional<double> dimensions;
  std::optional<std::string> raw_type;           ///< "rawType"
  std::optional<bool> is_default_an_expression;  ///< "isDefaultAnExpression"
  bool operator==(const ColumnInternal&) const = default;
};

struct TableInternal {
  OrderedMap<ColumnInternal> columns;
  bool operator==(const TableInternal&) const = default;
};

struct KitInternals {
  OrderedMap<TableInternal> tables;
  bool operator==(const KitInternals&) const = default;
};

/// A whole PostgreSQL snapshot. JSON key order: id, prevId, version, dialect, tables,
/// enums, schemas, sequences, roles, policies, views, _meta[, internal].
struct Snapshot {
  std::optional<std::string> id;       ///< absent unless read from / written as a file
  std::optional<std::string> prev_id;  ///< "prevId"
  std::string version = "7";
  std::string dialect = "postgresql";
  OrderedMap<Table> tables;         ///< key "schema.table" ("public.users")
  OrderedMap<Enum> enums;           ///< key "schema.name"
  OrderedMap<std::string> schemas;  ///< name -> name, excluding "public"
  OrderedMap<Sequence> sequences;   ///< key "schema.name"
  OrderedMap<Role> roles;           ///< key name
  OrderedMap<Policy> policies;      ///< policies linked to tables outside the schema; key name
  OrderedMap<View> views;           ///< key "schema.name"
  Meta meta;                        ///< "_meta"
  std::optional<KitInternals> internal;
  bool operator==(const Snapshot&) const = default;
};

/// True when the two snapshots describe the same schema (ignores id and prevId).
inline bool SameSchema(Snapshot a, Snapshot b) {
  a.id = b.id;
  a.prev_id = b.prev_id;
  return a == b;
}

}  // namespace dp::model::pg
