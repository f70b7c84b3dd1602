// Functions, arrow functions and classes, with their TypeScript extras: type parameters,
// parameter and return annotations, optional parameters, `this` parameters, overload
// signatures, parameter properties, abstract/declare members and index signatures.
#include "ts/parser_internal.h"

namespace dp::ts {

namespace {

bool IsModifierWord(std::string_view w) {
  return w == "public" || w == "private" || w == "protected" || w == "readonly" || w == "override";
}

// Tokens that may follow a class member modifier when it really is a modifier.
bool CanFollowModifier(Tok t) {
  return t == Tok::Identifier || t == Tok::EscapedKeyword || IsKeyword(t) || t == Tok::String || t == Tok::Number ||
         t == Tok::BigInt || t == Tok::OpenBracket || t == Tok::OpenBrace || t == Tok::Asterisk ||
         t == Tok::PrivateIdentifier;
}

}  // namespace

Expr* Parser::TryParseArrow(uint32_t start, bool is_async) {
  const uint32_t key = Start();
  if (failed_arrow_.count(key) != 0) return nullptr;
  // Cheap rejection: `(` followed by something that cannot start a parameter.
  if (tok() == Tok::OpenParen) {
    Tok next = PeekToken();
    bool may_be_param = next == Tok::Identifier || next == Tok::OpenBrace || next == Tok::OpenBracket ||
                        next == Tok::DotDotDot || next == Tok::CloseParen || next == Tok::This || next == Tok::At;
    if (!may_be_param) return nullptr;
  }
  const bool in_consequent = in_conditional_consequent_;
  Scoped<bool> consequent(in_conditional_consequent_, false);
  FunctionNode* fn = New<FunctionNode>();
  fn->is_arrow = true;
  fn->is_async = is_async;
  Expr* parsed = nullptr;
  bool ok = Try([&] {
    if (tok() == Tok::LessThan) SkipTypeParameters();
    {
      Scoped<bool> gen(in_generator_, false);
      Scoped<bool> async(in_async_, is_async);
      fn->params = ParseParams();
    }
    bool has_return_type = false;
    if (ts_ && tok() == Tok::Colon) {
      Next();
      SkipReturnType();
      has_return_type = true;
    }
    if (tok() != Tok::EqualsGreaterThan || lexer_.newline_before()) ExpectedButFound("\"=>\"");
    if (has_return_type && in_consequent) {
      // `a ? (b) : c => d`: an arrow with a return type only if a `:` still follows it.
      parsed = ParseArrowBody(start, fn);
      if (tok() != Tok::Colon) ExpectedButFound("\":\"");
    }
  });
  if (!ok) {
    failed_arrow_.insert(key);
    return nullptr;
  }
  return parsed != nullptr ? parsed : ParseArrowBody(start, fn);
}

Expr* Parser::ParseArrowBody(uint32_t start, FunctionNode* fn) {
  Expect(Tok::EqualsGreaterThan);
  if (tok() == Tok::OpenBrace) {
    ParseFunctionBody(fn);
  } else {
    Scoped<bool> in_function(in_function_, true);
    Scoped<bool> gen(in_generator_, false);
    Scoped<bool> async(in_async_, fn->is_async);
    fn->expression_body = ParseExpr(Level::Comma);
  }
  fn->span = SpanFrom(start);
  return New<FunctionExpr>(SpanFrom(start), fn);
}

std::vector<Param> Parser::ParseParams(bool ctor, std::vector<std::string>* properties) {
  Expect(Tok::OpenParen);
  Scoped<bool> allow_in(allow_in_, true);
  Scoped<bool> consequent(in_conditional_consequent_, false);
  std::vector<Param> params;
  while (tok() != Tok::CloseParen) {
    if (tok() == Tok::At) Unsupported(lexer_.TokenSpan(), "decorators are not supported");
    bool is_property = false;
    uint32_t modifier_start = Start();
    while (ts_ && tok() == Tok::Identifier && !lexer_.has_escape() && IsModifierWord(lexer_.Raw())) {
      Tok next = PeekToken();
      if (next == Tok::Comma || next == Tok::CloseParen || next == Tok::Colon || next == Tok::Equals ||
          next == Tok::Question) {
        break;  // a parameter named `readonly`, ...
      }
      Next();
      is_property = true;
    }
    if (is_property && !ctor) {
      Fail(SpanFrom(modifier_start), "A parameter property is only allowed in a constructor implementation");
    }
    if (ts_ && tok() == Tok::This && !is_property) {
      // `this: T` declares the type of `this`; it is not a parameter.
      Next();
      SkipTypeAnnotation();
      if (tok() != Tok::CloseParen) Expect(Tok::Comma);
      continue;
    }
    Param param;
    param.is_rest = Eat(Tok::DotDotDot);
    param.pattern = ParseBinding();
    if (ts_ && tok() == Tok::Question) Next();
    SkipTypeAnnotation();
    if (Eat(Tok::Equals)) param.default_value = ParseExpr(Level::Comma);
    if (is_property) {
      if (param.pattern->kind != PatternKind::Identifier || param.is_rest) {
        Fail(param.pattern->span, "A parameter property may not be a binding pattern");
      }
      if (properties) properties->push_back(param.pattern->name);
    }
    params.push_back(param);
    if (tok() != Tok::CloseParen) {
      if (param.is_rest) ExpectedButFound("\")\"");
      Expect(Tok::Comma);
    }
  }
  Next();
  return params;
}

void Parser::ParseFunctionBody(FunctionNode* fn) {
  Scoped<bool> in_function(in_function_, true);
  Scoped<bool> gen(in_generator_, fn->is_generator);
  Scoped<bool> async(in_async_, fn->is_async);
  Scoped<bool> allow_in(allow_in_, true);
  Scoped<bool> consequent(in_conditional_consequent_, false);
  Scoped<bool> module_level(at_module_level_, false);
  Expect(Tok::OpenBrace);
  ParseStatementList(fn->body, Tok::CloseBrace);
  Next();
}

FunctionNode* Parser::ParseFunctionRest(uint32_t start, std::string name, bool is_async, bool is_generator,
                                        bool allow_no_body, bool ctor) {
  auto* fn = New<FunctionNode>();
  fn->name = std::move(name);
  fn->is_async = is_async;
  fn->is_generator = is_generator;
  if (ts_ && tok() == Tok::LessThan) SkipTypeParameters();
  std::vector<std::string> properties;
  {
    Scoped<bool> gen(in_generator_, is_generator);
    Scoped<bool> async(in_async_, is_async);
    fn->params = ParseParams(ctor, &properties);
  }
  if (ts_ && tok() == Tok::Colon) {
    Next();
    SkipReturnType();
  }
  if (tok() != Tok::OpenBrace && ((ts_ && allow_no_body) || in_ambient_)) {
    // An overload signature, an abstract method or an ambient declaration: no runtime code.
    ExpectOrInsertSemicolon();
    return nullptr;
  }
  if (in_ambient_ && tok() == Tok::OpenBrace) {
    Fail(lexer_.TokenSpan(), "An implementation cannot be declared in ambient contexts");
  }
  ParseFunctionBody(fn);
  fn->span = SpanFrom(start);
  if (!properties.empty()) {
    // Parameter properties: `constructor(private x: T)` assigns `this.x = x` after super().
    size_t insert_at = 0;
    for (size_t i = 0; i < fn->body.size(); ++i) {
      const Stmt* s = fn->body[i];
      if (s->kind != StmtKind::Expression) continue;
      const Expr* e = static_cast<const ExpressionStmt*>(s)->expr;
      if (e->kind != ExprKind::Call) continue;
      const Expr* callee = static_cast<const CallExpr*>(e)->callee;
      if (callee->kind == ExprKind::Identifier && static_cast<const IdentifierExpr*>(callee)->name == "super") {
        insert_at = i + 1;
        break;
      }
    }
    std::vector<Stmt*> assigns;
    for (const std::string& prop : properties) {
      auto* member = New<MemberExpr>(fn->span);
      member->object = New<Expr>(ExprKind::This, fn->span);
      member->property = prop;
      auto* target = New<Pattern>();
      target->kind = PatternKind::Member;
      target->span = fn->span;
      target->member = member;
      auto* assign = New<AssignExpr>(fn->span);
      assign->target = target;
      assign->value = New<IdentifierExpr>(fn->span, prop);
      assigns.push_back(New<ExpressionStmt>(fn->span, assign));
    }
    fn->body.insert(fn->body.begin() + static_cast<std::ptrdiff_t>(insert_at), assigns.begin(), assigns.end());
  }
  return fn;
}

Expr* Parser::ParseFunctionExpr(uint32_t start, bool is_async) {
  Expect(Tok::Function);
  bool is_generator = Eat(Tok::Asterisk);
  std::string name;
  if (tok() == Tok::Identifier) name = ExpectIdentifier();
  FunctionNode* fn = ParseFunctionRest(start, std::move(name), is_async, is_generator, false);
  return New<FunctionExpr>(SpanFrom(start), fn);
}

Stmt* Parser::ParseFunctionDecl(uint32_t start, bool is_async, bool name_optional) {
  Expect(Tok::Function);
  bool is_generator = Eat(Tok::Asterisk);
  std::string name;
  if (tok() == Tok::Identifier || !name_optional) name = ExpectIdentifier();
  FunctionNode* fn = ParseFunctionRest(start, std::move(name), is_async, is_generator, true);
  if (fn == nullptr) return Empty(start);
  return New<FunctionDeclStmt>(SpanFrom(start), fn);
}

ClassExpr* Parser::ParseClass(uint32_t start, bool name_optional, bool is_abstract) {
  (void)is_abstract;
  Expect(Tok::Class);
  auto* cls = New<ClassExpr>(SpanFrom(start));
  if (tok() == Tok::Identifier && !IsContextual("implements")) {
    cls->name = ExpectIdentifier();
  } else if (!name_optional) {
    ExpectedButFound("identifier");
  }
  if (ts_ && tok() == Tok::LessThan) SkipTypeParameters();
  if (Eat(Tok::Extends)) {
    cls->super_class = ParseExpr(Level::Compare);
    if (ts_ && tok() == Tok::LessThan) SkipTypeArguments();
  }
  if (ts_ && EatContextual("implements")) {
    SkipType();
    while (Eat(Tok::Comma)) SkipType();
  }
  Expect(Tok::OpenBrace);
  {
    Scoped<bool> in_class(in_class_, true);
    Scoped<bool> allow_in(allow_in_, true);
    Scoped<bool> consequent(in_conditional_consequent_, false);
    while (tok() != Tok::CloseBrace) {
      if (Eat(Tok::Semicolon)) continue;
      ParseClassMember(cls);
    }
  }
  Next();
  cls->span = SpanFrom(start);
  return cls;
}

void Parser::ParseClassMember(ClassExpr* cls) {
  DepthGuard guard(*this);
  const uint32_t start = Start();
  if (tok() == Tok::At) Unsupported(lexer_.TokenSpan(), "decorators are not supported");
  ClassMember member;
  bool is_async = false;
  bool is_generator = false;
  bool type_only = false;  // abstract or declare: no runtime member
  PropertyKind accessor = PropertyKind::Method;
  while (tok() == Tok::Identifier && !lexer_.has_escape()) {
    std::string_view raw = lexer_.Raw();
    bool ts_modifier = IsModifierWord(raw) || raw == "abstract" || raw == "declare";
    bool js_modifier = raw == "static" || raw == "async" || raw == "get" || raw == "set" || raw == "accessor";
    if (!(js_modifier || (ts_ && ts_modifier))) break;
    bool newline = false;
    Tok next = PeekToken(&newline);
    if (!CanFollowModifier(next) || (raw == "async" && newline)) break;
    if (raw == "static") {
      if (next == Tok::OpenBrace) Unsupported(lexer_.TokenSpan(), "class static blocks are not supported");
      member.is_static = true;
    } else if (raw == "accessor") {
      Unsupported(lexer_.TokenSpan(), "auto-accessor class fields are not supported");
    } else if (raw == "async") {
      is_async = true;
    } else if (raw == "get") {
      accessor = PropertyKind::Getter;
    } else if (raw == "set") {
      accessor = PropertyKind::Setter;
    } else if (raw == "abstract" || raw == "declare") {
      type_only = true;
    }
    if (next == Tok::OpenBrace) Unexpected();
    Next();
  }
  if (tok() == Tok::Asterisk) {
    Next();
    is_generator = true;
  }
  // TypeScript index signature `[key: string]: T;`
  if (ts_ && tok() == Tok::OpenBracket) {
    Snapshot saved = Save();
    Next();
    bool is_index = false;
    if (tok() == Tok::Identifier) {
      Next();
      is_index = tok() == Tok::Colon;
    }
    Restore(saved);
    if (is_index) {
      SkipTypeMember();
      ExpectOrInsertSemicolon();
      return;
    }
  }
  bool is_constructor = !member.is_static && tok() == Tok::Identifier && lexer_.Raw() == "constructor";
  if (tok() == Tok::String && lexer_.StringValue() == "constructor") is_constructor = !member.is_static;
  member.key = ParsePropertyKey(&member.computed_key);
  if (ts_ && (tok() == Tok::Question || tok() == Tok::Exclamation)) Next();
  if (tok() == Tok::OpenParen || tok() == Tok::LessThan) {
    if (is_constructor && accessor == PropertyKind::Method && !is_async && !is_generator) {
      FunctionNode* fn = ParseFunctionRest(start, cls->name, false, false, ts_, true);
      if (fn == nullptr || type_only) return;
      if (cls->constructor != nullptr) Fail(SpanFrom(start), "A class may only have one constructor");
      cls->constructor = fn;
      return;
    }
    FunctionNode* fn = ParseFunctionRest(start, member.computed_key ? "" : member.key, is_async, is_generator, ts_);
    if (fn == nullptr || type_only) return;
    member.is_method = true;
    member.accessor = accessor;
    member.value = New<FunctionExpr>(SpanFrom(start), fn);
    member.span = SpanFrom(start);
    cls->members.push_back(std::move(member));
    return;
  }
  if (accessor != PropertyKind::Method || is_async || is_generator) ExpectedButFound("\"(\"");
  SkipTypeAnnotation();
  if (Eat(Tok::Equals)) {
    Scoped<bool> in_function(in_function_, true);
    member.value = ParseExpr(Level::Comma);
  }
  ExpectOrInsertSemicolon();
  if (type_only) return;
  member.span = SpanFrom(start);
  cls->members.push_back(std::move(member));
}

}  // namespace dp::ts
