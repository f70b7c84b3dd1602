// The parser's private interface, shared by parser.cpp (driver, tokens, errors, backtracking),
// parse_expr.cpp, parse_literal.cpp, parse_func.cpp, parse_pattern.cpp, parse_stmt.cpp,
// parse_decl.cpp, parse_module.cpp and parse_types.cpp. Not part of the public API (parser.h).
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "base/source.h"
#include "ts/ast.h"
#include "ts/lexer.h"

namespace dp::ts {

/// Operator precedence levels, lowest first (esbuild's js_ast.L).
enum class Level : uint8_t {
  Lowest,
  Comma,
  Spread,
  Yield,
  Assign,
  Conditional,
  NullishCoalescing,
  LogicalOr,
  LogicalAnd,
  BitwiseOr,
  BitwiseXor,
  BitwiseAnd,
  Equals,
  Compare,
  Shift,
  Add,
  Multiply,
  Exponentiation,
  Prefix,
  Postfix,
  New,
  Call,
  Member,
};

inline Level Below(Level l) { return static_cast<Level>(static_cast<uint8_t>(l) - 1); }

/// Maximum nesting of expressions, statements, patterns and types.
inline constexpr uint32_t kMaxDepth = 1000;
/// Stack budget for recursion, checked alongside the depth (sanitizer builds use big frames).
inline constexpr size_t kMaxStackBytes = 3u << 20;

class Parser {
 public:
  Parser(const base::SourceFile& file, base::FileId id, Ast& ast);

  /// Parses the whole module into ast_.body.
  void ParseModuleBody();
  Lexer& lexer() { return lexer_; }

  // ----- tokens (parser.cpp)
  Tok tok() const { return lexer_.token(); }
  void Next() {
    prev_end_ = lexer_.end();
    lexer_.Next();
  }
  bool Eat(Tok t) {
    if (tok() != t) return false;
    Next();
    return true;
  }
  void Expect(Tok t);
  bool IsContextual(std::string_view word) const { return lexer_.IsContextual(word); }
  bool EatContextual(std::string_view word) {
    if (!IsContextual(word)) return false;
    Next();
    return true;
  }
  void ExpectContextual(std::string_view word);
  bool CanInsertSemicolon() const {
    return tok() == Tok::Semicolon || tok() == Tok::CloseBrace || tok() == Tok::EndOfFile || lexer_.newline_before();
  }
  void ExpectOrInsertSemicolon();
  /// Consumes a `>` ending a type argument/parameter list (splitting `>>` and friends).
  void ExpectGreaterThan();
  uint32_t Start() const { return lexer_.start(); }
  base::Span SpanFrom(uint32_t start) const {
    return {{file_, start}, prev_end_ > start ? prev_end_ - start : 0};
  }
  /// True for identifiers and every keyword (property names, `a.b` names, import names).
  bool IsIdentifierOrKeyword() const {
    return tok() == Tok::Identifier || tok() == Tok::EscapedKeyword || IsKeyword(tok());
  }
  /// The name of the current identifier-or-keyword token (escapes decoded).
  std::string TokenName() { return std::string(lexer_.Identifier()); }
  /// Expects a plain identifier usable as a binding and returns its name.
  std::string ExpectIdentifier();
  /// Peeks at the token after the current one (cheap: one token of lookahead by backtracking).
  Tok PeekToken(bool* newline_before = nullptr, std::string_view* raw = nullptr);

  // ----- errors (parser.cpp)
  [[noreturn]] void Fail(base::Span span, std::string message,
                         base::DiagKind kind = base::DiagKind::ParseUnexpectedToken);
  /// `Unexpected "x"` (or `Unexpected end of file`) at the current token.
  [[noreturn]] void Unexpected();
  /// `Expected <what> but found "x"` at the current token.
  [[noreturn]] void ExpectedButFound(std::string_view what);
  /// `<what> is/are not supported` (ParseUnsupportedSyntax).
  [[noreturn]] void Unsupported(base::Span span, std::string_view what);
  /// The current token as messages show it: "\"}\"" or "end of file".
  std::string FoundText() const;

  // ----- backtracking (parser.cpp)
  struct Snapshot {
    Lexer::State lex;
    uint32_t prev_end;
    std::optional<base::Span> cover_init;
  };
  Snapshot Save() const { return {lexer_.state(), prev_end_, cover_init_}; }
  void Restore(const Snapshot& s) {
    lexer_.Restore(s.lex);
    prev_end_ = s.prev_end;
    cover_init_ = s.cover_init;
  }
  /// Runs `f`; if it fails with a syntax error, restores the state and returns false. Depth
  /// errors are not retried: they propagate.
  template <typename F>
  bool Try(F&& f) {
    Snapshot saved = Save();
    ++speculating_;
    try {
      f();
      --speculating_;
      return true;
    } catch (const ParseAbort&) {
      --speculating_;
      if (depth_exceeded_) throw;
      Restore(saved);
      lexer_.ClearError();
      return false;
    }
  }

