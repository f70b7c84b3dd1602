// Snapshot normalization before the PostgreSQL diff (what it rewrites: normalize.h).
#include "diff/pg/normalize.h"

#include <algorithm>
#include <cctype>
#include <regex>

#include "diff/pg/js_text.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

std::string EntityKey(const std::string& schema, const std::string& name) {
  return (schema.empty() ? std::string("public") : schema) + "." + name;
}

std::string StripArrayDims(const std::string& type) {
  // Most types have no dimensions: skip the regex (it runs for every column).
  if (type.find('[') == std::string::npos) return type;
  static const std::regex kDims(R"(\[\d*(?:\[\d*\])*\])");
  return std::regex_replace(type, kDims, "");
}

namespace {

std::string ReplaceAll(std::string text, std::string_view from, std::string_view to) {
  size_t pos = 0;
  while ((pos = text.find(from, pos)) != std::string::npos) {
    text.replace(pos, from.size(), to);
    pos += to.size();
  }
  return text;
}

std::string Unquote(const std::string& name) {
  if (name.size() >= 2 && name.front() == '"' && name.back() == '"') {
    return ReplaceAll(name.substr(1, name.size() - 2), "\"\"", "\"");
  }
  return name;
}

/// Drops a leading `schema.` / `"schema".` qualifier and the quotes of the rest.
std::string StripQualifier(const std::string& name, const std::string& schema) {
  std::string rest = name;
  for (const std::string& prefix : {schema + ".", "\"" + schema + "\"."}) {
    if (!schema.empty() && rest.rfind(prefix, 0) == 0) {
      rest = rest.substr(prefix.size());
      break;
    }
  }
  // Quotes around the name part, keeping array dimensions.
  if (!rest.empty() && rest.front() == '"') {
    size_t close = rest.find('"', 1);
    while (close != std::string::npos && close + 1 < rest.size() && rest[close + 1] == '"') close = rest.find('"', close + 2);
    if (close != std::string::npos) rest = Unquote(rest.substr(0, close + 1)) + rest.substr(close + 1);
  }
  return rest;
}

std::string NormalizeType(std::string type) {
  if (type.rfind("character varying", 0) == 0) type = "varchar" + type.substr(17);
  if (type.rfind("character", 0) == 0) type = "char" + type.substr(9);
  type = ReplaceAll(type, " without time zone", "");
  if (type.rfind("numeric(", 0) == 0) {
    size_t comma = type.find(',');
    if (comma != std::string::npos && comma + 1 < type.size() && type[comma + 1] != ' ') type.insert(comma + 1, " ");
  }
  return type;
}

bool IsJsonType(const std::string& type) {
  std::string base = StripArrayDims(type);
  return base == "json" || base == "jsonb";
}

/// `'literal'::type` -> `'literal'` for text types and the column's own (enum) type.
void NormalizeDefault(mpg::Column& column) {
  if (!column.default_value || !column.default_value->is_string()) return;
  const std::string text = column.default_value->get<std::string>();
  if (text.empty() || text.front() != '\'' || IsJsonType(column.type)) return;
  // Find the end of the leading literal.
  size_t pos = 1;
  while (pos < text.size()) {
    if (text[pos] == '\'') {
      if (pos + 1 < text.size() && text[pos + 1] == '\'') {
        pos += 2;
        continue;
      }
      break;
    }
    ++pos;
  }
  if (pos >= text.size() || text.compare(pos + 1, 2, "::") != 0) return;
  std::string cast = text.substr(pos + 3);
  std::string base = Unquote(StripQualifier(cast, column.type_schema.value_or("")));
  static constexpr std::string_view kTextTypes[] = {"text", "character varying", "varchar", "bpchar", "character"};
  bool strip = std::find(std::begin(kTextTypes), std::end(kTextTypes), base) != std::end(kTextTypes);
  if (!strip && base == StripArrayDims(column.type)) strip = true;
  if (strip) column.default_value = text.substr(0, pos + 1);
}

/// Introspection leaves typeSchema out for enum arrays ("mood[]", "lookup.level[]"): find
/// the enum the type names.
void InferEnumSchema(mpg::Column& column, const mpg::Snapshot& snap) {
  if (column.type_schema) return;
  std::string base = StripArrayDims(column.type);
  size_t dot = base.find("\".");
  if (dot != std::string::npos && base.front() == '"') {
    std::string schema = Unquote(base.substr(0, dot + 1));
    if (snap.enums.contains(schema + "." + Unquote(base.substr(dot + 2)))) column.type_schema = schema;
    return;
  }
  dot = base.find('.');
  if (dot != std::string::npos) {
    std::string schema = base.substr(0, dot);
    if (snap.enums.contains(schema + "." + Unquote(base.substr(dot + 1)))) column.type_schema = schema;
    return;
  }
  if (snap.enums.contains("public." + Unquote(base))) column.type_schema = "public";
}

void NormalizeColumn(mpg::Column& column, const std::string& table_schema) {
  if (column.type_schema && column.type_schema->empty()) column.type_schema.reset();
  if (column.type_schema) column.type = StripQualifier(column.type, *column.type_schema);
  column.type = NormalizeType(column.type);
  NormalizeDefault(column);
  if (column.identity) {
    mpg::Identity& identity = *column.identity;
    size_t dot = identity.name.find('.');
    if (dot != std::string::npos && identity.name.front() != '"') {
      identity.name = identity.name.substr(dot + 1);
    } else if (identity.name.size() > 1 && identity.name.front() == '"') {
      size_t close = identity.name.find("\".");
      if (close != std::string::npos) identity.name = identity.name.substr(close + 2);
    }
    identity.name = Unquote(identity.name);
    if (identity.schema.empty()) identity.schema = table_schema.empty() ? "public" : table_schema;
    if (!identity.cycle) identity.cycle = false;
    if (!identity.cache) identity.cache = "1";
  }
}

void NormalizeIndex(mpg::Index& index, const mpg::Table& table) {
  if (!index.with) index.with.emplace();
  if (index.with) {
    for (auto& [key, value] : *index.with) {
      if (!value.is_string()) value = JsString(value);
    }
  }
  for (mpg::IndexColumn& column : index.columns) {
    if (!column.nulls) column.nulls = "last";
    if (column.is_expression) {
      std::string name = Unquote(column.expression);
      if (table.columns.contains(name) && (name == column.expression || column.expression.front() == '"')) {
        column.is_expression = false;
        column.expression = name;
      }
    }
  }
}

std::string Lower(std::string text) {
  for (char& c : text) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return text;
}
std::string Upper(std::string text) {
  for (char& c : text) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return text;
}

void NormalizeForeignKey(mpg::ForeignKey& fk) {
  fk.on_update = fk.on_update ? Lower(*fk.on_update) : std::string("no action");
  fk.on_delete = fk.on_delete ? Lower(*fk.on_delete) : std::string("no action");
  if (!fk.schema_to || fk.schema_to->empty()) fk.schema_to = "public";
}

void NormalizePolicy(mpg::Policy& policy) {
  policy.as = policy.as ? Upper(*policy.as) : std::string("PERMISSIVE");
  policy.command = policy.command ? Upper(*policy.command) : std::string("ALL");
  std::vector<std::string> to = policy.to.value_or(std::vector<std::string>{"public"});
  std::sort(to.begin(), to.end());
  to.erase(std::unique(to.begin(), to.end()), to.end());
  policy.to = std::move(to);
}

template <class T, class KeyOf>
model::OrderedMap<T> Rekey(model::OrderedMap<T>& map, KeyOf&& key_of) {
  model::OrderedMap<T> result;
  for (auto& [key, value] : map) result.insert_or_assign(key_of(value), std::move(value));
  return result;
}

}  // namespace

