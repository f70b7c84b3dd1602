// SQLite table and column text: CREATE TABLE (SQLiteCreateTableConvertor), ALTER TABLE ADD
// (SQLiteAlterTableAddColumnConvertor), CREATE INDEX (CreateSqliteIndexConvertor).
#include "sqlgen/sqlite/table_sql.h"

#include <fmt/format.h>

#include <cctype>

#include "model/json_text.h"
#include "sqlgen/sqlite/generate.h"

namespace dp::sqlgen::sqlite {

namespace {

std::string BacktickList(const std::vector<std::string>& names, const char* separator) {
  std::string out;
  for (size_t name_idx = 0; name_idx < names.size(); ++name_idx) {
    if (name_idx > 0) out += separator;
    out += "`" + names[name_idx] + "`";
  }
  return out;
}

std::string GeneratedSql(const model::sqlite::Column& column) {
  if (!column.generated) return "";
  std::string type = column.generated->type;
  for (char& c : type) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return fmt::format(" GENERATED ALWAYS AS {} {}", column.generated->as, type);
}

std::string DefaultClause(const model::sqlite::Column& column) {
  return column.default_value ? " DEFAULT " + DefaultSql(*column.default_value) : "";
}

}  // namespace

std::string DefaultSql(const nlohmann::ordered_json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return value.get<bool>() ? "true" : "false";
  if (value.is_number()) return model::JsNumberToString(value.get<double>());
  if (value.is_null()) return "null";
  return model::JsStringify(value);
}

std::string CreateTableSql(const model::sqlite::Table& table, const std::string& name,
                           const std::vector<std::string>& checks) {
  std::string sql = "CREATE TABLE `" + name + "` (\n";
  size_t column_idx = 0;
  for (const auto& [column_name, column] : table.columns) {
    sql +=
        fmt::format("\t`{}` {}{}{}{}{}{}", column.name, column.type, column.primary_key ? " PRIMARY KEY" : "",
                    column.autoincrement.value_or(false) ? " AUTOINCREMENT" : "", DefaultClause(column),
                    GeneratedSql(column), column.not_null ? " NOT NULL" : "");
    if (++column_idx < table.columns.size()) sql += ",\n";
  }
  for (const auto& [pk_name, pk] : table.composite_primary_keys) {
    sql += ",\n\tPRIMARY KEY(" + BacktickList(pk.columns, ", ") + ")";
  }
  for (const auto& [fk_name, fk] : table.foreign_keys) {
    sql += fmt::format(",\n\tFOREIGN KEY ({}) REFERENCES `{}`({}){}{}", BacktickList(fk.columns_from, ","),
                       fk.table_to, BacktickList(fk.columns_to, ","),
                       fk.on_update && !fk.on_update->empty() ? " ON UPDATE " + *fk.on_update : "",
                       fk.on_delete && !fk.on_delete->empty() ? " ON DELETE " + *fk.on_delete : "");
  }
  for (const auto& [unique_name, unique] : table.unique_constraints) {
    sql += ",\n\tCONSTRAINT " + unique.name + " UNIQUE(" + BacktickList(unique.columns, ",") + ")";
  }
  for (const std::string& check : checks) sql += ",\n" + check;
  sql += "\n);\n";
  return sql;
}

std::vector<std::string> CheckClauses(const model::sqlite::Table& table, const std::string& rename_from,
                                      const std::string& rename_to) {
  std::vector<std::string> clauses;
  for (const auto& [check_name, check] : table.check_constraints) {
    std::string value = check.value;
    if (!rename_from.empty()) {
      // drizzle-kit's _moveDataStatements rewrites table-qualified references, in this order.
      value = ReplaceAll(value, "\"" + rename_from + "\".", "\"" + rename_to + "\".");
      value = ReplaceAll(value, "`" + rename_from + "`.", "`" + rename_to + "`.");
      value = ReplaceAll(value, rename_from + ".", rename_to + ".");
      value = ReplaceAll(value, "'" + rename_from + "'.", "`" + rename_to + "`.");
    }
    clauses.push_back(fmt::format("\tCONSTRAINT \"{}\" CHECK({})", check.name, value));
  }
  return clauses;
}

std::string AddColumnSql(const std::string& table, const model::sqlite::Column& column,
                         const std::optional<model::sqlite::ForeignKey>& reference) {
  std::string reference_sql;
  if (reference) {
    reference_sql =
        fmt::format(" REFERENCES `{}`({})", reference->table_to, BacktickList(reference->columns_to, ","));
    std::string on_update = reference->on_update.value_or("no action");
    std::string on_delete = reference->on_delete.value_or("no action");
    if (!on_update.empty() && on_update != "no action") reference_sql += " ON UPDATE " + on_update;
    if (!on_delete.empty() && on_delete != "no action") reference_sql += " ON DELETE " + on_delete;
  }
  return fmt::format("ALTER TABLE `{}` ADD `{}` {}{}{}{}{}{};", table, column.name, column.type,
                     column.primary_key ? " PRIMARY KEY" : "", DefaultClause(column), GeneratedSql(column),
                     column.not_null ? " NOT NULL" : "", reference_sql);
}

std::string CreateIndexSql(const std::string& table, const model::sqlite::Index& index,
                           const std::vector<bool>& expressions) {
  std::string columns;
  for (size_t column_idx = 0; column_idx < index.columns.size(); ++column_idx) {
    if (column_idx > 0) columns += ",";
    bool expression = column_idx < expressions.size() && expressions[column_idx];
    columns += expression ? index.columns[column_idx] : "`" + index.columns[column_idx] + "`";
  }
  std::string where = index.where && !index.where->empty() ? " WHERE " + *index.where : "";
  return fmt::format("CREATE {} `{}` ON `{}` ({}){};", index.is_unique ? "UNIQUE INDEX" : "INDEX", index.name,
                     table, columns, where);
}

std::string ReplaceAll(std::string text, const std::string& from, const std::string& to) {
  if (from.empty()) return text;
  size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

}  // namespace dp::sqlgen::sqlite
