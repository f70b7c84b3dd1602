// Literals and lists: array and object literals (methods, accessors, shorthands and `{a = 1}`
// cover initializers), property keys, template literals and call arguments.
#include "ts/parser_internal.h"

namespace dp::ts {

Expr* Parser::ParseArrayLiteral() {
  uint32_t start = Start();
  Next();
  Scoped<bool> allow_in(allow_in_, true);
  Scoped<bool> consequent(in_conditional_consequent_, false);
  auto* array = New<ArrayExpr>(SpanFrom(start));
  ScratchMark<Expr*> elements(expr_scratch_);
  while (tok() != Tok::CloseBracket) {
    if (tok() == Tok::Comma) {
      Next();
      expr_scratch_.push_back(nullptr);
      continue;
    }
    if (tok() == Tok::DotDotDot) {
      uint32_t spread_start = Start();
      Next();
      Expr* argument = ParseExprOrPattern(Level::Comma);
      expr_scratch_.push_back(New<SpreadExpr>(SpanFrom(spread_start), argument));
    } else {
      Expr* element = ParseExprOrPattern(Level::Comma);
      expr_scratch_.push_back(element);
    }
    if (tok() != Tok::CloseBracket) Expect(Tok::Comma);
  }
  Next();
  array->elements = elements.Take();
  array->span = SpanFrom(start);
  return array;
}

std::string Parser::ParsePropertyKey(Expr** computed) {
  *computed = nullptr;
  std::string key;
  switch (tok()) {
    case Tok::String:
      key = lexer_.StringValue();
      break;
    case Tok::Number:
      key = NumberToJsString(lexer_.Number());
      break;
    case Tok::BigInt:
      key = lexer_.BigIntDigits();
      break;
    case Tok::PrivateIdentifier:
      key = std::string(lexer_.Identifier());
      break;
    case Tok::OpenBracket: {
      Next();
      Scoped<bool> allow_in(allow_in_, true);
      *computed = ParseExpr(Level::Comma);
      Expect(Tok::CloseBracket);
      return key;
    }
    default:
      if (!IsIdentifierOrKeyword()) ExpectedButFound("identifier");
      key = TokenName();
      break;
  }
  Next();
  return key;
}

Expr* Parser::ParseObjectLiteral() {
  uint32_t start = Start();
  Next();
  Scoped<bool> allow_in(allow_in_, true);
  Scoped<bool> consequent(in_conditional_consequent_, false);
  auto* object = New<ObjectExpr>(SpanFrom(start));
  ScratchMark<ObjectProperty> properties(property_scratch_);
  while (tok() != Tok::CloseBrace) {
    uint32_t prop_start = Start();
    ObjectProperty prop;
    if (tok() == Tok::DotDotDot) {
      Next();
      prop.kind = PropertyKind::Spread;
      prop.value = ParseExprOrPattern(Level::Comma);
    } else {
      if (tok() == Tok::At) Unsupported(lexer_.TokenSpan(), "decorators are not supported");
      bool is_async = false;
      bool is_generator = false;
      PropertyKind kind = PropertyKind::KeyValue;
      if (tok() == Tok::Identifier && !lexer_.has_escape()) {
        std::string_view raw = lexer_.Raw();
        if (raw == "get" || raw == "set" || raw == "async") {
          bool newline = false;
          Tok next = PeekToken(&newline);
          bool name_follows = next == Tok::Identifier || next == Tok::EscapedKeyword || IsKeyword(next) ||
                              next == Tok::String || next == Tok::Number || next == Tok::BigInt ||
                              next == Tok::OpenBracket || next == Tok::PrivateIdentifier ||
                              (raw == "async" && next == Tok::Asterisk);
          if (name_follows && !(raw == "async" && newline)) {
            kind = raw == "get" ? PropertyKind::Getter : raw == "set" ? PropertyKind::Setter : PropertyKind::Method;
            is_async = raw == "async";
            Next();
          }
        }
      }
      if (tok() == Tok::Asterisk) {
        Next();
        is_generator = true;
        kind = PropertyKind::Method;
      }
      bool shorthand_ok = tok() == Tok::Identifier;
      prop.key = ParsePropertyKey(&prop.computed_key);
      if (kind == PropertyKind::KeyValue && tok() == Tok::Colon) {
        Next();
        prop.value = ParseExprOrPattern(Level::Comma);
      } else if (kind != PropertyKind::KeyValue || tok() == Tok::OpenParen || tok() == Tok::LessThan) {
        prop.kind = kind == PropertyKind::KeyValue ? PropertyKind::Method : kind;
        FunctionNode* fn = ParseFunctionRest(prop_start, prop.computed_key ? "" : prop.key, is_async, is_generator, false);
        prop.value = New<FunctionExpr>(SpanFrom(prop_start), fn);
        kind = prop.kind;
      } else if (shorthand_ok && prop.computed_key == nullptr) {
        prop.kind = PropertyKind::Shorthand;
        prop.value = Identifier(prop_start, prop.key);
        if (tok() == Tok::Equals) {
          // `{a = 1}` is only valid if the object becomes a destructuring pattern.
          if (!cover_init_) cover_init_ = lexer_.TokenSpan();
          Next();
          auto* assign = New<AssignExpr>(SpanFrom(prop_start));
          assign->target = ToPattern(prop.value);
          assign->value = ParseExpr(Level::Comma);
          assign->span = SpanFrom(prop_start);
          prop.value = assign;
        }
      } else {
        ExpectedButFound("\":\"");
      }
      if (prop.kind == PropertyKind::KeyValue) prop.kind = kind;
    }
    prop.span = SpanFrom(prop_start);
    property_scratch_.push_back(std::move(prop));
    if (tok() != Tok::CloseBrace) Expect(Tok::Comma);
  }
  Next();
  object->properties = properties.Take();
  object->span = SpanFrom(start);
  return object;
}

TemplateExpr* Parser::ParseTemplate(bool tagged) {
  uint32_t start = Start();
  auto* tpl = New<TemplateExpr>(SpanFrom(start));
  std::string cooked;
  std::string raw;
  for (;;) {
    lexer_.TemplateValues(&cooked, &raw);
    if (lexer_.state().cooked_invalid) {
      if (!tagged) {
        Fail(base::Span{{file_, lexer_.state().invalid_escape}, 2}, "Invalid escape sequence in template literal",
             base::DiagKind::LexInvalidEscape);
      }
      tpl->cooked_invalid.resize(tpl->cooked.size() + 1, false);
      tpl->cooked_invalid.back() = true;
      cooked.clear();
    }
    tpl->cooked.push_back(cooked);
    tpl->raw.push_back(raw);
    if (tok() == Tok::NoSubstitutionTemplate || tok() == Tok::TemplateTail) {
      Next();
      break;
    }
    Next();
    {
      Scoped<bool> allow_in(allow_in_, true);
      Scoped<bool> consequent(in_conditional_consequent_, false);
      tpl->exprs.push_back(ParseExpr(Level::Lowest));
    }
    if (tok() != Tok::CloseBrace) ExpectedButFound("\"}\"");
    try {
      lexer_.RescanCloseBraceAsTemplateToken();
    } catch (const ParseAbort&) {
      // Point an unterminated template at its opening backtick rather than at the last `}`.
      Fail(base::Span{{file_, start}, 1}, "Unterminated template literal", base::DiagKind::LexUnterminatedTemplate);
    }
  }
  if (!tpl->cooked_invalid.empty()) tpl->cooked_invalid.resize(tpl->cooked.size(), false);
  tpl->span = SpanFrom(start);
  return tpl;
}

std::vector<Expr*> Parser::ParseArguments() {
  Expect(Tok::OpenParen);
  Scoped<bool> allow_in(allow_in_, true);
  Scoped<bool> consequent(in_conditional_consequent_, false);
  ScratchMark<Expr*> args(expr_scratch_);
  while (tok() != Tok::CloseParen) {
    if (tok() == Tok::DotDotDot) {
      uint32_t spread_start = Start();
      Next();
      Expr* argument = ParseExpr(Level::Comma);
      expr_scratch_.push_back(New<SpreadExpr>(SpanFrom(spread_start), argument));
    } else {
      Expr* argument = ParseExpr(Level::Comma);
      expr_scratch_.push_back(argument);
    }
    if (tok() != Tok::CloseParen) Expect(Tok::Comma);
  }
  Next();
  return args.Take();
}

}  // namespace dp::ts
