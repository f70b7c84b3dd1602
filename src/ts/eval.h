// The tree-walking evaluator (internal to ts/). Evaluator implements Interp; its pieces are
// split over eval_*.cpp (expressions, statements, calls and classes, patterns, conversions,
// errors) and builtins/*.cpp. Host code uses interp.h and runtime.h, never this header.
//
// Scopes are chains of Env with bindings keyed by interned names (Atom). Control flow
// (break/continue/return) is a Flow result, JS exceptions are C++ ScriptException, and the
// step/depth limits throw EvalAbort, which script try/catch cannot intercept.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ts/ast.h"
#include "ts/interp.h"
#include "ts/value.h"

namespace dp::ts {

/// An interned identifier; equal names have equal pointers.
using Atom = const std::string*;

/// Open-addressing hash map keyed by pointers (AST nodes, atoms); values are small.
template <typename V>
class PtrMap {
 public:
  V* Find(const void* key) {
    if (slots_.empty()) return nullptr;
    size_t mask = slots_.size() - 1;
    for (size_t i = Hash(key) & mask;; i = (i + 1) & mask) {
      if (slots_[i].key == key) return &slots_[i].value;
      if (slots_[i].key == nullptr) return nullptr;
    }
  }
  V& Insert(const void* key, V value) {
    if ((count_ + 1) * 2 > slots_.size()) Grow();
    size_t mask = slots_.size() - 1;
    size_t i = Hash(key) & mask;
    while (slots_[i].key != nullptr && slots_[i].key != key) i = (i + 1) & mask;
    if (slots_[i].key == nullptr) ++count_;
    slots_[i].key = key;
    slots_[i].value = std::move(value);
    return slots_[i].value;
  }
  size_t size() const { return count_; }

 private:
  struct Slot {
    const void* key = nullptr;
    V value{};
  };
  static size_t Hash(const void* key) {
    auto x = reinterpret_cast<uintptr_t>(key);
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ull;
    return static_cast<size_t>(x >> 7);
  }
  void Grow() {
    std::vector<Slot> old = std::move(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    count_ = 0;
    for (Slot& s : old) {
      if (s.key != nullptr) Insert(s.key, std::move(s.value));
    }
  }
  std::vector<Slot> slots_;
  size_t count_ = 0;
};

/// Binding flags.
inline constexpr uint8_t kBindMutable = 1;      // let/var/function/param (else const)
inline constexpr uint8_t kBindInitialized = 2;  // past its declaration (TDZ otherwise)
inline constexpr uint8_t kBindImport = 4;       // live import: see import_env/import_index

struct Env;

/// One variable of a scope.
struct Binding {
  Atom name = nullptr;
  Value value;
  uint8_t flags = 0;
  Env* import_env = nullptr;  // kBindImport: the exporting module's scope
  uint32_t import_index = 0;
};

/// A scope. Small scopes search linearly; large ones (module scope) keep a hash index.
struct Env {
  Env* parent = nullptr;
  std::vector<Binding> bindings;
  std::unique_ptr<std::unordered_map<Atom, uint32_t>> index;

