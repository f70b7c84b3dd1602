// The TypeScript/JavaScript lexer. It is driven by the parser, one token at a time (esbuild's
// js_lexer): the parser decides from context when a `/` starts a regular expression
// (ScanRegExp) and when a `}` continues a template literal (RescanCloseBraceAsTemplateToken).
// The lexer's state is plain data, so the parser can save and restore it to backtrack.
// Token values (decoded strings, identifiers with escapes, bigint digits) are computed on
// demand from the source text, so scanning allocates nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "base/diag.h"
#include "base/source.h"
#include "ts/token.h"

namespace dp::ts {

/// Thrown by the lexer and the parser after recording a SyntaxError; caught only by
/// ParseModule (and by the parser's own backtracking points).
struct ParseAbort {};

/// The one error that ends a parse.
struct SyntaxError {
  base::DiagKind kind = base::DiagKind::ParseUnexpectedToken;
  base::Span span;
  std::string message;
};

class Lexer {
 public:
  /// Everything that describes the current token; copy it to backtrack.
  struct State {
    uint32_t pos = 0;    // where the next scan starts
    uint32_t start = 0;  // current token: [start, end)
    uint32_t end = 0;
    Tok token = Tok::EndOfFile;
    bool newline_before = false;  // a line terminator between the previous token and this one
    bool has_escape = false;      // identifier/string/template contains a backslash
    bool cooked_invalid = false;  // template piece with an escape that is invalid when untagged
    uint32_t invalid_escape = 0;  // offset of that escape
    double number = 0;            // Number tokens
  };

  Lexer(std::string_view text, base::FileId file);

  /// Scans the next token (skipping whitespace and comments).
  void Next();
  /// Rescans the current `/` or `/=` token as a regular expression literal.
  void ScanRegExp();
  /// Rescans the current `}` token as the continuation of a template literal
  /// (TemplateMiddle or TemplateTail).
  void RescanCloseBraceAsTemplateToken();
  /// Consumes one `>` from the current token, splitting `>>`, `>=`, ... (type argument lists).
  /// Returns false if the token does not start with `>`.
  bool ConsumeGreaterThan();
  /// Consumes one `<` from the current token, splitting `<<` and `<=`. False if none.
  bool ConsumeLessThan();

  Tok token() const { return s_.token; }
  const State& state() const { return s_; }
  void Restore(const State& s) { s_ = s; }
  bool newline_before() const { return s_.newline_before; }
  bool has_escape() const { return s_.has_escape; }
  uint32_t start() const { return s_.start; }
  uint32_t end() const { return s_.end; }
  base::FileId file() const { return file_; }
  std::string_view text() const { return text_; }
  /// The source text of the current token.
  std::string_view Raw() const { return text_.substr(s_.start, s_.end - s_.start); }
  base::Span TokenSpan() const { return {{file_, s_.start}, s_.end - s_.start}; }
  /// True if the current token is the identifier `word` spelled without escapes.
  bool IsContextual(std::string_view word) const {
    return s_.token == Tok::Identifier && !s_.has_escape && Raw() == word;
  }

  // --- values of the current token (computed on demand)
  /// Identifier / EscapedKeyword / PrivateIdentifier (with its '#') name, escapes decoded.
  /// The view is valid until the next call of a value accessor.
  std::string_view Identifier();
  /// String token: its decoded value (UTF-8; lone surrogates as WTF-8).
  std::string StringValue();
  double Number() const { return s_.number; }
  /// BigInt token: decimal digits without the `n` suffix, separators or leading zeros.
  std::string BigIntDigits() const;
  /// Template tokens: the cooked (decoded) and raw text of the piece.
  void TemplateValues(std::string* cooked, std::string* raw) const;
  /// RegExp token: the pattern between the slashes and the flags.
  std::string_view RegExpPattern() const;
  std::string_view RegExpFlags() const;

  // --- errors
  /// Records `error` and throws ParseAbort.
  [[noreturn]] void Fail(base::DiagKind kind, base::Span span, std::string message);
  [[noreturn]] void Fail(base::DiagKind kind, uint32_t offset, uint32_t length, std::string message) {
    Fail(kind, base::Span{{file_, offset}, length}, std::move(message));
  }
  const std::optional<SyntaxError>& error() const { return error_; }
  void ClearError() { error_.reset(); }

 private:
  void ScanIdentifier(uint32_t p);
  void ScanIdentifierSlow(uint32_t p);
  void ScanNumber(uint32_t p);
  void ScanString(uint32_t p, char quote);
  void ScanTemplate(uint32_t p, bool head);
  void ScanPrivateOrHash(uint32_t p);
  uint32_t SkipBlockComment(uint32_t p);
  uint32_t SkipLineComment(uint32_t p);
  /// Validates the escape at text_[p] == '\\'; returns the offset after it. For templates an
  /// invalid escape only marks the token (`cooked_invalid`); for strings it is an error.
  uint32_t ScanEscape(uint32_t p, bool in_template);
  /// Reads a \u escape in an identifier at text_[p] == '\\'; returns the code point.
  uint32_t ReadIdentifierEscape(uint32_t* p);
  [[noreturn]] void FailChar(uint32_t p);
  void Set(Tok t, uint32_t length) {
    s_.token = t;
    s_.end = s_.pos = s_.start + length;
  }

  std::string_view text_;
  base::FileId file_;
  State s_;
  std::string scratch_;
  std::optional<SyntaxError> error_;
};

// --- Unicode and value helpers shared by the lexer and the parser (lexer_decode.cpp,
// lexer_unicode.cpp).

/// ID_Start / ID_Continue of the Unicode standard (plus `$`, `_`, ZWNJ and ZWJ as JS adds).
bool IsIdStart(uint32_t cp);
bool IsIdContinue(uint32_t cp);
/// JS WhiteSpace outside ASCII (NBSP, ZWNBSP, Zs).
bool IsUnicodeSpace(uint32_t cp);
/// Decodes one UTF-8 sequence at text[0..]; sets *length (>= 1 even for invalid bytes, which
/// decode as U+FFFD).
uint32_t DecodeUtf8(std::string_view text, uint32_t* length);
/// Appends `cp` as UTF-8 (surrogates as three-byte WTF-8).
void AppendUtf8(std::string& out, uint32_t cp);
/// Converts digits in `radix` (2..16, no separators) to decimal text without leading zeros.
std::string RadixToDecimal(std::string_view digits, int radix);
/// Number::toString(x) of ECMAScript: "1", "0.5", "1e+21", "NaN", "-Infinity".
std::string NumberToJsString(double value);
/// True if `name` could be written as an identifier (for dumps and property keys).
bool IsIdentifierName(std::string_view name);

}  // namespace dp::ts
