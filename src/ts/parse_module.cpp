// Import and export declarations in every ES and TypeScript form. Type-only imports and
// exports (`import type`, `export type`, `{ type X }`) are parsed and dropped.
#include "ts/parser_internal.h"

namespace dp::ts {

namespace {

// One `a`, `a as b`, `type a as b`, `"str" as b` entry of an import/export list.
struct Specifier {
  base::Span span;
  std::string property;  // the name before `as` (empty if none)
  std::string name;      // the name after `as`, or the only name
  bool type_only = false;
  bool name_is_string = false;
};

}  // namespace

std::string Parser::ParseModuleSource(base::Span* span) {
  if (tok() != Tok::String) ExpectedButFound("string");
  std::string value = lexer_.StringValue();
  *span = lexer_.TokenSpan();
  Next();
  return value;
}

std::string Parser::ParseModuleExportName() {
  if (tok() == Tok::String) {
    std::string value = lexer_.StringValue();
    Next();
    return value;
  }
  if (!IsIdentifierOrKeyword()) ExpectedButFound("identifier");
  std::string name = TokenName();
  Next();
  return name;
}

void Parser::SkipImportAttributes() {
  if ((tok() == Tok::With || IsContextual("assert")) && !lexer_.newline_before()) {
    Next();
    if (tok() != Tok::OpenBrace) ExpectedButFound("\"{\"");
    ParseObjectLiteral();
  }
}

namespace {

// Parses `{ a, b as c, type d, "e" as f }` following TypeScript's rules for `type` and `as`.
std::vector<Specifier> ParseSpecifierList(Parser& p) {
  std::vector<Specifier> out;
  p.Expect(Tok::OpenBrace);
  auto is_name = [&]() { return p.IsIdentifierOrKeyword() || p.tok() == Tok::String; };
  while (p.tok() != Tok::CloseBrace) {
    Specifier s;
    const uint32_t start = p.Start();
    bool first_is_type = p.ts_ && p.IsContextual("type");
    s.name_is_string = p.tok() == Tok::String;
    s.name = p.ParseModuleExportName();
    bool can_parse_as = true;
    if (first_is_type) {
      if (p.IsContextual("as")) {
        std::string first_as = p.ParseModuleExportName();
        if (p.IsContextual("as")) {
          std::string second_as = p.ParseModuleExportName();
          if (is_name()) {
            // { type as as x }: type-only `as` renamed to x
            s.type_only = true;
            s.property = first_as;
            s.name_is_string = p.tok() == Tok::String;
            s.name = p.ParseModuleExportName();
          } else {
            // { type as as }: `type` renamed to `as`
            s.property = s.name;
            s.name = second_as;
          }
        } else if (is_name()) {
          // { type as x }: `type` renamed to x
          s.property = s.name;
          s.name_is_string = p.tok() == Tok::String;
          s.name = p.ParseModuleExportName();
          can_parse_as = false;
        } else {
          // { type as }: type-only `as`
          s.type_only = true;
          s.name = first_as;
        }
      } else if (is_name()) {
        // { type x ... }
        s.type_only = true;
        s.name_is_string = p.tok() == Tok::String;
        s.name = p.ParseModuleExportName();
      }
    }
    if (can_parse_as && p.IsContextual("as")) {
      p.Next();
      s.property = s.name;
      s.name_is_string = p.tok() == Tok::String;
      s.name = p.ParseModuleExportName();
    }
    s.span = p.SpanFrom(start);
    out.push_back(std::move(s));
    if (p.tok() != Tok::CloseBrace) p.Expect(Tok::Comma);
  }
  p.Next();
  return out;
}

}  // namespace

Stmt* Parser::ParseImport(uint32_t start) {
  Next();  // import
  auto* s = New<ImportStmt>(SpanFrom(start));
  if (tok() == Tok::String) {
    s->source = ParseModuleSource(&s->source_span);
    SkipImportAttributes();
    ExpectOrInsertSemicolon();
    s->span = SpanFrom(start);
    return s;
  }
  bool type_only = false;
  if (ts_ && IsContextual("type")) {
    std::string_view next_raw;
    Tok next = PeekToken(nullptr, &next_raw);
    if (next == Tok::OpenBrace || next == Tok::Asterisk) {
      type_only = true;
    } else if (next == Tok::Identifier) {
      if (next_raw != "from") {
        type_only = true;
      } else {
        // `import type from 'x'` imports a default named `type`; `import type from from 'x'` is type-only.
        Snapshot saved = Save();
        Next();
        Next();
        type_only = tok() != Tok::String;
        Restore(saved);
      }
    }
    if (type_only) Next();
  }
  bool need_from = true;
  if (tok() == Tok::Identifier || tok() == Tok::EscapedKeyword) {
    uint32_t name_start = Start();
    s->default_local = ExpectIdentifier();
    if (ts_ && tok() == Tok::Equals) {
      // import x = require('y') / import x = A.B
      Next();
      if (IsContextual("require") && PeekToken() == Tok::OpenParen) {
        Next();
        Next();
        base::Span ignored;
        ParseModuleSource(&ignored);
        Expect(Tok::CloseParen);
      } else {
        ExpectIdentifier();
        while (Eat(Tok::Dot)) ParseModuleExportName();
      }
      ExpectOrInsertSemicolon();
      if (type_only || in_ambient_) return Empty(start);
      Unsupported(SpanFrom(start), "\"import x = ...\" (TypeScript import assignment) is not supported");
    }
    (void)name_start;
    if (!Eat(Tok::Comma)) need_from = false;
  }
  if (need_from || tok() == Tok::Asterisk || tok() == Tok::OpenBrace) {
    if (tok() == Tok::Asterisk) {
      Next();
      ExpectContextual("as");
      s->namespace_local = ExpectIdentifier();
    } else if (tok() == Tok::OpenBrace) {
      std::vector<Specifier> specs = ParseSpecifierList(*this);
      // Like TypeScript, an import whose specifiers are all type-only is removed entirely.
      bool all_types = !specs.empty() && s->default_local.empty();
      for (const Specifier& spec : specs) all_types = all_types && spec.type_only;
      type_only = type_only || all_types;
      for (Specifier& spec : specs) {
        if (spec.name_is_string) Fail(spec.span, "Expected identifier but found a string");
        if (spec.type_only) continue;
        ImportSpecifier out;
        out.span = spec.span;
        out.imported = spec.property.empty() ? spec.name : spec.property;
        out.local = spec.name;
        s->specifiers.push_back(std::move(out));
      }
    } else {
      ExpectedButFound("\"{\"");
    }
  }
  ExpectContextual("from");
  s->source = ParseModuleSource(&s->source_span);
  SkipImportAttributes();
  ExpectOrInsertSemicolon();
  s->span = SpanFrom(start);
  if (type_only) return Empty(start);
  return s;
}

Stmt* Parser::ParseExport(uint32_t start) {
  Next();  // export
  switch (tok()) {
    case Tok::Asterisk: {
      Next();
      if (EatContextual("as")) {
        auto* s = New<ExportNamedStmt>(SpanFrom(start));
        s->namespace_export = ParseModuleExportName();
        ExpectContextual("from");
        s->source = ParseModuleSource(&s->source_span);
        SkipImportAttributes();
        ExpectOrInsertSemicolon();
        s->span = SpanFrom(start);
        return s;
      }
      auto* s = New<ExportAllStmt>(SpanFrom(start));
      ExpectContextual("from");
      s->source = ParseModuleSource(&s->source_span);
      SkipImportAttributes();
      ExpectOrInsertSemicolon();
      s->span = SpanFrom(start);
      return s;
    }
    case Tok::OpenBrace: {
      auto* s = New<ExportNamedStmt>(SpanFrom(start));
      std::vector<Specifier> specs = ParseSpecifierList(*this);
      if (EatContextual("from")) {
        base::Span source_span;
        s->source = ParseModuleSource(&source_span);
        s->source_span = source_span;
        SkipImportAttributes();
      }
      for (Specifier& spec : specs) {
        if (spec.type_only) continue;
        std::string& local = spec.property.empty() ? spec.name : spec.property;
        bool local_is_string = spec.property.empty() && spec.name_is_string;
        if (!s->source && local_is_string) Fail(spec.span, "Expected identifier but found a string");
        ExportSpecifier out;
        out.span = spec.span;
        out.local = local;
        out.exported = spec.name;
        s->specifiers.push_back(std::move(out));
      }
      ExpectOrInsertSemicolon();
      s->span = SpanFrom(start);
      if (!specs.empty() && s->specifiers.empty()) return Empty(start);  // only type-only specifiers
      return s;
    }
    case Tok::Default: {
      Next();
      uint32_t decl_start = Start();
      auto* s = New<ExportDefaultStmt>(SpanFrom(start));
      if (tok() == Tok::Function) {
        s->decl = ParseFunctionDecl(decl_start, false, true);
      } else if (IsContextual("async") && PeekToken() == Tok::Function) {
        bool newline = false;
        PeekToken(&newline);
        if (!newline) {
          Next();
          s->decl = ParseFunctionDecl(decl_start, true, true);
        }
      } else if (tok() == Tok::Class) {
        s->decl = New<ClassDeclStmt>(SpanFrom(decl_start), ParseClass(decl_start, true, false));
        s->decl->span = SpanFrom(decl_start);
      } else if (ts_ && IsContextual("abstract") && PeekToken() == Tok::Class) {
        Next();
        s->decl = New<ClassDeclStmt>(SpanFrom(decl_start), ParseClass(decl_start, true, true));
        s->decl->span = SpanFrom(decl_start);
      } else if (ts_ && IsContextual("interface")) {
        if (Stmt* decl = TryParseTsDeclaration(decl_start, true)) return decl;
      }
      if (s->decl != nullptr) {
        if (s->decl->kind == StmtKind::Empty) return s->decl;  // an overload signature
      } else {
        s->expr = ParseExpr(Level::Comma);
        ExpectOrInsertSemicolon();
      }
      s->span = SpanFrom(start);
      return s;
    }
    case Tok::Var:
    case Tok::Const:
    case Tok::Function:
    case Tok::Class:
    case Tok::Enum: {
      Stmt* decl = ParseStatement();
      if (decl->kind == StmtKind::Empty) return decl;
      return New<ExportDeclStmt>(SpanFrom(start), decl);
    }
    case Tok::Import:
      if (ts_) Unsupported(SpanFrom(start), "\"export import\" (TypeScript import alias) is not supported");
      Unexpected();
    case Tok::Equals:
      if (ts_ && in_ambient_) {
        // `export = x;` in a declaration file only describes types.
        Next();
        ParseExpr(Level::Lowest);
        ExpectOrInsertSemicolon();
        return Empty(start);
      }
      if (ts_) Unsupported(SpanFrom(start), "\"export =\" is not supported; use \"export default\"");
      Unexpected();
    case Tok::Identifier: {
      if (lexer_.has_escape()) Unexpected();
      std::string_view raw = lexer_.Raw();
      if (ts_ && raw == "type") {
        Tok next = PeekToken();
        if (next == Tok::OpenBrace) {
          // export type { A, B } [from '...']
          Next();
          ParseSpecifierList(*this);
          if (EatContextual("from")) {
            base::Span ignored;
            ParseModuleSource(&ignored);
            SkipImportAttributes();
          }
          ExpectOrInsertSemicolon();
          return Empty(start);
        }
        if (next == Tok::Asterisk) {
          // export type * [as ns] from '...'
          Next();
          Next();
          if (EatContextual("as")) ParseModuleExportName();
          ExpectContextual("from");
          base::Span ignored;
          ParseModuleSource(&ignored);
          SkipImportAttributes();
          ExpectOrInsertSemicolon();
          return Empty(start);
        }
      }
      if (ts_ && raw == "as") {
        // export as namespace X;  (UMD global declaration, types only)
        Next();
        ExpectContextual("namespace");
        ExpectIdentifier();
        ExpectOrInsertSemicolon();
        return Empty(start);
      }
      if (raw == "let" || raw == "async") {
        Stmt* decl = ParseStatement();
        if (decl->kind == StmtKind::Empty) return decl;  // ambient or an overload signature
        if (decl->kind != StmtKind::VarDecl && decl->kind != StmtKind::Function) {
          Fail(decl->span, "Expected a declaration after \"export\"");
        }
        return New<ExportDeclStmt>(SpanFrom(start), decl);
      }
      if (ts_) {
        if (Stmt* decl = TryParseTsDeclaration(Start(), true)) {
          if (decl->kind == StmtKind::Empty) return Empty(start);
          return New<ExportDeclStmt>(SpanFrom(start), decl);
        }
      }
      Unexpected();
    }
    default:
      Unexpected();
  }
}

}  // namespace dp::ts
