// Columns: ADD COLUMN, DROP COLUMN, RENAME COLUMN, and AlterColumn's aspects in drizzle-kit's
// order: primary key (ADD PRIMARY KEY / DROP CONSTRAINT), type (with its enum and default
// handling), default, not null, identity (ADD / SET ... / DROP IDENTITY), generated
// expression (drop and re-add the column, or DROP EXPRESSION).
#include <algorithm>
#include <regex>

#include "diff/pg/js_text.h"
#include "diff/pg/normalize.h"
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

namespace mpg = model::pg;
using diff::pg::ColumnChange;
using diff::pg::Has;
using diff::pg::JsString;
using diff::pg::JsTruthy;

namespace {

std::string AddColumnSql(const std::string& schema, const std::string& table, const mpg::Column& column) {
  std::string sql = "ALTER TABLE " + Qualified(schema, table) + " ADD COLUMN " + Quote(column.name) + " " +
                    ParseType(TypeSchemaPrefix(column), column.type);
  if (column.primary_key) sql += " PRIMARY KEY";
  if (column.default_value) sql += " DEFAULT " + JsString(*column.default_value);
  if (column.generated) sql += " GENERATED ALWAYS AS (" + column.generated->as + ") STORED";
  if (column.not_null) sql += " NOT NULL";
  if (column.identity) sql += IdentityClause(*column.identity, schema);
  return sql + ";";
}

/// Parses "name(a, b)" modifiers; false when the type has none.
bool Modifiers(const std::string& type, std::string& base, std::vector<long>& mods) {
  static const std::regex kMods(R"(^([a-z ]+?)\s*\((\d+)(?:,\s*(\d+))?\)$)");
  std::smatch match;
  if (!std::regex_match(type, match, kMods)) return false;
  base = match[1];
  mods.push_back(std::stol(match[2]));
  if (match[3].matched) mods.push_back(std::stol(match[3]));
  return true;
}

/// True when every value of `from` fits `to` unchanged (no data can be lost).
bool IsWidening(const std::string& from, const std::string& to) {
  if (from == to) return true;
  static const std::pair<std::string_view, std::string_view> kWidening[] = {
      {"smallint", "integer"}, {"smallint", "bigint"},      {"integer", "bigint"},  {"real", "double precision"},
      {"varchar", "text"},     {"char", "text"},            {"json", "jsonb"},      {"smallint", "numeric"},
      {"integer", "numeric"},  {"bigint", "numeric"},       {"timestamp", "timestamp with time zone"},
      {"smallint", "text"},    {"integer", "text"},         {"bigint", "text"},     {"uuid", "text"},
  };
  for (const auto& [a, b] : kWidening) {
    if (from == a && to == b) return true;
  }
  std::string from_base, to_base;
  std::vector<long> from_mods, to_mods;
  bool from_has = Modifiers(from, from_base, from_mods);
  bool to_has = Modifiers(to, to_base, to_mods);
  if (from_has && (from_base == "varchar" || from_base == "char") && (to == "text" || to == "varchar")) return true;
  if (from_has && to_has && from_base == to_base && from_mods.size() == to_mods.size()) {
    if (from_base == "varchar" || from_base == "char" || from_base == "bit varying") return to_mods[0] >= from_mods[0];
    if (from_base == "numeric" && from_mods.size() == 2) {
      return to_mods[1] >= from_mods[1] && to_mods[0] - to_mods[1] >= from_mods[0] - from_mods[1];
    }
    if (from_base == "numeric") return to_mods[0] >= from_mods[0];
  }
  if (from_has && from_base == "numeric" && to == "numeric") return true;
  return false;
}

bool IsSerial(const std::string& type) { return type == "serial" || type == "bigserial" || type == "smallserial"; }

std::string SerialBase(const std::string& type) {
  if (type == "bigserial") return "bigint";
  if (type == "smallserial") return "smallint";
  return "integer";
}

bool IsTextLike(const std::string& type) {
  return type == "text" || type.rfind("varchar", 0) == 0 || type.rfind("char", 0) == 0 ||
         type.rfind("character", 0) == 0;
}

bool IsArray(const std::string& type) { return diff::pg::StripArrayDims(type).size() != type.size(); }

/// A USING clause for conversions PostgreSQL does not do by assignment (where drizzle-kit's
/// plain SET DATA TYPE fails): text to other types, boolean to and from numbers, scalars
/// to arrays.
std::string UsingClause(const std::string& from, const std::string& to, const std::string& column,
                        const std::string& type) {
  if (!IsArray(from) && IsArray(to)) return " USING ARRAY[" + Quote(column) + "]::" + type;
  if (IsArray(from) || IsArray(to)) return "";
  static constexpr std::string_view kIntegers[] = {"smallint", "integer", "bigint"};
  bool from_integer = std::find(std::begin(kIntegers), std::end(kIntegers), from) != std::end(kIntegers);
  if ((IsTextLike(from) && !IsTextLike(to)) || (from == "boolean" && !IsTextLike(to)) ||
      (to == "boolean" && from_integer)) {
    return " USING " + Quote(column) + "::" + type;
  }
  return "";
}

/// integer -> serial (drizzle-kit emits SET DATA TYPE serial, which fails): a sequence owned
/// by the column, set past the existing values, as the column's default.
void RenderToSerial(const diff::pg::AlterColumn& change, const std::string& prefix, Out& out) {
  const std::string base = SerialBase(change.to.type);
  const std::string sequence = Qualified(change.schema, change.table + "_" + change.to.name + "_seq");
  const std::string table = Qualified(change.schema, change.table);
  Emit(out, "CREATE SEQUENCE IF NOT EXISTS " + sequence + " AS " + base + ";");
  if (change.from.type != base) {
    Emit(out, prefix + " SET DATA TYPE " + base + UsingClause(change.from.type, base, change.to.name, base) + ";",
         Hazard::TableRewrite);
  }
  Emit(out, prefix + " SET DEFAULT nextval('" + sequence + "');");
  Emit(out, "ALTER SEQUENCE " + sequence + " OWNED BY " + table + "." + Quote(change.to.name) + ";");
  Emit(out, "SELECT setval('" + sequence + "', coalesce(max(" + Quote(change.to.name) + "), 0) + 1, false) FROM " +
                table + ";");
}

void RenderType(const diff::pg::AlterColumn& change, const std::string& prefix, Out& out) {
  const mpg::Column& to = change.to;
  std::string schema_prefix = to.type_schema ? Quote(*to.type_schema) + "." : "";
  std::string type = ParseType(schema_prefix, to.type);
  Hazard hazard = Hazard::TableRewrite;
  if (!IsWidening(change.from.type, to.type)) hazard |= Hazard::DataLoss;
  bool has_default = to.default_value && JsTruthy(*to.default_value);
  std::string default_text = to.default_value ? JsString(*to.default_value) : "";
  if (!change.to_enum) {
    if (IsSerial(to.type) && !IsSerial(change.from.type)) {
      RenderToSerial(change, prefix, out);
      return;
    }
    std::string using_clause = change.from_enum ? "" : UsingClause(change.from.type, to.type, to.name, type);
    Emit(out, prefix + " SET DATA TYPE " + type + using_clause + ";", hazard);
    if (has_default) Emit(out, prefix + " SET DEFAULT " + default_text + ";");
    // serial -> integer: drop the sequence default (drizzle-kit keeps it, and the column
    // still introspects as serial).
    if (IsSerial(change.from.type) && !IsSerial(to.type) && !to.default_value) Emit(out, prefix + " DROP DEFAULT;");
    return;
  }
  if (!change.from_enum) {
    if (has_default) Emit(out, prefix + " SET DEFAULT " + default_text + "::" + type + ";");
    Emit(out, prefix + " SET DATA TYPE " + type + " USING " + Quote(to.name) + "::" + type + ";", hazard);
    return;
  }
  std::string alter = prefix + " SET DATA TYPE " + type + " USING " + Quote(to.name) + "::text::" + type + ";";
  if (change.from.type != to.type && has_default) {
    Emit(out, prefix + " DROP DEFAULT;");
    Emit(out, alter, hazard);
    Emit(out, prefix + " SET DEFAULT " + default_text + ";");
  } else {
    Emit(out, alter, hazard);
  }
}

void RenderIdentity(const diff::pg::AlterColumn& change, const std::string& table, const std::string& prefix,
                    Out& out) {
  const auto& from = change.from.identity;
  const auto& to = change.to.identity;
  if (!from && to) {
    Emit(out, prefix + " ADD" + IdentityClause(*to, change.schema) + ";");
    return;
  }
  if (from && !to) {
    Emit(out, prefix + " DROP IDENTITY;");
    return;
  }
  (void)table;
  if (from->type != to->type) {
    Emit(out, prefix + " SET GENERATED " + (to->type == "always" ? "ALWAYS" : "BY DEFAULT") + ";");
  }
  auto option = [&](const std::optional<std::string>& a, const std::optional<std::string>& b, std::string_view set,
                    std::string_view unset) {
    if (a == b) return;
    Emit(out, prefix + (b ? std::string(set) + " " + *b : std::string(unset)) + ";");
  };
  option(from->min_value, to->min_value, " SET MINVALUE", " SET NO MINVALUE");
  option(from->max_value, to->max_value, " SET MAXVALUE", " SET NO MAXVALUE");
  option(from->increment, to->increment, " SET INCREMENT BY", " SET INCREMENT BY 1");
  option(from->start_with, to->start_with, " SET START WITH", " SET START WITH 1");
  option(from->cache, to->cache, " SET CACHE", " SET CACHE 1");
  if (from->cycle.value_or(false) != to->cycle.value_or(false)) {
    Emit(out, prefix + (to->cycle.value_or(false) ? " SET CYCLE;" : " SET NO CYCLE;"));
  }
}

}  // namespace

