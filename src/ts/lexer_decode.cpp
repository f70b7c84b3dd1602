// Token values computed on demand: decoded identifiers, strings and template pieces, bigint
// digits, plus the UTF-8, radix and Number::toString helpers the parser also uses.
#include <charconv>
#include <cmath>
#include <cstring>

#include "ts/lexer.h"

namespace dp::ts {

namespace {

int Hex(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Reads a \u escape (after the "\u") at body[i]; returns false if malformed.
bool ReadUnicodeEscape(std::string_view body, size_t* i, uint32_t* cp) {
  size_t j = *i;
  uint32_t v = 0;
  if (j < body.size() && body[j] == '{') {
    ++j;
    size_t begin = j;
    while (j < body.size() && Hex(body[j]) >= 0) {
      v = v * 16 + static_cast<uint32_t>(Hex(body[j]));
      if (v > 0x10FFFF) return false;
      ++j;
    }
    if (j == begin || j >= body.size() || body[j] != '}') return false;
    *i = j + 1;
  } else {
    for (int k = 0; k < 4; ++k, ++j) {
      if (j >= body.size() || Hex(body[j]) < 0) return false;
      v = v * 16 + static_cast<uint32_t>(Hex(body[j]));
    }
    *i = j;
  }
  *cp = v;
  return true;
}

// Decodes the escapes of a string or template body (already validated by the scanner).
// Templates normalize CR and CRLF to LF.
void DecodeBody(std::string_view body, bool in_template, std::string& out) {
  out.reserve(out.size() + body.size());
  size_t i = 0;
  while (i < body.size()) {
    char c = body[i];
    if (c == '\r' && in_template) {
      out += '\n';
      i += (i + 1 < body.size() && body[i + 1] == '\n') ? 2 : 1;
      continue;
    }
    if (c != '\\') {
      out += c;
      ++i;
      continue;
    }
    ++i;
    if (i >= body.size()) break;
    char e = body[i++];
    switch (e) {
      case 'n': out += '\n'; break;
      case 't': out += '\t'; break;
      case 'r': out += '\r'; break;
      case 'b': out += '\b'; break;
      case 'f': out += '\f'; break;
      case 'v': out += '\v'; break;
      case '\n': break;
      case '\r':
        if (i < body.size() && body[i] == '\n') ++i;
        break;
      case 'x':
        if (i + 1 < body.size() && Hex(body[i]) >= 0 && Hex(body[i + 1]) >= 0) {
          AppendUtf8(out, static_cast<uint32_t>(Hex(body[i]) * 16 + Hex(body[i + 1])));
          i += 2;
        }
        break;
      case 'u': {
        uint32_t cp = 0;
        if (!ReadUnicodeEscape(body, &i, &cp)) break;
        // Join an escaped surrogate pair into one code point.
        if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < body.size() && body[i] == '\\' && body[i + 1] == 'u') {
          size_t j = i + 2;
          uint32_t low = 0;
          if (ReadUnicodeEscape(body, &j, &low) && low >= 0xDC00 && low <= 0xDFFF) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            i = j;
          }
        }
        AppendUtf8(out, cp);
        break;
      }
      case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
        uint32_t v = static_cast<uint32_t>(e - '0');
        if (i < body.size() && body[i] >= '0' && body[i] <= '7') {
          v = v * 8 + static_cast<uint32_t>(body[i++] - '0');
          if (e <= '3' && i < body.size() && body[i] >= '0' && body[i] <= '7') {
            v = v * 8 + static_cast<uint32_t>(body[i++] - '0');
          }
        }
        AppendUtf8(out, v);
        break;
      }
      default:
        // LS/PS after a backslash are line continuations; anything else stands for itself.
        if (static_cast<unsigned char>(e) == 0xE2 && i + 1 < body.size() &&
            static_cast<unsigned char>(body[i]) == 0x80 &&
            (static_cast<unsigned char>(body[i + 1]) == 0xA8 || static_cast<unsigned char>(body[i + 1]) == 0xA9)) {
          i += 2;
          break;
        }
        out += e;
        break;
    }
  }
}

}  // namespace

std::string_view Lexer::Identifier() {
  std::string_view raw = Raw();
  if (!s_.has_escape) return raw;
  scratch_.clear();
  size_t i = 0;
  while (i < raw.size()) {
    if (raw[i] == '\\' && i + 1 < raw.size() && raw[i + 1] == 'u') {
      i += 2;
      uint32_t cp = 0;
      if (ReadUnicodeEscape(raw, &i, &cp)) AppendUtf8(scratch_, cp);
      continue;
    }
    scratch_ += raw[i++];
  }
  return scratch_;
}

