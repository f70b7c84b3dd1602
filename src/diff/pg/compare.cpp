// Structural comparisons for the PostgreSQL diff (see compare.h).
#include "diff/pg/compare.h"

#include <algorithm>
#include <regex>

#include "diff/pg/js_text.h"
#include "diff/pg/normalize.h"
#include "diff/pg/sql_text.h"
#include "model/json_text.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

/// A type's comparison key: no space before "(", implicit modifiers spelled out
/// (char = char(1), bit = bit(1), numeric(p, 0) = numeric(p)), array dimensions reduced to
/// one pair (PostgreSQL does not enforce the number of dimensions).
std::string TypeKey(std::string type) {
  size_t pos = 0;
  while ((pos = type.find(" (", pos)) != std::string::npos) type.erase(pos, 1);
  std::string base = StripArrayDims(type);
  bool array = base.size() != type.size();
  // Spellings of the same type (custom types often use the short names).
  static const std::pair<std::string_view, std::string_view> kAliases[] = {
      {"int4", "integer"}, {"int", "integer"}, {"int8", "bigint"}, {"int2", "smallint"},
      {"float8", "double precision"}, {"float4", "real"}, {"bool", "boolean"}, {"decimal", "numeric"},
      {"timestamptz", "timestamp with time zone"}, {"timetz", "time with time zone"}, {"varbit", "bit varying"},
      {"bpchar", "char"}, {"character varying", "varchar"}, {"character", "char"},
  };
  for (const auto& [alias, name] : kAliases) {
    if (base.rfind(alias, 0) == 0 && (base.size() == alias.size() || base[alias.size()] == '(')) {
      base = std::string(name) + base.substr(alias.size());
      break;
    }
  }
  if (base.rfind("numeric(", 0) == 0) {
    static const std::regex kNumericScaleZero(R"(^numeric\((\d+),\s*0\)$)");
    base = std::regex_replace(base, kNumericScaleZero, "numeric($1)");
    static const std::regex kNumericSpace(R"(^numeric\((\d+),\s*(\d+)\)$)");
    base = std::regex_replace(base, kNumericSpace, "numeric($1, $2)");
  }
  if (base == "char") base = "char(1)";
  if (base == "bit") base = "bit(1)";
  return array ? base + "[]" : base;
}

/// `'<json>'` or `'<json>'::json[b]` -> the parsed JSON text; nullopt otherwise.
std::optional<std::string> JsonLiteral(const std::string& text) {
  static const std::regex kJson(R"(^'([\s\S]*)'(?:::jsonb?)?$)");
  std::smatch match;
  if (!std::regex_match(text, match, kJson)) return std::nullopt;
  std::string body = match[1];
  size_t pos = 0;
  while ((pos = body.find("''", pos)) != std::string::npos) body.erase(pos++, 1);
  auto parsed = nlohmann::json::parse(body, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_structured()) return std::nullopt;
  return parsed.dump();
}

/// An ISO / PostgreSQL timestamp literal in one spelling: `'2024-05-06T07:08:09.123Z'` and
/// `'2024-05-06 07:08:09.123+00'` both become `'2024-05-06 07:08:09.123'`.
std::string CanonicalTimestamp(const std::string& text) {
  static const std::regex kStamp(
      R"(^'(\d{4}-\d\d-\d\d)[T ](\d\d:\d\d:\d\d)(\.\d*?)?0*(Z|[+-]00(?::?00)?)?'$)");
  std::smatch match;
  if (!std::regex_match(text, match, kStamp)) return text;
  std::string fraction = match[3].matched && match[3].length() > 1 ? match[3].str() : "";
  // The zone is dropped: a timestamp column ignores it, and only UTC spellings match.
  return "'" + match[1].str() + " " + match[2].str() + fraction + "'";
}

}  // namespace

bool SameType(const std::string& a, const std::string& b) { return a == b || TypeKey(a) == TypeKey(b); }

bool SameDefault(const std::optional<nlohmann::ordered_json>& a, const std::optional<nlohmann::ordered_json>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  if (*a == *b) return true;
  if (a->is_structured() || b->is_structured()) return false;
  std::string sa = JsString(*a);
  std::string sb = JsString(*b);
  if (sa == sb || SameSql(sa, sb)) return true;
  auto ja = JsonLiteral(sa);
  auto jb = JsonLiteral(sb);
  if (ja && jb) return *ja == *jb;
  return CanonicalTimestamp(sa) == CanonicalTimestamp(sb);
}

