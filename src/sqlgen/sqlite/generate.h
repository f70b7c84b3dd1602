// SQLite SQL generation: renders each typed change of a diff::sqlite::Plan as the exact
// statement text drizzle-kit 0.31.11's push executes for it (its SQLite convertors in
// sqlgenerator.ts and the push-specific rewriting in sqlitePushUtils.ts), with hazards.
#pragma once

#include <string>
#include <vector>

#include "diff/sqlite/plan.h"
#include "sqlgen/statement.h"

namespace dp::sqlgen::sqlite {

/// The statements of the whole plan, in order. No failure path: the visit over Change is
/// exhaustive.
std::vector<Statement> Generate(const diff::sqlite::Plan& plan);

/// The statements of one change.
std::vector<Statement> GenerateChange(const diff::sqlite::Change& change);

/// CREATE TABLE text as SQLiteCreateTableConvertor writes it, under `name` (the table's own
/// name or `__new_<name>` for a recreation); ends in ");\n" like drizzle-kit's.
std::string CreateTableSql(const model::sqlite::Table& table, const std::string& name,
                           const std::vector<std::string>& checks);

/// A column default as JavaScript's `${value}` prints it (numbers JS-formatted).
std::string DefaultSql(const nlohmann::ordered_json& value);

}  // namespace dp::sqlgen::sqlite
