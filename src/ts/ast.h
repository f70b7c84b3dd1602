// The syntax tree the parser builds and the evaluator walks. TypeScript type syntax never
// reaches it: the parser skips types as whitespace (esbuild's approach), so `x as T`, `x!`,
// `satisfies T` and `f<T>()` arrive here as plain `x` and `f()`.
//
// Nodes live in an AstArena owned by the Module; pointers between nodes are plain and
// stable for the arena's lifetime. Every node carries the Span of its source text.
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "base/source.h"

namespace dp::ts {

using base::Span;

struct Expr;
struct Stmt;
struct Pattern;
struct FunctionNode;

// ---------------------------------------------------------------------------------------
// Expressions

enum class ExprKind : uint8_t {
  Number,          // NumberExpr
  BigInt,          // BigIntExpr
  String,          // StringExpr
  Template,        // TemplateExpr (untagged)
  TaggedTemplate,  // TaggedTemplateExpr
  RegExp,          // RegExpExpr
  Identifier,      // IdentifierExpr
  This,            // Expr
  Array,           // ArrayExpr
  Object,          // ObjectExpr
  Function,        // FunctionExpr (function expressions and arrow functions)
  Class,           // ClassExpr
  Unary,           // UnaryExpr: ! - + ~ typeof void delete
  Update,          // UpdateExpr: ++ --
  Binary,          // BinaryExpr: arithmetic, comparison, in, instanceof
  Logical,         // LogicalExpr: && || ??
  Assign,          // AssignExpr: = += -= ... &&= ||= ??=
  Conditional,     // ConditionalExpr
  Call,            // CallExpr (optional chaining: `optional`)
  New,             // NewExpr
  Member,          // MemberExpr: a.b, a?.b, a[b], a?.[b]
  Sequence,        // SequenceExpr: a, b
  Spread,          // SpreadExpr: only inside array literals and call arguments
  Await,           // UnaryExpr-like: evaluated as its operand (schemas rarely await)
  Yield,           // YieldExpr (only inside generator functions) [added by the parser]
};

struct Expr {
  explicit Expr(ExprKind k, Span s) : kind(k), span(s) {}
  virtual ~Expr() = default;
  ExprKind kind;
  Span span;
};

struct NumberExpr : Expr {
  NumberExpr(Span s, double v) : Expr(ExprKind::Number, s), value(v) {}
  double value;
};

/// A bigint literal; `digits` is the decimal text without the `n` suffix.
struct BigIntExpr : Expr {
  BigIntExpr(Span s, std::string d) : Expr(ExprKind::BigInt, s), digits(std::move(d)) {}
  std::string digits;
};

/// A string literal, escapes already decoded (UTF-8).
struct StringExpr : Expr {
  StringExpr(Span s, std::string v) : Expr(ExprKind::String, s), value(std::move(v)) {}
  std::string value;
};

/// `a${x}b${y}c`: quasis.size() == exprs.size() + 1.
struct TemplateExpr : Expr {
  TemplateExpr(Span s) : Expr(ExprKind::Template, s) {}
  std::vector<std::string> cooked;  // decoded text of each quasi
  std::vector<std::string> raw;     // source text of each quasi
  std::vector<Expr*> exprs;
  /// Tagged templates only: cooked_invalid[i] is true when quasi i has an escape that is invalid
  /// (e.g. `\unicode`), so its cooked value is `undefined` in JS (cooked[i] is then empty).
  /// Empty when no quasi is invalid. [added by the parser]
  std::vector<bool> cooked_invalid;
};

/// tag`a${x}b`: the tag receives the strings array (with .raw) and the values.
struct TaggedTemplateExpr : Expr {
  TaggedTemplateExpr(Span s) : Expr(ExprKind::TaggedTemplate, s) {}
  Expr* tag = nullptr;
  TemplateExpr* quasi = nullptr;
};

struct RegExpExpr : Expr {
  RegExpExpr(Span s) : Expr(ExprKind::RegExp, s) {}
  std::string pattern;
  std::string flags;
};

/// An identifier. The parser also produces IdentifierExprs for the literals `true`, `false`,
/// `null` and for `super` (callee of `super(...)`, object of `super.x` / `super[x]`): those names
/// are reserved words, so they can never be ordinary bindings. `undefined`, `NaN` and `Infinity`
/// are ordinary identifiers in JS too.
struct IdentifierExpr : Expr {
  IdentifierExpr(Span s, std::string n) : Expr(ExprKind::Identifier, s), name(std::move(n)) {}
  std::string name;
  /// [evaluator] `name` interned by the one evaluator that runs this tree, set on first use.
  mutable const std::string* atom = nullptr;
};

/// [a, , ...b]: a null element is a hole.
struct ArrayExpr : Expr {
  ArrayExpr(Span s) : Expr(ExprKind::Array, s) {}
  std::vector<Expr*> elements;
};

enum class PropertyKind : uint8_t {
  KeyValue,   // a: 1, "a": 1, [k]: 1, 1: x
  Shorthand,  // a   (value is an IdentifierExpr)
  Method,     // a() {}  (value is a FunctionExpr)
  Getter,     // get a() {}
  Setter,     // set a(v) {}
  Spread,     // ...x   (value is the spread operand; key unused)
};

/// One entry of an object literal. [Renamed from `Property` by the evaluator: value.h's
/// ts::Property (an object's own property) has the same name, and the evaluator includes
/// both headers. The `Property` alias below keeps parser code compiling; translation units
/// that include value.h define DP_TS_NO_AST_PROPERTY_ALIAS before this header.]
struct ObjectProperty {
  PropertyKind kind = PropertyKind::KeyValue;
  Span span;
  std::string key;             // static key (identifiers, strings, numbers as JS prints them)
  Expr* computed_key = nullptr;  // [expr]: key; when set, `key` is unused
  Expr* value = nullptr;
};
#ifndef DP_TS_NO_AST_PROPERTY_ALIAS
using Property = ObjectProperty;
#endif

struct ObjectExpr : Expr {
  ObjectExpr(Span s) : Expr(ExprKind::Object, s) {}
  std::vector<ObjectProperty> properties;
};

struct FunctionExpr : Expr {
  FunctionExpr(Span s, FunctionNode* f) : Expr(ExprKind::Function, s), function(f) {}
  FunctionNode* function;
};

/// A class method or field. [Parser: private names keep their `#` (key "#x"; `this.#x` is a
/// MemberExpr with property "#x"); TypeScript parameter properties become `this.x = x`
/// statements at the start of the constructor body (after a top-level `super(...)` call);
/// `declare`/`abstract` members and index signatures are dropped.]
struct ClassMember {
  Span span;
  std::string key;
  Expr* computed_key = nullptr;
  bool is_static = false;
  bool is_method = false;  // else a field
  Expr* value = nullptr;   // FunctionExpr for methods, initializer (or null) for fields
  PropertyKind accessor = PropertyKind::Method;  // Method, Getter or Setter for methods
};

struct ClassExpr : Expr {
  ClassExpr(Span s) : Expr(ExprKind::Class, s) {}
  std::string name;  // may be empty
  Expr* super_class = nullptr;
  FunctionNode* constructor = nullptr;  // null: default constructor
  std::vector<ClassMember> members;
};

enum class UnaryOp : uint8_t { Not, Minus, Plus, BitNot, Typeof, Void, Delete };

struct UnaryExpr : Expr {
  UnaryExpr(Span s, UnaryOp o, Expr* a) : Expr(ExprKind::Unary, s), op(o), operand(a) {}
  UnaryOp op;
  Expr* operand;
};

struct UpdateExpr : Expr {
  UpdateExpr(Span s, bool inc, bool pre, Expr* t) : Expr(ExprKind::Update, s), increment(inc), prefix(pre), target(t) {}
  bool increment;
  bool prefix;
  Expr* target;  // Identifier or Member
};

enum class BinaryOp : uint8_t {
  Add, Sub, Mul, Div, Mod, Exp,
  Eq, NotEq, StrictEq, StrictNotEq, Lt, LtEq, Gt, GtEq,
  Shl, Shr, UShr, BitAnd, BitOr, BitXor,
  In, Instanceof,
};

struct BinaryExpr : Expr {
  BinaryExpr(Span s, BinaryOp o, Expr* l, Expr* r) : Expr(ExprKind::Binary, s), op(o), left(l), right(r) {}
  BinaryOp op;
  Expr* left;
  Expr* right;
};

enum class LogicalOp : uint8_t { And, Or, Nullish };

struct LogicalExpr : Expr {
  LogicalExpr(Span s, LogicalOp o, Expr* l, Expr* r) : Expr(ExprKind::Logical, s), op(o), left(l), right(r) {}
  LogicalOp op;
  Expr* left;
  Expr* right;
};

/// `=` has op == nullopt; compound assignments carry their binary or logical operator.
struct AssignExpr : Expr {
  AssignExpr(Span s) : Expr(ExprKind::Assign, s) {}
  std::optional<BinaryOp> binary_op;
  std::optional<LogicalOp> logical_op;
  Pattern* target = nullptr;  // Identifier/Member for compound ops; any pattern for `=`
  Expr* value = nullptr;
};

struct ConditionalExpr : Expr {
  ConditionalExpr(Span s, Expr* t, Expr* c, Expr* a)
      : Expr(ExprKind::Conditional, s), test(t), consequent(c), alternate(a) {}
  Expr* test;
  Expr* consequent;
  Expr* alternate;
};

/// f(a, ...b), f?.(x). `optional` is true for the `?.(` form; `in_optional_chain` is true
/// for every link after a `?.` in the same chain, so a nullish short-circuit skips it.
struct CallExpr : Expr {
  CallExpr(Span s) : Expr(ExprKind::Call, s) {}
  Expr* callee = nullptr;
  std::vector<Expr*> arguments;  // SpreadExpr for ...x
  bool optional = false;
  bool in_optional_chain = false;
};

struct NewExpr : Expr {
  NewExpr(Span s) : Expr(ExprKind::New, s) {}
  Expr* callee = nullptr;
  std::vector<Expr*> arguments;
};

/// a.b (computed == nullptr) or a[expr]. `optional` is true for `?.`.
struct MemberExpr : Expr {
  MemberExpr(Span s) : Expr(ExprKind::Member, s) {}
  Expr* object = nullptr;
  std::string property;        // for a.b
  Expr* computed = nullptr;    // for a[expr]
  bool optional = false;
  bool in_optional_chain = false;
};

struct SequenceExpr : Expr {
  SequenceExpr(Span s) : Expr(ExprKind::Sequence, s) {}
  std::vector<Expr*> exprs;
};

struct SpreadExpr : Expr {
  SpreadExpr(Span s, Expr* a) : Expr(ExprKind::Spread, s), argument(a) {}
  Expr* argument;
};

struct AwaitExpr : Expr {
  AwaitExpr(Span s, Expr* a) : Expr(ExprKind::Await, s), argument(a) {}
  Expr* argument;
};

/// `yield x` / `yield* x` inside a generator function. [added by the parser]
struct YieldExpr : Expr {
  YieldExpr(Span s, Expr* a, bool d) : Expr(ExprKind::Yield, s), argument(a), delegate(d) {}
  Expr* argument;  // may be null (`yield`)
  bool delegate;   // yield*
};

// ---------------------------------------------------------------------------------------
// Binding and assignment patterns

enum class PatternKind : uint8_t {
  Identifier,  // x
  Member,      // a.b = ... (assignment targets only)
  Object,      // { a, b: c, [k]: d = 1, ...rest }
  Array,       // [a, , b = 2, ...rest]
};

struct ObjectPatternProperty {
  Span span;
  std::string key;
  Expr* computed_key = nullptr;
  Pattern* value = nullptr;        // the binding target
  Expr* default_value = nullptr;   // `= expr`
};

struct Pattern {
  PatternKind kind = PatternKind::Identifier;
  Span span;
  std::string name;                         // Identifier
  MemberExpr* member = nullptr;             // Member
  std::vector<ObjectPatternProperty> properties;  // Object
  std::vector<Pattern*> elements;           // Array (null = hole)
  std::vector<Expr*> element_defaults;      // Array: same size as elements, null = none
  Pattern* rest = nullptr;                  // Object and Array: ...rest
};

// ---------------------------------------------------------------------------------------
// Functions

struct Param {
  Pattern* pattern = nullptr;
  Expr* default_value = nullptr;
  bool is_rest = false;
};

struct FunctionNode {
  Span span;
  std::string name;  // empty for anonymous functions
  std::vector<Param> params;
  std::vector<Stmt*> body;         // block body
  Expr* expression_body = nullptr;  // arrow `=> expr`
  bool is_arrow = false;
  bool is_async = false;
  bool is_generator = false;
};

// ---------------------------------------------------------------------------------------
// Statements

enum class StmtKind : uint8_t {
  Expression,  // ExpressionStmt
  VarDecl,     // VarDeclStmt
  Function,    // FunctionDeclStmt
  Class,       // ClassDeclStmt
  Enum,        // EnumDeclStmt (TS enum / const enum, evaluated as an object)
  Return,      // ReturnStmt
  If,          // IfStmt
  Block,       // BlockStmt
  For,         // ForStmt
  ForOf,       // ForInOfStmt
  ForIn,       // ForInOfStmt
  While,       // WhileStmt
  DoWhile,     // WhileStmt
  Break,       // JumpStmt
  Continue,    // JumpStmt
  Throw,       // ThrowStmt
  Try,         // TryStmt
  Switch,      // SwitchStmt
  Labeled,     // LabeledStmt
  Empty,       // Stmt (also what a type-only declaration becomes: interface, type alias, declare)
  Import,      // ImportStmt
  ExportNamed, // ExportNamedStmt: export { a as b } [from 'x'], export * as ns from 'x'
  ExportAll,   // ExportAllStmt: export * from 'x'
  ExportDefault, // ExportDefaultStmt
  ExportDecl,  // ExportDeclStmt: export const/let/var/function/class/enum
};

struct Stmt {
  explicit Stmt(StmtKind k, Span s) : kind(k), span(s) {}
  virtual ~Stmt() = default;
  StmtKind kind;
  Span span;
};

struct ExpressionStmt : Stmt {
  ExpressionStmt(Span s, Expr* e) : Stmt(StmtKind::Expression, s), expr(e) {}
  Expr* expr;
};

enum class VarKind : uint8_t { Const, Let, Var };

struct VarDeclarator {
  Pattern* target = nullptr;
  Expr* init = nullptr;
};

struct VarDeclStmt : Stmt {
  VarDeclStmt(Span s) : Stmt(StmtKind::VarDecl, s) {}
  VarKind var_kind = VarKind::Const;
  std::vector<VarDeclarator> declarators;
};

struct FunctionDeclStmt : Stmt {
  FunctionDeclStmt(Span s, FunctionNode* f) : Stmt(StmtKind::Function, s), function(f) {}
  FunctionNode* function;
};

struct ClassDeclStmt : Stmt {
  ClassDeclStmt(Span s, ClassExpr* c) : Stmt(StmtKind::Class, s), cls(c) {}
  ClassExpr* cls;
};

struct EnumMember {
  Span span;
  std::string name;
  Expr* init = nullptr;  // null: auto-increment from the previous numeric member
};

struct EnumDeclStmt : Stmt {
  EnumDeclStmt(Span s) : Stmt(StmtKind::Enum, s) {}
  std::string name;
  std::vector<EnumMember> members;
};

struct ReturnStmt : Stmt {
  ReturnStmt(Span s, Expr* a) : Stmt(StmtKind::Return, s), argument(a) {}
  Expr* argument;  // may be null
};

struct IfStmt : Stmt {
  IfStmt(Span s) : Stmt(StmtKind::If, s) {}
  Expr* test = nullptr;
  Stmt* consequent = nullptr;
  Stmt* alternate = nullptr;
};

struct BlockStmt : Stmt {
  BlockStmt(Span s) : Stmt(StmtKind::Block, s) {}
  std::vector<Stmt*> body;
};

struct ForStmt : Stmt {
  ForStmt(Span s) : Stmt(StmtKind::For, s) {}
  Stmt* init = nullptr;  // VarDeclStmt or ExpressionStmt, may be null
  Expr* test = nullptr;
  Expr* update = nullptr;
  Stmt* body = nullptr;
};

/// for (const x of xs) / for (k in obj). `declaration` is set for a declared binding
/// (its single declarator's target is the pattern); otherwise `target` is assigned.
struct ForInOfStmt : Stmt {
  ForInOfStmt(StmtKind k, Span s) : Stmt(k, s) {}
  std::optional<VarKind> declaration;
  Pattern* target = nullptr;
  Expr* iterable = nullptr;
  Stmt* body = nullptr;
};

struct WhileStmt : Stmt {
  WhileStmt(StmtKind k, Span s) : Stmt(k, s) {}
  Expr* test = nullptr;
  Stmt* body = nullptr;
};

struct JumpStmt : Stmt {
  JumpStmt(StmtKind k, Span s) : Stmt(k, s) {}
  std::string label;  // may be empty
};

struct ThrowStmt : Stmt {
  ThrowStmt(Span s, Expr* a) : Stmt(StmtKind::Throw, s), argument(a) {}
  Expr* argument;
};

struct TryStmt : Stmt {
  TryStmt(Span s) : Stmt(StmtKind::Try, s) {}
  BlockStmt* block = nullptr;
  Pattern* catch_param = nullptr;  // may be null (`catch {`)
  BlockStmt* handler = nullptr;    // may be null
  BlockStmt* finalizer = nullptr;  // may be null
};

struct SwitchCase {
  Expr* test = nullptr;  // null: default
  std::vector<Stmt*> body;
};

struct SwitchStmt : Stmt {
  SwitchStmt(Span s) : Stmt(StmtKind::Switch, s) {}
  Expr* discriminant = nullptr;
  std::vector<SwitchCase> cases;
};

struct LabeledStmt : Stmt {
  LabeledStmt(Span s) : Stmt(StmtKind::Labeled, s) {}
  std::string label;
  Stmt* body = nullptr;
};

// --- modules

struct ImportSpecifier {
  Span span;
  std::string imported;  // name in the source module ("default" for default imports)
  std::string local;
};

/// import d, * as ns, { a as b } from 'x'; import 'x'; type-only imports are dropped
/// entirely by the parser (they have no runtime effect).
struct ImportStmt : Stmt {
  ImportStmt(Span s) : Stmt(StmtKind::Import, s) {}
  std::string source;
  Span source_span;
  std::string default_local;    // empty if none
  std::string namespace_local;  // empty if none
  std::vector<ImportSpecifier> specifiers;  // type-only specifiers are omitted
};

struct ExportSpecifier {
  Span span;
  std::string local;     // name in this module (or in `source` for re-exports)
  std::string exported;  // name seen by importers
};

/// export { a, b as c }; export { a } from 'x'; export * as ns from 'x' (namespace_export set)
struct ExportNamedStmt : Stmt {
  ExportNamedStmt(Span s) : Stmt(StmtKind::ExportNamed, s) {}
  std::vector<ExportSpecifier> specifiers;
  std::optional<std::string> source;
  Span source_span;
  std::string namespace_export;  // for `export * as ns from 'x'`
};

struct ExportAllStmt : Stmt {
  ExportAllStmt(Span s) : Stmt(StmtKind::ExportAll, s) {}
  std::string source;
  Span source_span;
};

/// export default expr | function | class. CommonJS `module.exports =` is handled by the
/// evaluator as an ordinary assignment to the module object.
struct ExportDefaultStmt : Stmt {
  ExportDefaultStmt(Span s) : Stmt(StmtKind::ExportDefault, s) {}
  Expr* expr = nullptr;   // for expressions
  Stmt* decl = nullptr;   // FunctionDeclStmt or ClassDeclStmt (may be anonymous)
};

/// export const a = ...; export function f() {}; export enum E {}
struct ExportDeclStmt : Stmt {
  ExportDeclStmt(Span s, Stmt* d) : Stmt(StmtKind::ExportDecl, s), decl(d) {}
  Stmt* decl;
};

// ---------------------------------------------------------------------------------------

/// Owns every node of one module. Nodes are created with New<T>(args...) and freed together.
/// [Parser: nodes are bump-allocated in blocks (one malloc per ~64 KiB instead of one per node)
/// and destroyed in reverse order of creation; the interface is unchanged.]
class AstArena {
 public:
  AstArena() = default;
  AstArena(const AstArena&) = delete;
  AstArena& operator=(const AstArena&) = delete;
  ~AstArena() {
    for (size_t i = destructors_.size(); i-- > 0;) destructors_[i].destroy(destructors_[i].object);
    for (char* block : blocks_) ::operator delete(block);
  }

