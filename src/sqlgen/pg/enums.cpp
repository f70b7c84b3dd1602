// Enums: CREATE TYPE ... AS ENUM, DROP TYPE, ADD VALUE [BEFORE], SET SCHEMA, RENAME TO, and
// drizzle-kit's recreate dance for removed or reordered values (columns to text, drop and
// create the type, columns back with a cast, defaults re-set around it).
#include "diff/pg/js_text.h"
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

namespace {

std::string Literal(const std::string& value) {
  std::string out = "'";
  for (char c : value) {
    out += c;
    if (c == '\'') out += '\'';
  }
  return out + "'";
}

std::string CreateTypeSql(const std::string& schema, const std::string& name, const std::vector<std::string>& values) {
  std::string list;
  for (const std::string& value : values) {
    if (!list.empty()) list += ", ";
    list += Literal(value);
  }
  return "CREATE TYPE " + Qualified(schema, name) + " AS ENUM(" + list + ");";
}

}  // namespace

void Render(const dpg::CreateEnum& change, Out& out) { Emit(out, CreateTypeSql(change.schema, change.name, change.values)); }

void Render(const dpg::DropEnum& change, Out& out) { Emit(out, "DROP TYPE " + Qualified(change.schema, change.name) + ";"); }

void Render(const dpg::MoveEnum& change, Out& out) {
  Emit(out, "ALTER TYPE " + Qualified(change.from_schema, change.name) + " SET SCHEMA " + Quote(change.to_schema) + ";");
}

void Render(const dpg::RenameEnum& change, Out& out) {
  Emit(out, "ALTER TYPE " + Qualified(change.schema, change.from) + " RENAME TO " + Quote(change.to) + ";");
}

void Render(const dpg::AddEnumValue& change, Out& out) {
  std::string sql = "ALTER TYPE " + Qualified(change.schema, change.name) + " ADD VALUE " + Literal(change.value);
  if (!change.before.empty()) sql += " BEFORE " + Literal(change.before);
  Emit(out, sql + ";");
}

void Render(const dpg::RecreateEnum& change, Out& out) {
  for (const dpg::EnumColumnUse& use : change.columns) {
    std::string prefix = "ALTER TABLE " + Qualified(use.table_schema, use.table) + " ALTER COLUMN " + Quote(use.column);
    Emit(out, prefix + " SET DATA TYPE text;", Hazard::TableRewrite);
    if (use.default_value && diff::pg::JsTruthy(*use.default_value)) {
      Emit(out, prefix + " SET DEFAULT " + diff::pg::JsString(*use.default_value) + "::text;");
    }
  }
  Emit(out, "DROP TYPE " + Qualified(change.schema, change.name) + ";", Hazard::DataLoss);
  Emit(out, CreateTypeSql(change.schema, change.name, change.values));
  for (const dpg::EnumColumnUse& use : change.columns) {
    std::string prefix = "ALTER TABLE " + Qualified(use.table_schema, use.table) + " ALTER COLUMN " + Quote(use.column);
    std::string type = ParseType(Quote(change.schema) + ".", use.column_type);
    if (use.default_value && diff::pg::JsTruthy(*use.default_value)) {
      Emit(out, prefix + " SET DEFAULT " + diff::pg::JsString(*use.default_value) + "::" + type + ";");
    }
    Emit(out, prefix + " SET DATA TYPE " + type + " USING " + Quote(use.column) + "::" + type + ";",
         Hazard::TableRewrite | Hazard::DataLoss);
  }
}

}  // namespace dp::sqlgen::pg
