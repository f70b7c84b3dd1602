// Expressions: precedence climbing over prefix and suffix forms (esbuild's parsePrefix /
// parseSuffix), optional chains, `new`, unary and binary operators with the `??` and `**`
// rules, and the TypeScript forms that are dropped (`x!`, `x as T`, `x satisfies T`, `f<T>()`,
// `<T>x`). Literals are in parse_literal.cpp.
#include <fmt/format.h>

#include "ts/parser_internal.h"

namespace dp::ts {

namespace {

struct BinaryInfo {
  Level level;
  BinaryOp op;
};

// Binary (non-logical) operators and their precedence.
std::optional<BinaryInfo> BinaryOperator(Tok t) {
  switch (t) {
    case Tok::Bar: return BinaryInfo{Level::BitwiseOr, BinaryOp::BitOr};
    case Tok::Caret: return BinaryInfo{Level::BitwiseXor, BinaryOp::BitXor};
    case Tok::Ampersand: return BinaryInfo{Level::BitwiseAnd, BinaryOp::BitAnd};
    case Tok::EqualsEquals: return BinaryInfo{Level::Equals, BinaryOp::Eq};
    case Tok::ExclamationEquals: return BinaryInfo{Level::Equals, BinaryOp::NotEq};
    case Tok::EqualsEqualsEquals: return BinaryInfo{Level::Equals, BinaryOp::StrictEq};
    case Tok::ExclamationEqualsEquals: return BinaryInfo{Level::Equals, BinaryOp::StrictNotEq};
    case Tok::LessThan: return BinaryInfo{Level::Compare, BinaryOp::Lt};
    case Tok::LessThanEquals: return BinaryInfo{Level::Compare, BinaryOp::LtEq};
    case Tok::GreaterThan: return BinaryInfo{Level::Compare, BinaryOp::Gt};
    case Tok::GreaterThanEquals: return BinaryInfo{Level::Compare, BinaryOp::GtEq};
    case Tok::In: return BinaryInfo{Level::Compare, BinaryOp::In};
    case Tok::Instanceof: return BinaryInfo{Level::Compare, BinaryOp::Instanceof};
    case Tok::LessThanLessThan: return BinaryInfo{Level::Shift, BinaryOp::Shl};
    case Tok::GreaterThanGreaterThan: return BinaryInfo{Level::Shift, BinaryOp::Shr};
    case Tok::GreaterThanGreaterThanGreaterThan: return BinaryInfo{Level::Shift, BinaryOp::UShr};
    case Tok::Plus: return BinaryInfo{Level::Add, BinaryOp::Add};
    case Tok::Minus: return BinaryInfo{Level::Add, BinaryOp::Sub};
    case Tok::Asterisk: return BinaryInfo{Level::Multiply, BinaryOp::Mul};
    case Tok::Slash: return BinaryInfo{Level::Multiply, BinaryOp::Div};
    case Tok::Percent: return BinaryInfo{Level::Multiply, BinaryOp::Mod};
    default: return std::nullopt;
  }
}

struct AssignInfo {
  std::optional<BinaryOp> binary;
  std::optional<LogicalOp> logical;
};

std::optional<AssignInfo> AssignOperator(Tok t) {
  switch (t) {
    case Tok::Equals: return AssignInfo{};
    case Tok::PlusEquals: return AssignInfo{BinaryOp::Add, std::nullopt};
    case Tok::MinusEquals: return AssignInfo{BinaryOp::Sub, std::nullopt};
    case Tok::AsteriskEquals: return AssignInfo{BinaryOp::Mul, std::nullopt};
    case Tok::SlashEquals: return AssignInfo{BinaryOp::Div, std::nullopt};
    case Tok::PercentEquals: return AssignInfo{BinaryOp::Mod, std::nullopt};
    case Tok::AsteriskAsteriskEquals: return AssignInfo{BinaryOp::Exp, std::nullopt};
    case Tok::LessThanLessThanEquals: return AssignInfo{BinaryOp::Shl, std::nullopt};
    case Tok::GreaterThanGreaterThanEquals: return AssignInfo{BinaryOp::Shr, std::nullopt};
    case Tok::GreaterThanGreaterThanGreaterThanEquals: return AssignInfo{BinaryOp::UShr, std::nullopt};
    case Tok::AmpersandEquals: return AssignInfo{BinaryOp::BitAnd, std::nullopt};
    case Tok::BarEquals: return AssignInfo{BinaryOp::BitOr, std::nullopt};
    case Tok::CaretEquals: return AssignInfo{BinaryOp::BitXor, std::nullopt};
    case Tok::AmpersandAmpersandEquals: return AssignInfo{std::nullopt, LogicalOp::And};
    case Tok::BarBarEquals: return AssignInfo{std::nullopt, LogicalOp::Or};
    case Tok::QuestionQuestionEquals: return AssignInfo{std::nullopt, LogicalOp::Nullish};
    default: return std::nullopt;
  }
}

bool IsLogicalAndOr(const Expr* e) {
  if (e->kind != ExprKind::Logical) return false;
  return static_cast<const LogicalExpr*>(e)->op != LogicalOp::Nullish;
}

bool IsNullish(const Expr* e) {
  return e->kind == ExprKind::Logical && static_cast<const LogicalExpr*>(e)->op == LogicalOp::Nullish;
}

}  // namespace

Expr* Parser::Identifier(uint32_t start, std::string name) {
  return New<IdentifierExpr>(SpanFrom(start), std::move(name));
}

Expr* Parser::ParseExpr(Level level) {
  std::optional<base::Span> saved = cover_init_;
  cover_init_.reset();
  Expr* e = ParseExprOrPattern(level);
  if (cover_init_) Fail(*cover_init_, "Invalid shorthand property initializer");
  cover_init_ = saved;
  return e;
}

Expr* Parser::ParseExprOrPattern(Level level) {
  DepthGuard guard(*this);
  bool is_arrow = false;
  Expr* left = ParsePrefix(level, &is_arrow);
  if (!is_arrow) return ParseSuffix(left, level);
  // An arrow function ends the expression, except for a comma sequence around it.
  if (level == Level::Lowest && tok() == Tok::Comma) return ParseSuffix(left, level);
  return left;
}

Expr* Parser::ParsePrefix(Level level, bool* is_arrow) {
  uint32_t start = Start();
  switch (tok()) {
    case Tok::Identifier: {
      if (!lexer_.has_escape()) {
        std::string_view raw = lexer_.Raw();
        if (raw == "async") return ParseAsyncPrefix(level, is_arrow);
        if (raw == "await" && in_function_ && !in_async_) {
          bool newline = false;
          Tok next = PeekToken(&newline);
          if (!newline && (next == Tok::Identifier || next == Tok::OpenParen || next == Tok::This ||
                           next == Tok::New || next == Tok::String || next == Tok::Number)) {
            Fail(lexer_.TokenSpan(), "\"await\" can only be used inside an async function");
          }
        }
        if (raw == "await" && (in_async_ || !in_function_)) {
          Next();
          Expr* operand = ParseExpr(Level::Prefix);
          if (tok() == Tok::AsteriskAsterisk) {
            Fail(lexer_.TokenSpan(), "Unary operators cannot be used before \"**\" without parentheses");
          }
          return New<AwaitExpr>(SpanFrom(start), operand);
        }
        if (raw == "yield" && in_generator_) {
          if (level > Level::Assign) Fail(lexer_.TokenSpan(), "Cannot use a \"yield\" expression here without parentheses");
          Next();
          bool delegate = false;
          if (tok() == Tok::Asterisk && !lexer_.newline_before()) {
            Next();
            delegate = true;
          }
          Expr* argument = nullptr;
          bool ends = lexer_.newline_before() || tok() == Tok::CloseParen || tok() == Tok::CloseBracket ||
                      tok() == Tok::CloseBrace || tok() == Tok::Comma || tok() == Tok::Colon ||
                      tok() == Tok::Semicolon || tok() == Tok::EndOfFile;
          if (delegate || !ends) argument = ParseExpr(Level::Yield);
          return New<YieldExpr>(SpanFrom(start), argument, delegate);
        }
      }
      std::string name = TokenName();
      Next();
      if (tok() == Tok::EqualsGreaterThan && level <= Level::Assign && !lexer_.newline_before()) {
        auto* fn = New<FunctionNode>();
        fn->is_arrow = true;
        auto* p = New<Pattern>();
        p->kind = PatternKind::Identifier;
        p->span = SpanFrom(start);
        p->name = std::move(name);
        fn->params.push_back(Param{p, nullptr, false});
        *is_arrow = true;
        return ParseArrowBody(start, fn);
      }
      return Identifier(start, std::move(name));
    }
    case Tok::EscapedKeyword:
      Fail(lexer_.TokenSpan(), "Keywords cannot contain escape characters");
    case Tok::Number: {
      double v = lexer_.Number();
      Next();
      return New<NumberExpr>(SpanFrom(start), v);
    }
    case Tok::BigInt: {
      std::string digits = lexer_.BigIntDigits();
      Next();
      return New<BigIntExpr>(SpanFrom(start), std::move(digits));
    }
    case Tok::String: {
      std::string v = lexer_.StringValue();
      Next();
      return New<StringExpr>(SpanFrom(start), std::move(v));
    }
    case Tok::NoSubstitutionTemplate:
    case Tok::TemplateHead:
      return ParseTemplate(false);
    case Tok::Slash:
    case Tok::SlashEquals: {
      lexer_.ScanRegExp();
      auto* re = New<RegExpExpr>(lexer_.TokenSpan());
      re->pattern = std::string(lexer_.RegExpPattern());
      re->flags = std::string(lexer_.RegExpFlags());
      Next();
      return re;
    }
    case Tok::This:
      Next();
      return New<Expr>(ExprKind::This, SpanFrom(start));
    case Tok::Super:
      Next();
      if (tok() != Tok::OpenParen && tok() != Tok::Dot && tok() != Tok::OpenBracket) {
        Fail(SpanFrom(start), "\"super\" must be followed by an argument list or member access");
      }
      return Identifier(start, "super");
    case Tok::Null:
    case Tok::True:
    case Tok::False: {
      std::string name(lexer_.Raw());
      Next();
      return Identifier(start, std::move(name));
    }
    case Tok::OpenParen:
      return ParseParenOrArrow(level, is_arrow);
    case Tok::OpenBracket:
      return ParseArrayLiteral();
    case Tok::OpenBrace:
      return ParseObjectLiteral();
    case Tok::Function:
      return ParseFunctionExpr(start, false);
    case Tok::Class:
      return ParseClass(start, true, false);
    case Tok::New:
      return ParseNew();
    case Tok::Exclamation: return ParseUnary(start, UnaryOp::Not);
    case Tok::Minus: return ParseUnary(start, UnaryOp::Minus);
    case Tok::Plus: return ParseUnary(start, UnaryOp::Plus);
    case Tok::Tilde: return ParseUnary(start, UnaryOp::BitNot);
    case Tok::Typeof: return ParseUnary(start, UnaryOp::Typeof);
    case Tok::Void: return ParseUnary(start, UnaryOp::Void);
    case Tok::Delete: return ParseUnary(start, UnaryOp::Delete);
    case Tok::PlusPlus:
    case Tok::MinusMinus: {
      bool increment = tok() == Tok::PlusPlus;
      Next();
      Expr* target = ToTarget(ParseExpr(Level::Prefix));
      return New<UpdateExpr>(SpanFrom(start), increment, true, target);
    }
    case Tok::LessThan: {
      // TypeScript: a generic arrow function `<T>(x: T) => x` or a cast `<T>x`.
      if (ts_ && level <= Level::Assign) {
        if (Expr* arrow = TryParseArrow(start, false)) {
          *is_arrow = true;
          return arrow;
        }
      }
      if (jsx_) Unsupported(lexer_.TokenSpan(), "JSX syntax is not supported");
      if (!ts_) Unexpected();
      Next();
      if (tok() == Tok::Const) {
        Next();  // <const>x
      } else {
        SkipType();
      }
      ExpectGreaterThan();
      return ParseExpr(Level::Prefix);
    }
    case Tok::Import: {
      Next();
      if (tok() == Tok::Dot) Unsupported(SpanFrom(start), "import.meta is not supported");
      if (tok() == Tok::OpenParen) Unsupported(SpanFrom(start), "dynamic import() is not supported");
      Fail(SpanFrom(start), "Unexpected \"import\"");
    }
    case Tok::At:
      Unsupported(lexer_.TokenSpan(), "decorators are not supported");
    case Tok::PrivateIdentifier:
      Unsupported(lexer_.TokenSpan(), "private names outside of member access (#x in obj) are not supported");
    default:
      Unexpected();
  }
}

Expr* Parser::ParseUnary(uint32_t start, UnaryOp op) {
  Next();
  Expr* operand = ParseExpr(Level::Prefix);
  if (tok() == Tok::AsteriskAsterisk) {
    Fail(lexer_.TokenSpan(), "Unary operators cannot be used before \"**\" without parentheses");
  }
  return New<UnaryExpr>(SpanFrom(start), op, operand);
}

Expr* Parser::ParseAsyncPrefix(Level level, bool* is_arrow) {
  uint32_t start = Start();
  bool newline = false;
  Tok next = PeekToken(&newline);
  if (!newline) {
    if (next == Tok::Function) {
      Next();
      return ParseFunctionExpr(start, true);
    }
    if (level <= Level::Assign) {
      if (next == Tok::Identifier) {
        // async x => ...
        Next();
        uint32_t param_start = Start();
        std::string name = ExpectIdentifier();
        if (tok() != Tok::EqualsGreaterThan || lexer_.newline_before()) ExpectedButFound("\"=>\"");
        auto* fn = New<FunctionNode>();
        fn->is_arrow = true;
        fn->is_async = true;
        auto* p = New<Pattern>();
        p->span = SpanFrom(param_start);
        p->name = std::move(name);
        fn->params.push_back(Param{p, nullptr, false});
        *is_arrow = true;
        return ParseArrowBody(start, fn);
      }
      if (next == Tok::OpenParen || (ts_ && next == Tok::LessThan)) {
        Next();
        if (Expr* arrow = TryParseArrow(start, true)) {
          *is_arrow = true;
          return arrow;
        }
        // A call of a function named `async`: the suffix loop parses the arguments.
        return Identifier(start, "async");
      }
    }
  }
  Next();
  if (tok() == Tok::EqualsGreaterThan && level <= Level::Assign && !lexer_.newline_before()) {
    auto* fn = New<FunctionNode>();
    fn->is_arrow = true;
    auto* p = New<Pattern>();
    p->span = SpanFrom(start);
    p->name = "async";
    fn->params.push_back(Param{p, nullptr, false});
    *is_arrow = true;
    return ParseArrowBody(start, fn);
  }
  return Identifier(start, "async");
}

Expr* Parser::ParseParenOrArrow(Level level, bool* is_arrow) {
  uint32_t start = Start();
  if (level <= Level::Assign) {
    if (Expr* arrow = TryParseArrow(start, false)) {
      *is_arrow = true;
      return arrow;
    }
  }
  Next();
  Scoped<bool> allow_in(allow_in_, true);
  Scoped<bool> consequent(in_conditional_consequent_, false);
  Expr* e = ParseExpr(Level::Lowest);
  Expect(Tok::CloseParen);
  return e;
}

Expr* Parser::ParseNew() {
  uint32_t start = Start();
  Next();
  if (tok() == Tok::Dot) {
    Next();
    if (IsContextual("target")) Unsupported(base::Span{{file_, start}, lexer_.end() - start}, "new.target is not supported");
    ExpectedButFound("\"target\"");
  }
  auto* e = New<NewExpr>(SpanFrom(start));
  e->callee = ParseExpr(Level::Member);
  if (tok() == Tok::OpenParen) e->arguments = ParseArguments();
  e->span = SpanFrom(start);
  return e;
}

Expr* Parser::ParseSuffix(Expr* left, Level level) {
  const uint32_t start = left->span.begin.offset;
  bool chain = false;  // after a `?.` in this chain
  for (;;) {
    Tok t = tok();
    switch (t) {
      case Tok::Dot: {
        Next();
        auto* m = New<MemberExpr>(SpanFrom(start));
        if (tok() == Tok::PrivateIdentifier) {
          m->property = std::string(lexer_.Identifier());
        } else {
          if (!IsIdentifierOrKeyword()) ExpectedButFound("identifier");
          m->property = TokenName();
        }
        Next();
        m->object = left;
        m->in_optional_chain = chain;
        m->span = SpanFrom(start);
        left = m;
        continue;
      }
      case Tok::QuestionDot: {
        Next();
        bool was_chain = chain;
        chain = true;
        if (ts_ && tok() == Tok::LessThan) {
          SkipTypeArguments();
          if (tok() != Tok::OpenParen) ExpectedButFound("\"(\"");
        }
        if (tok() == Tok::OpenParen) {
          auto* call = New<CallExpr>(SpanFrom(start));
          call->callee = left;
          call->arguments = ParseArguments();
          call->optional = true;
          call->in_optional_chain = was_chain;
          call->span = SpanFrom(start);
          left = call;
          continue;
        }
        auto* m = New<MemberExpr>(SpanFrom(start));
        if (tok() == Tok::OpenBracket) {
          Next();
          Scoped<bool> allow_in(allow_in_, true);
          m->computed = ParseExpr(Level::Lowest);
          Expect(Tok::CloseBracket);
        } else if (tok() == Tok::PrivateIdentifier) {
          m->property = std::string(lexer_.Identifier());
          Next();
        } else {
          if (!IsIdentifierOrKeyword()) ExpectedButFound("identifier");
          m->property = TokenName();
          Next();
        }
        m->object = left;
        m->optional = true;
        m->in_optional_chain = was_chain;
        m->span = SpanFrom(start);
        left = m;
        continue;
      }
      case Tok::OpenBracket: {
        Next();
        auto* m = New<MemberExpr>(SpanFrom(start));
        {
          Scoped<bool> allow_in(allow_in_, true);
          Scoped<bool> consequent(in_conditional_consequent_, false);
          m->computed = ParseExpr(Level::Lowest);
        }
        Expect(Tok::CloseBracket);
        m->object = left;
        m->in_optional_chain = chain;
        m->span = SpanFrom(start);
        left = m;
        continue;
      }
      case Tok::OpenParen: {
        if (level >= Level::Call) return left;
        auto* call = New<CallExpr>(SpanFrom(start));
        call->callee = left;
        call->arguments = ParseArguments();
        call->in_optional_chain = chain;
        call->span = SpanFrom(start);
        left = call;
        continue;
      }
      case Tok::NoSubstitutionTemplate:
      case Tok::TemplateHead: {
        if (chain) Fail(lexer_.TokenSpan(), "Template literals cannot have an optional chain as a tag");
        auto* tagged = New<TaggedTemplateExpr>(SpanFrom(start));
        tagged->tag = left;
        tagged->quasi = ParseTemplate(true);
        tagged->span = SpanFrom(start);
        left = tagged;
        continue;
      }
      case Tok::Exclamation:
        // TypeScript non-null assertion `x!`.
        if (!ts_ || lexer_.newline_before()) return left;
        Next();
        left->span = SpanFrom(start);
        continue;
      case Tok::PlusPlus:
      case Tok::MinusMinus: {
        if (lexer_.newline_before() || level >= Level::Postfix) return left;
        bool increment = t == Tok::PlusPlus;
        Next();
        left = New<UpdateExpr>(SpanFrom(start), increment, false, ToTarget(left));
        chain = false;
        continue;
      }
      case Tok::Comma: {
        if (level >= Level::Comma) return left;
        Next();
        SequenceExpr* seq;
        if (left->kind == ExprKind::Sequence) {
          seq = static_cast<SequenceExpr*>(left);
        } else {
          seq = New<SequenceExpr>(SpanFrom(start));
          seq->exprs.push_back(left);
        }
        seq->exprs.push_back(ParseExpr(Level::Comma));
        seq->span = SpanFrom(start);
        left = seq;
        chain = false;
        continue;
      }
      case Tok::Question: {
        if (level >= Level::Conditional) return left;
        Next();
        Expr* consequent;
        {
          Scoped<bool> allow_in(allow_in_, true);
          Scoped<bool> in_consequent(in_conditional_consequent_, true);
          consequent = ParseExpr(Level::Comma);
        }
        Expect(Tok::Colon);
        Expr* alternate;
        {
          Scoped<bool> in_consequent(in_conditional_consequent_, false);
          alternate = ParseExpr(Level::Comma);
        }
        left = New<ConditionalExpr>(SpanFrom(start), left, consequent, alternate);
        chain = false;
        continue;
      }
      case Tok::QuestionQuestion:
      case Tok::BarBar:
      case Tok::AmpersandAmpersand: {
        Level op_level = t == Tok::QuestionQuestion ? Level::NullishCoalescing
                         : t == Tok::BarBar         ? Level::LogicalOr
                                                    : Level::LogicalAnd;
        if (level >= op_level) return left;
        if (t != Tok::QuestionQuestion && level == Level::NullishCoalescing) {
          Fail(lexer_.TokenSpan(), fmt::format("Cannot use \"{}\" with \"??\" without parentheses", TokName(t)));
        }
        Next();
        Expr* right = ParseExpr(op_level);
        LogicalOp op = t == Tok::QuestionQuestion ? LogicalOp::Nullish
                       : t == Tok::BarBar         ? LogicalOp::Or
                                                  : LogicalOp::And;
        left = New<LogicalExpr>(SpanFrom(start), op, left, right);
        if ((IsNullish(left) && (tok() == Tok::BarBar || tok() == Tok::AmpersandAmpersand)) ||
            (IsLogicalAndOr(left) && tok() == Tok::QuestionQuestion)) {
          Fail(lexer_.TokenSpan(), fmt::format("Cannot use \"{}\" with \"{}\" without parentheses", TokName(tok()),
                                               TokName(t)));
        }
        chain = false;
        continue;
      }
      case Tok::AsteriskAsterisk: {
        if (level >= Level::Exponentiation) return left;
        Next();
        Expr* right = ParseExpr(Below(Level::Exponentiation));
        left = New<BinaryExpr>(SpanFrom(start), BinaryOp::Exp, left, right);
        chain = false;
        continue;
      }
      case Tok::Identifier:
        // TypeScript `x as T`, `x as const`, `x satisfies T` (relational precedence).
        if (ts_ && !lexer_.newline_before() && (IsContextual("as") || IsContextual("satisfies"))) {
          if (level >= Level::Compare) return left;
          bool is_as = IsContextual("as");
          Next();
          if (is_as && tok() == Tok::Const) {
            Next();
          } else {
            SkipType();
          }
          left->span = SpanFrom(start);
          chain = false;
          continue;
        }
        return left;
      default:
        break;
    }
    if (t == Tok::LessThan && ts_ && TrySkipTypeArgumentsInExpression()) {
      // `f<T>(x)`, `new Map<K, V>()`, sql<number>`...`, `f<T>`: the arguments are dropped.
      continue;
    }
    if (std::optional<AssignInfo> assign = AssignOperator(t)) {
      if (level >= Level::Assign) return left;
      auto* e = New<AssignExpr>(SpanFrom(start));
      e->binary_op = assign->binary;
      e->logical_op = assign->logical;
      if (t == Tok::Equals) {
        e->target = ToPattern(left);
        cover_init_.reset();  // any `{a = 1}` on the left became a pattern default
      } else {
        e->target = ToPattern(ToTarget(left));
      }
      Next();
      e->value = ParseExpr(Below(Level::Assign));
      e->span = SpanFrom(start);
      left = e;
      chain = false;
      continue;
    }
    if (std::optional<BinaryInfo> binary = BinaryOperator(t)) {
      if (level >= binary->level) return left;
      if (t == Tok::In && !allow_in_) return left;
      Next();
      Expr* right = ParseExpr(binary->level);
      left = New<BinaryExpr>(SpanFrom(start), binary->op, left, right);
      chain = false;
      continue;
    }
    return left;
  }
}

bool Parser::TrySkipTypeArgumentsInExpression() {
  uint32_t key = Start();
  if (failed_type_args_.count(key) != 0) return false;
  bool ok = Try([&] {
    SkipTypeArguments();
    // The closing `>` must stand alone: `a < b >= c` and `a < b >> c` are comparisons/shifts.
    std::string_view text = lexer_.text();
    if (prev_end_ < text.size() && (text[prev_end_] == '=' || text[prev_end_] == '>')) Unexpected();
    // TypeScript's canFollowTypeArgumentsInExpression.
    switch (tok()) {
      case Tok::OpenParen:
      case Tok::NoSubstitutionTemplate:
      case Tok::TemplateHead:
        return;
      case Tok::LessThan:
      case Tok::GreaterThan:
      case Tok::Plus:
      case Tok::Minus:
        Unexpected();
      default:
        break;
    }
    if (lexer_.newline_before()) return;
    Tok t = tok();
    bool binary = BinaryOperator(t).has_value() || t == Tok::AsteriskAsterisk || t == Tok::QuestionQuestion ||
                  t == Tok::BarBar || t == Tok::AmpersandAmpersand || IsContextual("as") ||
                  IsContextual("satisfies");
    if (t == Tok::In && !allow_in_) binary = false;
    if (binary) return;
    bool starts_expression;
    switch (t) {
      case Tok::Identifier: case Tok::EscapedKeyword: case Tok::PrivateIdentifier: case Tok::Number:
      case Tok::BigInt: case Tok::String: case Tok::NoSubstitutionTemplate: case Tok::TemplateHead:
      case Tok::OpenParen: case Tok::OpenBracket: case Tok::OpenBrace: case Tok::Function: case Tok::Class:
      case Tok::New: case Tok::Slash: case Tok::SlashEquals: case Tok::Exclamation: case Tok::Tilde:
      case Tok::PlusPlus: case Tok::MinusMinus: case Tok::Typeof: case Tok::Void: case Tok::Delete:
      case Tok::This: case Tok::Super: case Tok::Null: case Tok::True: case Tok::False: case Tok::Import:
      case Tok::At: case Tok::DotDotDot:
        starts_expression = true;
        break;
      default:
        starts_expression = false;
        break;
    }
    if (starts_expression) Unexpected();
  });
  if (!ok) failed_type_args_.insert(key);
  return ok;
}

}  // namespace dp::ts
