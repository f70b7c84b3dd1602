// Scanning: turns source text into tokens on demand. Values of tokens are decoded later
// (lexer_decode.cpp), so this file only finds token boundaries, validates, and computes
// numeric values.
#include "ts/lexer.h"

#include <fmt/format.h>

#include <cstring>
#include <limits>

namespace dp::ts {

using base::DiagKind;

namespace {

bool IsAsciiIdStart(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
}
bool IsAsciiIdContinue(unsigned char c) { return IsAsciiIdStart(c) || (c >= '0' && c <= '9'); }
bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }
int HexValue(unsigned char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Line terminators LS (U+2028) and PS (U+2029) are E2 80 A8 / E2 80 A9.
bool IsLsPs(std::string_view text, uint32_t p) {
  return p + 2 < text.size() && static_cast<unsigned char>(text[p]) == 0xE2 &&
         static_cast<unsigned char>(text[p + 1]) == 0x80 &&
         (static_cast<unsigned char>(text[p + 2]) == 0xA8 || static_cast<unsigned char>(text[p + 2]) == 0xA9);
}

}  // namespace

Lexer::Lexer(std::string_view text, base::FileId file) : text_(text), file_(file) {
  // A file larger than 4 GiB cannot be addressed by 32-bit offsets; the loader never gives one.
  if (text_.size() > 0xFFFFFFF0u) text_ = text_.substr(0, 0xFFFFFFF0u);
  // Skip a UTF-8 byte order mark and a hashbang line.
  uint32_t p = 0;
  if (text_.size() >= 3 && text_.substr(0, 3) == "\xEF\xBB\xBF") p = 3;
  if (text_.size() >= p + 2 && text_[p] == '#' && text_[p + 1] == '!') p = SkipLineComment(p);
  s_.pos = p;
}

void Lexer::Fail(DiagKind kind, base::Span span, std::string message) {
  error_ = SyntaxError{kind, span, std::move(message)};
  throw ParseAbort{};
}

void Lexer::FailChar(uint32_t p) {
  uint32_t len = 1;
  uint32_t cp = DecodeUtf8(text_.substr(p), &len);
  std::string shown;
  if (cp < 0x20 || cp == 0x7F) {
    shown = fmt::format("\\x{:02x}", cp);
  } else {
    AppendUtf8(shown, cp);
  }
  Fail(DiagKind::LexUnexpectedChar, p, len, fmt::format("Unexpected \"{}\"", shown));
}

uint32_t Lexer::SkipLineComment(uint32_t p) {
  const uint32_t n = static_cast<uint32_t>(text_.size());
  while (p < n) {
    char c = text_[p];
    if (c == '\n' || c == '\r') break;
    if (static_cast<unsigned char>(c) == 0xE2 && IsLsPs(text_, p)) break;
    ++p;
  }
  return p;
}

uint32_t Lexer::SkipBlockComment(uint32_t p) {
  const uint32_t begin = p;
  const uint32_t n = static_cast<uint32_t>(text_.size());
  p += 2;
  for (;;) {
    const void* found = p < n ? std::memchr(text_.data() + p, '*', n - p) : nullptr;
    uint32_t star = found ? static_cast<uint32_t>(static_cast<const char*>(found) - text_.data()) : n;
    // Any line terminator inside the comment counts as a newline for ASI.
    if (!s_.newline_before) {
      for (uint32_t i = p; i < star; ++i) {
        char c = text_[i];
        if (c == '\n' || c == '\r' || (static_cast<unsigned char>(c) == 0xE2 && IsLsPs(text_, i))) {
          s_.newline_before = true;
          break;
        }
      }
    }
    if (star + 1 >= n) {
      Fail(DiagKind::LexUnterminatedComment, begin, 2, "Expected \"*/\" to terminate multi-line comment");
    }
    if (text_[star + 1] == '/') return star + 2;
    p = star + 1;
  }
}

void Lexer::Next() {
  s_.newline_before = false;
  s_.has_escape = false;
  s_.cooked_invalid = false;
  const uint32_t n = static_cast<uint32_t>(text_.size());
  const char* t = text_.data();
  for (;;) {
    uint32_t p = s_.pos;
    s_.start = p;
    if (p >= n) {
      s_.token = Tok::EndOfFile;
      s_.end = p;
      return;
    }
    unsigned char c = t[p];
    unsigned char c1 = p + 1 < n ? t[p + 1] : 0;
    unsigned char c2 = p + 2 < n ? t[p + 2] : 0;
    unsigned char c3 = p + 3 < n ? t[p + 3] : 0;
    switch (c) {
      case '\n':
      case '\r':
        s_.newline_before = true;
        s_.pos = p + 1;
        continue;
      case ' ':
      case '\t':
      case '\v':
      case '\f':
        s_.pos = p + 1;
        continue;
      case '(': return Set(Tok::OpenParen, 1);
      case ')': return Set(Tok::CloseParen, 1);
      case '[': return Set(Tok::OpenBracket, 1);
      case ']': return Set(Tok::CloseBracket, 1);
      case '{': return Set(Tok::OpenBrace, 1);
      case '}': return Set(Tok::CloseBrace, 1);
      case ',': return Set(Tok::Comma, 1);
      case ':': return Set(Tok::Colon, 1);
      case ';': return Set(Tok::Semicolon, 1);
      case '~': return Set(Tok::Tilde, 1);
      case '@': return Set(Tok::At, 1);
      case '!':
        if (c1 == '=') return c2 == '=' ? Set(Tok::ExclamationEqualsEquals, 3) : Set(Tok::ExclamationEquals, 2);
        return Set(Tok::Exclamation, 1);
      case '%': return c1 == '=' ? Set(Tok::PercentEquals, 2) : Set(Tok::Percent, 1);
      case '&':
        if (c1 == '&') return c2 == '=' ? Set(Tok::AmpersandAmpersandEquals, 3) : Set(Tok::AmpersandAmpersand, 2);
        return c1 == '=' ? Set(Tok::AmpersandEquals, 2) : Set(Tok::Ampersand, 1);
      case '|':
        if (c1 == '|') return c2 == '=' ? Set(Tok::BarBarEquals, 3) : Set(Tok::BarBar, 2);
        return c1 == '=' ? Set(Tok::BarEquals, 2) : Set(Tok::Bar, 1);
      case '^': return c1 == '=' ? Set(Tok::CaretEquals, 2) : Set(Tok::Caret, 1);
      case '*':
        if (c1 == '*') return c2 == '=' ? Set(Tok::AsteriskAsteriskEquals, 3) : Set(Tok::AsteriskAsterisk, 2);
        return c1 == '=' ? Set(Tok::AsteriskEquals, 2) : Set(Tok::Asterisk, 1);
      case '+':
        if (c1 == '+') return Set(Tok::PlusPlus, 2);
        return c1 == '=' ? Set(Tok::PlusEquals, 2) : Set(Tok::Plus, 1);
      case '-':
        if (c1 == '-') return Set(Tok::MinusMinus, 2);
        return c1 == '=' ? Set(Tok::MinusEquals, 2) : Set(Tok::Minus, 1);
      case '.':
        if (IsDigit(c1)) return ScanNumber(p);
        if (c1 == '.' && c2 == '.') return Set(Tok::DotDotDot, 3);
        return Set(Tok::Dot, 1);
      case '/':
        if (c1 == '/') {
          s_.pos = SkipLineComment(p + 2);
          continue;
        }
        if (c1 == '*') {
          s_.pos = SkipBlockComment(p);
          continue;
        }
        return c1 == '=' ? Set(Tok::SlashEquals, 2) : Set(Tok::Slash, 1);
      case '<':
        if (c1 == '<') return c2 == '=' ? Set(Tok::LessThanLessThanEquals, 3) : Set(Tok::LessThanLessThan, 2);
        return c1 == '=' ? Set(Tok::LessThanEquals, 2) : Set(Tok::LessThan, 1);
      case '>':
        if (c1 == '>') {
          if (c2 == '>') {
            return c3 == '=' ? Set(Tok::GreaterThanGreaterThanGreaterThanEquals, 4)
                             : Set(Tok::GreaterThanGreaterThanGreaterThan, 3);
          }
          return c2 == '=' ? Set(Tok::GreaterThanGreaterThanEquals, 3) : Set(Tok::GreaterThanGreaterThan, 2);
        }
        return c1 == '=' ? Set(Tok::GreaterThanEquals, 2) : Set(Tok::GreaterThan, 1);
      case '=':
        if (c1 == '=') return c2 == '=' ? Set(Tok::EqualsEqualsEquals, 3) : Set(Tok::EqualsEquals, 2);
        if (c1 == '>') return Set(Tok::EqualsGreaterThan, 2);
        return Set(Tok::Equals, 1);
      case '?':
        if (c1 == '?') return c2 == '=' ? Set(Tok::QuestionQuestionEquals, 3) : Set(Tok::QuestionQuestion, 2);
        if (c1 == '.' && !IsDigit(c2)) return Set(Tok::QuestionDot, 2);
        return Set(Tok::Question, 1);
      case '\'':
      case '"':
        return ScanString(p, static_cast<char>(c));
      case '`':
        return ScanTemplate(p + 1, true);
      case '#':
        return ScanPrivateOrHash(p);
      case '\\':
        return ScanIdentifierSlow(p);
      default:
        break;
    }
    if (IsDigit(c)) return ScanNumber(p);
    if (IsAsciiIdStart(c)) return ScanIdentifier(p);
    if (c >= 0x80) {
      uint32_t len = 1;
      uint32_t cp = DecodeUtf8(text_.substr(p), &len);
      if (cp == 0x2028 || cp == 0x2029) {
        s_.newline_before = true;
        s_.pos = p + len;
        continue;
      }
      if (IsUnicodeSpace(cp)) {
        s_.pos = p + len;
        continue;
      }
      if (IsIdStart(cp)) return ScanIdentifierSlow(p);
    }
    FailChar(p);
  }
}

void Lexer::ScanPrivateOrHash(uint32_t p) {
  uint32_t q = p + 1;
  if (q < text_.size()) {
    unsigned char c = text_[q];
    bool starts = IsAsciiIdStart(c) || c == '\\';
    if (!starts && c >= 0x80) {
      uint32_t len = 1;
      starts = IsIdStart(DecodeUtf8(text_.substr(q), &len));
    }
    if (starts) {
      // Scan the name after '#' as an identifier, then widen the token to include the '#'.
      s_.start = q;
      if (IsAsciiIdStart(c)) {
        ScanIdentifier(q);
      } else {
        ScanIdentifierSlow(q);
      }
      s_.start = p;
      s_.token = Tok::PrivateIdentifier;
      return;
    }
  }
  FailChar(p);
}

void Lexer::ScanIdentifier(uint32_t p) {
  const uint32_t n = static_cast<uint32_t>(text_.size());
  uint32_t q = p + 1;
  while (q < n && IsAsciiIdContinue(static_cast<unsigned char>(text_[q]))) ++q;
  if (q < n && (text_[q] == '\\' || static_cast<unsigned char>(text_[q]) >= 0x80)) return ScanIdentifierSlow(p);
  s_.end = s_.pos = q;
  std::string_view word = text_.substr(p, q - p);
  s_.token = (word[0] >= 'b' && word[0] <= 'y' && word.size() >= 2 && word.size() <= 10) ? KeywordToken(word)
                                                                                         : Tok::Identifier;
}

uint32_t Lexer::ReadIdentifierEscape(uint32_t* p) {
  uint32_t q = *p;
  auto bad = [&]() { Fail(DiagKind::LexInvalidEscape, q, 2, "Invalid escape sequence in identifier"); };
  if (q + 1 >= text_.size() || text_[q + 1] != 'u') bad();
  uint32_t r = q + 2;
  uint32_t cp = 0;
  if (r < text_.size() && text_[r] == '{') {
    ++r;
    int digits = 0;
    while (r < text_.size() && HexValue(text_[r]) >= 0) {
      cp = cp * 16 + HexValue(text_[r]);
      if (cp > 0x10FFFF) bad();
      ++r;
      ++digits;
    }
    if (digits == 0 || r >= text_.size() || text_[r] != '}') bad();
    ++r;
  } else {
    for (int i = 0; i < 4; ++i, ++r) {
      if (r >= text_.size() || HexValue(text_[r]) < 0) bad();
      cp = cp * 16 + HexValue(text_[r]);
    }
  }
  *p = r;
  return cp;
}

void Lexer::ScanIdentifierSlow(uint32_t p) {
  const uint32_t n = static_cast<uint32_t>(text_.size());
  uint32_t q = p;
  bool first = true;
  while (q < n) {
    unsigned char c = text_[q];
    uint32_t at = q;
    uint32_t cp;
    if (c == '\\') {
      cp = ReadIdentifierEscape(&q);
      s_.has_escape = true;
      if (first ? !IsIdStart(cp) : !IsIdContinue(cp)) {
        Fail(DiagKind::LexInvalidEscape, at, q - at, "Invalid identifier character in escape sequence");
      }
    } else if (c < 0x80) {
      if (first ? !IsAsciiIdStart(c) : !IsAsciiIdContinue(c)) break;
      ++q;
    } else {
      uint32_t len = 1;
      cp = DecodeUtf8(text_.substr(q), &len);
      if (first ? !IsIdStart(cp) : !IsIdContinue(cp)) break;
      q += len;
    }
    first = false;
  }
  if (first) FailChar(p);
  s_.end = s_.pos = q;
  s_.token = Tok::Identifier;
  if (s_.has_escape) {
    // A reserved word spelled with escapes is an identifier that cannot be used as one.
    if (KeywordToken(Identifier()) != Tok::Identifier) s_.token = Tok::EscapedKeyword;
  } else {
    s_.token = KeywordToken(text_.substr(p, q - p));
  }
}

uint32_t Lexer::ScanEscape(uint32_t p, bool in_template) {
  // text_[p] == '\\'
  const uint32_t n = static_cast<uint32_t>(text_.size());
  auto invalid = [&](uint32_t length, const char* what) -> uint32_t {
    if (!in_template) Fail(DiagKind::LexInvalidEscape, p, length, what);
    if (!s_.cooked_invalid) {
      s_.cooked_invalid = true;
      s_.invalid_escape = p;
    }
    return p + length;
  };
  uint32_t q = p + 1;
  if (q >= n) return q;  // the caller reports the unterminated literal
  unsigned char c = text_[q];
  switch (c) {
    case 'x':
      if (q + 2 < n && HexValue(text_[q + 1]) >= 0 && HexValue(text_[q + 2]) >= 0) return q + 3;
      return invalid(2, "Invalid hexadecimal escape sequence");
    case 'u': {
      uint32_t r = q + 1;
      if (r < n && text_[r] == '{') {
        ++r;
        uint32_t cp = 0;
        int digits = 0;
        while (r < n && HexValue(text_[r]) >= 0) {
          cp = cp * 16 + HexValue(text_[r]);
          if (cp > 0x10FFFF) return invalid(r - p + 1, "Unicode escape sequence is out of range");
          ++r;
          ++digits;
        }
        if (digits == 0 || r >= n || text_[r] != '}') return invalid(r - p, "Invalid unicode escape sequence");
        return r + 1;
      }
      for (int i = 0; i < 4; ++i, ++r) {
        if (r >= n || HexValue(text_[r]) < 0) return invalid(r - p, "Invalid unicode escape sequence");
      }
      return r;
    }
    case '0':
      if (q + 1 < n && IsDigit(text_[q + 1])) {
        if (in_template) return invalid(2, "Octal escape sequences are not allowed in template literals");
      } else {
        return q + 1;
      }
      [[fallthrough]];
    case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
      if (in_template) return invalid(2, "Octal escape sequences are not allowed in template literals");
      // Legacy octal escape: up to three digits with a value below 256.
      uint32_t r = q + 1;
      if (r < n && text_[r] >= '0' && text_[r] <= '7') {
        ++r;
        if (c <= '3' && r < n && text_[r] >= '0' && text_[r] <= '7') ++r;
      }
      return r;
    }
    case '8':
    case '9':
      if (in_template) return invalid(2, "Invalid escape sequence in template literal");
      return q + 1;
    case '\r':
      return (q + 1 < n && text_[q + 1] == '\n') ? q + 2 : q + 1;
    default:
      if (c >= 0x80) {
        uint32_t len = 1;
        DecodeUtf8(text_.substr(q), &len);
        return q + len;
      }
      return q + 1;
  }
}

