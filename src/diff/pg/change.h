// The typed changes a PostgreSQL diff produces: one struct per kind of DDL step, closed in
// the `Change` variant so sqlgen's std::visit must render every kind. The kinds follow
// drizzle-kit's PostgreSQL JSON statements (jsonStatements.ts); each change carries
// everything its SQL needs, so sqlgen never looks at a snapshot.
//
// Naming: a table's `schema` is "" for the default schema (as drizzle-kit's snapshots
// write tables); enums, sequences and views always carry their schema ("public").
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "model/pg/snapshot.h"

namespace dp::diff::pg {

// ---- schemas ----
struct CreateSchema {
  std::string name;
};
struct RenameSchema {
  std::string from, to;
};
struct DropSchema {
  std::string name;
};

// ---- enums ----
struct CreateEnum {
  std::string schema, name;
  std::vector<std::string> values;
};
struct DropEnum {
  std::string schema, name;
};
/// ALTER TYPE ... SET SCHEMA (runs before a rename of the same enum).
struct MoveEnum {
  std::string name, from_schema, to_schema;
};
/// ALTER TYPE "schema"."from" RENAME TO "to" (schema: the enum's schema after any move).
struct RenameEnum {
  std::string schema, from, to;
};
/// ALTER TYPE ... ADD VALUE 'value' [BEFORE 'before'] (before "" = at the end).
struct AddEnumValue {
  std::string schema, name, value, before;
};
/// A column typed with an enum that RecreateEnum rebuilds.
struct EnumColumnUse {
  std::string table_schema, table, column;
  std::string column_type;  ///< the desired column type ("mood", "mood[]")
  std::optional<nlohmann::ordered_json> default_value;
};
/// drizzle-kit's "drop value" dance for removed or reordered values: every column using the
/// enum becomes text, the type is dropped and created with `values`, the columns cast back.
struct RecreateEnum {
  std::string schema, name;
  std::vector<std::string> removed_values;
  std::vector<std::string> values;  ///< the desired values
  std::vector<EnumColumnUse> columns;
};

// ---- sequences ----
struct CreateSequence {
  model::pg::Sequence sequence;
};
struct DropSequence {
  std::string schema, name;
};
struct MoveSequence {
  std::string name, from_schema, to_schema;
};
struct RenameSequence {
  std::string schema, from, to;
};
/// ALTER SEQUENCE with the desired options.
struct AlterSequence {
  model::pg::Sequence sequence;
};

// ---- roles ----
struct CreateRole {
  model::pg::Role role;
};
struct DropRole {
  std::string name;
};
struct RenameRole {
  std::string from, to;
};
struct AlterRole {
  model::pg::Role role;
};

// ---- tables ----
/// CREATE TABLE with columns, composite primary key, unique and check constraints, and
/// ENABLE ROW LEVEL SECURITY when the table has policies or RLS on. Indexes, foreign keys
/// and policies of a new table are separate changes.
struct CreateTable {
  model::pg::Table table;
  /// Write USING / WITH CHECK in the policies' CREATE POLICY (drizzle-kit push omits them).
  bool policy_expressions = true;
};
/// DROP TABLE ... CASCADE, after dropping the table's policies.
struct DropTable {
  std::string schema, name;
  std::vector<std::string> policies;
};
/// ALTER TABLE "schema"."from" RENAME TO "to" (schema: after any move).
struct RenameTable {
  std::string schema, from, to;
};
/// ALTER TABLE "from"."name" SET SCHEMA "to" (both "public" for the default schema).
struct MoveTable {
  std::string name, from_schema, to_schema;
};
struct EnableRls {
  std::string schema, table;
};
struct DisableRls {
  std::string schema, table;
};

// ---- columns ----
struct AddColumn {
  std::string schema, table;
  model::pg::Column column;
};
struct DropColumn {
  std::string schema, table, column;
};
struct RenameColumn {
  std::string schema, table, from, to;
};

/// What an AlterColumn changes (a bit set).
enum class ColumnChange : uint8_t {
  None = 0,
  Type = 1 << 0,
  Default = 1 << 1,
  NotNull = 1 << 2,
  Identity = 1 << 3,
  Generated = 1 << 4,
  PrimaryKey = 1 << 5,
};
inline ColumnChange operator|(ColumnChange a, ColumnChange b) {
  return static_cast<ColumnChange>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b));
}
inline ColumnChange operator&(ColumnChange a, ColumnChange b) {
  return static_cast<ColumnChange>(static_cast<uint8_t>(a) & static_cast<uint8_t>(b));
}
inline ColumnChange& operator|=(ColumnChange& a, ColumnChange b) { return a = a | b; }
inline bool Has(ColumnChange set, ColumnChange bit) { return (set & bit) != ColumnChange::None; }
inline ColumnChange Without(ColumnChange set, ColumnChange bit) {
  return static_cast<ColumnChange>(static_cast<uint8_t>(set) & ~static_cast<uint8_t>(bit));
}

/// One column's alteration: `from` (current) and `to` (desired) hold the whole column, the
/// mask says which aspects to change. Rendering order per aspect follows drizzle-kit:
/// type, default, not null, identity, generated; primary key changes come as their own
/// AlterColumn (mask PrimaryKey only) before the table's other column changes.
struct AlterColumn {
  std::string schema, table;
  model::pg::Column from, to;
  ColumnChange changes = ColumnChange::None;
  bool from_enum = false;  ///< the current type is an enum
  bool to_enum = false;    ///< the desired type is an enum
  /// The constraint a primary-key drop removes (the introspected name when known,
  /// PostgreSQL's default "<table>_pkey" otherwise).
  std::string pk_constraint;
};