  /// Index of `name` in this scope or -1.
  int32_t Find(Atom name) const {
    if (index) {
      auto it = index->find(name);
      return it == index->end() ? -1 : static_cast<int32_t>(it->second);
    }
    for (size_t i = 0; i < bindings.size(); ++i) {
      if (bindings[i].name == name) return static_cast<int32_t>(i);
    }
    return -1;
  }
  /// Adds a binding (or returns the existing one's index).
  uint32_t Declare(Atom name, uint8_t flags, Value value = Value());
};

/// Result of executing a statement.
enum class Flow : uint8_t { Normal, Return, Break, Continue };

/// One script (or native) call in progress.
struct Frame {
  Frame* parent = nullptr;
  Object* callee = nullptr;
  Value this_value;
  bool this_ready = true;          // false in a derived constructor before super()
  Object* new_target = nullptr;    // the constructor `new` was applied to
  Object* home_object = nullptr;   // for super.x in methods
  std::span<const Value> args;     // for `arguments`
  base::Span call_span;            // the call expression (file 0 for host calls)
  bool is_script = false;          // script function frames make call-chain notes
};

/// Errors that script code must not catch (limits): they end the evaluation.
struct EvalAbort {
  base::Diag diag;
};

/// Declarations found at the top of a statement list (computed once per list).
struct ScopeInfo {
  struct Lexical {
    Atom name;
    bool is_const;
  };
  std::vector<Lexical> lexicals;               // let/const/class/enum
  std::vector<const FunctionNode*> functions;  // function declarations (hoisted)
  std::vector<Atom> vars;                      // var names (function/module scopes)
  bool HasDeclarations() const { return !lexicals.empty() || !functions.empty() || !vars.empty(); }
};

/// Extra state of script functions that are classes or methods (stored in Object::host).
struct FunctionExtra : HostData {
  const ClassExpr* cls = nullptr;     // set for class constructors
  Env* class_env = nullptr;           // scope of the class body (fields, methods)
  Object* parent_class = nullptr;     // derived classes: the superclass (null: base class)
  bool derived = false;               // `extends` present (also `extends null`)
  Object* home_object = nullptr;      // methods: the object holding them (for super)
  Value bound_target;                 // Function.prototype.bind
};

/// Internal state of Promise objects (Object::host of a Plain object with Promise.prototype).
struct PromiseState : HostData {
  Value value;
  bool rejected = false;
};

/// A small inline vector for call arguments (avoids heap allocation on most calls).
class ArgBuffer {
 public:
  void push_back(Value v) {
    if (size_ < kInline) {
      inline_[size_++] = v;
      return;
    }
    if (size_ == kInline) heap_.assign(inline_, inline_ + kInline);
    heap_.push_back(v);
    ++size_;
  }
  std::span<const Value> span() const {
    return size_ <= kInline ? std::span<const Value>(inline_, size_) : std::span<const Value>(heap_);
  }
  size_t size() const { return size_; }

 private:
  static constexpr size_t kInline = 6;
  Value inline_[kInline];
  std::vector<Value> heap_;
  size_t size_ = 0;
};

/// Options the runtime passes to the evaluator.
struct EvalOptions {
  Limits limits;
  size_t max_string_bytes = size_t{1} << 28;
  size_t max_array_length = size_t{1} << 26;
  size_t stack_budget_bytes = size_t{3} << 20;  // C++ stack the evaluator may use
  double fixed_now_ms = -1;                      // Date.now() when >= 0
};

class Evaluator final : public Interp {
 public:
  Evaluator(base::SourceManager& sources, EvalOptions options);
  ~Evaluator() override;

  // --- Interp
  Heap& heap() override { return heap_; }
  Value Str(std::string_view text) override;
  Object* NewObject() override { return heap_.NewObject(ObjectClass::Plain, object_proto_); }
  Object* NewObjectWithProto(Object* proto) override { return heap_.NewObject(ObjectClass::Plain, proto); }
  Object* NewArray(std::vector<Value> elements = {}) override;
  Object* NewFunction(std::string name, NativeFn fn) override;
  Object* NewHost(Object* proto, std::shared_ptr<HostData> data) override;
  Value NewOpaque(std::shared_ptr<const OpaqueOrigin> origin) override;
  Value Get(Value object, std::string_view key) override;
  void Set(Value object, std::string_view key, Value value) override;
  Value Call(Value function, Value this_value, std::span<const Value> args) override;
  Value Construct(Value function, std::span<const Value> args) override;
  bool IsCallable(Value v) override { return v.IsObject() && v.AsObject()->IsCallable(); }
  bool IsArray(Value v) override { return v.IsObject() && v.AsObject()->cls == ObjectClass::Array; }
  std::vector<std::string> OwnKeys(Object* object) override;
  std::string ToString(Value v) override;
  double ToNumber(Value v) override;
  bool Truthy(Value v) override;
  std::optional<std::string> JsonStringify(Value v) override;
  std::string Describe(Value v) override;
  [[noreturn]] void ThrowTypeError(std::string message, base::DiagKind kind = base::DiagKind::EvalError,
                                   base::Span span = {}) override;
  base::Span CurrentCallSpan() override { return current_call_span_; }
  Object* ObjectPrototype() override { return object_proto_; }
  Object* FunctionPrototype() override { return function_proto_; }