void Render(const dpg::AddColumn& change, Out& out) { Emit(out, AddColumnSql(change.schema, change.table, change.column)); }

void Render(const dpg::DropColumn& change, Out& out) {
  Emit(out, "ALTER TABLE " + Qualified(change.schema, change.table) + " DROP COLUMN " + Quote(change.column) + ";",
       Hazard::DataLoss);
}

void Render(const dpg::RenameColumn& change, Out& out) {
  Emit(out, "ALTER TABLE " + Qualified(change.schema, change.table) + " RENAME COLUMN " + Quote(change.from) + " TO " +
                Quote(change.to) + ";");
}

void Render(const dpg::AlterColumn& change, Out& out) {
  const std::string table = Qualified(change.schema, change.table);
  const std::string prefix = "ALTER TABLE " + table + " ALTER COLUMN " + Quote(change.to.name);
  const mpg::Column& to = change.to;
  if (Has(change.changes, ColumnChange::PrimaryKey)) {
    if (to.primary_key) {
      Emit(out, "ALTER TABLE " + table + " ADD PRIMARY KEY (" + Quote(to.name) + ");", Hazard::Lock);
    } else {
      Emit(out, "ALTER TABLE " + table + " DROP CONSTRAINT " + Quote(change.pk_constraint) + ";");
    }
  }
  if (Has(change.changes, ColumnChange::Type)) RenderType(change, prefix, out);
  if (Has(change.changes, ColumnChange::Default)) {
    if (to.default_value) {
      Emit(out, prefix + " SET DEFAULT " + JsString(*to.default_value) + ";");
    } else {
      Emit(out, prefix + " DROP DEFAULT;");
    }
  }
  // An identity column cannot lose NOT NULL: DROP IDENTITY goes first then (ADD ... AS
  // IDENTITY needs NOT NULL, so it stays after SET NOT NULL).
  const bool identity_first = Has(change.changes, ColumnChange::Identity) && change.from.identity && !to.identity;
  if (identity_first) RenderIdentity(change, table, prefix, out);
  if (Has(change.changes, ColumnChange::NotNull)) {
    if (to.not_null) {
      Emit(out, prefix + " SET NOT NULL;", Hazard::Lock);
    } else {
      Emit(out, prefix + " DROP NOT NULL;");
    }
  }
  if (Has(change.changes, ColumnChange::Identity) && !identity_first) RenderIdentity(change, table, prefix, out);
  if (Has(change.changes, ColumnChange::Generated)) {
    if (to.generated) {
      // drizzle-kit re-creates the column: its data is lost.
      mpg::Column column;
      column.name = to.name;
      column.type = to.type;
      column.not_null = to.not_null;
      column.default_value = to.default_value;
      column.primary_key = to.primary_key;
      column.generated = to.generated;
      Emit(out, "ALTER TABLE " + table + " drop column " + Quote(to.name) + ";", Hazard::DataLoss);
      Emit(out, AddColumnSql(change.schema, change.table, column));
    } else {
      Emit(out, prefix + " DROP EXPRESSION;");
    }
  }
}

}  // namespace dp::sqlgen::pg
