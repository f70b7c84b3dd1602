// Date: construction, ISO parsing and formatting, getters/setters. Local time is UTC, so
// results do not depend on the machine's time zone; Date.now() honours DP_FIXED_NOW.
#include <cmath>
#include <strings.h>

#include <cstdio>

#include "ts/builtins/builtins.h"

namespace dp::ts {

namespace {

constexpr double kMsPerDay = 86400000.0;
const char* const kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
const char* const kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

// Days since 1970-01-01 of a proleptic Gregorian date (month 1..12).
double DaysFromCivil(double y, double m, double d) {
  y -= m <= 2 ? 1 : 0;
  double era = std::floor(y / 400);
  double yoe = y - era * 400;
  double mp = std::fmod(m + 9, 12);
  double doy = std::floor((153 * mp + 2) / 5) + d - 1;
  double doe = yoe * 365 + std::floor(yoe / 4) - std::floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

struct Civil {
  int64_t year;
  int month;  // 0..11
  int day;    // 1..31
  int weekday;
  int hours, minutes, seconds, ms;
};

Civil ToCivil(double t) {
  double days = std::floor(t / kMsPerDay);
  double ms_in_day = t - days * kMsPerDay;
  auto z = static_cast<int64_t>(days) + 719468;
  int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  int64_t doe = z - era * 146097;
  int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  int64_t y = yoe + era * 400;
  int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  int64_t mp = (5 * doy + 2) / 153;
  int64_t d = doy - (153 * mp + 2) / 5 + 1;
  int64_t m = mp < 10 ? mp + 3 : mp - 9;
  Civil c;
  c.year = y + (m <= 2 ? 1 : 0);
  c.month = static_cast<int>(m - 1);
  c.day = static_cast<int>(d);
  auto wd = static_cast<int64_t>(days) % 7;
  c.weekday = static_cast<int>((wd + 11) % 7);  // 1970-01-01 was a Thursday
  auto msd = static_cast<int64_t>(ms_in_day);
  c.hours = static_cast<int>(msd / 3600000);
  c.minutes = static_cast<int>(msd / 60000 % 60);
  c.seconds = static_cast<int>(msd / 1000 % 60);
  c.ms = static_cast<int>(msd % 1000);
  return c;
}

double MakeDate(double y, double mon, double d, double h, double mi, double s, double ms) {
  for (double v : {y, mon, d, h, mi, s, ms}) {
    if (!std::isfinite(v)) return std::nan("");
  }
  y = std::trunc(y) + std::floor(std::trunc(mon) / 12);
  mon = std::fmod(std::trunc(mon), 12);
  if (mon < 0) mon += 12;
  double days = DaysFromCivil(y, mon + 1, 1) + std::trunc(d) - 1;
  return days * kMsPerDay + std::trunc(h) * 3600000 + std::trunc(mi) * 60000 + std::trunc(s) * 1000 + std::trunc(ms);
}

double TimeClip(double t) {
  if (!std::isfinite(t) || std::fabs(t) > 8.64e15) return std::nan("");
  return std::trunc(t) + 0.0;
}

// Parses the ISO 8601 forms Date.parse accepts (date-only forms are UTC, as are date-times
// without an offset since local time is UTC here).
double ParseIso(std::string_view s) {
  size_t i = 0;
  auto digits = [&](size_t n, int* out) {
    if (i + n > s.size()) return false;
    int v = 0;
    for (size_t k = 0; k < n; ++k) {
      char c = s[i + k];
      if (c < '0' || c > '9') return false;
      v = v * 10 + (c - '0');
    }
    i += n;
    *out = v;
    return true;
  };
  int year = 0, month = 1, day = 1, hour = 0, minute = 0, second = 0;
  double ms = 0;
  int sign = 1;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    sign = s[i] == '-' ? -1 : 1;
    ++i;
    if (!digits(6, &year)) return std::nan("");
  } else if (!digits(4, &year)) {
    return std::nan("");
  }
  year *= sign;
  if (i < s.size() && s[i] == '-') {
    ++i;
    if (!digits(2, &month)) return std::nan("");
    if (i < s.size() && s[i] == '-') {
      ++i;
      if (!digits(2, &day)) return std::nan("");
    }
  }
  double offset_ms = 0;
  if (i < s.size() && (s[i] == 'T' || s[i] == 't' || s[i] == ' ')) {
    ++i;
    if (!digits(2, &hour) || i >= s.size() || s[i] != ':') return std::nan("");
    ++i;
    if (!digits(2, &minute)) return std::nan("");
    if (i < s.size() && s[i] == ':') {
      ++i;
      if (!digits(2, &second)) return std::nan("");
      if (i < s.size() && (s[i] == '.' || s[i] == ',')) {
        ++i;
        double scale = 100;
        size_t start = i;
        while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
          ms += (s[i] - '0') * scale;
          scale /= 10;
          ++i;
        }
        if (i == start) return std::nan("");
        ms = std::floor(ms);
      }
    }
    if (i < s.size() && (s[i] == 'Z' || s[i] == 'z')) {
      ++i;
    } else if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
      int osign = s[i] == '-' ? -1 : 1;
      ++i;
      int oh = 0, om = 0;
      if (!digits(2, &oh)) return std::nan("");
      if (i < s.size() && s[i] == ':') ++i;
      if (!digits(2, &om)) return std::nan("");
      offset_ms = osign * (oh * 3600000.0 + om * 60000.0);
    }
  }
  if (i != s.size()) return std::nan("");
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 24 || minute > 59 || second > 59) return std::nan("");
  if (hour == 24 && (minute != 0 || second != 0 || ms != 0)) return std::nan("");
  return TimeClip(MakeDate(year, month - 1, day, hour, minute, second, ms) - offset_ms);
}

