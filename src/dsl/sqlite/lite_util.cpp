// Small helpers of the lite dialects: Date formatting as toISOString, export helpers, and the
// JS string forms drizzle interpolates into type names and messages.
#include <cmath>
#include <cstdint>
#include <cstdio>

#include "dsl/sqlite/lite_core.h"

namespace dp::dsl::lite {

namespace {

// Howard Hinnant's civil_from_days: days since 1970-01-01 -> (y, m, d).
void CivilFromDays(int64_t z, int64_t* y, unsigned* m, unsigned* d) {
  z += 719468;
  const int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const unsigned doe = static_cast<unsigned>(z - era * 146097);
  const unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const int64_t year = static_cast<int64_t>(yoe) + era * 400;
  const unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const unsigned mp = (5 * doy + 2) / 153;
  *d = doy - (153 * mp + 2) / 5 + 1;
  *m = mp < 10 ? mp + 3 : mp - 9;
  *y = year + (*m <= 2 ? 1 : 0);
}

}  // namespace

std::string IsoString(double ms) {
  if (!std::isfinite(ms)) return "Invalid Date";
  const int64_t total = static_cast<int64_t>(ms);
  int64_t days = total / 86400000;
  int64_t rem = total % 86400000;
  if (rem < 0) {
    rem += 86400000;
    --days;
  }
  int64_t year = 0;
  unsigned month = 0, day = 0;
  CivilFromDays(days, &year, &month, &day);
  const int hour = static_cast<int>(rem / 3600000);
  const int minute = static_cast<int>(rem / 60000 % 60);
  const int second = static_cast<int>(rem / 1000 % 60);
  const int milli = static_cast<int>(rem % 1000);
  char buf[64];
  if (year >= 0 && year <= 9999) {
    std::snprintf(buf, sizeof buf, "%04lld-%02u-%02uT%02d:%02d:%02d.%03dZ", static_cast<long long>(year), month, day,
                  hour, minute, second, milli);
  } else {
    std::snprintf(buf, sizeof buf, "%c%06lld-%02u-%02uT%02d:%02d:%02d.%03dZ", year < 0 ? '-' : '+',
                  static_cast<long long>(year < 0 ? -year : year), month, day, hour, minute, second, milli);
  }
  return buf;
}

std::optional<double> DateValue(ts::Value v) {
  if (!v.IsObject() || v.AsObject()->cls != ts::ObjectClass::Date) return std::nullopt;
  return v.AsObject()->date_value;
}

void AddFunction(ts::Interp& interp, ts::Object* ns, std::string_view name, ts::NativeFn fn) {
  ns->props.Set(name, ts::Value::Obj(interp.NewFunction(std::string(name), std::move(fn))));
}

void AddClass(DslContext& ctx, ts::Object* ns, std::string_view name, bool (*test)(ts::Value)) {
  std::string message = std::string(name) + " cannot be constructed in a schema";
  ts::Object* cls = ctx.interp().NewFunction(std::string(name), [message](ts::CallContext& c) -> ts::Value {
    DslThrow(c.interp, message);
  });
  ctx.class_tests[cls] = test;
  ns->props.Set(name, ts::Value::Obj(cls));
}

std::string Interpolate(ts::Interp& interp, ts::Value v) {
  if (v.IsString()) return v.AsString();
  return interp.ToString(v);
}

std::string ThrownMessage(ts::Interp& interp, ts::Value thrown) {
  if (thrown.IsObject()) {
    ts::Value message = interp.Get(thrown, "message");
    if (message.IsString()) return message.AsString();
  }
  return interp.ToString(thrown);
}

std::string UniqueKeyName(const std::string& table, const std::vector<std::string>& columns) {
  std::string out = table + "_";
  for (size_t i = 0; i < columns.size(); ++i) out += (i > 0 ? "_" : "") + columns[i];
  return out + "_unique";
}

}  // namespace dp::dsl::lite
