// Token kinds of the TypeScript lexer. Like esbuild, only the reserved words of strict mode
// code get their own kinds; contextual keywords (let, async, await, of, type, as, ...) are
// Identifier tokens that the parser recognizes by their text.
#pragma once

#include <cstdint>
#include <string_view>

namespace dp::ts {

#define DP_TS_PUNCTUATORS(X)                                   \
  X(Ampersand, "&")                                            \
  X(AmpersandAmpersand, "&&")                                  \
  X(AmpersandAmpersandEquals, "&&=")                           \
  X(AmpersandEquals, "&=")                                     \
  X(Asterisk, "*")                                             \
  X(AsteriskAsterisk, "**")                                    \
  X(AsteriskAsteriskEquals, "**=")                             \
  X(AsteriskEquals, "*=")                                      \
  X(At, "@")                                                   \
  X(Bar, "|")                                                  \
  X(BarBar, "||")                                              \
  X(BarBarEquals, "||=")                                       \
  X(BarEquals, "|=")                                           \
  X(Caret, "^")                                                \
  X(CaretEquals, "^=")                                         \
  X(CloseBrace, "}")                                           \
  X(CloseBracket, "]")                                         \
  X(CloseParen, ")")                                           \
  X(Colon, ":")                                                \
  X(Comma, ",")                                                \
  X(Dot, ".")                                                  \
  X(DotDotDot, "...")                                          \
  X(Equals, "=")                                               \
  X(EqualsEquals, "==")                                        \
  X(EqualsEqualsEquals, "===")                                 \
  X(EqualsGreaterThan, "=>")                                   \
  X(Exclamation, "!")                                          \
  X(ExclamationEquals, "!=")                                   \
  X(ExclamationEqualsEquals, "!==")                            \
  X(GreaterThan, ">")                                          \
  X(GreaterThanEquals, ">=")                                   \
  X(GreaterThanGreaterThan, ">>")                              \
  X(GreaterThanGreaterThanEquals, ">>=")                       \
  X(GreaterThanGreaterThanGreaterThan, ">>>")                  \
  X(GreaterThanGreaterThanGreaterThanEquals, ">>>=")           \
  X(LessThan, "<")                                             \
  X(LessThanEquals, "<=")                                      \
  X(LessThanLessThan, "<<")                                    \
  X(LessThanLessThanEquals, "<<=")                             \
  X(Minus, "-")                                                \
  X(MinusEquals, "-=")                                         \
  X(MinusMinus, "--")                                          \
  X(OpenBrace, "{")                                            \
  X(OpenBracket, "[")                                          \
  X(OpenParen, "(")                                            \
  X(Percent, "%")                                              \
  X(PercentEquals, "%=")                                       \
  X(Plus, "+")                                                 \
  X(PlusEquals, "+=")                                          \
  X(PlusPlus, "++")                                            \
  X(Question, "?")                                             \
  X(QuestionDot, "?.")                                         \
  X(QuestionQuestion, "??")                                    \
  X(QuestionQuestionEquals, "?\?=")                            \
  X(Semicolon, ";")                                            \
  X(Slash, "/")                                                \
  X(SlashEquals, "/=")                                         \
  X(Tilde, "~")

// Reserved words (strict mode). Order matters only for TokName.
#define DP_TS_KEYWORDS(X)                                      \
  X(Break, "break")                                            \
  X(Case, "case")                                              \
  X(Catch, "catch")                                            \
  X(Class, "class")                                            \
  X(Const, "const")                                            \
  X(Continue, "continue")                                      \
  X(Debugger, "debugger")                                      \
  X(Default, "default")                                        \
  X(Delete, "delete")                                          \
  X(Do, "do")                                                  \
  X(Else, "else")                                              \
  X(Enum, "enum")                                              \
  X(Export, "export")                                          \
  X(Extends, "extends")                                        \
  X(False, "false")                                            \
  X(Finally, "finally")                                        \
  X(For, "for")                                                \
  X(Function, "function")                                      \
  X(If, "if")                                                  \
  X(Import, "import")                                          \
  X(In, "in")                                                  \
  X(Instanceof, "instanceof")                                  \
  X(New, "new")                                                \
  X(Null, "null")                                              \
  X(Return, "return")                                          \
  X(Super, "super")                                            \
  X(Switch, "switch")                                          \
  X(This, "this")                                              \
  X(Throw, "throw")                                            \
  X(True, "true")                                              \
  X(Try, "try")                                                \
  X(Typeof, "typeof")                                          \
  X(Var, "var")                                                \
  X(Void, "void")                                              \
  X(While, "while")                                            \
  X(With, "with")

enum class Tok : uint8_t {
  EndOfFile,
  // Literals and names.
  Identifier,
  EscapedKeyword,     // a reserved word spelled with \u escapes: usable only as a property name
  PrivateIdentifier,  // #name
  Number,
  BigInt,
  String,
  RegExp,                  // only after Lexer::ScanRegExp
  NoSubstitutionTemplate,  // `abc`
  TemplateHead,            // `abc${
  TemplateMiddle,          // }abc${   (only after Lexer::RescanCloseBraceAsTemplateToken)
  TemplateTail,            // }abc`    (likewise)
#define DP_TS_X(name, text) name,
  DP_TS_PUNCTUATORS(DP_TS_X)
  FirstKeyword,
  DP_TS_KEYWORDS(DP_TS_X)
#undef DP_TS_X
};

/// True for the reserved words (Break .. With).
inline bool IsKeyword(Tok t) { return t > Tok::FirstKeyword; }

/// A stable name for dumps: the punctuator or keyword text, or a kind name ("Identifier").
std::string_view TokName(Tok t);

/// The reserved-word token spelled by `text`, or Tok::Identifier.
Tok KeywordToken(std::string_view text);

}  // namespace dp::ts
