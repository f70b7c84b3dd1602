// TypeScript declarations: `type` aliases, interfaces, `declare` (every ambient form),
// `abstract class`, namespaces/modules, and enums (the only ones with runtime values).
#include "ts/parser_internal.h"

namespace dp::ts {

Stmt* Parser::TryParseTsDeclaration(uint32_t start, bool exported) {
  if (tok() != Tok::Identifier || lexer_.has_escape()) return nullptr;
  std::string_view raw = lexer_.Raw();
  bool newline = false;
  Tok next = PeekToken(&newline);
  if (newline) return nullptr;  // `type\nFoo` is an expression statement followed by another
  if (raw == "type" && next == Tok::Identifier) {
    Next();
    ExpectIdentifier();
    if (tok() == Tok::LessThan) SkipTypeParameters();
    Expect(Tok::Equals);
    SkipType();
    ExpectOrInsertSemicolon();
    return Empty(start);
  }
  if (raw == "interface" && next == Tok::Identifier) {
    Next();
    ExpectIdentifier();
    if (tok() == Tok::LessThan) SkipTypeParameters();
    if (Eat(Tok::Extends)) {
      SkipType();
      while (Eat(Tok::Comma)) SkipType();
    }
    SkipObjectType();
    return Empty(start);
  }
  if (raw == "declare" && (next == Tok::Identifier || IsKeyword(next))) {
    return ParseDeclare(start);
  }
  if (raw == "abstract" && next == Tok::Class) {
    Next();
    ClassExpr* cls = ParseClass(start, false, true);
    if (in_ambient_) return Empty(start);
    return New<ClassDeclStmt>(SpanFrom(start), cls);
  }
  if ((raw == "namespace" && next == Tok::Identifier) ||
      (raw == "module" && (next == Tok::Identifier || next == Tok::String))) {
    return ParseNamespace(start, in_ambient_);
  }
  if (raw == "global" && in_ambient_ && next == Tok::OpenBrace) {
    return ParseNamespace(start, true);
  }
  (void)exported;
  return nullptr;
}

Stmt* Parser::ParseDeclare(uint32_t start) {
  Next();  // declare
  Scoped<bool> ambient(in_ambient_, true);
  if (IsContextual("global")) {
    ParseNamespace(start, true);
    return Empty(start);
  }
  ParseStatement();
  return Empty(start);
}

Stmt* Parser::ParseNamespace(uint32_t start, bool declared) {
  const uint32_t keyword_start = Start();
  bool is_global = IsContextual("global");
  Next();  // namespace / module / global
  if (!is_global) {
    if (tok() == Tok::String) {
      Next();
      declared = true;  // `module 'x'` only declares types
    } else {
      ExpectIdentifier();
      while (Eat(Tok::Dot)) ExpectIdentifier();
    }
  }
  base::Span head = SpanFrom(keyword_start);
  if (tok() != Tok::OpenBrace) {
    // `declare module 'x';` (shorthand ambient module)
    ExpectOrInsertSemicolon();
    return Empty(start);
  }
  Next();
  std::vector<Stmt*> body;
  {
    Scoped<bool> module_level(at_module_level_, true);
    Scoped<bool> ambient(in_ambient_, in_ambient_ || declared);
    ParseStatementList(body, Tok::CloseBrace);
  }
  Next();
  // Statement lists drop type-only declarations, so anything left has runtime effects.
  if (!body.empty() && !declared) {
    Unsupported(head, "namespaces with runtime values are not supported (only type declarations)");
  }
  return Empty(start);
}

Stmt* Parser::ParseEnum(uint32_t start) {
  Expect(Tok::Enum);
  auto* e = New<EnumDeclStmt>(SpanFrom(start));
  e->name = ExpectIdentifier();
  Expect(Tok::OpenBrace);
  Scoped<bool> allow_in(allow_in_, true);
  while (tok() != Tok::CloseBrace) {
    EnumMember m;
    uint32_t member_start = Start();
    if (tok() == Tok::String) {
      m.name = lexer_.StringValue();
      Next();
    } else if (tok() == Tok::OpenBracket) {
      Next();
      if (tok() != Tok::String && tok() != Tok::NoSubstitutionTemplate) ExpectedButFound("string");
      if (tok() == Tok::String) {
        m.name = lexer_.StringValue();
      } else {
        std::string raw;
        lexer_.TemplateValues(&m.name, &raw);
      }
      Next();
      Expect(Tok::CloseBracket);
    } else if (tok() == Tok::Number || tok() == Tok::BigInt) {
      Fail(lexer_.TokenSpan(), "An enum member cannot have a numeric name");
    } else {
      if (!IsIdentifierOrKeyword()) ExpectedButFound("identifier");
      m.name = TokenName();
      Next();
    }
    if (Eat(Tok::Equals)) m.init = ParseExpr(Level::Comma);
    m.span = SpanFrom(member_start);
    e->members.push_back(std::move(m));
    if (tok() != Tok::CloseBrace) Expect(Tok::Comma);
  }
  Next();
  e->span = SpanFrom(start);
  if (in_ambient_) return Empty(start);
  return e;
}

}  // namespace dp::ts
