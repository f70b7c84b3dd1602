// Tables: CREATE TABLE (columns, composite primary key, unique and check constraints, then
// ENABLE ROW LEVEL SECURITY when it has policies or RLS on), DROP TABLE ... CASCADE after
// its policies, RENAME TO, SET SCHEMA, ENABLE / DISABLE ROW LEVEL SECURITY.
#include "diff/pg/js_text.h"
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

namespace mpg = model::pg;

namespace {

std::string ColumnList(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& column : columns) {
    if (!out.empty()) out += ',';
    out += Quote(column);
  }
  return out;
}

std::string ColumnDefinition(const mpg::Column& column, const std::string& table_schema) {
  std::string out = Quote(column.name) + " " + ParseType(TypeSchemaPrefix(column), column.type);
  if (column.primary_key) out += " PRIMARY KEY";
  if (column.default_value) out += " DEFAULT " + diff::pg::JsString(*column.default_value);
  if (column.generated) out += " GENERATED ALWAYS AS (" + column.generated->as + ") STORED";
  if (column.not_null && !column.identity) out += " NOT NULL";
  if (column.is_unique.value_or(false)) {
    out += " CONSTRAINT " + Quote(column.unique_name.value_or("")) + " UNIQUE";
    if (column.nulls_not_distinct.value_or(false)) out += " NULLS NOT DISTINCT";
  }
  if (column.identity) out += IdentityClause(*column.identity, table_schema);
  return out;
}

}  // namespace

std::string EnableRlsSql(const std::string& schema, const std::string& table) {
  return "ALTER TABLE " + Qualified(schema, table) + " ENABLE ROW LEVEL SECURITY;";
}

void Render(const dpg::CreateTable& change, Out& out) {
  const mpg::Table& table = change.table;
  std::string sql = "CREATE TABLE " + Qualified(table.schema, table.name) + " (\n";
  bool first = true;
  for (const auto& [name, column] : table.columns) {
    if (!first) sql += ",\n";
    first = false;
    sql += "\t" + ColumnDefinition(column, table.schema);
  }
  if (!table.composite_primary_keys.empty()) {
    const mpg::CompositePk& pk = table.composite_primary_keys.begin()->second;
    sql += ",\n\tCONSTRAINT " + Quote(pk.name) + " PRIMARY KEY(" + ColumnList(pk.columns) + ")";
  }
  for (const auto& [name, unique] : table.unique_constraints) {
    sql += ",\n\tCONSTRAINT " + Quote(unique.name) + " UNIQUE";
    if (unique.nulls_not_distinct) sql += " NULLS NOT DISTINCT";
    sql += "(" + ColumnList(unique.columns) + ")";
  }
  for (const auto& [name, check] : table.check_constraints) {
    sql += ",\n\tCONSTRAINT " + Quote(check.name) + " CHECK (" + check.value + ")";
  }
  sql += "\n);\n";
  Emit(out, sql);
  if (!table.policies.empty() || table.is_rls_enabled) Emit(out, EnableRlsSql(table.schema, table.name));
}

void Render(const dpg::DropTable& change, Out& out) {
  for (const std::string& policy : change.policies) {
    Emit(out, "DROP POLICY " + Quote(policy) + " ON " + Qualified(change.schema, change.name) + " CASCADE;");
  }
  Emit(out, "DROP TABLE " + Qualified(change.schema, change.name) + " CASCADE;", Hazard::DataLoss);
}

void Render(const dpg::RenameTable& change, Out& out) {
  Emit(out, "ALTER TABLE " + Qualified(change.schema, change.from) + " RENAME TO " + Quote(change.to) + ";");
}

void Render(const dpg::MoveTable& change, Out& out) {
  Emit(out, "ALTER TABLE " + Quote(change.from_schema) + "." + Quote(change.name) + " SET SCHEMA " +
                Quote(change.to_schema) + ";\n");
}

void Render(const dpg::EnableRls& change, Out& out) { Emit(out, EnableRlsSql(change.schema, change.table)); }

void Render(const dpg::DisableRls& change, Out& out) {
  Emit(out, "ALTER TABLE " + Qualified(change.schema, change.table) + " DISABLE ROW LEVEL SECURITY;");
}

}  // namespace dp::sqlgen::pg
