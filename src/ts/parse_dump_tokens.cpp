// DumpTokens: the token stream of a file, one token per line, for the lexer's golden tests.
// Regex versus division and template continuation are decided from the previous token, as a
// parser would in the common cases (`if (x) /re/` is the known exception).
#include <fmt/format.h>

#include <vector>

#include "ts/lexer.h"
#include "ts/parser.h"

namespace dp::ts {

namespace {

std::string Quote(std::string_view s) {
  std::string out = "\"";
  for (unsigned char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20 || c == 0x7F) {
          out += fmt::format("\\x{:02x}", c);
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  return out + "\"";
}

}  // namespace

std::string DumpTokens(const base::SourceManager& sources, base::FileId file, base::DiagSink& diags) {
  const base::SourceFile& source = sources.Get(file);
  Lexer lexer(source.text(), file);
  std::string out;
  std::vector<bool> braces;  // true: the `{` is a template substitution
  Tok prev = Tok::EndOfFile;
  try {
    for (;;) {
      lexer.Next();
      Tok t = lexer.token();
      // A `/` after something that ends an operand is division; otherwise a regex.
      bool operand_end = prev == Tok::Identifier || prev == Tok::Number || prev == Tok::BigInt ||
                         prev == Tok::String || prev == Tok::RegExp || prev == Tok::NoSubstitutionTemplate ||
                         prev == Tok::TemplateTail || prev == Tok::CloseParen || prev == Tok::CloseBracket ||
                         prev == Tok::CloseBrace || prev == Tok::This || prev == Tok::Super || prev == Tok::Null ||
                         prev == Tok::True || prev == Tok::False || prev == Tok::PrivateIdentifier ||
                         prev == Tok::PlusPlus || prev == Tok::MinusMinus;
      if ((t == Tok::Slash || t == Tok::SlashEquals) && !operand_end) lexer.ScanRegExp();
      if (t == Tok::OpenBrace) braces.push_back(false);
      if (t == Tok::TemplateHead) braces.push_back(true);
      if (t == Tok::CloseBrace && !braces.empty()) {
        if (braces.back()) {
          lexer.RescanCloseBraceAsTemplateToken();
          if (lexer.token() == Tok::TemplateTail) braces.pop_back();
        } else {
          braces.pop_back();
        }
      }
      t = lexer.token();
      base::LineCol pos = source.Position(lexer.start());
      std::string line = fmt::format("{}:{} {}", pos.line, pos.column, TokName(t));
      std::string newline = lexer.newline_before() ? " nl" : "";
      if (t == Tok::EndOfFile) {
        out += line + newline + "\n";
        break;
      }
      line += " " + Quote(lexer.Raw());
      switch (t) {
        case Tok::Identifier:
        case Tok::EscapedKeyword:
        case Tok::PrivateIdentifier:
          if (lexer.has_escape()) line += " = " + Quote(lexer.Identifier());
          break;
        case Tok::String:
          line += " = " + Quote(lexer.StringValue());
          break;
        case Tok::Number:
          line += " = " + NumberToJsString(lexer.Number());
          break;
        case Tok::BigInt:
          line += " = " + lexer.BigIntDigits();
          break;
        case Tok::NoSubstitutionTemplate:
        case Tok::TemplateHead:
        case Tok::TemplateMiddle:
        case Tok::TemplateTail: {
          std::string cooked;
          std::string raw;
          lexer.TemplateValues(&cooked, &raw);
          line += lexer.state().cooked_invalid ? " = undefined" : " = " + Quote(cooked);
          break;
        }
        case Tok::RegExp:
          line += " = " + Quote(lexer.RegExpPattern()) + " " + Quote(lexer.RegExpFlags());
          break;
        default:
          break;
      }
      out += line + newline + "\n";
      prev = t;
    }
  } catch (const ParseAbort&) {
    const std::optional<SyntaxError>& error = lexer.error();
    if (error) diags.Error(error->kind, error->span, error->message);
  }
  return out;
}

}  // namespace dp::ts
