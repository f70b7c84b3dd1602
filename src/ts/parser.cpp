// The parser's driver: ParseModule, token helpers, error reporting and the module body.
// Like esbuild's js_parser, it pulls tokens from the lexer one at a time and backtracks
// (Parser::Try) only at a few TypeScript ambiguities: arrow functions, type arguments.
#include "ts/parser.h"

#include <fmt/format.h>

#include "ts/parser_internal.h"

namespace dp::ts {

using base::DiagKind;

namespace {

bool EndsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

}  // namespace

Parser::Parser(const base::SourceFile& file, base::FileId id, Ast& ast)
    : file_ref_(file), file_(id), ast_(ast), lexer_(file.text(), id) {
  const std::string& path = file.path();
  ts_ = !(EndsWith(path, ".js") || EndsWith(path, ".mjs") || EndsWith(path, ".cjs") || EndsWith(path, ".jsx"));
  jsx_ = EndsWith(path, ".tsx") || EndsWith(path, ".jsx");
  // Declaration files only declare types: everything in them is ambient.
  in_ambient_ = EndsWith(path, ".d.ts") || EndsWith(path, ".d.mts") || EndsWith(path, ".d.cts");
  char marker;
  stack_base_ = reinterpret_cast<uintptr_t>(&marker);
}

void Parser::ParseModuleBody() {
  Next();
  ParseStatementList(ast_.body, Tok::EndOfFile);
}

// ---------------------------------------------------------------------------------------
// Tokens

void Parser::Expect(Tok t) {
  if (tok() != t) ExpectedButFound(fmt::format("\"{}\"", TokName(t)));
  Next();
}

void Parser::ExpectContextual(std::string_view word) {
  if (!IsContextual(word)) ExpectedButFound(fmt::format("\"{}\"", word));
  Next();
}

void Parser::ExpectOrInsertSemicolon() {
  if (tok() == Tok::Semicolon) {
    Next();
    return;
  }
  if (!CanInsertSemicolon()) ExpectedButFound("\";\"");
}

void Parser::ExpectGreaterThan() {
  if (tok() == Tok::GreaterThan) {
    Next();
    return;
  }
  // Split `>>`, `>=`, ...: the first `>` is consumed, the rest stays the current token.
  uint32_t split_at = lexer_.start();
  if (!lexer_.ConsumeGreaterThan()) ExpectedButFound("\">\"");
  prev_end_ = split_at + 1;
}

std::string Parser::ExpectIdentifier() {
  if (tok() == Tok::Identifier) {
    std::string name = TokenName();
    Next();
    return name;
  }
  if (tok() == Tok::EscapedKeyword) Fail(lexer_.TokenSpan(), "Keywords cannot contain escape characters");
  ExpectedButFound("identifier");
}

Tok Parser::PeekToken(bool* newline_before, std::string_view* raw) {
  Snapshot saved = Save();
  Next();
  Tok t = tok();
  if (newline_before) *newline_before = lexer_.newline_before();
  if (raw) *raw = lexer_.Raw();
  Restore(saved);
  return t;
}

// ---------------------------------------------------------------------------------------
// Errors

void Parser::Fail(base::Span span, std::string message, DiagKind kind) { lexer_.Fail(kind, span, std::move(message)); }

std::string Parser::FoundText() const {
  if (tok() == Tok::EndOfFile) return "end of file";
  std::string_view raw = lexer_.Raw();
  size_t newline = raw.find_first_of("\r\n");
  bool cut = false;
  if (newline != std::string_view::npos) {
    raw = raw.substr(0, newline);
    cut = true;
  }
  if (raw.size() > 40) {
    raw = raw.substr(0, 40);
    // Do not cut a UTF-8 sequence in half.
    while (!raw.empty() && (static_cast<unsigned char>(raw.back()) & 0xC0) == 0x80) raw.remove_suffix(1);
    if (!raw.empty() && static_cast<unsigned char>(raw.back()) >= 0xC0) raw.remove_suffix(1);
    cut = true;
  }
  return fmt::format("\"{}{}\"", raw, cut ? "..." : "");
}

void Parser::Unexpected() {
  if (tok() == Tok::EndOfFile) Fail(lexer_.TokenSpan(), "Unexpected end of file");
  Fail(lexer_.TokenSpan(), fmt::format("Unexpected {}", FoundText()));
}

void Parser::ExpectedButFound(std::string_view what) {
  Fail(lexer_.TokenSpan(), fmt::format("Expected {} but found {}", what, FoundText()));
}

void Parser::Unsupported(base::Span span, std::string_view what) {
  Fail(span, std::string(what), DiagKind::ParseUnsupportedSyntax);
}

void Parser::FailDepth() {
  depth_exceeded_ = true;
  Fail(lexer_.TokenSpan(), fmt::format("the code is nested too deeply (the limit is {} levels)", kMaxDepth));
}

// ---------------------------------------------------------------------------------------
// Entry point

std::optional<Ast> ParseModule(const base::SourceManager& sources, base::FileId file, base::DiagSink& diags) {
  const base::SourceFile& source = sources.Get(file);
  Ast ast;
  ast.file = file;
  Parser parser(source, file, ast);
  try {
    parser.ParseModuleBody();
  } catch (const ParseAbort&) {
    const std::optional<SyntaxError>& error = parser.lexer().error();
    if (error) {
      diags.Error(error->kind, error->span, error->message);
    } else {
      diags.Error(DiagKind::ParseUnexpectedToken, {{file, 0}, 0}, "syntax error");
    }
    return std::nullopt;
  }
  return ast;
}

}  // namespace dp::ts