  // ----- recursion guard
  class DepthGuard {
   public:
    explicit DepthGuard(Parser& p) : p_(p) {
      if (++p_.depth_ > kMaxDepth || StackUsed() > kMaxStackBytes) p_.FailDepth();
    }
    ~DepthGuard() { --p_.depth_; }
    DepthGuard(const DepthGuard&) = delete;
    DepthGuard& operator=(const DepthGuard&) = delete;

   private:
    size_t StackUsed() const {
      char marker;
      auto here = reinterpret_cast<uintptr_t>(&marker);
      return p_.stack_base_ > here ? p_.stack_base_ - here : 0;
    }
    Parser& p_;
  };
  [[noreturn]] void FailDepth();

  /// Saves a flag and restores it at scope exit (also when a ParseAbort unwinds).
  template <typename T>
  class Scoped {
   public:
    Scoped(T& slot, T value) : slot_(slot), saved_(slot) { slot_ = value; }
    ~Scoped() { slot_ = saved_; }
    Scoped(const Scoped&) = delete;
    Scoped& operator=(const Scoped&) = delete;

   private:
    T& slot_;
    T saved_;
  };

  /// Marks the top of a scratch stack and truncates it back at scope exit (lists are collected
  /// there first, then copied into a vector of the exact size: one allocation per list).
  template <typename T>
  class ScratchMark {
   public:
    explicit ScratchMark(std::vector<T>& stack) : stack_(stack), base_(stack.size()) {}
    ~ScratchMark() { stack_.resize(base_); }
    ScratchMark(const ScratchMark&) = delete;
    ScratchMark& operator=(const ScratchMark&) = delete;
    std::vector<T> Take() {
      return std::vector<T>(std::make_move_iterator(stack_.begin() + static_cast<std::ptrdiff_t>(base_)),
                            std::make_move_iterator(stack_.end()));
    }

   private:
    std::vector<T>& stack_;
    size_t base_;
  };

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    return ast_.arena->New<T>(std::forward<Args>(args)...);
  }

  // ----- expressions (parse_expr.cpp)
  /// An expression at `level`; reports `{a = 1}` object initializers that did not become a pattern.
  Expr* ParseExpr(Level level);
  /// Like ParseExpr, but leaves `{a = 1}` pending (array/object elements, for-in/of heads).
  Expr* ParseExprOrPattern(Level level);
  Expr* ParsePrefix(Level level, bool* is_arrow);
  Expr* ParseSuffix(Expr* left, Level level);
  Expr* ParseParenOrArrow(Level level, bool* is_arrow);
  Expr* ParseArrayLiteral();
  Expr* ParseObjectLiteral();
  TemplateExpr* ParseTemplate(bool tagged);
  std::vector<Expr*> ParseArguments();
  Expr* ParseNew();
  Expr* ParseUnary(uint32_t start, UnaryOp op);
  Expr* ParseAsyncPrefix(Level level, bool* is_arrow);
  /// `<` in TypeScript expressions: skips `<T>` type arguments if they are followed by
  /// something that makes them type arguments (TS's canFollowTypeArgumentsInExpression).
  bool TrySkipTypeArgumentsInExpression();
  /// Property key of an object literal or class member; sets *computed for `[expr]`.
  std::string ParsePropertyKey(Expr** computed);
  Expr* Identifier(uint32_t start, std::string name);

  // ----- functions and classes (parse_func.cpp)
  /// Tries `(params)[: type] =>` (or `<T>(...)`) at the current token; on success parses the
  /// whole arrow function. Returns null (state restored) if it is not an arrow function.
  Expr* TryParseArrow(uint32_t start, bool is_async);
  Expr* ParseArrowBody(uint32_t start, FunctionNode* fn);
  /// Parses `(a, b = 1, ...c)` including TypeScript annotations. `ctor` allows parameter
  /// properties (`private x: T`), whose names are appended to *properties.
  std::vector<Param> ParseParams(bool ctor = false, std::vector<std::string>* properties = nullptr);
  /// Parses a function after its name: type parameters, params, return type, body. Returns
  /// null for a TypeScript overload or an ambient function (no body).
  FunctionNode* ParseFunctionRest(uint32_t start, std::string name, bool is_async, bool is_generator,
                                  bool allow_no_body, bool ctor = false);
  void ParseFunctionBody(FunctionNode* fn);
  Expr* ParseFunctionExpr(uint32_t start, bool is_async);
  Stmt* ParseFunctionDecl(uint32_t start, bool is_async, bool name_optional);
  ClassExpr* ParseClass(uint32_t start, bool name_optional, bool is_abstract);
  void ParseClassMember(ClassExpr* cls);