  // --- evaluation entry points (used by the runtime)
  /// Runs a module body in `env` (already holding its hoisted declarations).
  void RunModuleBody(const std::vector<Stmt*>& body, Env* env, Value this_value);
  /// Creates a scope (arena-owned).
  Env* NewEnv(Env* parent);
  Env* global_env() { return global_env_; }
  Object* global_object() { return global_; }
  Atom Intern(std::string_view name);
  /// Atom for a string stored in the AST (cached by address).
  Atom AtomOf(const std::string& ast_name);
  const ScopeInfo& ScopeOf(const std::vector<Stmt*>& body, bool function_scope);
  /// Declares a scope's hoisted names in `env` and instantiates its function declarations.
  void Hoist(const ScopeInfo& info, Env* env);
  /// Makes a script function object for a function node closed over `env`.
  Object* MakeFunction(const FunctionNode* node, Env* env, std::string_view name = {});

  /// Turns an exception escaping the evaluation into a located diagnostic.
  base::Diag DiagFromException(const ScriptException& ex);
  /// Marks the start of an outermost evaluation (stack base for the depth guard).
  class EntryGuard {
   public:
    explicit EntryGuard(Evaluator& ev);
    ~EntryGuard();
    EntryGuard(const EntryGuard&) = delete;
    EntryGuard& operator=(const EntryGuard&) = delete;

   private:
    Evaluator& ev_;
    bool outermost_;
  };

  // --- helpers shared with builtins
  /// Defines a non-enumerable native method on `target`.
  Object* DefineNative(Object* target, std::string_view name, NativeFn fn, uint32_t length = 0);
  /// Defines a native getter on `target`.
  void DefineGetter(Object* target, std::string_view name, NativeFn fn);
  /// A native constructor: `call` for F(...), `construct` for new F(...); prototype object given.
  Object* DefineConstructor(Object* target, std::string_view name, Object* prototype, NativeFn call,
                            NativeFn construct, uint32_t length = 0);
  void SetHidden(Object* target, std::string_view key, Value v);
  Value GetV(Value object, Value key);
  void SetV(Value object, Value key, Value value);
  std::string KeyString(Value key);
  Value GetOwnOrProto(Object* object, std::string_view key, Value receiver);
  bool HasProperty(Object* object, std::string_view key);
  bool DeleteProperty(Value object, Value key);
  /// Own enumerable keys including array indices, in JS order.
  std::vector<std::string> EnumerableKeys(Object* object);
  /// Iterates a value with JS for-of semantics (arrays, strings, Map, Set, iterables).
  void Iterate(Value iterable, const std::function<bool(Value)>& fn);
  std::vector<Value> IterateToVector(Value iterable);
  Object* MakeError(Object* proto, std::string message);
  [[noreturn]] void ThrowError(Object* proto, std::string message, base::DiagKind kind, base::Span span = {});
  [[noreturn]] void ThrowRangeError(std::string message);
  [[noreturn]] void ThrowOpaque(const Object* opaque, std::string_view use);
  [[noreturn]] void Abort(base::DiagKind kind, std::string message, base::Span span);
  std::string NumberToString(double d);
  double StringToNumber(std::string_view s);
  std::string ToPropertyKey(Value v) { return KeyString(v); }
  Value ToPrimitive(Value v, bool prefer_string);
  bool StrictEquals(Value a, Value b);
  bool LooseEquals(Value a, Value b);
  bool SameValueZero(Value a, Value b);
  std::string TypeOf(Value v);
  std::string Inspect(Value v, bool top_level_strings_raw = false);
  Object* NewPromise(Value value, bool rejected);
  Value AwaitValue(Value v);
  double Now();
  void CheckStringSize(size_t bytes);
  void CheckArrayLength(size_t length);
  std::optional<Value> JsonParse(std::string_view text, std::string* error);
  Object* NewRegExp(std::string source, std::string flags);
  /// Formats a function's name for messages and inspection.
  std::string FunctionLabel(const Object* fn);
  size_t NumberOfParams(const Object* fn);
  const EvalOptions& options() const { return options_; }
  base::SourceManager& sources() { return sources_; }

