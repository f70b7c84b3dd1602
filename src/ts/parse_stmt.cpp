// Statements: declarations, control flow, blocks, labels, and expression statements with
// automatic semicolon insertion.
#include <fmt/format.h>

#include "ts/parser_internal.h"

namespace dp::ts {

void Parser::ParseStatementList(std::vector<Stmt*>& out, Tok end) {
  while (tok() != end) {
    if (tok() == Tok::EndOfFile) ExpectedButFound(fmt::format("\"{}\"", TokName(end)));
    Stmt* s = ParseStatement();
    // Type-only declarations and empty statements have no runtime effect.
    if (s->kind != StmtKind::Empty) out.push_back(s);
  }
}

BlockStmt* Parser::ParseBlock() {
  uint32_t start = Start();
  Expect(Tok::OpenBrace);
  auto* block = New<BlockStmt>(SpanFrom(start));
  {
    Scoped<bool> module_level(at_module_level_, false);
    ParseStatementList(block->body, Tok::CloseBrace);
  }
  Next();
  block->span = SpanFrom(start);
  return block;
}

Stmt* Parser::ParseStatement() {
  DepthGuard guard(*this);
  const uint32_t start = Start();
  switch (tok()) {
    case Tok::Semicolon:
      Next();
      return Empty(start);
    case Tok::OpenBrace:
      return ParseBlock();
    case Tok::Var:
    case Tok::Const: {
      VarKind kind = tok() == Tok::Var ? VarKind::Var : VarKind::Const;
      if (kind == VarKind::Const && ts_ && PeekToken() == Tok::Enum) {
        Next();
        return ParseEnum(start);
      }
      Next();
      VarDeclStmt* decl = ParseVarDecl(start, kind, false);
      ExpectOrInsertSemicolon();
      decl->span = SpanFrom(start);
      if (in_ambient_) return Empty(start);
      return decl;
    }
    case Tok::Function:
      return ParseFunctionDecl(start, false, false);
    case Tok::Class: {
      ClassExpr* cls = ParseClass(start, false, false);
      if (in_ambient_) return Empty(start);
      return New<ClassDeclStmt>(SpanFrom(start), cls);
    }
    case Tok::Enum:
      if (!ts_) Unexpected();
      return ParseEnum(start);
    case Tok::If:
      return ParseIf(start);
    case Tok::For:
      return ParseFor(start);
    case Tok::While: {
      Next();
      auto* s = New<WhileStmt>(StmtKind::While, SpanFrom(start));
      Expect(Tok::OpenParen);
      s->test = ParseExpr(Level::Lowest);
      Expect(Tok::CloseParen);
      s->body = ParseStatement();
      s->span = SpanFrom(start);
      return s;
    }
    case Tok::Do: {
      Next();
      auto* s = New<WhileStmt>(StmtKind::DoWhile, SpanFrom(start));
      s->body = ParseStatement();
      Expect(Tok::While);
      Expect(Tok::OpenParen);
      s->test = ParseExpr(Level::Lowest);
      Expect(Tok::CloseParen);
      Eat(Tok::Semicolon);  // always optional after do-while
      s->span = SpanFrom(start);
      return s;
    }
    case Tok::Return: {
      if (!in_function_) Fail(lexer_.TokenSpan(), "A return statement cannot be used outside of a function");
      Next();
      Expr* argument = CanInsertSemicolon() ? nullptr : ParseExpr(Level::Lowest);
      ExpectOrInsertSemicolon();
      return New<ReturnStmt>(SpanFrom(start), argument);
    }
    case Tok::Break:
    case Tok::Continue: {
      StmtKind kind = tok() == Tok::Break ? StmtKind::Break : StmtKind::Continue;
      Next();
      auto* s = New<JumpStmt>(kind, SpanFrom(start));
      if (tok() == Tok::Identifier && !lexer_.newline_before()) s->label = ExpectIdentifier();
      ExpectOrInsertSemicolon();
      s->span = SpanFrom(start);
      return s;
    }
    case Tok::Throw: {
      Next();
      if (lexer_.newline_before()) Fail(base::Span{{file_, start}, 5}, "Unexpected newline after \"throw\"");
      Expr* argument = ParseExpr(Level::Lowest);
      ExpectOrInsertSemicolon();
      return New<ThrowStmt>(SpanFrom(start), argument);
    }
    case Tok::Try:
      return ParseTry(start);
    case Tok::Switch:
      return ParseSwitch(start);
    case Tok::Import: {
      Tok next = PeekToken();
      if (next == Tok::OpenParen || next == Tok::Dot) return ParseExpressionOrLabel(start);
      if (!at_module_level_) Fail(lexer_.TokenSpan(), "An import declaration can only be used at the top level of a module");
      return ParseImport(start);
    }
    case Tok::Export:
      if (!at_module_level_) Fail(lexer_.TokenSpan(), "An export declaration can only be used at the top level of a module");
      return ParseExport(start);
    case Tok::Debugger:
      Next();
      ExpectOrInsertSemicolon();
      return Empty(start);
    case Tok::With:
      Unsupported(lexer_.TokenSpan(), "with statements are not supported");
    case Tok::At:
      Unsupported(lexer_.TokenSpan(), "decorators are not supported");
    case Tok::Identifier: {
      if (lexer_.has_escape()) break;
      std::string_view raw = lexer_.Raw();
      if (raw == "let") {
        Tok next = PeekToken();
        if (next == Tok::Identifier || next == Tok::OpenBracket || next == Tok::OpenBrace || IsKeyword(next) ||
            next == Tok::EscapedKeyword) {
          Next();
          VarDeclStmt* decl = ParseVarDecl(start, VarKind::Let, false);
          ExpectOrInsertSemicolon();
          decl->span = SpanFrom(start);
          if (in_ambient_) return Empty(start);
          return decl;
        }
      } else if (raw == "async") {
        bool newline = false;
        if (PeekToken(&newline) == Tok::Function && !newline) {
          Next();
          return ParseFunctionDecl(start, true, false);
        }
      } else if (raw == "using") {
        bool newline = false;
        if (PeekToken(&newline) == Tok::Identifier && !newline) {
          Unsupported(lexer_.TokenSpan(), "using declarations are not supported");
        }
      } else if (ts_) {
        if (Stmt* decl = TryParseTsDeclaration(start, false)) return decl;
      }
      break;
    }
    default:
      break;
  }
  return ParseExpressionOrLabel(start);
}

VarDeclStmt* Parser::ParseVarDecl(uint32_t start, VarKind kind, bool in_for) {
  auto* decl = New<VarDeclStmt>(SpanFrom(start));
  decl->var_kind = kind;
  do {
    VarDeclarator d;
    d.target = ParseBinding();
    if (ts_ && tok() == Tok::Exclamation && !lexer_.newline_before()) Next();  // definite assignment `x!: T`
    SkipTypeAnnotation();
    if (Eat(Tok::Equals)) {
      d.init = ParseExpr(Level::Comma);
    } else if (!in_for && !in_ambient_) {
      if (kind == VarKind::Const) {
        Fail(d.target->span, d.target->kind == PatternKind::Identifier
                                 ? fmt::format("The constant \"{}\" must be initialized", d.target->name)
                                 : std::string("The constant must be initialized"));
      }
      if (d.target->kind != PatternKind::Identifier) Fail(d.target->span, "A destructuring declaration must have an initializer");
    }
    decl->declarators.push_back(d);
  } while (Eat(Tok::Comma));
  decl->span = SpanFrom(start);
  return decl;
}

Stmt* Parser::ParseIf(uint32_t start) {
  Next();
  auto* s = New<IfStmt>(SpanFrom(start));
  Expect(Tok::OpenParen);
  s->test = ParseExpr(Level::Lowest);
  Expect(Tok::CloseParen);
  s->consequent = ParseStatement();
  if (Eat(Tok::Else)) s->alternate = ParseStatement();
  s->span = SpanFrom(start);
  return s;
}

Stmt* Parser::ParseFor(uint32_t start) {
  Next();
  bool is_await = false;
  if (IsContextual("await")) {
    Next();
    is_await = true;
  }
  Expect(Tok::OpenParen);
  VarDeclStmt* decl = nullptr;
  Expr* init_expr = nullptr;
  const uint32_t init_start = Start();
  {
    Scoped<bool> allow_in(allow_in_, false);
    std::optional<VarKind> kind;
    if (tok() == Tok::Var) kind = VarKind::Var;
    if (tok() == Tok::Const) kind = VarKind::Const;
    if (IsContextual("let")) {
      Tok next = PeekToken();
      if (next == Tok::Identifier || next == Tok::OpenBracket || next == Tok::OpenBrace) kind = VarKind::Let;
    }
    if (kind) {
      Next();
      decl = ParseVarDecl(init_start, *kind, true);
    } else if (tok() != Tok::Semicolon) {
      std::optional<base::Span> saved = cover_init_;
      cover_init_.reset();
      init_expr = ParseExprOrPattern(Level::Lowest);
      if (!(IsContextual("of") || tok() == Tok::In) && cover_init_) {
        Fail(*cover_init_, "Invalid shorthand property initializer");
      }
      cover_init_ = saved;
    }
  }
  bool is_of = IsContextual("of");
  if (is_of || tok() == Tok::In) {
    StmtKind kind = is_of ? StmtKind::ForOf : StmtKind::ForIn;
    auto* s = New<ForInOfStmt>(kind, SpanFrom(start));
    if (decl != nullptr) {
      if (decl->declarators.size() != 1) Fail(decl->span, "Only one variable can be declared in a for-in/of loop");
      if (decl->declarators[0].init != nullptr) Fail(decl->span, "A for-in/of loop variable cannot have an initializer");
      s->declaration = decl->var_kind;
      s->target = decl->declarators[0].target;
    } else if (init_expr != nullptr) {
      s->target = ToPattern(init_expr);
    } else {
      Unexpected();
    }
    Next();
    s->iterable = is_of ? ParseExpr(Level::Comma) : ParseExpr(Level::Lowest);
    Expect(Tok::CloseParen);
    s->body = ParseStatement();
    s->span = SpanFrom(start);
    return s;
  }
  if (is_await) ExpectedButFound("\"of\"");
  auto* s = New<ForStmt>(SpanFrom(start));
  if (decl != nullptr) {
    for (const VarDeclarator& d : decl->declarators) {
      if (d.init == nullptr && (decl->var_kind == VarKind::Const || d.target->kind != PatternKind::Identifier) &&
          !in_ambient_) {
        Fail(d.target->span, "A declaration in a for loop must be initialized");
      }
    }
    s->init = decl;
  } else if (init_expr != nullptr) {
    s->init = New<ExpressionStmt>(init_expr->span, init_expr);
  }
  Expect(Tok::Semicolon);
  if (tok() != Tok::Semicolon) s->test = ParseExpr(Level::Lowest);
  Expect(Tok::Semicolon);
  if (tok() != Tok::CloseParen) s->update = ParseExpr(Level::Lowest);
  Expect(Tok::CloseParen);
  s->body = ParseStatement();
  s->span = SpanFrom(start);
  return s;
}

Stmt* Parser::ParseTry(uint32_t start) {
  Next();
  auto* s = New<TryStmt>(SpanFrom(start));
  s->block = ParseBlock();
  if (Eat(Tok::Catch)) {
    if (Eat(Tok::OpenParen)) {
      s->catch_param = ParseBinding();
      SkipTypeAnnotation();
      Expect(Tok::CloseParen);
    }
    s->handler = ParseBlock();
  }
  if (Eat(Tok::Finally)) s->finalizer = ParseBlock();
  if (s->handler == nullptr && s->finalizer == nullptr) ExpectedButFound("\"finally\"");
  s->span = SpanFrom(start);
  return s;
}

Stmt* Parser::ParseSwitch(uint32_t start) {
  Next();
  auto* s = New<SwitchStmt>(SpanFrom(start));
  Expect(Tok::OpenParen);
  s->discriminant = ParseExpr(Level::Lowest);
  Expect(Tok::CloseParen);
  Expect(Tok::OpenBrace);
  Scoped<bool> module_level(at_module_level_, false);
  bool seen_default = false;
  while (tok() != Tok::CloseBrace) {
    SwitchCase c;
    if (tok() == Tok::Default) {
      if (seen_default) Fail(lexer_.TokenSpan(), "Multiple default clauses are not allowed");
      seen_default = true;
      Next();
    } else {
      Expect(Tok::Case);
      c.test = ParseExpr(Level::Lowest);
    }
    Expect(Tok::Colon);
    while (tok() != Tok::Case && tok() != Tok::Default && tok() != Tok::CloseBrace) {
      if (tok() == Tok::EndOfFile) ExpectedButFound("\"}\"");
      Stmt* stmt = ParseStatement();
      if (stmt->kind != StmtKind::Empty) c.body.push_back(stmt);
    }
    s->cases.push_back(std::move(c));
  }
  Next();
  s->span = SpanFrom(start);
  return s;
}

Stmt* Parser::ParseExpressionOrLabel(uint32_t start) {
  bool starts_with_identifier = tok() == Tok::Identifier;
  Expr* e = ParseExpr(Level::Lowest);
  if (starts_with_identifier && tok() == Tok::Colon && e->kind == ExprKind::Identifier) {
    Next();
    auto* s = New<LabeledStmt>(SpanFrom(start));
    s->label = static_cast<IdentifierExpr*>(e)->name;
    Scoped<bool> module_level(at_module_level_, false);
    s->body = ParseStatement();
    s->span = SpanFrom(start);
    return s;
  }
  ExpectOrInsertSemicolon();
  return New<ExpressionStmt>(SpanFrom(start), e);
}

}  // namespace dp::ts