  // ----- patterns (parse_pattern.cpp)
  /// A binding pattern (declarations, parameters, catch). TS annotations are not included.
  Pattern* ParseBinding();
  Pattern* ParseBindingObject();
  Pattern* ParseBindingArray();
  /// Converts an expression to an assignment target (`[a, b] = ...`, `for (x.y of ...)`).
  Pattern* ToPattern(Expr* e, bool allow_member = true);
  Expr* ToTarget(Expr* e);  // for ++/--: an Identifier or Member

  // ----- statements (parse_stmt.cpp)
  Stmt* ParseStatement();
  void ParseStatementList(std::vector<Stmt*>& out, Tok end);
  BlockStmt* ParseBlock();
  VarDeclStmt* ParseVarDecl(uint32_t start, VarKind kind, bool in_for);
  Stmt* ParseFor(uint32_t start);
  Stmt* ParseIf(uint32_t start);
  Stmt* ParseTry(uint32_t start);
  Stmt* ParseSwitch(uint32_t start);
  Stmt* ParseExpressionOrLabel(uint32_t start);
  /// TypeScript declarations that start with an identifier (type, interface, declare,
  /// abstract, namespace, module, enum via const). Null if the word does not start one.
  Stmt* TryParseTsDeclaration(uint32_t start, bool exported);
  Stmt* ParseEnum(uint32_t start);
  Stmt* ParseNamespace(uint32_t start, bool declared);
  Stmt* ParseDeclare(uint32_t start);
  Stmt* Empty(uint32_t start) { return New<Stmt>(StmtKind::Empty, SpanFrom(start)); }

  // ----- modules (parse_module.cpp)
  Stmt* ParseImport(uint32_t start);
  Stmt* ParseExport(uint32_t start);
  std::string ParseModuleSource(base::Span* span);
  std::string ParseModuleExportName();
  void SkipImportAttributes();

  // ----- types (parse_types.cpp): parsed and dropped
  void SkipType();
  void SkipTypeNoConditional();
  void SkipReturnType();
  void SkipUnionType(bool no_conditional);
  void SkipIntersectionType();
  void SkipTypeOperator();
  void SkipPostfixType();
  void SkipPrimaryType();
  void SkipObjectType();
  void SkipTupleType();
  void SkipTemplateLiteralType();
  void SkipFunctionType();
  void SkipTypeArguments();
  /// `<T extends U = V, ...>` after a declaration name.
  void SkipTypeParameters();
  bool IsStartOfFunctionType();
  bool IsStartOfMappedType();
  void SkipTypeMember();
  /// `: Type` if present.
  void SkipTypeAnnotation() {
    if (ts_ && tok() == Tok::Colon) {
      Next();
      SkipType();
    }
  }

  // ----- state
  const base::SourceFile& file_ref_;
  base::FileId file_;
  Ast& ast_;
  Lexer lexer_;
  uint32_t prev_end_ = 0;
  bool ts_ = true;    // TypeScript syntax (.ts, .mts, .cts, .tsx)
  bool jsx_ = false;  // .tsx / .jsx: `<` starts JSX, which we do not support
  bool allow_in_ = true;
  bool in_generator_ = false;
  bool in_async_ = false;
  bool in_function_ = false;
  bool in_class_ = false;
  bool in_ambient_ = false;  // inside `declare`: bodies and initializers may be missing
  bool in_conditional_consequent_ = false;
  bool no_conditional_types_ = false;  // in the `extends` clause of a conditional type
  bool at_module_level_ = true;  // import/export allowed (module body, namespace bodies)
  uint32_t speculating_ = 0;     // nesting of Try
  uint32_t depth_ = 0;
  bool depth_exceeded_ = false;
  uintptr_t stack_base_ = 0;
  /// The first `{a = 1}` shorthand initializer not yet turned into a pattern.
  std::optional<base::Span> cover_init_;
  /// Positions where backtracking already failed (keeps pathological input linear).
  std::unordered_set<uint32_t> failed_arrow_;
  std::unordered_set<uint32_t> failed_type_args_;
  std::unordered_set<uint32_t> failed_infer_constraint_;
  std::unordered_map<uint32_t, bool> function_type_cache_;
  std::vector<Expr*> expr_scratch_;
  std::vector<ObjectProperty> property_scratch_;
};

}  // namespace dp::ts