  // Well-known prototypes.
  Object* object_proto_ = nullptr;
  Object* function_proto_ = nullptr;
  Object* array_proto_ = nullptr;
  Object* string_proto_ = nullptr;
  Object* number_proto_ = nullptr;
  Object* boolean_proto_ = nullptr;
  Object* bigint_proto_ = nullptr;
  Object* error_proto_ = nullptr;
  Object* type_error_proto_ = nullptr;
  Object* range_error_proto_ = nullptr;
  Object* reference_error_proto_ = nullptr;
  Object* syntax_error_proto_ = nullptr;
  Object* date_proto_ = nullptr;
  Object* regexp_proto_ = nullptr;
  Object* map_proto_ = nullptr;
  Object* set_proto_ = nullptr;
  Object* promise_proto_ = nullptr;
  Object* iterator_proto_ = nullptr;
  Object* symbol_object_ = nullptr;
  Atom atom_arguments_ = nullptr;
  Atom atom_iterator_key_ = nullptr;

 private:
  friend class EntryGuard;
  // eval_expr.cpp
  Value EvalExpr(const Expr* e);
  Value EvalExprInner(const Expr* e);
  bool EvalChain(const Expr* e, Value& out, Value* this_out);
  Value EvalIdentifier(const IdentifierExpr* e);
  Value EvalTemplate(const TemplateExpr* e);
  Value EvalTaggedTemplate(const TaggedTemplateExpr* e);
  Value EvalArray(const ArrayExpr* e);
  Value EvalObject(const ObjectExpr* e);
  Value EvalUnary(const UnaryExpr* e);
  Value EvalUpdate(const UpdateExpr* e);
  Value EvalBinary(const BinaryExpr* e);
  Value EvalLogical(const LogicalExpr* e);
  Value EvalAssign(const AssignExpr* e);
  Value MemberKey(const MemberExpr* m, std::string* key_out);
  Value GetMember(Value object, const MemberExpr* m);
  // eval_ops.cpp
  Value BinaryOperation(BinaryOp op, Value a, Value b, base::Span span);
  Value AddValues(Value a, Value b);
  std::optional<bool> LessThan(Value a, Value b);
  Value BigIntOperation(BinaryOp op, const std::string& a, const std::string& b);
  bool InstanceOf(Value v, Value ctor, base::Span span);
  // eval_stmt.cpp
  Flow ExecStmt(const Stmt* s);
  Flow ExecBlock(const std::vector<Stmt*>& body, bool new_scope);
  Flow ExecStatements(const std::vector<Stmt*>& body);
  Flow ExecVarDecl(const VarDeclStmt* s);
  Flow ExecFor(const ForStmt* s, const std::string* label);
  Flow ExecForInOf(const ForInOfStmt* s, const std::string* label);
  Flow ExecWhile(const WhileStmt* s, const std::string* label);
  Flow ExecSwitch(const SwitchStmt* s, const std::string* label);
  Flow ExecTry(const TryStmt* s);
  Flow ExecLabeled(const LabeledStmt* s);
  void ExecEnum(const EnumDeclStmt* s);
  bool LoopContinues(Flow flow, const std::string* label, bool* stop);
  void CollectDeclarations(const std::vector<Stmt*>& body, bool function_scope, ScopeInfo& info);
  void CollectVars(const Stmt* s, ScopeInfo& info);
  // eval_call.cpp
  Value EvalCall(const CallExpr* e, Value* short_circuit_out, bool* short_circuited);
  Value EvalNew(const NewExpr* e);
  void EvalArguments(const std::vector<Expr*>& args, ArgBuffer& out);
  Value CallFunction(Object* fn, Value this_value, std::span<const Value> args, base::Span call_span,
                     Object* new_target);
  Value CallScript(Object* fn, Value this_value, std::span<const Value> args, base::Span call_span,
                   Object* new_target);
  Value ConstructObject(Object* fn, std::span<const Value> args, Object* new_target, base::Span span);
  void InitializeFields(Object* cls, Object* instance);
  Value EvalClass(const ClassExpr* e, std::string_view name_hint);
  Value EvalSuperCall(const CallExpr* e);
  Value EvalSuperMember(const MemberExpr* m, Value* this_out);
  void BindParameters(const FunctionNode* node, std::span<const Value> args);
  std::string CalleeText(const Expr* callee);
  // eval_pattern.cpp
  enum class BindMode : uint8_t { Assign, Declare, DeclareConst, Initialize };
  void BindPattern(const Pattern* p, Value v, BindMode mode);
  void AssignIdentifier(Atom name, Value v, base::Span span, BindMode mode);
  Binding* Resolve(Atom name);
  Value ReadBinding(Binding* b, Atom name, base::Span span);
  // eval_errors.cpp
  [[noreturn]] void ThrowAt(Object* proto, std::string message, base::DiagKind kind, base::Span span);
  std::vector<base::DiagNote> CaptureNotes();
  void Step(base::Span span) {
    if (++steps_ > options_.limits.max_steps) StepLimitExceeded(span);
    char marker;
    if (&marker < stack_limit_) StackExceeded(span);
  }
  [[noreturn]] void StepLimitExceeded(base::Span span);
  [[noreturn]] void StackExceeded(base::Span span);
  void InstallBuiltins();

