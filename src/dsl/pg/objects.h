// pg schema-level objects besides tables and views: enums (pgEnum, schema.enum), schemas
// (pgSchema), sequences, roles and policies.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/common/host.h"

namespace dp::dsl::pg {

/// pgEnum(name, values | enumObject): a callable that makes enum column builders.
struct PgEnumHost : Host {
  PgEnumHost() : Host(HostKind::PgEnum) {}
  std::string name;
  std::vector<std::string> values;
  std::optional<std::string> schema;
  bool object_form = false;  // pgEnum(name, { A: "a" }): PgEnumObjectColumn (no typeSchema)
  bool RenderSql(SqlRenderer& renderer, ts::Object* self) override;
};

/// pgSchema(name).
struct PgSchemaHost : Host {
  PgSchemaHost() : Host(HostKind::PgSchema) {}
  std::string name;
  bool RenderSql(SqlRenderer& renderer, ts::Object* self) override;
};

/// pgSequence(name, options) / schema.sequence.
struct PgSequenceHost : Host {
  PgSequenceHost() : Host(HostKind::PgSequence) {}
  std::string name;
  ts::Value options;  // object or undefined
  std::optional<std::string> schema;
};

/// pgRole(name, { createDb, createRole, inherit }).existing().
struct PgRoleHost : Host {
  PgRoleHost() : Host(HostKind::PgRole) {}
  std::string name;
  ts::Value create_db;
  ts::Value create_role;
  ts::Value inherit;
  bool existing = false;
};

/// pgPolicy(name, { as, for, to, using, withCheck }).link(table).
struct PgPolicyHost : Host {
  PgPolicyHost() : Host(HostKind::PgPolicy) {}
  std::string name;
  ts::Value as;
  ts::Value for_;
  ts::Value to;
  ts::Value using_;
  ts::Value with_check;
  ts::Value linked_table;  // table object or undefined
};

/// The enum of a value (the callable pgEnum result), or nullptr.
PgEnumHost* AsEnum(ts::Interp& interp, ts::Value v);

/// Makes an enum callable (pgEnum / schema.enum).
ts::Value MakeEnum(ts::CallContext& call, std::optional<std::string> schema);
/// pgSequence with a schema.
ts::Value MakeSequence(ts::CallContext& call, std::optional<std::string> schema);

/// Adds pgEnum, pgSchema, pgSequence, pgRole, pgPolicy to `ns`.
void AddObjectFunctions(ts::Interp& interp, ts::Object* ns);

}  // namespace dp::dsl::pg