double ParseDate(std::string_view s) {
  std::string t = TrimJsWhitespace(s, true, true);
  double v = ParseIso(t);
  if (!std::isnan(v)) return v;
  // "Tue, 01 Jan 2024 10:00:00 GMT" / "Jan 1, 2024" / "January 1, 2024 10:00:00"
  int day = 0, year = 0, hour = 0, minute = 0, second = 0, month = -1;
  std::string word;
  std::vector<int> numbers;
  std::string cur;
  auto flush = [&]() {
    if (cur.empty()) return;
    if (std::isdigit(static_cast<unsigned char>(cur[0]))) {
      numbers.push_back(cur.size() > 9 ? -1 : std::atoi(cur.c_str()));
    } else {
      for (int m = 0; m < 12; ++m) {
        if (cur.size() >= 3 && strncasecmp(cur.c_str(), kMonths[m], 3) == 0) month = m;
      }
    }
    cur.clear();
  };
  for (char c : t) {
    if (c == ' ' || c == ',' || c == ':' || c == '/') {
      flush();
    } else {
      cur += c;
    }
  }
  flush();
  if (month < 0 || numbers.size() < 2) return std::nan("");
  if (numbers[0] > 31) {
    year = numbers[0];
    day = numbers[1];
  } else {
    day = numbers[0];
    year = numbers[1];
  }
  if (numbers.size() >= 4) {
    hour = numbers[2];
    minute = numbers[3];
  }
  if (numbers.size() >= 5) second = numbers[4];
  return TimeClip(MakeDate(year, month, day, hour, minute, second, 0));
}

Object* ThisDate(CallContext& ctx, const char* method) { return ThisOfClass(ctx, ObjectClass::Date, method); }

std::string Pad(int64_t v, int width) {
  char buf[32];
  std::snprintf(buf, sizeof(buf), "%0*lld", width, static_cast<long long>(v));
  return buf;
}

std::string DateString(const Civil& c) {
  return std::string(kDays[c.weekday]) + " " + kMonths[c.month] + " " + Pad(c.day, 2) + " " + Pad(c.year, 4);
}

std::string TimeString(const Civil& c) {
  return Pad(c.hours, 2) + ":" + Pad(c.minutes, 2) + ":" + Pad(c.seconds, 2) + " GMT+0000 (Coordinated Universal Time)";
}

double ArgOr(CallContext& ctx, size_t i, double fallback) { return i < ctx.args.size() ? ArgNumber(ctx, i) : fallback; }

}  // namespace

std::string DateToIso(double ms) {
  Civil c = ToCivil(ms);
  std::string year = (c.year >= 0 && c.year <= 9999) ? Pad(c.year, 4) : (c.year < 0 ? "-" : "+") + Pad(std::llabs(c.year), 6);
  return year + "-" + Pad(c.month + 1, 2) + "-" + Pad(c.day, 2) + "T" + Pad(c.hours, 2) + ":" + Pad(c.minutes, 2) + ":" +
         Pad(c.seconds, 2) + "." + Pad(c.ms, 3) + "Z";
}