void Lexer::ScanString(uint32_t p, char quote) {
  const uint32_t n = static_cast<uint32_t>(text_.size());
  uint32_t q = p + 1;
  for (;;) {
    if (q >= n) Fail(DiagKind::LexUnterminatedString, p, 1, "Unterminated string literal");
    char c = text_[q];
    if (c == quote) break;
    if (c == '\\') {
      s_.has_escape = true;
      q = ScanEscape(q, false);
      continue;
    }
    if (c == '\n' || c == '\r') Fail(DiagKind::LexUnterminatedString, p, 1, "Unterminated string literal");
    ++q;
  }
  s_.token = Tok::String;
  s_.end = s_.pos = q + 1;
}

void Lexer::ScanTemplate(uint32_t p, bool head) {
  // p is just after the opening '`' or '}'.
  const uint32_t n = static_cast<uint32_t>(text_.size());
  uint32_t q = p;
  for (;;) {
    if (q >= n) Fail(DiagKind::LexUnterminatedTemplate, s_.start, 1, "Unterminated template literal");
    char c = text_[q];
    if (c == '`') {
      s_.token = head ? Tok::NoSubstitutionTemplate : Tok::TemplateTail;
      s_.end = s_.pos = q + 1;
      return;
    }
    if (c == '$' && q + 1 < n && text_[q + 1] == '{') {
      s_.token = head ? Tok::TemplateHead : Tok::TemplateMiddle;
      s_.end = s_.pos = q + 2;
      return;
    }
    if (c == '\\') {
      s_.has_escape = true;
      q = ScanEscape(q, true);
      continue;
    }
    if (c == '\r') s_.has_escape = true;  // raw text needs CRLF normalization
    ++q;
  }
}