  template <typename T, typename... Args>
  T* New(Args&&... args) {
    void* memory = Allocate(sizeof(T), alignof(T));
    T* node = ::new (memory) T(std::forward<Args>(args)...);
    if constexpr (!std::is_trivially_destructible_v<T>) {
      destructors_.push_back({node, [](void* p) { static_cast<T*>(p)->~T(); }});
    }
    return node;
  }

 private:
  static constexpr size_t kBlockSize = 64 * 1024;
  void* Allocate(size_t size, size_t align) {
    uintptr_t at = (reinterpret_cast<uintptr_t>(cursor_) + align - 1) & ~(uintptr_t{align} - 1);
    if (cursor_ == nullptr || at + size > reinterpret_cast<uintptr_t>(limit_)) {
      size_t block_size = size + align > kBlockSize ? size + align : kBlockSize;
      char* block = static_cast<char*>(::operator new(block_size));
      blocks_.push_back(block);
      cursor_ = block;
      limit_ = block + block_size;
      at = (reinterpret_cast<uintptr_t>(cursor_) + align - 1) & ~(uintptr_t{align} - 1);
    }
    cursor_ = reinterpret_cast<char*>(at + size);
    return reinterpret_cast<void*>(at);
  }
  struct Destructor {
    void* object;
    void (*destroy)(void*);
  };
  std::vector<char*> blocks_;
  std::vector<Destructor> destructors_;
  char* cursor_ = nullptr;
  char* limit_ = nullptr;
};

/// A parsed source file: its top-level statements and the arena that owns them.
struct Ast {
  base::FileId file = 0;
  std::vector<Stmt*> body;
  std::unique_ptr<AstArena> arena = std::make_unique<AstArena>();
};

}  // namespace dp::ts
