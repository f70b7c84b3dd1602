// TypeScript type syntax, skipped without building anything (esbuild's skipTypeScriptType):
// unions and intersections, function and constructor types, conditional types with `infer`,
// mapped and object types, tuples, template literal types, `typeof`/`keyof`/`import()`,
// indexed access, generics, and type predicates in return position.
#include <exception>

#include "ts/parser_internal.h"

namespace dp::ts {

namespace {

bool IsTypeModifierWord(std::string_view w) {
  return w == "readonly" || w == "public" || w == "private" || w == "protected" || w == "static" ||
         w == "abstract" || w == "declare" || w == "override";
}

}  // namespace

void Parser::SkipType() {
  DepthGuard guard(*this);
  Scoped<bool> conditional_allowed(no_conditional_types_, false);
  if (IsStartOfFunctionType()) {
    SkipFunctionType();
    return;
  }
  SkipUnionType(false);
}

void Parser::SkipTypeNoConditional() {
  DepthGuard guard(*this);
  Scoped<bool> conditional_disallowed(no_conditional_types_, true);
  if (IsStartOfFunctionType()) {
    SkipFunctionType();
    return;
  }
  SkipUnionType(true);
}

void Parser::SkipReturnType() {
  // Type predicates: `x is T`, `this is T`, `asserts x`, `asserts x is T`.
  if (IsContextual("asserts")) {
    bool newline = false;
    Tok next = PeekToken(&newline);
    if ((next == Tok::Identifier || next == Tok::This) && !newline) {
      Next();
      Next();
      if (IsContextual("is") && !lexer_.newline_before()) {
        Next();
        SkipType();
      }
      return;
    }
  }
  if (tok() == Tok::Identifier || tok() == Tok::This) {
    bool newline = false;
    std::string_view next_raw;
    Tok next = PeekToken(&newline, &next_raw);
    if (next == Tok::Identifier && next_raw == "is" && !newline) {
      Next();
      Next();
      SkipType();
      return;
    }
  }
  SkipType();
}

void Parser::SkipUnionType(bool no_conditional) {
  Eat(Tok::Bar);
  SkipIntersectionType();
  while (Eat(Tok::Bar)) SkipIntersectionType();
  if (!no_conditional && tok() == Tok::Extends && !lexer_.newline_before()) {
    Next();
    SkipTypeNoConditional();
    Expect(Tok::Question);
    SkipType();
    Expect(Tok::Colon);
    SkipType();
  }
}

void Parser::SkipIntersectionType() {
  Eat(Tok::Ampersand);
  SkipTypeOperator();
  while (Eat(Tok::Ampersand)) SkipTypeOperator();
}

void Parser::SkipTypeOperator() {
  if (tok() == Tok::Identifier && !lexer_.has_escape()) {
    std::string_view raw = lexer_.Raw();
    if (raw == "keyof" || raw == "unique" || raw == "readonly") {
      Tok next = PeekToken();
      bool operand_follows = next != Tok::Comma && next != Tok::CloseParen && next != Tok::CloseBracket &&
                             next != Tok::CloseBrace && next != Tok::GreaterThan && next != Tok::Semicolon &&
                             next != Tok::Equals && next != Tok::Bar && next != Tok::Ampersand &&
                             next != Tok::EndOfFile && next != Tok::Dot;
      if (operand_follows) {
        DepthGuard guard(*this);
        Next();
        SkipTypeOperator();
        return;
      }
    } else if (raw == "infer") {
      Tok next = PeekToken();
      if (next == Tok::Identifier) {
        Next();
        ExpectIdentifier();
        if (tok() == Tok::Extends) {
          if (no_conditional_types_) {
            // In the `extends` clause of a conditional type, `infer U extends C` always has a constraint.
            Next();
            SkipTypeNoConditional();
          } else {
            // Elsewhere the `extends` may start a conditional type: `infer U extends C ? X : Y`.
            // Failures are remembered so that nested `infer`s cannot make this exponential.
            const uint32_t key = Start();
            if (failed_infer_constraint_.count(key) == 0) {
              bool ok = Try([&] {
                Next();
                SkipTypeNoConditional();
                if (tok() == Tok::Question) Unexpected();
              });
              if (!ok) failed_infer_constraint_.insert(key);
            }
          }
        }
        return;
      }
    }
  }
  SkipPostfixType();
}

void Parser::SkipPostfixType() {
  SkipPrimaryType();
  while (tok() == Tok::OpenBracket && !lexer_.newline_before()) {
    Next();
    if (tok() != Tok::CloseBracket) SkipType();
    Expect(Tok::CloseBracket);
  }
}

void Parser::SkipPrimaryType() {
  switch (tok()) {
    case Tok::Identifier:
    case Tok::Void:
    case Tok::Null:
    case Tok::This:
    case Tok::True:
    case Tok::False: {
      bool is_name = tok() == Tok::Identifier || tok() == Tok::This;
      Next();
      if (!is_name) return;
      while (tok() == Tok::Dot) {
        Next();
        if (!IsIdentifierOrKeyword() && tok() != Tok::PrivateIdentifier) ExpectedButFound("identifier");
        Next();
      }
      if (tok() == Tok::LessThan || tok() == Tok::LessThanLessThan) {
        if (!lexer_.newline_before()) SkipTypeArguments();
      }
      return;
    }
    case Tok::Typeof: {
      Next();
      if (tok() == Tok::Import) {
        SkipPrimaryType();
        return;
      }
      if (!IsIdentifierOrKeyword() && tok() != Tok::This) ExpectedButFound("identifier");
      Next();
      while (tok() == Tok::Dot) {
        Next();
        if (!IsIdentifierOrKeyword() && tok() != Tok::PrivateIdentifier) ExpectedButFound("identifier");
        Next();
      }
      if (tok() == Tok::LessThan && !lexer_.newline_before()) SkipTypeArguments();
      return;
    }
    case Tok::Import: {
      // import('module').Name<T>
      Next();
      Expect(Tok::OpenParen);
      if (tok() != Tok::String) ExpectedButFound("string");
      Next();
      if (Eat(Tok::Comma) && tok() == Tok::OpenBrace) ParseObjectLiteral();
      Eat(Tok::Comma);
      Expect(Tok::CloseParen);
      while (tok() == Tok::Dot) {
        Next();
        if (!IsIdentifierOrKeyword()) ExpectedButFound("identifier");
        Next();
      }
      if (tok() == Tok::LessThan && !lexer_.newline_before()) SkipTypeArguments();
      return;
    }
    case Tok::String:
    case Tok::Number:
    case Tok::BigInt:
    case Tok::NoSubstitutionTemplate:
      Next();
      return;
    case Tok::TemplateHead:
      SkipTemplateLiteralType();
      return;
    case Tok::Minus:
      Next();
      if (tok() != Tok::Number && tok() != Tok::BigInt) ExpectedButFound("number");
      Next();
      return;
    case Tok::OpenBrace:
      SkipObjectType();
      return;
    case Tok::OpenBracket:
      SkipTupleType();
      return;
    case Tok::OpenParen: {
      Next();
      Scoped<bool> allow_in(allow_in_, true);
      SkipType();
      Expect(Tok::CloseParen);
      return;
    }
    default:
      ExpectedButFound("type");
  }
}

void Parser::SkipTemplateLiteralType() {
  // `prefix-${T}-suffix`
  for (;;) {
    Next();
    SkipType();
    if (tok() != Tok::CloseBrace) ExpectedButFound("\"}\"");
    lexer_.RescanCloseBraceAsTemplateToken();
    if (tok() == Tok::TemplateTail) {
      Next();
      return;
    }
  }
}

bool Parser::IsStartOfMappedType() {
  // { [K in T]: U }, { readonly [K in T]?: U }, { -readonly [K in T]-?: U }
  Snapshot saved = Save();
  Next();  // {
  if (tok() == Tok::Plus || tok() == Tok::Minus) {
    Next();
    bool result = IsContextual("readonly");
    Restore(saved);
    return result;
  }
  if (IsContextual("readonly")) Next();
  bool result = false;
  if (tok() == Tok::OpenBracket) {
    Next();
    if (tok() == Tok::Identifier) {
      Next();
      result = tok() == Tok::In;
    }
  }
  Restore(saved);
  return result;
}

void Parser::SkipObjectType() {
  if (tok() != Tok::OpenBrace) ExpectedButFound("\"{\"");
  if (IsStartOfMappedType()) {
    Next();
    if (tok() == Tok::Plus || tok() == Tok::Minus) Next();
    EatContextual("readonly");
    Expect(Tok::OpenBracket);
    ExpectIdentifier();
    Expect(Tok::In);
    SkipType();
    if (EatContextual("as")) SkipType();
    Expect(Tok::CloseBracket);
    if (tok() == Tok::Plus || tok() == Tok::Minus) {
      Next();
      Expect(Tok::Question);
    } else {
      Eat(Tok::Question);
    }
    SkipTypeAnnotation();
    if (!Eat(Tok::Semicolon)) Eat(Tok::Comma);
    Expect(Tok::CloseBrace);
    return;
  }
  Next();
  Scoped<bool> allow_in(allow_in_, true);
  while (tok() != Tok::CloseBrace) {
    SkipTypeMember();
    if (Eat(Tok::Semicolon) || Eat(Tok::Comma)) continue;
    if (tok() != Tok::CloseBrace && !lexer_.newline_before()) ExpectedButFound("\";\"");
  }
  Next();
}

void Parser::SkipTypeMember() {
  // Call and construct signatures.
  if (tok() == Tok::OpenParen || tok() == Tok::LessThan ||
      (tok() == Tok::New && (PeekToken() == Tok::OpenParen || PeekToken() == Tok::LessThan))) {
    Eat(Tok::New);
    if (tok() == Tok::LessThan) SkipTypeParameters();
    ParseParams();
    if (Eat(Tok::Colon)) SkipReturnType();
    return;
  }
  // Modifiers and accessors.
  while (tok() == Tok::Identifier && !lexer_.has_escape()) {
    std::string_view raw = lexer_.Raw();
    if (!IsTypeModifierWord(raw) && raw != "get" && raw != "set") break;
    Tok next = PeekToken();
    bool name_follows = next == Tok::Identifier || next == Tok::EscapedKeyword || IsKeyword(next) ||
                        next == Tok::String || next == Tok::Number || next == Tok::OpenBracket ||
                        next == Tok::PrivateIdentifier;
    if (!name_follows) break;
    Next();
  }
  // Index signature `[key: T]: U`.
  if (tok() == Tok::OpenBracket) {
    Snapshot saved = Save();
    Next();
    bool is_index = false;
    if (tok() == Tok::Identifier) {
      Next();
      is_index = tok() == Tok::Colon || tok() == Tok::Comma;
    }
    Restore(saved);
    if (is_index) {
      Next();
      ExpectIdentifier();
      Expect(Tok::Colon);
      SkipType();
      Expect(Tok::CloseBracket);
      Eat(Tok::Question);
      SkipTypeAnnotation();
      return;
    }
  }
  Expr* computed = nullptr;
  ParsePropertyKey(&computed);
  Eat(Tok::Question);
  if (tok() == Tok::OpenParen || tok() == Tok::LessThan) {
    if (tok() == Tok::LessThan) SkipTypeParameters();
    ParseParams();
    if (Eat(Tok::Colon)) SkipReturnType();
    return;
  }
  SkipTypeAnnotation();
}

void Parser::SkipTupleType() {
  Next();  // [
  Scoped<bool> allow_in(allow_in_, true);
  while (tok() != Tok::CloseBracket) {
    Eat(Tok::DotDotDot);
    bool named = false;
    if (tok() == Tok::Identifier) {
      Snapshot saved = Save();
      Next();
      if (tok() == Tok::Question) Next();
      named = tok() == Tok::Colon;
      Restore(saved);
    }
    if (named) {
      // [name: T], [name?: T]
      Next();
      Eat(Tok::Question);
      Expect(Tok::Colon);
      Eat(Tok::DotDotDot);
    }
    SkipType();
    Eat(Tok::Question);  // optional element `T?`
    if (tok() != Tok::CloseBracket) Expect(Tok::Comma);
  }
  Next();
}

bool Parser::IsStartOfFunctionType() {
  if (tok() == Tok::LessThan || tok() == Tok::New) return true;
  if (IsContextual("abstract")) return PeekToken() == Tok::New;
  if (tok() != Tok::OpenParen) return false;
  const uint32_t key = Start();
  auto cached = function_type_cache_.find(key);
  if (cached != function_type_cache_.end()) return cached->second;
  // TypeScript's isUnambiguouslyStartOfFunctionType.
  Snapshot saved = Save();
  bool result = false;
  Next();
  if (tok() == Tok::CloseParen || tok() == Tok::DotDotDot) {
    result = true;
  } else {
    bool param_start = false;
    while (tok() == Tok::Identifier && !lexer_.has_escape() && IsTypeModifierWord(lexer_.Raw()) &&
           PeekToken() == Tok::Identifier) {
      Next();
    }
    if (tok() == Tok::Identifier || tok() == Tok::This) {
      Next();
      param_start = true;
    } else if (tok() == Tok::OpenBrace || tok() == Tok::OpenBracket) {
      // Skip a binding pattern by matching brackets.
      param_start = Try([&] {
        std::vector<Tok> stack;
        do {
          Tok t = tok();
          if (t == Tok::OpenBrace || t == Tok::OpenBracket || t == Tok::OpenParen) {
            stack.push_back(t);
          } else if (t == Tok::TemplateHead) {
            stack.push_back(Tok::TemplateHead);
          } else if (t == Tok::CloseBrace || t == Tok::CloseBracket || t == Tok::CloseParen) {
            if (stack.empty()) Unexpected();
            if (stack.back() == Tok::TemplateHead && t == Tok::CloseBrace) {
              lexer_.RescanCloseBraceAsTemplateToken();
              if (tok() == Tok::TemplateTail) stack.pop_back();
            } else {
              stack.pop_back();
            }
          } else if (t == Tok::EndOfFile) {
            Unexpected();
          }
          Next();
        } while (!stack.empty());
      });
    }
    if (param_start) {
      if (tok() == Tok::Colon || tok() == Tok::Comma || tok() == Tok::Question || tok() == Tok::Equals) {
        result = true;
      } else if (tok() == Tok::CloseParen) {
        Next();
        result = tok() == Tok::EqualsGreaterThan;
      }
    }
  }
  Restore(saved);
  function_type_cache_[key] = result;
  return result;
}

void Parser::SkipFunctionType() {
  EatContextual("abstract");
  Eat(Tok::New);
  if (tok() == Tok::LessThan) SkipTypeParameters();
  ParseParams();
  Expect(Tok::EqualsGreaterThan);
  SkipReturnType();
}

void Parser::SkipTypeArguments() {
  const uint32_t key = Start();
  // During backtracking, a list that already failed to parse here fails again at once; this
  // keeps inputs like `a<a<a<a...` linear.
  if (speculating_ > 0 && failed_type_args_.count(key) != 0) Unexpected();
  struct RecordFailure {
    Parser& p;
    uint32_t key;
    int uncaught = std::uncaught_exceptions();
    ~RecordFailure() {
      if (std::uncaught_exceptions() > uncaught && !p.depth_exceeded_) p.failed_type_args_.insert(key);
    }
  } record{*this, key};
  if (tok() == Tok::LessThan) {
    Next();
  } else {
    uint32_t s = Start();
    if (!lexer_.ConsumeLessThan()) ExpectedButFound("\"<\"");
    prev_end_ = s + 1;
  }
  Scoped<bool> allow_in(allow_in_, true);
  for (;;) {
    SkipType();
    if (!Eat(Tok::Comma)) break;
  }
  ExpectGreaterThan();
}

void Parser::SkipTypeParameters() {
  if (tok() == Tok::LessThan) {
    Next();
  } else {
    uint32_t s = Start();
    if (!lexer_.ConsumeLessThan()) ExpectedButFound("\"<\"");
    prev_end_ = s + 1;
  }
  Scoped<bool> allow_in(allow_in_, true);
  while (tok() != Tok::GreaterThan) {
    // Modifiers: const, in, out.
    for (;;) {
      bool modifier = tok() == Tok::Const || tok() == Tok::In || IsContextual("out");
      if (!modifier) break;
      Tok next = PeekToken();
      if (next != Tok::Identifier && next != Tok::In && next != Tok::Const) break;
      Next();
    }
    ExpectIdentifier();
    if (Eat(Tok::Extends)) SkipType();
    if (Eat(Tok::Equals)) SkipType();
    if (!Eat(Tok::Comma)) break;
  }
  ExpectGreaterThan();
}

}  // namespace dp::ts