void Lexer::RescanCloseBraceAsTemplateToken() {
  s_.has_escape = false;
  s_.cooked_invalid = false;
  ScanTemplate(s_.start + 1, false);
}

void Lexer::ScanRegExp() {
  const uint32_t n = static_cast<uint32_t>(text_.size());
  uint32_t q = s_.start + 1;
  bool in_class = false;
  for (;;) {
    if (q >= n) Fail(DiagKind::LexUnterminatedRegExp, s_.start, 1, "Unterminated regular expression");
    char c = text_[q];
    if (c == '\n' || c == '\r' || IsLsPs(text_, q)) {
      Fail(DiagKind::LexUnterminatedRegExp, s_.start, 1, "Unterminated regular expression");
    }
    if (c == '\\') {
      if (q + 1 < n && (text_[q + 1] == '\n' || text_[q + 1] == '\r' || IsLsPs(text_, q + 1))) {
        Fail(DiagKind::LexUnterminatedRegExp, s_.start, 1, "Unterminated regular expression");
      }
      q += 2;
      continue;
    }
    if (c == '[') in_class = true;
    if (c == ']') in_class = false;
    if (c == '/' && !in_class) break;
    ++q;
  }
  ++q;
  uint32_t flags_begin = q;
  while (q < n && IsAsciiIdContinue(static_cast<unsigned char>(text_[q]))) {
    char f = text_[q];
    if (!std::strchr("dgimsuyv", f) ||
        text_.substr(flags_begin, q - flags_begin).find(f) != std::string_view::npos) {
      Fail(DiagKind::LexUnterminatedRegExp, q, 1, fmt::format("Invalid regular expression flag \"{}\"", f));
    }
    ++q;
  }
  if (q < n && (text_[q] == '\\' || static_cast<unsigned char>(text_[q]) >= 0x80)) {
    uint32_t len = 1;
    if (text_[q] == '\\' || IsIdContinue(DecodeUtf8(text_.substr(q), &len))) {
      Fail(DiagKind::LexUnterminatedRegExp, q, 1, "Invalid regular expression flag");
    }
  }
  s_.token = Tok::RegExp;
  s_.end = s_.pos = q;
}