void InstallDateBuiltins(Evaluator& ev) {
  Object* proto = ev.date_proto_;
  Object* ctor = ev.DefineConstructor(
      ev.global_object(), "Date", proto,
      [](CallContext& ctx) {
        Evaluator& e = Ev(ctx);
        Civil c = ToCivil(e.Now());
        return e.Str(DateString(c) + " " + TimeString(c));
      },
      [](CallContext& ctx) {
        Evaluator& e = Ev(ctx);
        Object* d = e.heap().NewObject(ObjectClass::Date, e.date_proto_);
        double t;
        if (ctx.args.empty()) {
          t = e.Now();
        } else if (ctx.args.size() == 1) {
          Value v = ctx.Arg(0);
          if (v.IsObject() && v.AsObject()->cls == ObjectClass::Date) {
            t = v.AsObject()->date_value;
          } else {
            Value p = e.ToPrimitive(v, false);
            t = p.IsString() ? ParseDate(p.AsString()) : TimeClip(e.ToNumber(p));
          }
        } else {
          double y = ArgNumber(ctx, 0);
          if (!std::isnan(y) && std::trunc(y) >= 0 && std::trunc(y) <= 99) y = 1900 + std::trunc(y);
          t = TimeClip(MakeDate(y, ArgNumber(ctx, 1), ArgOr(ctx, 2, 1), ArgOr(ctx, 3, 0), ArgOr(ctx, 4, 0), ArgOr(ctx, 5, 0),
                                ArgOr(ctx, 6, 0)));
        }
        d->date_value = t;
        return Value::Obj(d);
      },
      7);
  ev.DefineNative(ctor, "now", [](CallContext& ctx) { return Value::Number(Ev(ctx).Now()); });
  ev.DefineNative(ctor, "parse", [](CallContext& ctx) { return Value::Number(ParseDate(ArgString(ctx, 0))); }, 1);
  ev.DefineNative(ctor, "UTC", [](CallContext& ctx) {
    double y = ArgNumber(ctx, 0);
    if (!std::isnan(y) && std::trunc(y) >= 0 && std::trunc(y) <= 99) y = 1900 + std::trunc(y);
    return Value::Number(TimeClip(MakeDate(y, ArgOr(ctx, 1, 0), ArgOr(ctx, 2, 1), ArgOr(ctx, 3, 0), ArgOr(ctx, 4, 0),
                                           ArgOr(ctx, 5, 0), ArgOr(ctx, 6, 0))));
  }, 7);

  auto time_value = [](CallContext& ctx) { return Value::Number(ThisDate(ctx, "getTime")->date_value); };
  ev.DefineNative(proto, "getTime", time_value);
  ev.DefineNative(proto, "valueOf", time_value);
  ev.DefineNative(proto, "getTimezoneOffset", [](CallContext& ctx) {
    double t = ThisDate(ctx, "getTimezoneOffset")->date_value;
    return Value::Number(std::isnan(t) ? t : 0);
  });
  using Field = int64_t (*)(const Civil&);
  const std::pair<const char*, Field> getters[] = {
      {"FullYear", [](const Civil& c) { return c.year; }},
      {"Month", [](const Civil& c) { return static_cast<int64_t>(c.month); }},
      {"Date", [](const Civil& c) { return static_cast<int64_t>(c.day); }},
      {"Day", [](const Civil& c) { return static_cast<int64_t>(c.weekday); }},
      {"Hours", [](const Civil& c) { return static_cast<int64_t>(c.hours); }},
      {"Minutes", [](const Civil& c) { return static_cast<int64_t>(c.minutes); }},
      {"Seconds", [](const Civil& c) { return static_cast<int64_t>(c.seconds); }},
      {"Milliseconds", [](const Civil& c) { return static_cast<int64_t>(c.ms); }},
  };
  for (const auto& [name, field] : getters) {
    Field f = field;
    auto getter = [f](CallContext& ctx) {
      double t = ThisDate(ctx, "get")->date_value;
      if (std::isnan(t)) return Value::Number(t);
      return Value::Number(static_cast<double>(f(ToCivil(t))));
    };
    ev.DefineNative(proto, std::string("get") + name, getter);
    ev.DefineNative(proto, std::string("getUTC") + name, getter);
  }
  ev.DefineNative(proto, "getYear", [](CallContext& ctx) {
    double t = ThisDate(ctx, "getYear")->date_value;
    return Value::Number(std::isnan(t) ? t : static_cast<double>(ToCivil(t).year - 1900));
  });
  ev.DefineNative(proto, "setTime", [](CallContext& ctx) {
    Object* d = ThisDate(ctx, "setTime");
    d->date_value = TimeClip(ArgNumber(ctx, 0));
    return Value::Number(d->date_value);
  }, 1);
  // Setters: field index into (year, month, day, hours, minutes, seconds, ms) and how many
  // arguments they take.
  const std::tuple<const char*, int, int> setters[] = {
      {"FullYear", 0, 3}, {"Month", 1, 2}, {"Date", 2, 1}, {"Hours", 3, 4}, {"Minutes", 4, 3}, {"Seconds", 5, 2}, {"Milliseconds", 6, 1}};
  for (const auto& [name, first, count] : setters) {
    int f = first, n = count;
    auto setter = [f, n](CallContext& ctx) {
      Object* d = ThisDate(ctx, "set");
      double t = d->date_value;
      if (std::isnan(t)) {
        if (f != 0) return Value::Number(t);
        t = 0;
      }
      Civil c = ToCivil(t);
      double parts[7] = {static_cast<double>(c.year), static_cast<double>(c.month), static_cast<double>(c.day),
                         static_cast<double>(c.hours), static_cast<double>(c.minutes), static_cast<double>(c.seconds),
                         static_cast<double>(c.ms)};
      for (int k = 0; k < n && static_cast<size_t>(k) < ctx.args.size() && f + k < 7; ++k) parts[f + k] = ArgNumber(ctx, static_cast<size_t>(k));
      d->date_value = TimeClip(MakeDate(parts[0], parts[1], parts[2], parts[3], parts[4], parts[5], parts[6]));
      return Value::Number(d->date_value);
    };
    ev.DefineNative(proto, std::string("set") + name, setter, static_cast<uint32_t>(n));
    ev.DefineNative(proto, std::string("setUTC") + name, setter, static_cast<uint32_t>(n));
  }
  ev.DefineNative(proto, "toISOString", [](CallContext& ctx) {
    double t = ThisDate(ctx, "toISOString")->date_value;
    if (std::isnan(t)) Ev(ctx).ThrowRangeError("invalid time value");
    return ctx.interp.Str(DateToIso(t));
  });
  ev.DefineNative(proto, "toJSON", [](CallContext& ctx) -> Value {
    if (!ctx.this_value.IsObject() || ctx.this_value.AsObject()->cls != ObjectClass::Date) return Value::Null();
    double t = ctx.this_value.AsObject()->date_value;
    if (std::isnan(t)) return Value::Null();
    return ctx.interp.Str(DateToIso(t));
  }, 1);
  auto formatter = [](int which) {
    return [which](CallContext& ctx) {
      double t = ThisDate(ctx, "toString")->date_value;
      if (std::isnan(t)) return ctx.interp.Str("Invalid Date");
      Civil c = ToCivil(t);
      int h12 = c.hours % 12 == 0 ? 12 : c.hours % 12;
      std::string local_time = std::to_string(h12) + ":" + Pad(c.minutes, 2) + ":" + Pad(c.seconds, 2) + (c.hours < 12 ? " AM" : " PM");
      std::string local_date = std::to_string(c.month + 1) + "/" + std::to_string(c.day) + "/" + std::to_string(c.year);
      switch (which) {
        case 0: return ctx.interp.Str(DateString(c) + " " + TimeString(c));
        case 1: return ctx.interp.Str(DateString(c));
        case 2: return ctx.interp.Str(TimeString(c));
        case 3:
          return ctx.interp.Str(std::string(kDays[c.weekday]) + ", " + Pad(c.day, 2) + " " + kMonths[c.month] + " " +
                                Pad(c.year, 4) + " " + Pad(c.hours, 2) + ":" + Pad(c.minutes, 2) + ":" + Pad(c.seconds, 2) + " GMT");
        case 4: return ctx.interp.Str(local_date);
        case 5: return ctx.interp.Str(local_time);
        default: return ctx.interp.Str(local_date + ", " + local_time);
      }
    };
  };
  ev.DefineNative(proto, "toString", formatter(0));
  ev.DefineNative(proto, "toDateString", formatter(1));
  ev.DefineNative(proto, "toTimeString", formatter(2));
  ev.DefineNative(proto, "toUTCString", formatter(3));
  ev.DefineNative(proto, "toGMTString", formatter(3));
  ev.DefineNative(proto, "toLocaleDateString", formatter(4));
  ev.DefineNative(proto, "toLocaleTimeString", formatter(5));
  ev.DefineNative(proto, "toLocaleString", formatter(6));
}

}  // namespace dp::ts
