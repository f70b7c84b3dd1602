// Structural comparisons for the PostgreSQL diff (see compare.h).
#include "diff/pg/compare.h"

#include <algorithm>

#include "diff/pg/js_text.h"
#include "diff/pg/sql_text.h"
#include "model/json_text.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

std::string TypeKey(std::string type) {
  size_t pos = 0;
  while ((pos = type.find(" (", pos)) != std::string::npos) type.erase(pos, 1);
  return type;
}

}  // namespace

bool SameType(const std::string& a, const std::string& b) { return a == b || TypeKey(a) == TypeKey(b); }

bool SameDefault(const std::optional<nlohmann::ordered_json>& a, const std::optional<nlohmann::ordered_json>& b) {
  if (!a || !b) return a.has_value() == b.has_value();
  if (*a == *b) return true;
  if (a->is_structured() || b->is_structured()) return false;
  std::string sa = JsString(*a);
  std::string sb = JsString(*b);
  return sa == sb || SameSql(sa, sb);
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