std::string_view Lexer::RegExpPattern() const {
  std::string_view raw = Raw();
  size_t close = raw.rfind('/');
  return raw.substr(1, close - 1);
}

std::string_view Lexer::RegExpFlags() const {
  std::string_view raw = Raw();
  return raw.substr(raw.rfind('/') + 1);
}

bool Lexer::ConsumeGreaterThan() {
  switch (s_.token) {
    case Tok::GreaterThan: Next(); return true;
    case Tok::GreaterThanEquals: s_.token = Tok::Equals; break;
    case Tok::GreaterThanGreaterThan: s_.token = Tok::GreaterThan; break;
    case Tok::GreaterThanGreaterThanEquals: s_.token = Tok::GreaterThanEquals; break;
    case Tok::GreaterThanGreaterThanGreaterThan: s_.token = Tok::GreaterThanGreaterThan; break;
    case Tok::GreaterThanGreaterThanGreaterThanEquals: s_.token = Tok::GreaterThanGreaterThanEquals; break;
    default: return false;
  }
  ++s_.start;
  s_.newline_before = false;
  return true;
}

bool Lexer::ConsumeLessThan() {
  switch (s_.token) {
    case Tok::LessThan: Next(); return true;
    case Tok::LessThanEquals: s_.token = Tok::Equals; break;
    case Tok::LessThanLessThan: s_.token = Tok::LessThan; break;
    case Tok::LessThanLessThanEquals: s_.token = Tok::LessThanEquals; break;
    default: return false;
  }
  ++s_.start;
  s_.newline_before = false;
  return true;
}

}  // namespace dp::ts
