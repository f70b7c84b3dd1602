// JS conversions and operators: ToPrimitive/ToString/ToNumber, number formatting and
// parsing, equality, relational comparison, arithmetic and bigint arithmetic.
#include <charconv>
#include <cmath>
#include <cstring>

#include "ts/eval.h"

namespace dp::ts {

namespace {

__extension__ typedef __int128 Int128;
__extension__ typedef unsigned __int128 UInt128;

// JS whitespace and line terminators (ASCII plus NBSP, BOM, LS, PS).
size_t WhitespaceAt(std::string_view s, size_t i) {
  unsigned char c = static_cast<unsigned char>(s[i]);
  if (c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r') return 1;
  if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) return 2;
  if (c == 0xEF && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xBB &&
      static_cast<unsigned char>(s[i + 2]) == 0xBF) {
    return 3;
  }
  if (c == 0xE2 && i + 2 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0x80 &&
      (static_cast<unsigned char>(s[i + 2]) == 0xA8 || static_cast<unsigned char>(s[i + 2]) == 0xA9)) {
    return 3;
  }
  return 0;
}

bool ParseInt128(std::string_view s, Int128* out) {
  bool negative = false;
  if (!s.empty() && s[0] == '-') {
    negative = true;
    s.remove_prefix(1);
  }
  if (s.empty() || s.size() > 38) return false;
  Int128 v = 0;
  for (char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  *out = negative ? -v : v;
  return true;
}

std::string FormatInt128(Int128 v) {
  if (v == 0) return "0";
  bool negative = v < 0;
  UInt128 u = negative ? static_cast<UInt128>(-(v + 1)) + 1 : static_cast<UInt128>(v);
  std::string out;
  while (u > 0) {
    out.push_back(static_cast<char>('0' + static_cast<int>(u % 10)));
    u /= 10;
  }
  if (negative) out.push_back('-');
  return std::string(out.rbegin(), out.rend());
}

constexpr Int128 kInt128Limit = (static_cast<Int128>(1) << 124);

}  // namespace

std::string TrimJsWhitespace(std::string_view s, bool start, bool end) {
  size_t b = 0, e = s.size();
  if (start) {
    while (b < e) {
      size_t w = WhitespaceAt(s, b);
      if (w == 0) break;
      b += w;
    }
  }
  if (end) {
    while (e > b) {
      // Try each whitespace width ending at e.
      size_t w = 0;
      for (size_t len = 1; len <= 3 && len <= e - b; ++len) {
        if (WhitespaceAt(s, e - len) == len) {
          w = len;
          break;
        }
      }
      if (w == 0) break;
      e -= w;
    }
  }
  return std::string(s.substr(b, e - b));
}

int32_t ToInt32(double d) {
  if (!std::isfinite(d)) return 0;
  d = std::trunc(d);
  d = std::fmod(d, 4294967296.0);
  if (d < 0) d += 4294967296.0;
  return static_cast<int32_t>(static_cast<uint32_t>(d));
}

uint32_t ToUint32(double d) { return static_cast<uint32_t>(ToInt32(d)); }

std::string Evaluator::NumberToString(double d) {
  if (std::isnan(d)) return "NaN";
  if (d == 0) return "0";
  if (std::isinf(d)) return d < 0 ? "-Infinity" : "Infinity";
  if (d == std::trunc(d) && std::fabs(d) < 1e15) return std::to_string(static_cast<long long>(d));
  char buf[64];
  auto result = std::to_chars(buf, buf + sizeof(buf), d, std::chars_format::scientific);
  std::string_view text(buf, static_cast<size_t>(result.ptr - buf));
  bool negative = false;
  if (!text.empty() && text[0] == '-') {
    negative = true;
    text.remove_prefix(1);
  }
  size_t e_pos = text.find('e');
  std::string digits;
  for (char c : text.substr(0, e_pos)) {
    if (c != '.') digits.push_back(c);
  }
  while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
  int exponent = std::atoi(std::string(text.substr(e_pos + 1)).c_str());
  int k = static_cast<int>(digits.size());
  int n = exponent + 1;
  std::string out = negative ? "-" : "";
  if (k <= n && n <= 21) {
    out += digits + std::string(static_cast<size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<size_t>(n)) + "." + digits.substr(static_cast<size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0." + std::string(static_cast<size_t>(-n), '0') + digits;
  } else {
    out += digits.substr(0, 1);
    if (k > 1) out += "." + digits.substr(1);
    out += "e";
    out += (n - 1 >= 0) ? "+" : "-";
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

double Evaluator::StringToNumber(std::string_view input) {
  std::string s = TrimJsWhitespace(input, true, true);
  if (s.empty()) return 0;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X' || s[1] == 'o' || s[1] == 'O' || s[1] == 'b' || s[1] == 'B')) {
    int base = (s[1] == 'x' || s[1] == 'X') ? 16 : (s[1] == 'o' || s[1] == 'O') ? 8 : 2;
    double v = 0;
    for (size_t i = 2; i < s.size(); ++i) {
      int digit = -1;
      char c = s[i];
      if (c >= '0' && c <= '9') digit = c - '0';
      if (c >= 'a' && c <= 'f') digit = c - 'a' + 10;
      if (c >= 'A' && c <= 'F') digit = c - 'A' + 10;
      if (digit < 0 || digit >= base) return std::nan("");
      v = v * base + digit;
    }
    return v;
  }
  std::string_view body = s;
  bool negative = false;
  if (body[0] == '+' || body[0] == '-') {
    negative = body[0] == '-';
    body.remove_prefix(1);
  }
  if (body == "Infinity") return negative ? -INFINITY : INFINITY;
  // Validate the StrDecimalLiteral grammar before handing it to from_chars.
  size_t i = 0, int_digits = 0, frac_digits = 0;
  while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++int_digits;
  if (i < body.size() && body[i] == '.') {
    ++i;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++frac_digits;
  }
  if (int_digits + frac_digits == 0) return std::nan("");
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    ++i;
    if (i < body.size() && (body[i] == '+' || body[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < body.size() && body[i] >= '0' && body[i] <= '9') ++i, ++exp_digits;
    if (exp_digits == 0) return std::nan("");
  }
  if (i != body.size()) return std::nan("");
  std::string normalized(body);
  if (normalized[0] == '.') normalized.insert(normalized.begin(), '0');
  double v = 0;
  auto r = std::from_chars(normalized.data(), normalized.data() + normalized.size(), v);
  if (r.ec == std::errc::result_out_of_range) {
    // from_chars reports overflow/underflow instead of giving inf/0.
    v = std::strtod(normalized.c_str(), nullptr);
  }
  return negative ? -v : v;
}

Value Evaluator::ToPrimitive(Value v, bool prefer_string, const char* use) {
  if (!v.IsObject()) return v;
  Object* o = v.AsObject();
  if (o->cls == ObjectClass::Opaque) ThrowOpaque(o, use != nullptr ? use : prefer_string ? "as a string" : "as a number");
  const char* order[2] = {"valueOf", "toString"};
  if (prefer_string) std::swap(order[0], order[1]);
  for (const char* method : order) {
    Value fn = Get(v, method);
    if (IsCallable(fn)) {
      Value r = CallFunction(fn.AsObject(), v, {}, current_span_, nullptr);
      if (!r.IsObject()) return r;
    }
  }
  ThrowTypeError("cannot convert object to primitive value", base::DiagKind::EvalError, current_span_);
}

std::string Evaluator::ToString(Value v) {
  switch (v.kind()) {
    case ValueKind::Undefined: return "undefined";
    case ValueKind::Null: return "null";
    case ValueKind::Boolean: return v.AsBoolean() ? "true" : "false";
    case ValueKind::Number: return NumberToString(v.AsNumber());
    case ValueKind::BigInt: return v.AsBigInt();
    case ValueKind::String: return v.AsString();
    case ValueKind::Object: {
      EntryGuard entry(*this);
      return ToString(ToPrimitive(v, true));
    }
  }
  DP_UNREACHABLE();
}

double Evaluator::ToNumber(Value v) {
  switch (v.kind()) {
    case ValueKind::Undefined: return std::nan("");
    case ValueKind::Null: return 0;
    case ValueKind::Boolean: return v.AsBoolean() ? 1 : 0;
    case ValueKind::Number: return v.AsNumber();
    case ValueKind::BigInt:
      ThrowTypeError("cannot convert a BigInt value to a number", base::DiagKind::EvalError, current_span_);
    case ValueKind::String: return StringToNumber(v.AsString());
    case ValueKind::Object: {
      EntryGuard entry(*this);
      return ToNumber(ToPrimitive(v, false));
    }
  }
  DP_UNREACHABLE();
}

Value Evaluator::ToNumeric(Value v) {
  Value p = ToPrimitive(v, false);
  if (p.IsBigInt() || p.IsNumber()) return p;
  return Value::Number(ToNumber(p));
}

bool Evaluator::Truthy(Value v) {
  switch (v.kind()) {
    case ValueKind::Undefined:
    case ValueKind::Null: return false;
    case ValueKind::Boolean: return v.AsBoolean();
    case ValueKind::Number: return !(v.AsNumber() == 0 || std::isnan(v.AsNumber()));
    case ValueKind::BigInt: return v.AsBigInt() != "0";
    case ValueKind::String: return !v.AsString().empty();
    case ValueKind::Object: return true;
  }
  return false;
}

std::string Evaluator::TypeOf(Value v) {
  switch (v.kind()) {
    case ValueKind::Undefined: return "undefined";
    case ValueKind::Null: return "object";
    case ValueKind::Boolean: return "boolean";
    case ValueKind::Number: return "number";
    case ValueKind::BigInt: return "bigint";
    case ValueKind::String: return "string";
    case ValueKind::Object: return v.AsObject()->cls == ObjectClass::Function ? "function" : "object";
  }
  return "undefined";
}

bool Evaluator::StrictEquals(Value a, Value b) {
  if (a.kind() != b.kind()) return false;
  switch (a.kind()) {
    case ValueKind::Undefined:
    case ValueKind::Null: return true;
    case ValueKind::Boolean: return a.AsBoolean() == b.AsBoolean();
    case ValueKind::Number: return a.AsNumber() == b.AsNumber();
    case ValueKind::BigInt: return a.AsBigInt() == b.AsBigInt();
    case ValueKind::String: return &a.AsString() == &b.AsString() || a.AsString() == b.AsString();
    case ValueKind::Object: return a.AsObject() == b.AsObject();
  }
  return false;
}

bool Evaluator::SameValueZero(Value a, Value b) {
  if (a.IsNumber() && b.IsNumber() && std::isnan(a.AsNumber()) && std::isnan(b.AsNumber())) return true;
  return StrictEquals(a, b);
}

bool Evaluator::LooseEquals(Value a, Value b) {
  if (a.kind() == b.kind()) return StrictEquals(a, b);
  if (a.IsNullish() && b.IsNullish()) return true;
  if (a.IsNullish() || b.IsNullish()) return false;
  if (a.IsNumber() && b.IsString()) return a.AsNumber() == StringToNumber(b.AsString());
  if (a.IsString() && b.IsNumber()) return StringToNumber(a.AsString()) == b.AsNumber();
  if (a.IsBigInt() && b.IsString()) return a.AsBigInt() == TrimJsWhitespace(b.AsString(), true, true);
  if (a.IsString() && b.IsBigInt()) return LooseEquals(b, a);
  if (a.IsBoolean()) return LooseEquals(Value::Number(a.AsBoolean() ? 1 : 0), b);
  if (b.IsBoolean()) return LooseEquals(a, Value::Number(b.AsBoolean() ? 1 : 0));
  if (a.IsObject() && !b.IsObject()) return LooseEquals(ToPrimitive(a, false), b);
  if (b.IsObject() && !a.IsObject()) return LooseEquals(a, ToPrimitive(b, false));
  if (a.IsBigInt() && b.IsNumber()) return std::strtod(a.AsBigInt().c_str(), nullptr) == b.AsNumber();
  if (a.IsNumber() && b.IsBigInt()) return LooseEquals(b, a);
  return false;
}

std::optional<bool> Evaluator::LessThan(Value a, Value b) {
  Value pa = ToPrimitive(a, false);
  Value pb = ToPrimitive(b, false);
  if (pa.IsString() && pb.IsString()) return pa.AsString() < pb.AsString();
  if (pa.IsBigInt() && pb.IsBigInt()) {
    Int128 x = 0, y = 0;
    if (ParseInt128(pa.AsBigInt(), &x) && ParseInt128(pb.AsBigInt(), &y)) return x < y;
  }
  double x = pa.IsBigInt() ? std::strtod(pa.AsBigInt().c_str(), nullptr) : ToNumber(pa);
  double y = pb.IsBigInt() ? std::strtod(pb.AsBigInt().c_str(), nullptr) : ToNumber(pb);
  if (std::isnan(x) || std::isnan(y)) return std::nullopt;
  return x < y;
}

Value Evaluator::AddValues(Value a, Value b) {
  if (a.IsString() && b.IsString()) {
    CheckStringSize(a.AsString().size() + b.AsString().size());
    std::string out;
    out.reserve(a.AsString().size() + b.AsString().size());
    out += a.AsString();
    out += b.AsString();
    return Str(out);
  }
  // Dates convert to strings under the default hint; other objects prefer valueOf.
  Value pa = ToPrimitive(a, a.IsObject() && a.AsObject()->cls == ObjectClass::Date, "with +");
  Value pb = ToPrimitive(b, b.IsObject() && b.AsObject()->cls == ObjectClass::Date, "with +");
  if (pa.IsString() || pb.IsString()) {
    std::string x = ToString(pa);
    std::string y = ToString(pb);
    CheckStringSize(x.size() + y.size());
    return Str(x + y);
  }
  if (pa.IsBigInt() || pb.IsBigInt()) {
    if (pa.IsBigInt() && pb.IsBigInt()) return BigIntOperation(BinaryOp::Add, pa, pb, current_span_);
    ThrowTypeError("cannot mix BigInt and other types, use explicit conversions", base::DiagKind::EvalError,
                   current_span_);
  }
  return Value::Number(ToNumber(pa) + ToNumber(pb));
}

Value Evaluator::MakeBigInt(std::string_view digits) {
  bool negative = false;
  if (!digits.empty() && digits[0] == '-') {
    negative = true;
    digits.remove_prefix(1);
  }
  while (digits.size() > 1 && digits[0] == '0') digits.remove_prefix(1);
  if (digits.empty() || digits == "0") return Value::BigInt(heap_.Intern("0"));
  std::string text = negative ? "-" : "";
  text += digits;
  return Value::BigInt(heap_.Intern(text));
}

Value Evaluator::NegateBigInt(Value v) {
  const std::string& d = v.AsBigInt();
  if (d == "0") return v;
  if (d[0] == '-') return MakeBigInt(std::string_view(d).substr(1));
  return MakeBigInt("-" + d);
}

Value Evaluator::BigIntOperation(BinaryOp op, Value a, Value b, base::Span span) {
  Int128 x = 0, y = 0;
  if (!ParseInt128(a.AsBigInt(), &x) || !ParseInt128(b.AsBigInt(), &y) || x >= kInt128Limit || x <= -kInt128Limit ||
      y >= kInt128Limit || y <= -kInt128Limit) {
    ThrowAt(range_error_proto_, "BigInt value is too large for this evaluator", base::DiagKind::EvalUnsupported, span);
  }
  Int128 r = 0;
  auto too_large = [&]() {
    ThrowAt(range_error_proto_, "BigInt value is too large for this evaluator", base::DiagKind::EvalUnsupported, span);
  };
  switch (op) {
    case BinaryOp::Add: r = x + y; break;
    case BinaryOp::Sub: r = x - y; break;
    case BinaryOp::Mul:
      if (__builtin_mul_overflow(x, y, &r) || r >= kInt128Limit || r <= -kInt128Limit) too_large();
      break;
    case BinaryOp::Div:
    case BinaryOp::Mod:
      if (y == 0) ThrowAt(range_error_proto_, "division by zero", base::DiagKind::EvalError, span);
      r = op == BinaryOp::Div ? x / y : x % y;
      break;
    case BinaryOp::Exp: {
      if (y < 0) ThrowAt(range_error_proto_, "exponent must be non-negative", base::DiagKind::EvalError, span);
      r = 1;
      for (Int128 i = 0; i < y; ++i) {
        if (__builtin_mul_overflow(r, x, &r) || r >= kInt128Limit || r <= -kInt128Limit) too_large();
        if (r == 0 || r == 1) break;
      }
      break;
    }
    case BinaryOp::BitAnd: r = x & y; break;
    case BinaryOp::BitOr: r = x | y; break;
    case BinaryOp::BitXor: r = x ^ y; break;
    case BinaryOp::Shl:
    case BinaryOp::Shr: {
      bool left = (op == BinaryOp::Shl) == (y >= 0);
      Int128 n = y >= 0 ? y : -y;
      if (left) {
        if (n >= 124) too_large();
        if (__builtin_mul_overflow(x, static_cast<Int128>(1) << n, &r) || r >= kInt128Limit || r <= -kInt128Limit) too_large();
      } else {
        r = n >= 127 ? (x < 0 ? -1 : 0) : (x >> n);
      }
      break;
    }
    default:
      ThrowAt(type_error_proto_, "BigInts have no unsigned right shift, use >> instead", base::DiagKind::EvalError,
              span);
  }
  if (r >= kInt128Limit || r <= -kInt128Limit) too_large();
  return MakeBigInt(FormatInt128(r));
}

bool Evaluator::InstanceOf(Value v, Value ctor, base::Span span) {
  if (ctor.IsObject() && ctor.AsObject()->cls == ObjectClass::Opaque) {
    current_span_ = span;
    ThrowOpaque(ctor.AsObject(), "with instanceof");
  }
  if (!IsCallable(ctor)) {
    ThrowAt(type_error_proto_, "right-hand side of 'instanceof' is not callable", base::DiagKind::EvalError, span);
  }
  if (!v.IsObject()) return false;
  Value proto = Get(ctor, "prototype");
  if (!proto.IsObject()) return false;
  for (Object* p = v.AsObject()->proto; p != nullptr; p = p->proto) {
    if (p == proto.AsObject()) return true;
  }
  return false;
}

Value Evaluator::BinaryOperation(BinaryOp op, Value a, Value b, base::Span span) {
  switch (op) {
    case BinaryOp::Add:
      return AddValues(a, b);
    case BinaryOp::Eq: return Value::Boolean(LooseEquals(a, b));
    case BinaryOp::NotEq: return Value::Boolean(!LooseEquals(a, b));
    case BinaryOp::StrictEq: return Value::Boolean(StrictEquals(a, b));
    case BinaryOp::StrictNotEq: return Value::Boolean(!StrictEquals(a, b));
    case BinaryOp::Lt: return Value::Boolean(LessThan(a, b).value_or(false));
    case BinaryOp::Gt: return Value::Boolean(LessThan(b, a).value_or(false));
    case BinaryOp::LtEq: {
      auto r = LessThan(b, a);
      return Value::Boolean(r.has_value() && !*r);
    }
    case BinaryOp::GtEq: {
      auto r = LessThan(a, b);
      return Value::Boolean(r.has_value() && !*r);
    }
    case BinaryOp::In: {
      if (!b.IsObject()) {
        ThrowAt(type_error_proto_, "cannot use 'in' operator to search for '" + ToString(a) + "' in " + Describe(b),
                base::DiagKind::EvalError, span);
      }
      if (b.AsObject()->cls == ObjectClass::Opaque) ThrowOpaque(b.AsObject(), "with the 'in' operator");
      return Value::Boolean(HasProperty(b.AsObject(), KeyString(a)));
    }
    case BinaryOp::Instanceof:
      return Value::Boolean(InstanceOf(a, b, span));
    default:
      break;
  }
  Value na = ToNumeric(a);
  Value nb = ToNumeric(b);
  if (na.IsBigInt() || nb.IsBigInt()) {
    if (na.IsBigInt() && nb.IsBigInt()) return BigIntOperation(op, na, nb, span);
    ThrowAt(type_error_proto_, "cannot mix BigInt and other types, use explicit conversions", base::DiagKind::EvalError,
            span);
  }
  double x = na.AsNumber(), y = nb.AsNumber();
  switch (op) {
    case BinaryOp::Sub: return Value::Number(x - y);
    case BinaryOp::Mul: return Value::Number(x * y);
    case BinaryOp::Div: return Value::Number(x / y);
    case BinaryOp::Mod: return Value::Number(std::fmod(x, y));
    case BinaryOp::Exp:
      if (std::isnan(y) || (std::fabs(x) == 1 && std::isinf(y))) return Value::Number(std::nan(""));
      return Value::Number(std::pow(x, y));
    case BinaryOp::Shl: return Value::Number(static_cast<int32_t>(ToUint32(x) << (ToUint32(y) & 31)));
    case BinaryOp::Shr: return Value::Number(ToInt32(x) >> (ToUint32(y) & 31));
    case BinaryOp::UShr: return Value::Number(ToUint32(x) >> (ToUint32(y) & 31));
    case BinaryOp::BitAnd: return Value::Number(ToInt32(x) & ToInt32(y));
    case BinaryOp::BitOr: return Value::Number(ToInt32(x) | ToInt32(y));
    case BinaryOp::BitXor: return Value::Number(ToInt32(x) ^ ToInt32(y));
    default: break;
  }
  DP_UNREACHABLE();
}

}  // namespace dp::ts
