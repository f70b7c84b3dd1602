// Numeric literals: decimal, hex/octal/binary, legacy octal, separators, exponents and
// bigints; the value is computed while scanning (bigint digits on demand).
#include <fmt/format.h>

#include <charconv>
#include <limits>

#include "ts/lexer.h"

namespace dp::ts {

using base::DiagKind;

namespace {

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
bool IsAsciiIdContinue(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$' || IsDigit(c);
}
int HexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}
bool IsRadixDigit(unsigned char c, int radix) {
  int v = HexValue(c);
  return v >= 0 && v < radix;
}

}  // namespace

void Lexer::ScanNumber(uint32_t p) {
  const uint32_t n = static_cast<uint32_t>(text_.size());
  auto at = [&](uint32_t i) -> unsigned char { return i < n ? static_cast<unsigned char>(text_[i]) : 0; };
  auto bad = [&](uint32_t i, const char* message) { Fail(DiagKind::LexInvalidNumber, i, 1, message); };
  uint32_t q = p;
  bool is_bigint = false;
  int radix = 10;
  bool legacy_octal = false;
  bool is_integer = true;
  // Scans digits of `r` with numeric separators; returns the count of digits.
  auto digits = [&](int r) {
    int count = 0;
    while (true) {
      unsigned char c = at(q);
      if (c == '_') {
        if (count == 0 || !IsRadixDigit(at(q + 1), r)) bad(q, "Invalid numeric separator");
        ++q;
        continue;
      }
      if (!IsRadixDigit(c, r)) break;
      ++q;
      ++count;
    }
    return count;
  };
  unsigned char c1 = at(p + 1);
  if (at(p) == '0' && (c1 == 'x' || c1 == 'X' || c1 == 'o' || c1 == 'O' || c1 == 'b' || c1 == 'B')) {
    radix = (c1 == 'x' || c1 == 'X') ? 16 : (c1 == 'o' || c1 == 'O') ? 8 : 2;
    q = p + 2;
    if (digits(radix) == 0) bad(q, "Expected digits after the number prefix");
  } else if (at(p) == '0' && (IsDigit(c1) || c1 == '_')) {
    if (c1 == '_') bad(p + 1, "Invalid numeric separator");
    // Legacy octal (017) or a decimal with a leading zero (089).
    q = p + 1;
    legacy_octal = true;
    while (IsDigit(at(q))) {
      if (at(q) >= '8') legacy_octal = false;
      ++q;
    }
    if (legacy_octal) {
      radix = 8;
    } else if (at(q) == '.') {
      ++q;
      while (IsDigit(at(q))) ++q;
      is_integer = false;
    }
  } else {
    if (at(q) != '.') digits(10);
    if (at(q) == '.') {
      ++q;
      is_integer = false;
      if (at(q) == '_') bad(q, "Invalid numeric separator");
      digits(10);
    }
    if (at(q) == 'e' || at(q) == 'E') {
      is_integer = false;
      ++q;
      if (at(q) == '+' || at(q) == '-') ++q;
      if (digits(10) == 0) bad(q, "Expected digits in the exponent");
    }
  }
  if (at(q) == 'n') {
    if (!is_integer || legacy_octal || (radix == 10 && at(p) == '0' && q > p + 1)) bad(q, "Invalid bigint literal");
    is_bigint = true;
    ++q;
  }
  // An identifier character right after a number ("3in") is an error.
  unsigned char next = at(q);
  if (IsAsciiIdContinue(next) || next == '\\') bad(q, "Unexpected character after number");
  if (next >= 0x80) {
    uint32_t len = 1;
    if (IsIdStart(DecodeUtf8(text_.substr(q), &len))) bad(q, "Unexpected character after number");
  }
  s_.end = s_.pos = q;
  if (is_bigint) {
    // Converting the digits to decimal is quadratic; no real program has such literals.
    if (q - p > 4096) Fail(DiagKind::LexInvalidNumber, p, q - p, "bigint literal is too long");
    s_.token = Tok::BigInt;
    s_.number = 0;
    return;
  }
  s_.token = Tok::Number;
  // Value: collect the digits without separators and the prefix.
  uint32_t begin = (radix == 10) ? p : (legacy_octal ? p + 1 : p + 2);
  std::string_view body = text_.substr(begin, q - begin);
  if (radix == 10 && is_integer && body.size() <= 15 && body.find('_') == std::string_view::npos) {
    uint64_t v = 0;
    for (char c : body) v = v * 10 + static_cast<uint64_t>(c - '0');
    s_.number = static_cast<double>(v);
    return;
  }
  scratch_.clear();
  for (char c : body) {
    if (c != '_') scratch_ += c;
  }
  if (radix != 10) {
    size_t zeros = 0;
    while (zeros + 1 < scratch_.size() && scratch_[zeros] == '0') ++zeros;
    scratch_.erase(0, zeros);
    if (scratch_.size() * (radix == 16 ? 4 : radix == 8 ? 3 : 1) <= 52) {
      uint64_t v = 0;
      for (char c : scratch_) v = v * static_cast<uint64_t>(radix) + static_cast<uint64_t>(HexValue(c));
      s_.number = static_cast<double>(v);
      return;
    }
    if (scratch_.size() * (radix == 16 ? 4 : radix == 8 ? 3 : 1) > 1100) {
      s_.number = std::numeric_limits<double>::infinity();  // beyond the largest double
      return;
    }
    scratch_ = RadixToDecimal(scratch_, radix);
  }
  double value = 0;
  const char* first = scratch_.data();
  if (!scratch_.empty() && scratch_[0] == '.') {
    scratch_.insert(scratch_.begin(), '0');
    first = scratch_.data();
  }
  auto [ptr, ec] = std::from_chars(first, scratch_.data() + scratch_.size(), value);
  if (ec == std::errc::result_out_of_range) {
    // Overflow gives Infinity, underflow 0, as in JS.
    bool tiny = scratch_.find_first_of("eE") != std::string::npos &&
                scratch_.find('-', scratch_.find_first_of("eE")) != std::string::npos;
    value = tiny ? 0.0 : std::numeric_limits<double>::infinity();
  }
  (void)ptr;
  s_.number = value;
}

}  // namespace dp::ts
