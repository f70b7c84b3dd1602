// Number, Boolean and BigInt constructors and prototypes; parseInt / parseFloat.
#include <cmath>
#include <cstdio>

#include "ts/builtins/builtins.h"

namespace dp::ts {

namespace {

double ThisNumber(CallContext& ctx, const char* method) {
  if (ctx.this_value.IsNumber()) return ctx.this_value.AsNumber();
  ctx.interp.ThrowTypeError(std::string("Number.prototype.") + method + " requires that 'this' be a Number");
  return 0;
}

int DigitValue(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

double ParseInt(const std::string& input, int radix) {
  std::string s = TrimJsWhitespace(input, true, false);
  size_t i = 0;
  bool negative = false;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) {
    negative = s[i] == '-';
    ++i;
  }
  bool strip_prefix = true;
  if (radix != 0) {
    if (radix < 2 || radix > 36) return std::nan("");
    if (radix != 16) strip_prefix = false;
  } else {
    radix = 10;
  }
  if (strip_prefix && i + 1 < s.size() && s[i] == '0' && (s[i + 1] == 'x' || s[i + 1] == 'X')) {
    i += 2;
    radix = 16;
  }
  double value = 0;
  size_t start = i;
  while (i < s.size() && DigitValue(s[i]) < radix) {
    value = value * radix + DigitValue(s[i]);
    ++i;
  }
  if (i == start) return std::nan("");
  if (radix == 10 && i - start > 15) value = std::strtod(s.substr(start, i - start).c_str(), nullptr);
  return negative ? -value : value;
}

double ParseFloat(Evaluator& ev, const std::string& input) {
  std::string s = TrimJsWhitespace(input, true, false);
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  if (s.compare(i, 8, "Infinity") == 0) return s[0] == '-' ? -INFINITY : INFINITY;
  size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (digits == 0) return std::nan("");
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    size_t j = i + 1;
    if (j < s.size() && (s[j] == '+' || s[j] == '-')) ++j;
    size_t exp_start = j;
    while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
    if (j > exp_start) i = j;
  }
  std::string prefix = s.substr(0, i);
  if (!prefix.empty() && prefix.back() == '.') prefix.pop_back();
  return ev.StringToNumber(prefix);
}

// Number.prototype.toFixed: exact decimal expansion, ties rounded up in magnitude.
std::string ToFixed(Evaluator& ev, double x, int digits) {
  if (std::isnan(x)) return "NaN";
  if (std::fabs(x) >= 1e21 || std::isinf(x)) return ev.NumberToString(x);
  bool negative = x < 0;
  double ax = std::fabs(x);
  std::string exact(1200, '\0');
  int n = std::snprintf(exact.data(), exact.size(), "%.1100f", ax);
  exact.resize(static_cast<size_t>(n));
  size_t dot = exact.find('.');
  std::string int_part = exact.substr(0, dot);
  std::string frac = exact.substr(dot + 1);
  std::string kept = int_part + frac.substr(0, static_cast<size_t>(digits));
  bool round_up = frac.size() > static_cast<size_t>(digits) && frac[static_cast<size_t>(digits)] >= '5';
  if (round_up) {
    size_t k = kept.size();
    while (k > 0) {
      --k;
      if (kept[k] == '9') {
        kept[k] = '0';
      } else {
        ++kept[k];
        break;
      }
      if (k == 0) kept.insert(kept.begin(), '1');
    }
  }
  size_t int_len = kept.size() - static_cast<size_t>(digits);
  std::string out = kept.substr(0, int_len);
  if (digits > 0) out += "." + kept.substr(int_len);
  bool all_zero = out.find_first_not_of("0.") == std::string::npos;
  return (negative && !all_zero ? "-" : "") + out;
}

std::string ToRadix(Evaluator& ev, double x, int radix) {
  if (radix == 10 || std::isnan(x) || std::isinf(x)) return ev.NumberToString(x);
  static const char kDigits[] = "0123456789abcdefghijklmnopqrstuvwxyz";
  bool negative = x < 0;
  x = std::fabs(x);
  double int_part = std::floor(x);
  double frac = x - int_part;
  std::string digits;
  if (int_part == 0) digits = "0";
  while (int_part > 0) {
    double q = std::floor(int_part / radix);
    int d = static_cast<int>(int_part - q * radix);
    digits.push_back(kDigits[d < 0 ? 0 : d >= radix ? radix - 1 : d]);
    int_part = q;
  }
  std::string out(digits.rbegin(), digits.rend());
  if (frac > 0) {
    out += '.';
    for (int i = 0; i < 52 && frac > 0; ++i) {
      frac *= radix;
      int d = static_cast<int>(std::floor(frac));
      out.push_back(kDigits[d]);
      frac -= d;
    }
  }
  return negative ? "-" + out : out;
}

std::string ToPrecision(Evaluator& ev, double x, int p) {
  if (std::isnan(x) || std::isinf(x)) return ev.NumberToString(x);
  if (x == 0) return p == 1 ? "0" : "0." + std::string(static_cast<size_t>(p - 1), '0');
  char buf[128];
  std::snprintf(buf, sizeof(buf), "%.*e", p - 1, x);
  std::string s = buf;
  size_t e_pos = s.find('e');
  int e = std::atoi(s.c_str() + e_pos + 1);
  if (e < -6 || e >= p) {
    std::string mantissa = s.substr(0, e_pos);
    return mantissa + "e" + (e >= 0 ? "+" : "-") + std::to_string(std::abs(e));
  }
  return ToFixed(ev, x, std::max(0, p - 1 - e));
}

std::string GroupThousands(const std::string& digits) {
  std::string out;
  int count = 0;
  for (size_t i = digits.size(); i-- > 0;) {
    out.insert(out.begin(), digits[i]);
    if (++count % 3 == 0 && i > 0) out.insert(out.begin(), ',');
  }
  return out;
}

Value ToBigInt(CallContext& ctx, Value v) {
  Evaluator& e = Ev(ctx);
  switch (v.kind()) {
    case ValueKind::BigInt: return v;
    case ValueKind::Boolean: return e.MakeBigInt(v.AsBoolean() ? "1" : "0");
    case ValueKind::Number: {
      double d = v.AsNumber();
      if (!std::isfinite(d) || d != std::trunc(d)) {
        e.ThrowRangeError("the number " + e.NumberToString(d) + " cannot be converted to a BigInt because it is not an integer");
      }
      char buf[400];
      std::snprintf(buf, sizeof(buf), "%.0f", d);
      return e.MakeBigInt(buf);
    }
    case ValueKind::String: {
      std::string s = TrimJsWhitespace(v.AsString(), true, true);
      if (s.empty()) return e.MakeBigInt("0");
      bool negative = false;
      size_t i = 0;
      if (s[0] == '-' || s[0] == '+') {
        negative = s[0] == '-';
        i = 1;
      }
      std::string digits = s.substr(i);
      bool ok = !digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos;
      if (!ok && i == 0 && s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
        __extension__ typedef unsigned __int128 UInt128;
        UInt128 acc = 0;
        ok = true;
        for (size_t k = 2; k < s.size() && ok; ++k) {
          int d = DigitValue(s[k]);
          if (d >= 16 || k > 30) ok = false;
          acc = acc * 16 + static_cast<unsigned>(d);
        }
        if (ok) {
          std::string dec;
          if (acc == 0) dec = "0";
          while (acc > 0) {
            dec.insert(dec.begin(), static_cast<char>('0' + static_cast<int>(acc % 10)));
            acc /= 10;
          }
          return e.MakeBigInt(dec);
        }
      }
      if (!ok) e.ThrowError(e.syntax_error_proto_, "cannot convert " + v.AsString() + " to a BigInt", base::DiagKind::EvalError);
      return e.MakeBigInt((negative ? "-" : "") + digits);
    }
    default:
      e.ThrowTypeError("cannot convert " + e.Describe(v) + " to a BigInt");
  }
}

}  // namespace