std::string Lexer::StringValue() {
  std::string_view raw = Raw();
  std::string_view body = raw.size() >= 2 ? raw.substr(1, raw.size() - 2) : std::string_view();
  if (!s_.has_escape) return std::string(body);
  std::string out;
  DecodeBody(body, false, out);
  return out;
}

void Lexer::TemplateValues(std::string* cooked, std::string* raw) const {
  std::string_view text = Raw();
  size_t tail = (s_.token == Tok::TemplateHead || s_.token == Tok::TemplateMiddle) ? 2 : 1;
  std::string_view body = text.size() >= 1 + tail ? text.substr(1, text.size() - 1 - tail) : std::string_view();
  cooked->clear();
  raw->clear();
  if (!s_.has_escape) {
    cooked->assign(body);
    raw->assign(body);
    return;
  }
  DecodeBody(body, true, *cooked);
  raw->reserve(body.size());
  for (size_t i = 0; i < body.size(); ++i) {
    if (body[i] == '\r') {
      *raw += '\n';
      if (i + 1 < body.size() && body[i + 1] == '\n') ++i;
    } else {
      *raw += body[i];
    }
  }
}

std::string Lexer::BigIntDigits() const {
  std::string_view raw = Raw();
  raw.remove_suffix(1);  // 'n'
  int radix = 10;
  if (raw.size() > 2 && raw[0] == '0') {
    char p = raw[1];
    radix = (p == 'x' || p == 'X') ? 16 : (p == 'o' || p == 'O') ? 8 : (p == 'b' || p == 'B') ? 2 : 10;
    if (radix != 10) raw.remove_prefix(2);
  }
  std::string digits;
  for (char c : raw) {
    if (c != '_') digits += c;
  }
  return RadixToDecimal(digits, radix);
}

std::string RadixToDecimal(std::string_view digits, int radix) {
  // Little-endian limbs of base 1e9.
  std::vector<uint32_t> limbs{0};
  for (char c : digits) {
    uint64_t carry = static_cast<uint64_t>(Hex(c));
    for (uint32_t& limb : limbs) {
      uint64_t v = static_cast<uint64_t>(limb) * static_cast<uint64_t>(radix) + carry;
      limb = static_cast<uint32_t>(v % 1000000000u);
      carry = v / 1000000000u;
    }
    if (carry != 0) limbs.push_back(static_cast<uint32_t>(carry));
  }
  std::string out = std::to_string(limbs.back());
  char buf[16];
  for (size_t i = limbs.size() - 1; i-- > 0;) {
    std::snprintf(buf, sizeof buf, "%09u", limbs[i]);
    out += buf;
  }
  return out;
}

uint32_t DecodeUtf8(std::string_view text, uint32_t* length) {
  auto b = [&](size_t i) { return static_cast<unsigned char>(text[i]); };
  *length = 1;
  if (text.empty()) return 0xFFFD;
  unsigned char c = b(0);
  if (c < 0x80) return c;
  auto cont = [&](size_t i) { return i < text.size() && (b(i) & 0xC0) == 0x80; };
  if (c >= 0xC2 && c <= 0xDF && cont(1)) {
    *length = 2;
    return ((c & 0x1Fu) << 6) | (b(1) & 0x3Fu);
  }
  if (c >= 0xE0 && c <= 0xEF && cont(1) && cont(2)) {
    uint32_t cp = ((c & 0x0Fu) << 12) | ((b(1) & 0x3Fu) << 6) | (b(2) & 0x3Fu);
    if (cp < 0x800) return 0xFFFD;
    *length = 3;
    return cp;
  }
  if (c >= 0xF0 && c <= 0xF4 && cont(1) && cont(2) && cont(3)) {
    uint32_t cp = ((c & 0x07u) << 18) | ((b(1) & 0x3Fu) << 12) | ((b(2) & 0x3Fu) << 6) | (b(3) & 0x3Fu);
    if (cp < 0x10000 || cp > 0x10FFFF) return 0xFFFD;
    *length = 4;
    return cp;
  }
  return 0xFFFD;
}