bool SameIdentity(const std::optional<mpg::Identity>& a, const std::optional<mpg::Identity>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return a->name == b->name && a->type == b->type && a->min_value == b->min_value && a->max_value == b->max_value &&
         a->increment == b->increment && a->start_with == b->start_with && a->cache == b->cache &&
         a->cycle.value_or(false) == b->cycle.value_or(false);
}

bool SameSequenceOptions(const mpg::Sequence& a, const mpg::Sequence& b) {
  return a.min_value == b.min_value && a.max_value == b.max_value && a.increment == b.increment &&
         a.start_with == b.start_with && a.cache == b.cache && a.cycle.value_or(false) == b.cycle.value_or(false);
}

bool IsDefaultOpclass(const std::string& opclass) {
  static constexpr std::string_view kDefaults[] = {
      "int2_ops",     "int4_ops",      "int8_ops",      "float4_ops",    "float8_ops",   "numeric_ops",
      "text_ops",     "varchar_ops",   "bpchar_ops",    "bool_ops",      "date_ops",     "timestamp_ops",
      "timestamptz_ops", "time_ops",   "timetz_ops",    "interval_ops",  "uuid_ops",     "bytea_ops",
      "oid_ops",      "inet_ops",      "macaddr_ops",   "macaddr8_ops",  "char_ops",     "name_ops",
      "enum_ops",     "money_ops",     "bit_ops",       "varbit_ops",    "jsonb_ops",    "array_ops",
      "tsvector_ops", "record_ops",    "range_ops",     "multirange_ops", "pg_lsn_ops",  "tid_ops",
      "xid8_ops",     "oidvector_ops", "gist_geometry_ops_2d", "point_ops", "box_ops",  "poly_ops",
      "circle_ops",   "tsquery_ops",   "cidr_ops",
  };
  return std::find(std::begin(kDefaults), std::end(kDefaults), opclass) != std::end(kDefaults);
}

namespace {

bool SameOpclass(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  std::string sa = a.value_or("");
  std::string sb = b.value_or("");
  if (sa == sb) return true;
  if (sa.empty()) return IsDefaultOpclass(sb);
  if (sb.empty()) return IsDefaultOpclass(sa);
  return false;
}

std::string WithKey(const std::optional<model::OrderedMap<nlohmann::ordered_json>>& with) {
  if (!with) return "{}";
  std::string out = "{";
  for (const auto& [key, value] : *with) {
    out += key;
    out += '=';
    out += JsString(value);
    out += ',';
  }
  return out + "}";
}

}  // namespace

bool SameIndex(const mpg::Index& a, const mpg::Index& b, bool beyond) {
  if (a.name != b.name || a.is_unique != b.is_unique || a.method != b.method) return false;
  if (WithKey(a.with) != WithKey(b.with)) return false;
  if (a.columns.size() != b.columns.size()) return false;
  for (size_t column_idx = 0; column_idx < a.columns.size(); ++column_idx) {
    const mpg::IndexColumn& ca = a.columns[column_idx];
    const mpg::IndexColumn& cb = b.columns[column_idx];
    std::string ea = ca.is_expression ? "" : ca.expression;
    std::string eb = cb.is_expression ? "" : cb.expression;
    if (ea != eb || ca.asc != cb.asc || ca.nulls.value_or("last") != cb.nulls.value_or("last")) return false;
    if (!beyond) continue;
    if (ca.is_expression && cb.is_expression && !SameSql(ca.expression, cb.expression)) return false;
    if (!SameOpclass(ca.opclass, cb.opclass)) return false;
  }
  if (beyond && !SameOptionalSql(a.where, b.where)) return false;
  return true;
}

bool SameForeignKey(const mpg::ForeignKey& a, const mpg::ForeignKey& b) {
  return a.name == b.name && a.table_from == b.table_from && a.columns_from == b.columns_from &&
         a.table_to == b.table_to && a.columns_to == b.columns_to && a.on_update.value_or("") == b.on_update.value_or("") &&
         a.on_delete.value_or("") == b.on_delete.value_or("") &&
         a.schema_to.value_or("public") == b.schema_to.value_or("public");
}

bool SameUnique(const mpg::UniqueConstraint& a, const mpg::UniqueConstraint& b) {
  return a.name == b.name && a.columns == b.columns && a.nulls_not_distinct == b.nulls_not_distinct;
}

bool SamePrimaryKey(const mpg::CompositePk& a, const mpg::CompositePk& b) {
  return a.name == b.name && a.columns == b.columns;
}

bool SameOptionalSql(const std::optional<std::string>& a, const std::optional<std::string>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  return SameSql(*a, *b);
}

}  // namespace dp::diff::pg