void InstallNumberBuiltins(Evaluator& ev) {
  Object* global = ev.global_object();
  Object* proto = ev.number_proto_;
  auto to_number = [](CallContext& ctx) -> Value {
    if (ctx.args.empty()) return Value::Number(0);
    Value v = ctx.Arg(0);
    if (v.IsBigInt()) return Value::Number(std::strtod(v.AsBigInt().c_str(), nullptr));
    return Value::Number(ctx.interp.ToNumber(v));
  };
  Object* ctor = ev.DefineConstructor(global, "Number", proto, to_number, to_number, 1);
  ev.SetHidden(ctor, "MAX_SAFE_INTEGER", Value::Number(9007199254740991.0));
  ev.SetHidden(ctor, "MIN_SAFE_INTEGER", Value::Number(-9007199254740991.0));
  ev.SetHidden(ctor, "EPSILON", Value::Number(2.220446049250313e-16));
  ev.SetHidden(ctor, "MAX_VALUE", Value::Number(1.7976931348623157e308));
  ev.SetHidden(ctor, "MIN_VALUE", Value::Number(5e-324));
  ev.SetHidden(ctor, "POSITIVE_INFINITY", Value::Number(INFINITY));
  ev.SetHidden(ctor, "NEGATIVE_INFINITY", Value::Number(-INFINITY));
  ctor->props.Set("NaN", Value::Number(std::nan("")));
  ev.DefineNative(ctor, "isInteger", [](CallContext& ctx) {
    Value v = ctx.Arg(0);
    return Value::Boolean(v.IsNumber() && std::isfinite(v.AsNumber()) && std::trunc(v.AsNumber()) == v.AsNumber());
  }, 1);
  ev.DefineNative(ctor, "isSafeInteger", [](CallContext& ctx) {
    Value v = ctx.Arg(0);
    return Value::Boolean(v.IsNumber() && std::isfinite(v.AsNumber()) && std::trunc(v.AsNumber()) == v.AsNumber() &&
                          std::fabs(v.AsNumber()) <= 9007199254740991.0);
  }, 1);
  ev.DefineNative(ctor, "isFinite", [](CallContext& ctx) {
    return Value::Boolean(ctx.Arg(0).IsNumber() && std::isfinite(ctx.Arg(0).AsNumber()));
  }, 1);
  ev.DefineNative(ctor, "isNaN", [](CallContext& ctx) {
    return Value::Boolean(ctx.Arg(0).IsNumber() && std::isnan(ctx.Arg(0).AsNumber()));
  }, 1);
  auto parse_float = [](CallContext& ctx) { return Value::Number(ParseFloat(Ev(ctx), ArgString(ctx, 0))); };
  auto parse_int = [](CallContext& ctx) {
    double radix = ctx.Arg(1).IsUndefined() ? 0 : ToInt32(ArgNumber(ctx, 1));
    return Value::Number(ParseInt(ArgString(ctx, 0), static_cast<int>(radix)));
  };
  ev.DefineNative(ctor, "parseFloat", parse_float, 1);
  ev.DefineNative(ctor, "parseInt", parse_int, 2);
  ev.DefineNative(global, "parseFloat", parse_float, 1);
  ev.DefineNative(global, "parseInt", parse_int, 2);
  ev.DefineNative(global, "isNaN", [](CallContext& ctx) { return Value::Boolean(std::isnan(ArgNumber(ctx, 0))); }, 1);
  ev.DefineNative(global, "isFinite", [](CallContext& ctx) { return Value::Boolean(std::isfinite(ArgNumber(ctx, 0))); }, 1);

  ev.DefineNative(proto, "toString", [](CallContext& ctx) {
    double x = ThisNumber(ctx, "toString");
    double radix = ctx.Arg(0).IsUndefined() ? 10 : ArgInteger(ctx, 0, 10);
    if (radix < 2 || radix > 36) Ev(ctx).ThrowRangeError("toString() radix must be between 2 and 36");
    return ctx.interp.Str(ToRadix(Ev(ctx), x, static_cast<int>(radix)));
  }, 1);
  ev.DefineNative(proto, "toFixed", [](CallContext& ctx) {
    double x = ThisNumber(ctx, "toFixed");
    double digits = ArgInteger(ctx, 0, 0);
    if (digits < 0 || digits > 100) Ev(ctx).ThrowRangeError("toFixed() digits argument must be between 0 and 100");
    return ctx.interp.Str(ToFixed(Ev(ctx), x, static_cast<int>(digits)));
  }, 1);
  ev.DefineNative(proto, "toPrecision", [](CallContext& ctx) {
    double x = ThisNumber(ctx, "toPrecision");
    if (ctx.Arg(0).IsUndefined()) return ctx.interp.Str(Ev(ctx).NumberToString(x));
    double p = ArgInteger(ctx, 0, 1);
    if (p < 1 || p > 100) Ev(ctx).ThrowRangeError("toPrecision() argument must be between 1 and 100");
    return ctx.interp.Str(ToPrecision(Ev(ctx), x, static_cast<int>(p)));
  }, 1);
  ev.DefineNative(proto, "toLocaleString", [](CallContext& ctx) {
    double x = ThisNumber(ctx, "toLocaleString");
    if (!std::isfinite(x)) return ctx.interp.Str(Ev(ctx).NumberToString(x));
    std::string fixed = ToFixed(Ev(ctx), x, 3);
    bool negative = !fixed.empty() && fixed[0] == '-';
    if (negative) fixed.erase(0, 1);
    size_t dot = fixed.find('.');
    std::string int_part = fixed.substr(0, dot);
    std::string frac = fixed.substr(dot + 1);
    while (!frac.empty() && frac.back() == '0') frac.pop_back();
    std::string out = GroupThousands(int_part);
    if (!frac.empty()) out += "." + frac;
    return ctx.interp.Str((negative ? "-" : "") + out);
  });
  ev.DefineNative(proto, "valueOf", [](CallContext& ctx) { return Value::Number(ThisNumber(ctx, "valueOf")); });

  // Boolean
  Object* bool_proto = ev.boolean_proto_;
  auto to_boolean = [](CallContext& ctx) { return Value::Boolean(ctx.interp.Truthy(ctx.Arg(0))); };
  ev.DefineConstructor(global, "Boolean", bool_proto, to_boolean, to_boolean, 1);
  ev.DefineNative(bool_proto, "toString", [](CallContext& ctx) {
    return ctx.interp.Str(ctx.interp.Truthy(ctx.this_value) ? "true" : "false");
  });
  ev.DefineNative(bool_proto, "valueOf", [](CallContext& ctx) { return Value::Boolean(ctx.interp.Truthy(ctx.this_value)); });

  // BigInt (callable, not constructible)
  Object* big_proto = ev.bigint_proto_;
  Object* big = ev.DefineConstructor(global, "BigInt", big_proto, [](CallContext& ctx) { return ToBigInt(ctx, ctx.Arg(0)); },
                                     nullptr, 1);
  big->is_constructor = false;
  auto big_to_string = [](CallContext& ctx) {
    if (!ctx.this_value.IsBigInt()) ctx.interp.ThrowTypeError("BigInt.prototype.toString requires that 'this' be a BigInt");
    return ctx.interp.Str(ctx.this_value.AsBigInt());
  };
  ev.DefineNative(big_proto, "toString", big_to_string);
  ev.DefineNative(big_proto, "toLocaleString", big_to_string);
  ev.DefineNative(big_proto, "valueOf", [](CallContext& ctx) { return ctx.this_value; });
}

}  // namespace dp::ts