void AppendUtf8(std::string& out, uint32_t cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::string NumberToJsString(double value) {
  if (std::isnan(value)) return "NaN";
  if (value == 0) return "0";
  if (std::isinf(value)) return value < 0 ? "-Infinity" : "Infinity";
  if (value < 0) return "-" + NumberToJsString(-value);
  // Shortest round-trip digits in scientific form: d[.ddd]e[+-]x
  char buf[64];
  auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<size_t>(res.ptr - buf));
  size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits += c;
  }
  int exp10 = std::atoi(std::string(sci.substr(e_pos + 1)).c_str());
  int k = static_cast<int>(digits.size());
  int n = exp10 + 1;
  if (k <= n && n <= 21) return digits + std::string(static_cast<size_t>(n - k), '0');
  if (0 < n && n <= 21) return digits.substr(0, static_cast<size_t>(n)) + "." + digits.substr(static_cast<size_t>(n));
  if (-6 < n && n <= 0) return "0." + std::string(static_cast<size_t>(-n), '0') + digits;
  int e = n - 1;
  std::string out = digits.substr(0, 1);
  if (k > 1) out += "." + digits.substr(1);
  out += e < 0 ? "e-" : "e+";
  out += std::to_string(e < 0 ? -e : e);
  return out;
}

bool IsIdentifierName(std::string_view name) {
  if (name.empty()) return false;
  size_t i = 0;
  bool first = true;
  while (i < name.size()) {
    uint32_t len = 1;
    uint32_t cp = DecodeUtf8(name.substr(i), &len);
    if (first ? !IsIdStart(cp) : !IsIdContinue(cp)) return false;
    first = false;
    i += len;
  }
  return true;
}

std::string_view TokName(Tok t) {
  switch (t) {
    case Tok::EndOfFile: return "end of file";
    case Tok::Identifier: return "Identifier";
    case Tok::EscapedKeyword: return "EscapedKeyword";
    case Tok::PrivateIdentifier: return "PrivateIdentifier";
    case Tok::Number: return "Number";
    case Tok::BigInt: return "BigInt";
    case Tok::String: return "String";
    case Tok::RegExp: return "RegExp";
    case Tok::NoSubstitutionTemplate: return "NoSubstitutionTemplate";
    case Tok::TemplateHead: return "TemplateHead";
    case Tok::TemplateMiddle: return "TemplateMiddle";
    case Tok::TemplateTail: return "TemplateTail";
    case Tok::FirstKeyword: return "?";
#define DP_TS_X(name, text) \
  case Tok::name:           \
    return text;
      DP_TS_PUNCTUATORS(DP_TS_X)
      DP_TS_KEYWORDS(DP_TS_X)
#undef DP_TS_X
  }
  return "?";
}

Tok KeywordToken(std::string_view text) {
  // Dispatch on length, then compare: identifiers are scanned often, keywords are few.
  auto is = [&](const char* word) { return std::memcmp(text.data(), word, text.size()) == 0; };
  switch (text.size()) {
    case 2:
      if (is("do")) return Tok::Do;
      if (is("if")) return Tok::If;
      if (is("in")) return Tok::In;
      break;
    case 3:
      if (is("for")) return Tok::For;
      if (is("new")) return Tok::New;
      if (is("try")) return Tok::Try;
      if (is("var")) return Tok::Var;
      break;
    case 4:
      if (is("case")) return Tok::Case;
      if (is("else")) return Tok::Else;
      if (is("enum")) return Tok::Enum;
      if (is("null")) return Tok::Null;
      if (is("this")) return Tok::This;
      if (is("true")) return Tok::True;
      if (is("void")) return Tok::Void;
      if (is("with")) return Tok::With;
      break;
    case 5:
      if (is("break")) return Tok::Break;
      if (is("catch")) return Tok::Catch;
      if (is("class")) return Tok::Class;
      if (is("const")) return Tok::Const;
      if (is("false")) return Tok::False;
      if (is("super")) return Tok::Super;
      if (is("throw")) return Tok::Throw;
      if (is("while")) return Tok::While;
      break;
    case 6:
      if (is("delete")) return Tok::Delete;
      if (is("export")) return Tok::Export;
      if (is("import")) return Tok::Import;
      if (is("return")) return Tok::Return;
      if (is("switch")) return Tok::Switch;
      if (is("typeof")) return Tok::Typeof;
      break;
    case 7:
      if (is("default")) return Tok::Default;
      if (is("extends")) return Tok::Extends;
      if (is("finally")) return Tok::Finally;
      break;
    case 8:
      if (is("continue")) return Tok::Continue;
      if (is("debugger")) return Tok::Debugger;
      if (is("function")) return Tok::Function;
      break;
    case 10:
      if (is("instanceof")) return Tok::Instanceof;
      break;
    default:
      break;
  }
  return Tok::Identifier;
}

}  // namespace dp::ts