void Normalize(mpg::Snapshot& snapshot) {
  for (auto& [key, value] : snapshot.enums) {
    if (value.schema.empty()) value.schema = "public";
  }
  snapshot.enums = Rekey(snapshot.enums, [](const mpg::Enum& e) { return EntityKey(e.schema, e.name); });
  for (auto& [key, table] : snapshot.tables) {
    if (table.schema == "public") table.schema.clear();
    for (auto& [name, column] : table.columns) {
      InferEnumSchema(column, snapshot);
      NormalizeColumn(column, table.schema);
    }
    for (auto& [name, index] : table.indexes) NormalizeIndex(index, table);
    for (auto& [name, fk] : table.foreign_keys) NormalizeForeignKey(fk);
    for (auto& [name, policy] : table.policies) NormalizePolicy(policy);
  }
  snapshot.tables = Rekey(snapshot.tables, [](const mpg::Table& t) { return EntityKey(t.schema, t.name); });
  for (auto& [key, sequence] : snapshot.sequences) {
    if (sequence.schema.empty()) sequence.schema = "public";
    if (!sequence.cycle) sequence.cycle = false;
  }
  snapshot.sequences = Rekey(snapshot.sequences, [](const mpg::Sequence& s) { return EntityKey(s.schema, s.name); });
  for (auto& [key, view] : snapshot.views) {
    if (view.schema.empty()) view.schema = "public";
    for (auto& [name, column] : view.columns) {
      InferEnumSchema(column, snapshot);
      NormalizeColumn(column, view.schema);
    }
  }
  snapshot.views = Rekey(snapshot.views, [](const mpg::View& v) { return EntityKey(v.schema, v.name); });
  for (auto& [key, role] : snapshot.roles) {
    if (!role.create_db) role.create_db = false;
    if (!role.create_role) role.create_role = false;
    if (!role.inherit) role.inherit = true;
  }
  for (auto& [key, policy] : snapshot.policies) NormalizePolicy(policy);
  snapshot.schemas.erase("public");
}

}  // namespace dp::diff::pg
