// Text helpers shared by the PostgreSQL renderers: identifier quoting, qualified names as
// drizzle-kit writes them, its parseType rule for column types, the identity clause, and
// the statement sink.
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "model/pg/snapshot.h"
#include "sqlgen/statement.h"

namespace dp::sqlgen::pg {

/// Where renderers put statements.
using Out = std::vector<sqlgen::Statement>;

/// Appends a statement, its text exactly as drizzle-kit writes it (a few of its convertors
/// end the text with a newline: CREATE TABLE, the schema statements, SET SCHEMA of a
/// table, DROP of a foreign key).
void Emit(Out& out, std::string sql, Hazard hazards = Hazard::None, bool outside_transaction = false);

/// "name" (embedded quotes doubled).
std::string Quote(std::string_view name);

/// "schema"."name", or "name" when schema is empty (drizzle-kit's `schema ? ... : ...`).
std::string Qualified(std::string_view schema, std::string_view name);

/// drizzle-kit's parseType: native types (by prefix) as written, other types quoted with
/// `schema_prefix` (e.g. "\"public\".") and their array dimensions kept.
std::string ParseType(std::string_view schema_prefix, std::string_view type);

/// The prefix for a column's type: "\"schema\"." for a non-public typeSchema, else "".
std::string TypeSchemaPrefix(const model::pg::Column& column);

/// " GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY (sequence name ... options)".
std::string IdentityClause(const model::pg::Identity& identity, std::string_view table_schema);

/// drizzle-kit's String.prototype.snake_case (for view option keys): "checkOption" ->
/// "check_option".
std::string SnakeCase(std::string_view key);

/// A role in a policy's TO list: current_user / current_role / session_user / public as
/// is, other names quoted.
std::string PolicyRole(const std::string& role);

}  // namespace dp::sqlgen::pg