  base::SourceManager& sources_;
  EvalOptions options_;
  Heap heap_;
  std::unordered_map<std::string_view, Atom> atoms_;
  PtrMap<Atom> ast_atoms_;
  PtrMap<ScopeInfo*> scope_infos_;
  std::vector<std::unique_ptr<ScopeInfo>> scope_storage_;
  std::deque<Env> envs_;
  Object* global_ = nullptr;
  Env* global_env_ = nullptr;
  Env* env_ = nullptr;
  Frame* frame_ = nullptr;
  Frame top_frame_;
  Value return_value_;
  const std::string* flow_label_ = nullptr;
  base::Span current_call_span_;
  base::Span current_span_;  // innermost statement/expression with a location
  uint64_t steps_ = 0;
  uint32_t depth_ = 0;
  uint32_t entry_count_ = 0;
  char* stack_limit_ = nullptr;
  // Trace captured when an exception starts unwinding (for call-chain notes).
  bool unwinding_ = false;
  std::vector<base::DiagNote> pending_notes_;
  base::Span pending_span_;
  uint64_t symbol_counter_ = 0;

  friend void InstallObjectBuiltins(Evaluator&);
  friend void InstallFunctionBuiltins(Evaluator&);
};

// builtins/*.cpp
void InstallObjectBuiltins(Evaluator& ev);
void InstallFunctionBuiltins(Evaluator& ev);
void InstallArrayBuiltins(Evaluator& ev);
void InstallStringBuiltins(Evaluator& ev);
void InstallNumberBuiltins(Evaluator& ev);
void InstallMathBuiltins(Evaluator& ev);
void InstallJsonBuiltins(Evaluator& ev);
void InstallDateBuiltins(Evaluator& ev);
void InstallCollectionBuiltins(Evaluator& ev);
void InstallErrorBuiltins(Evaluator& ev);
void InstallGlobalBuiltins(Evaluator& ev);
void InstallRegExpBuiltins(Evaluator& ev);

}  // namespace dp::ts
