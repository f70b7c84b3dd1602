// Binding patterns (declarations, parameters, catch clauses) and the conversion of an already
// parsed expression into an assignment target (`[a, b] = [b, a]`, `({ x } = obj)`).
#include "ts/parser_internal.h"

namespace dp::ts {

namespace {

bool IsLiteralName(const std::string& name) {
  return name == "true" || name == "false" || name == "null" || name == "super";
}

}  // namespace

Pattern* Parser::ParseBinding() {
  DepthGuard guard(*this);
  switch (tok()) {
    case Tok::OpenBrace: return ParseBindingObject();
    case Tok::OpenBracket: return ParseBindingArray();
    default: {
      uint32_t start = Start();
      auto* p = New<Pattern>();
      p->kind = PatternKind::Identifier;
      p->name = ExpectIdentifier();
      p->span = SpanFrom(start);
      return p;
    }
  }
}

Pattern* Parser::ParseBindingObject() {
  uint32_t start = Start();
  Next();
  auto* p = New<Pattern>();
  p->kind = PatternKind::Object;
  while (tok() != Tok::CloseBrace) {
    if (Eat(Tok::DotDotDot)) {
      p->rest = ParseBinding();
      if (tok() != Tok::CloseBrace) ExpectedButFound("\"}\"");
      break;
    }
    uint32_t prop_start = Start();
    ObjectPatternProperty prop;
    bool shorthand_ok = tok() == Tok::Identifier;
    prop.key = ParsePropertyKey(&prop.computed_key);
    if (Eat(Tok::Colon)) {
      prop.value = ParseBinding();
    } else {
      if (!shorthand_ok || prop.computed_key != nullptr) ExpectedButFound("\":\"");
      auto* id = New<Pattern>();
      id->kind = PatternKind::Identifier;
      id->name = prop.key;
      id->span = SpanFrom(prop_start);
      prop.value = id;
    }
    if (Eat(Tok::Equals)) prop.default_value = ParseExpr(Level::Comma);
    prop.span = SpanFrom(prop_start);
    p->properties.push_back(std::move(prop));
    if (tok() != Tok::CloseBrace) Expect(Tok::Comma);
  }
  Next();
  p->span = SpanFrom(start);
  return p;
}

Pattern* Parser::ParseBindingArray() {
  uint32_t start = Start();
  Next();
  auto* p = New<Pattern>();
  p->kind = PatternKind::Array;
  while (tok() != Tok::CloseBracket) {
    if (tok() == Tok::Comma) {
      Next();
      p->elements.push_back(nullptr);
      p->element_defaults.push_back(nullptr);
      continue;
    }
    if (Eat(Tok::DotDotDot)) {
      p->rest = ParseBinding();
      if (tok() != Tok::CloseBracket) ExpectedButFound("\"]\"");
      break;
    }
    p->elements.push_back(ParseBinding());
    p->element_defaults.push_back(Eat(Tok::Equals) ? ParseExpr(Level::Comma) : nullptr);
    if (tok() != Tok::CloseBracket) Expect(Tok::Comma);
  }
  Next();
  p->span = SpanFrom(start);
  return p;
}

Expr* Parser::ToTarget(Expr* e) {
  if (e->kind == ExprKind::Identifier && !IsLiteralName(static_cast<IdentifierExpr*>(e)->name)) return e;
  if (e->kind == ExprKind::Member) {
    auto* m = static_cast<MemberExpr*>(e);
    if (!m->optional && !m->in_optional_chain) return e;
  }
  Fail(e->span, "Invalid assignment target");
}

Pattern* Parser::ToPattern(Expr* e, bool allow_member) {
  DepthGuard guard(*this);
  auto* p = New<Pattern>();
  p->span = e->span;
  switch (e->kind) {
    case ExprKind::Identifier: {
      auto* id = static_cast<IdentifierExpr*>(e);
      if (IsLiteralName(id->name)) break;
      p->kind = PatternKind::Identifier;
      p->name = id->name;
      return p;
    }
    case ExprKind::Member: {
      if (!allow_member) break;
      ToTarget(e);
      p->kind = PatternKind::Member;
      p->member = static_cast<MemberExpr*>(e);
      return p;
    }
    case ExprKind::Array: {
      p->kind = PatternKind::Array;
      auto* array = static_cast<ArrayExpr*>(e);
      for (size_t i = 0; i < array->elements.size(); ++i) {
        Expr* element = array->elements[i];
        if (element == nullptr) {
          p->elements.push_back(nullptr);
          p->element_defaults.push_back(nullptr);
          continue;
        }
        if (element->kind == ExprKind::Spread) {
          if (i + 1 != array->elements.size()) Fail(element->span, "A rest element must be last in a destructuring pattern");
          p->rest = ToPattern(static_cast<SpreadExpr*>(element)->argument, allow_member);
          continue;
        }
        if (element->kind == ExprKind::Assign) {
          auto* assign = static_cast<AssignExpr*>(element);
          if (assign->binary_op || assign->logical_op) Fail(element->span, "Invalid destructuring assignment target");
          p->elements.push_back(assign->target);
          p->element_defaults.push_back(assign->value);
          continue;
        }
        p->elements.push_back(ToPattern(element, allow_member));
        p->element_defaults.push_back(nullptr);
      }
      return p;
    }
    case ExprKind::Object: {
      p->kind = PatternKind::Object;
      auto* object = static_cast<ObjectExpr*>(e);
      for (size_t i = 0; i < object->properties.size(); ++i) {
        ObjectProperty& prop = object->properties[i];
        if (prop.kind == PropertyKind::Spread) {
          if (i + 1 != object->properties.size()) Fail(prop.span, "A rest element must be last in a destructuring pattern");
          p->rest = ToPattern(prop.value, allow_member);
          continue;
        }
        if (prop.kind != PropertyKind::KeyValue && prop.kind != PropertyKind::Shorthand) {
          Fail(prop.span, "Invalid destructuring assignment target");
        }
        ObjectPatternProperty out;
        out.span = prop.span;
        out.key = prop.key;
        out.computed_key = prop.computed_key;
        Expr* value = prop.value;
        if (value->kind == ExprKind::Assign) {
          auto* assign = static_cast<AssignExpr*>(value);
          if (assign->binary_op || assign->logical_op) Fail(value->span, "Invalid destructuring assignment target");
          out.value = assign->target;
          out.default_value = assign->value;
        } else {
          out.value = ToPattern(value, allow_member);
        }
        p->properties.push_back(std::move(out));
      }
      return p;
    }
    default:
      break;
  }
  Fail(e->span, "Invalid assignment target");
}

}  // namespace dp::ts
