// Column defaults as drizzle-kit's generatePgSnapshot writes them: sql defaults rendered
// without names or params, strings quoted, json stringified with a cast, dates by column type,
// arrays as '{...}' literals (buildArrayString), other values copied.
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "dsl/pg/snapshot_internal.h"
#include "model/json_text.h"

namespace dp::dsl::pg {

namespace {

using ts::Value;

constexpr const char* kNoParamsInDefaults = "we don't support params for `sql` default values";

// Days since 1970-01-01 to civil date (Howard Hinnant's algorithm).
void CivilFromDays(int64_t z, int64_t& y, unsigned& m, unsigned& d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  y = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  d = doy - (153 * mp + 2) / 5 + 1;
  m = mp < 10 ? mp + 3 : mp - 9;
  if (m <= 2) ++y;
}

bool IsArrayType(const std::string& sql_type) {
  // /.*\[\d*\].*|.*\[\].*/: a '[' followed by digits and ']'.
  for (size_t i = 0; i < sql_type.size(); ++i) {
    if (sql_type[i] != '[') continue;
    size_t j = i + 1;
    while (j < sql_type.size() && sql_type[j] >= '0' && sql_type[j] <= '9') ++j;
    if (j < sql_type.size() && sql_type[j] == ']') return true;
  }
  return false;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

bool IsDate(Value v) { return v.IsObject() && v.AsObject()->cls == ts::ObjectClass::Date; }

// A Date default by column type: date -> 'YYYY-MM-DD', timestamp -> 'YYYY-MM-DD HH:MM:SS.mmm',
// anything else -> the full ISO string.
std::string DateText(ts::Interp& interp, Value date, const std::string& sql_type) {
  std::string iso = DateIso(interp, date);
  if (sql_type == "date") return iso.substr(0, iso.find('T'));
  if (sql_type == "timestamp") {
    std::string s = iso;
    size_t t = s.find('T');
    if (t != std::string::npos) s[t] = ' ';
    return s.substr(0, 23);
  }
  return iso;
}

std::string BuildArrayString(ts::Interp& interp, Value array, const std::string& sql_type_full) {
  std::string sql_type = sql_type_full.substr(0, sql_type_full.find('['));
  std::string out = "{";
  const std::vector<Value> items = ArrayElements(interp, array);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    Value v = items[i];
    if (v.IsNumber() || v.IsBigInt()) {
      out += interp.ToString(v);
    } else if (v.IsBoolean()) {
      out += v.AsBoolean() ? "true" : "false";
    } else if (interp.IsArray(v)) {
      out += BuildArrayString(interp, v, sql_type);
    } else if (IsDate(v)) {
      out += "\"" + DateText(interp, v, sql_type) + "\"";
    } else if (v.IsObject() || v.IsNull()) {
      std::optional<std::string> json = interp.JsonStringify(v);
      std::string text = json ? *json : std::string("undefined");
      std::string escaped;
      for (char c : text) {
        if (c == '"') escaped += "\\\"";
        else escaped += c;
      }
      out += "\"" + escaped + "\"";
    } else {
      out += "\"" + interp.ToString(v) + "\"";
    }
  }
  out += '}';
  return out;
}

}  // namespace

std::string DateIso(ts::Interp& interp, ts::Value date) {
  double ms = date.AsObject()->date_value;
  if (std::isnan(ms)) interp.ThrowTypeError("Invalid time value", base::DiagKind::DslError);
  double days_d = std::floor(ms / 86400000.0);
  int64_t days = static_cast<int64_t>(days_d);
  int64_t rem = static_cast<int64_t>(ms - days_d * 86400000.0);
  int64_t y;
  unsigned m, d;
  CivilFromDays(days, y, m, d);
  char buf[64];
  int hh = static_cast<int>(rem / 3600000), mi = static_cast<int>(rem / 60000 % 60),
      ss = static_cast<int>(rem / 1000 % 60), mss = static_cast<int>(rem % 1000);
  if (y >= 0 && y <= 9999) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(y), m, d, hh, mi,
                  ss, mss);
  } else {
    std::snprintf(buf, sizeof buf, "%c%06lld-%02u-%02uT%02d:%02d:%02d.%03dZ", y < 0 ? '-' : '+',
                  static_cast<long long>(y < 0 ? -y : y), m, d, hh, mi, ss, mss);
  }
  return buf;
}

std::optional<nlohmann::ordered_json> ToJsonValue(ts::Interp& interp, ts::Value value) {
  std::optional<std::string> text = interp.JsonStringify(value);
  if (!text) return std::nullopt;
  return nlohmann::ordered_json::parse(*text);
}

std::optional<std::string> IdentityProperty(ts::Interp& interp, ts::Value v) {
  if (v.IsString()) return v.AsString();
  if (v.IsUndefined()) return std::nullopt;
  return interp.ToString(v);
}

bool ParsesNegative(const std::string& text) {
  size_t i = 0;
  while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n' || text[i] == '\r')) ++i;
  const char* start = text.c_str() + i;
  char* end = nullptr;
  double v = std::strtod(start, &end);
  if (end == start) return false;  // NaN
  return v < 0;
}

std::string ReplaceFirst(std::string text, const std::string& from, const std::string& to) {
  size_t pos = text.find(from);
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

std::optional<nlohmann::ordered_json> SnapshotDefault(ts::Interp& interp, const PgColumnHost& column,
                                                      const CasingCache& casing, bool escape_quotes) {
  Value def = column.config.default_value;
  if (def.IsUndefined()) return std::nullopt;
  if (AsSql(def) != nullptr) {
    RenderOptions options;
    options.dialect = &PgSqlDialect();
    options.casing = const_cast<CasingCache*>(&casing);
    options.forbid_escapes = kNoParamsInDefaults;
    return nlohmann::ordered_json(RenderSql(interp, def, options));
  }
  if (def.IsString()) {
    std::string text = "'";
    for (char c : def.AsString()) {
      if (c == '\'' && escape_quotes) text += "''";
      else text += c;
    }
    return nlohmann::ordered_json(text + "'");
  }
  std::string type = Lower(column.sql_type);
  if (type == "jsonb" || type == "json") {
    std::optional<std::string> json = interp.JsonStringify(def);
    return nlohmann::ordered_json("'" + (json ? *json : std::string("undefined")) + "'::" + type);
  }
  if (IsDate(def)) return nlohmann::ordered_json("'" + DateText(interp, def, type) + "'");
  if (IsArrayType(type) && interp.IsArray(def)) {
    return nlohmann::ordered_json("'" + BuildArrayString(interp, def, type) + "'");
  }
  if (def.IsNumber()) return model::JsNumber(def.AsNumber());
  if (def.IsBoolean()) return nlohmann::ordered_json(def.AsBoolean());
  if (def.IsNull()) return nlohmann::ordered_json(nullptr);
  if (def.IsBigInt()) {
    // drizzle-kit fails here (JSON.stringify of a BigInt); we keep the digits as SQL text.
    return nlohmann::ordered_json(def.AsBigInt());
  }
  if (def.IsObject()) {
    if (def.AsObject()->cls == ts::ObjectClass::Opaque) {
      std::string what = def.AsObject()->opaque ? def.AsObject()->opaque->description : std::string("a package");
      interp.ThrowTypeError("the default of column \"" + column.name + "\" is a value from " + what +
                                ", which drizzle-push does not evaluate",
                            base::DiagKind::EvalOpaqueValue);
    }
    return ToJsonValue(interp, def);
  }
  return std::nullopt;
}

}  // namespace dp::dsl::pg
