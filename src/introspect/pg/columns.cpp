// Columns of tables and views from kColumnsQuery, as drizzle-kit's fromDatabase builds
// them: the type spelled drizzle's way, enum types with their schema, serial detection
// (an integer column whose default is nextval of the sequence it owns), defaults
// (defaults.h), identity and generated columns.
#include <algorithm>

#include "introspect/pg/builders.h"
#include "introspect/pg/defaults.h"

namespace dp::introspect::pg {

namespace mpg = model::pg;

namespace {

std::string ReplaceFirst(std::string text, std::string_view from, std::string_view to) {
  size_t pos = text.find(from);
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

std::string TrimChar(std::string text, char c) {
  size_t start = 0;
  size_t end = text.size();
  while (start < end && text[start] == c) ++start;
  while (end > start && text[end - 1] == c) --end;
  return text.substr(start, end - start);
}

std::string Brackets(long long count) {
  std::string out;
  for (long long idx = 0; idx < count; ++idx) out += "[]";
  return out;
}

/// drizzle-kit's data_type: serial / bigserial / smallserial for an integer column whose
/// default is nextval of its own sequence, format_type otherwise.
std::string DataType(const Rows::Row& row) {
  const std::string& type_name = row.Text("type_name");
  const std::string& formatted = row.Text("formatted_type");
  if (row.IsNull("seq_regclass") || row.IsNull("default_expr")) return formatted;
  std::string serial;
  if (type_name == "int4") serial = "serial";
  if (type_name == "int8") serial = "bigserial";
  if (type_name == "int2") serial = "smallserial";
  if (serial.empty()) return formatted;
  if (row.Text("default_expr") != "nextval('" + row.Text("seq_regclass") + "'::regclass)") return formatted;
  return serial;
}

/// The column type as drizzle-kit writes it for an introspected column.
std::string ColumnType(const Rows::Row& row, const std::string& data_type,
                       std::optional<std::string>& type_schema) {
  const std::string& category = row.Text("category");
  const long long dims = row.Int("dims");
  if (row.Bool("is_enum")) {
    type_schema = row.Text("type_schema");
    return row.Text("type_name");
  }
  if (category == "ARRAY" && row.Bool("element_is_enum")) {
    // drizzle-kit keeps format_type here ("app.\"Mood\"[]") and no typeSchema; the
    // element's plain name and its schema are what drizzle writes.
    type_schema = row.Text("element_schema");
    return row.Text("element_name") + Brackets(std::max(dims, 1LL));
  }
  std::string mapped = data_type;
  if (mapped.rfind("numeric(", 0) == 0) mapped = ReplaceFirst(mapped, ",", ", ");
  if (category == "ARRAY") mapped += Brackets(dims - 1);
  mapped = ReplaceFirst(mapped, "character varying", "varchar");
  mapped = ReplaceFirst(mapped, " without time zone", "");
  mapped = ReplaceFirst(mapped, "character", "char");
  mapped = TrimChar(mapped, '"');
  if (category == "USER-DEFINED") {
    static constexpr std::string_view kExtensionTypes[] = {"vector", "geometry", "halfvec", "sparsevec",
                                                           "bit"};
    const std::string& udt = row.Text("udt_name");
    if (std::find(std::begin(kExtensionTypes), std::end(kExtensionTypes), udt) == std::end(kExtensionTypes))
      return udt;
  }
  return mapped;
}

mpg::Identity ReadIdentity(const Rows::Row& row) {
  mpg::Identity identity;
  identity.type = row.Text("identity") == "a" ? "always" : "byDefault";
  identity.name = row.Text("seq_name");
  identity.increment = row.Opt("seq_increment");
  identity.min_value = row.Opt("seq_min");
  identity.max_value = row.Opt("seq_max");
  identity.start_with = row.Opt("seq_start");
  identity.cache = row.Opt("seq_cache");
  identity.cycle = row.Bool("seq_cycle");
  return identity;
}

}  // namespace

const std::string* AttributeNames::Find(long long relid, long long attnum) const {
  auto relation = by_relid_.find(relid);
  if (relation == by_relid_.end()) return nullptr;
  for (const auto& [number, name] : relation->second) {
    if (number == attnum) return &name;
  }
  return nullptr;
}

base::Result<std::vector<std::string>> AttributeNames::Names(long long relid,
                                                             const std::vector<long long>& attnums) const {
  std::vector<std::string> names;
  names.reserve(attnums.size());
  for (long long attnum : attnums) {
    const std::string* name = Find(relid, attnum);
    if (name == nullptr) {
      return base::Fail("column {} of relation {} appeared while the catalog was read; run push again", attnum,
                        relid);
    }
    names.push_back(*name);
  }
  return names;
}

std::map<long long, std::vector<mpg::Column>> ReadColumns(const Rows& rows, AttributeNames& names) {
  std::map<long long, std::vector<mpg::Column>> columns;
  for (Rows::Row row : rows) {
    mpg::Column column;
    column.name = row.Text("name");
    names.Add(row.Int("relid"), row.Int("attnum"), column.name);
    const std::string data_type = DataType(row);
    column.type = ColumnType(row, data_type, column.type_schema);
    column.not_null = row.Bool("not_null");
    if (!row.IsNull("generated_expr"))
      column.generated = mpg::Generated{"stored", row.Text("generated_expr")};
    const std::string& identity = row.Text("identity");
    if (identity == "a" || identity == "d") column.identity = ReadIdentity(row);
    const bool serial = data_type == "serial" || data_type == "bigserial" || data_type == "smallserial";
    if (!serial && !row.IsNull("default_expr")) {
      column.default_value =
          ReadColumnDefault({row.Text("default_expr"), data_type, row.Text("category") == "ARRAY"});
    }
    columns[row.Int("relid")].push_back(std::move(column));
  }
  return columns;
}

}  // namespace dp::introspect::pg