// ---- indexes and constraints ----
struct CreateIndex {
  std::string schema, table;
  model::pg::Index index;
  bool new_table = false;  ///< the table is created by the same plan (no lock hazard)
};
struct DropIndex {
  std::string schema, table, name;
};
struct CreateForeignKey {
  std::string schema, table;  ///< the referencing table
  model::pg::ForeignKey fk;
  bool new_table = false;  ///< the table is created by the same plan (nothing to validate)
};
struct DropForeignKey {
  std::string schema, table, name;
};
struct CreatePrimaryKey {
  std::string schema, table;
  model::pg::CompositePk pk;
};
struct DropPrimaryKey {
  std::string schema, table, name;
};
/// A named composite primary key whose columns changed: drop then add.
struct AlterPrimaryKey {
  std::string schema, table;
  model::pg::CompositePk from, to;
};
struct CreateUnique {
  std::string schema, table;
  model::pg::UniqueConstraint unique;
};
struct DropUnique {
  std::string schema, table, name;
};
struct CreateCheck {
  std::string schema, table;
  model::pg::CheckConstraint check;
};
struct DropCheck {
  std::string schema, table, name;
};

// ---- policies ----
/// The table a policy is on: a table of the snapshot, or (top-level policies linked to a
/// table outside the schema) drizzle-kit's literal `on` text ("\"schema\".\"table\"").
struct PolicyTarget {
  std::string schema, table;
  std::optional<std::string> on;
};
struct CreatePolicy {
  PolicyTarget target;
  model::pg::Policy policy;
  bool expressions = true;  ///< write USING / WITH CHECK (drizzle-kit push omits them)
};
struct DropPolicy {
  PolicyTarget target;
  std::string name;
};
struct RenamePolicy {
  PolicyTarget target;
  std::string from, to;
};
enum class PolicyChange : uint8_t {
  None = 0,
  To = 1 << 0,
  Using = 1 << 1,
  WithCheck = 1 << 2,
};
inline PolicyChange operator|(PolicyChange a, PolicyChange b) {
  return static_cast<PolicyChange>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b));
}
inline PolicyChange& operator|=(PolicyChange& a, PolicyChange b) { return a = a | b; }
inline bool Has(PolicyChange set, PolicyChange bit) {
  return (static_cast<uint8_t>(set) & static_cast<uint8_t>(bit)) != 0;
}
/// ALTER POLICY ... TO roles [USING (...)] [WITH CHECK (...)].
struct AlterPolicy {
  PolicyTarget target;
  model::pg::Policy from, to;
  PolicyChange changes = PolicyChange::None;
};

// ---- views ----
struct CreateView {
  model::pg::View view;
};
struct DropView {
  std::string schema, name;
  bool materialized = false;
};
/// ALTER [MATERIALIZED] VIEW "schema"."from" RENAME TO "to" (schema: before any move).
struct RenameView {
  std::string schema, from, to;
  bool materialized = false;
};
/// ALTER [MATERIALIZED] VIEW "from"."name" SET SCHEMA "to" (name: after any rename).
struct MoveView {
  std::string name, from_schema, to_schema;
  bool materialized = false;
};
/// ALTER [MATERIALIZED] VIEW ... SET (option = value, ...); keys are snapshot (camelCase) keys.
struct SetViewOptions {
  std::string schema, name;
  bool materialized = false;
  nlohmann::ordered_json options;  ///< object: camelCase key -> value
};
/// ALTER [MATERIALIZED] VIEW ... RESET (option, ...).
struct ResetViewOptions {
  std::string schema, name;
  bool materialized = false;
  std::vector<std::string> options;  ///< camelCase keys
};
struct SetViewTablespace {
  std::string schema, name, tablespace;
};
struct SetViewAccessMethod {
  std::string schema, name, method;
};

/// Every change kind; sqlgen's visit over it is exhaustive.
using Change = std::variant<
    CreateSchema, RenameSchema, DropSchema,
    CreateEnum, DropEnum, MoveEnum, RenameEnum, AddEnumValue, RecreateEnum,
    CreateSequence, DropSequence, MoveSequence, RenameSequence, AlterSequence,
    CreateRole, DropRole, RenameRole, AlterRole,
    CreateTable, DropTable, RenameTable, MoveTable, EnableRls, DisableRls,
    AddColumn, DropColumn, RenameColumn, AlterColumn,
    CreateIndex, DropIndex, CreateForeignKey, DropForeignKey,
    CreatePrimaryKey, DropPrimaryKey, AlterPrimaryKey,
    CreateUnique, DropUnique, CreateCheck, DropCheck,
    CreatePolicy, DropPolicy, RenamePolicy, AlterPolicy,
    CreateView, DropView, RenameView, MoveView, SetViewOptions, ResetViewOptions,
    SetViewTablespace, SetViewAccessMethod>;

/// The diff's result: changes in the order they must run (drizzle-kit's order).
struct Plan {
  std::vector<Change> changes;
  /// Things worth telling the user that are not changes (e.g. differences drizzle-kit
  /// would ignore and this diff acted on), for --verbose.
  std::vector<std::string> notes;
};

/// A short name of the change's kind ("create_table", "alter_column", ...), for plan dumps.
const char* ChangeKindName(const Change& change);

}  // namespace dp::diff::pg
