// The tree-walking evaluator (internal to ts/). Evaluator implements Interp; its pieces are
// split over eval_*.cpp (expressions, statements, calls and classes, patterns, conversions,
// errors) and builtins/*.cpp. Host code uses interp.h and runtime.h, never this header.
//
// Scopes are chains of Env with bindings keyed by interned names (Atom). Control flow
// (break/continue/return) is a Flow result, JS exceptions are C++ ScriptException, and the
// step/depth limits throw EvalAbort, which script try/catch cannot intercept.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

// value.h's Property and ast.h's object-literal property share a name; see ast.h.
#define DP_TS_NO_AST_PROPERTY_ALIAS
#include "base/assert.h"
#include "ts/interp.h"
#include "ts/value.h"
#include "ts/ast.h"

namespace dp::ts {

/// An interned identifier; equal names have equal pointers.
using Atom = const std::string*;

/// Open-addressing hash map keyed by pointers (AST nodes, atoms); values are small.
template <typename V>
class PtrMap {
 public:
  explicit PtrMap(size_t initial_slots = 64) : initial_slots_(initial_slots) {}
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
    slots_.assign(old.empty() ? initial_slots_ : old.size() * 2, Slot{});
    count_ = 0;
    for (Slot& s : old) {
      if (s.key != nullptr) Insert(s.key, std::move(s.value));
    }
  }
  std::vector<Slot> slots_;
  size_t count_ = 0;
  size_t initial_slots_;
};

/// Binding flags.
inline constexpr uint8_t kBindMutable = 1;      // let/var/function/param (else const)
inline constexpr uint8_t kBindInitialized = 2;  // past its declaration (TDZ otherwise)
inline constexpr uint8_t kBindImport = 4;       // live import: see import_env/import_index
inline constexpr uint8_t kBindMissing = 8;      // import of a name the module lacks (types): import_index
                                                // indexes Evaluator's missing imports; reading it is an error

struct Env;

/// One variable of a scope.
struct Binding {
  Atom name = nullptr;
  Value value;
  uint8_t flags = 0;
  Env* import_env = nullptr;  // kBindImport: the exporting module's scope
  uint32_t import_index = 0;
};

/// A scope. Small scopes search linearly; large ones (module scope) keep an open-addressing
/// index of binding positions keyed by atom.
struct Env {
  Env* parent = nullptr;
  std::vector<Binding> bindings;
  std::vector<uint32_t> index;  // position + 1 per slot (0 = empty); empty for small scopes

  static size_t HashAtom(Atom name) {
    auto x = reinterpret_cast<uintptr_t>(name);
    return static_cast<size_t>((x >> 4) * 0x9E3779B97F4A7C15ull >> 20);
  }
  /// Index of `name` in this scope or -1.
  int32_t Find(Atom name) const {
    if (!index.empty()) {
      size_t mask = index.size() - 1;
      for (size_t i = HashAtom(name) & mask;; i = (i + 1) & mask) {
        uint32_t slot = index[i];
        if (slot == 0) return -1;
        if (bindings[slot - 1].name == name) return static_cast<int32_t>(slot - 1);
      }
    }
    for (size_t i = 0; i < bindings.size(); ++i) {
      if (bindings[i].name == name) return static_cast<int32_t>(i);
    }
    return -1;
  }
  /// Appends a binding (callers check for an existing one first when it matters).
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
  std::vector<Value>* yields = nullptr;  // generator frames: values yielded so far
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

/// Extra state of script functions that are classes or methods, and of native constructors
/// (stored in Object::host).
struct FunctionExtra : HostData {
  const ClassExpr* cls = nullptr;        // set for class constructors
  Env* class_env = nullptr;              // scope of the class body (fields, methods)
  Object* parent_class = nullptr;        // derived classes: the superclass (null: base class)
  bool derived = false;                  // `extends` present (also `extends null`)
  Object* home_object = nullptr;         // methods: the object holding them (for super)
  std::vector<std::string> field_keys;   // instance field keys, evaluated with the class
  NativeFn construct;                    // native constructors: behaviour under `new`
};

/// Internal state of Promise objects (Object::host of a Plain object with Promise.prototype).
struct PromiseState : HostData {
  Value value;
  bool rejected = false;
  bool settled = true;
};

/// State of the evaluator's iterator objects (array/map/set keys(), values(), entries()).
struct IteratorState : HostData {
  std::vector<Value> items;
  size_t index = 0;
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
  size_t max_heap_bytes = size_t{1} << 30;      // strings and array elements made, in total
  double fixed_now_ms = -1;                      // Date.now() when >= 0
  std::function<void(std::string_view)> console;  // console.* output (stderr when empty)
};

/// Array writes further than this past the end become plain properties, not elements.
inline constexpr size_t kMaxArrayGap = size_t{1} << 20;

/// A canonical array index key ("0", "17").
bool ParseArrayIndex(std::string_view key, uint32_t* out);
/// Strips JS whitespace and line terminators.
std::string TrimJsWhitespace(std::string_view s, bool start, bool end);
int32_t ToInt32(double d);
uint32_t ToUint32(double d);

class Evaluator;

/// for-of iteration over any iterable value.
class ValueIterator {
 public:
  ValueIterator(Evaluator& ev, Value iterable, base::Span span);
  bool Next(Value* out);

 private:
  enum class Kind : uint8_t { Array, String, MapEntries, SetValues, List, Protocol };
  Evaluator& ev_;
  base::Span span_;
  Kind kind_ = Kind::Array;
  Object* object_ = nullptr;
  const std::string* string_ = nullptr;
  IteratorState* list_ = nullptr;
  size_t index_ = 0;
  Value iterator_;
  Value next_;
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
  /// Marks `b` as an import of `name`, which module `source` does not export (TypeScript
  /// elides imports used only as types, so this is an error only when the binding is read).
  void BindMissingImport(Binding& b, std::string name, std::string source, base::Span import_span);
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

  // --- helpers shared with builtins and the runtime
  /// Evaluates an expression in `env` (used for CommonJS wrappers and tests).
  Value EvalInScope(const Expr* e, Env* env, Value this_value);
  /// Defines a non-enumerable native method on `target`.
  Object* DefineNative(Object* target, std::string_view name, NativeFn fn, uint32_t length = 0);
  /// Defines a native getter on `target`.
  void DefineGetter(Object* target, std::string_view name, NativeFn fn);
  /// A native constructor: `call` for F(...), `construct` for new F(...) (null: like call).
  Object* DefineConstructor(Object* target, std::string_view name, Object* prototype, NativeFn call,
                            NativeFn construct, uint32_t length = 0);
  void SetHidden(Object* target, std::string_view key, Value v);
  /// Defines or overwrites an own data property (array indices become elements).
  void SetOwn(Object* target, std::string_view key, Value v);
  Value GetV(Value object, Value key);
  void SetV(Value object, Value key, Value value);
  std::string KeyString(Value key);
  Value GetOwnOrProto(Object* object, std::string_view key, Value receiver);
  bool HasProperty(Object* object, std::string_view key);
  bool DeleteProperty(Value object, Value key);
  /// Own enumerable keys including array indices, in JS order.
  std::vector<std::string> EnumerableKeys(Object* object);
  /// Copies own enumerable properties of `source` (object spread, rest patterns).
  void CopyDataProperties(Object* target, Value source, const std::vector<std::string>& excluded, base::Span span);
  std::vector<Value> IterateToVector(Value iterable);
  Object* NewIterator(std::vector<Value> items);
  Object* MakeError(Object* proto, std::string message);
  [[noreturn]] void ThrowError(Object* proto, std::string message, base::DiagKind kind, base::Span span = {});
  [[noreturn]] void ThrowRangeError(std::string message);
  [[noreturn]] void ThrowOpaque(const Object* opaque, std::string_view use);
  [[noreturn]] void Abort(base::DiagKind kind, std::string message, base::Span span);
  Value CallFunction(Object* fn, Value this_value, std::span<const Value> args, base::Span call_span,
                     Object* new_target);
  std::string NumberToString(double d);
  double StringToNumber(std::string_view s);
  /// JS ToPrimitive; `use` describes the use in the error for opaque values.
  Value ToPrimitive(Value v, bool prefer_string, const char* use = nullptr);
  Value ToNumeric(Value v);
  Value MakeBigInt(std::string_view digits);
  bool StrictEquals(Value a, Value b);
  bool LooseEquals(Value a, Value b);
  bool SameValueZero(Value a, Value b);
  std::string TypeOf(Value v);
  /// Node-like single-line rendering; strings unquoted at top level when `top_level_strings_raw`.
  std::string Inspect(Value v, bool top_level_strings_raw = false);
  Object* NewPromise(Value value, bool rejected);
  Value AwaitValue(Value v);
  double Now();
  void Print(std::string_view text);
  void CheckStringSize(size_t bytes);
  /// Counts `bytes` of new strings/elements against max_heap_bytes (EvalMemoryLimit past it).
  void Charge(size_t bytes) {
    allocated_bytes_ += bytes;
    if (allocated_bytes_ > options_.max_heap_bytes) MemoryLimitExceeded();
  }
  [[noreturn]] void MemoryLimitExceeded();
  void CheckArrayLength(size_t length);
  std::optional<Value> JsonParse(std::string_view text, std::string* error);
  std::optional<std::string> JsonStringifyWith(Value v, Value replacer, std::string gap);
  Object* NewRegExp(std::string source, std::string flags);
  Value StringCharAt(const std::string& s, size_t index);
  /// Formats a function's name for messages.
  std::string FunctionLabel(const Object* fn);
  size_t NumberOfParams(const Object* fn);
  /// "path:line:col" of a span.
  std::string Location(base::Span span);
  const EvalOptions& options() const { return options_; }
  base::SourceManager& sources() { return sources_; }
  uint64_t steps() const { return steps_; }
  void SetFixedNow(double ms) { options_.fixed_now_ms = ms; }

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
  Atom atom_default_ = nullptr;  // the binding `export default <expr>` initializes
  Atom atom_null_ = nullptr;     // null/true/false reach the evaluator as identifiers
  Atom atom_true_ = nullptr;
  Atom atom_false_ = nullptr;
  uint64_t symbol_counter_ = 0;

 private:
  friend class EntryGuard;
  struct ContextSave;
  struct DepthGuard;
  struct EnvSave;
  struct Reference;
  enum class BindMode : uint8_t { Assign, InitLet, InitConst };

  // eval_expr.cpp
  Value EvalExpr(const Expr* e);
  Value EvalExprInner(const Expr* e);
  Value EvalNamed(const Expr* e, std::string_view name);
  bool EvalChainLink(const Expr* e, Value& out, Value* this_out);
  bool EvalChainObject(const Expr* e, Value& out, Value* this_out);
  Value ThisValue(base::Span span);
  Value EvalIdentifier(const IdentifierExpr* e);
  std::string SimilarName(const std::string& name);
  Value ReadBinding(Binding* b, Atom name, base::Span span);
  [[noreturn]] void ThrowMissingImport(const Binding& b, base::Span span);
  Value EvalTemplate(const TemplateExpr* e);
  Value EvalTaggedTemplate(const TaggedTemplateExpr* e);
  Value EvalArray(const ArrayExpr* e);
  Value EvalObject(const ObjectExpr* e);
  Value EvalUnary(const UnaryExpr* e);
  Value EvalUpdate(const UpdateExpr* e);
  Value EvalBinary(const BinaryExpr* e);
  Value EvalLogical(const LogicalExpr* e);
  Value EvalAssign(const AssignExpr* e);
  Value GetMember(Value object, const MemberExpr* m);
  base::Span PropertySpan(const MemberExpr* m);
  Reference EvalReference(const Expr* target, base::Span span);
  Value ReadReference(const Reference& ref);
  void WriteReference(const Reference& ref, Value v);
  // eval_ops.cpp
  Value BinaryOperation(BinaryOp op, Value a, Value b, base::Span span);
  Value AddValues(Value a, Value b);
  std::optional<bool> LessThan(Value a, Value b);
  Value BigIntOperation(BinaryOp op, Value a, Value b, base::Span span);
  Value NegateBigInt(Value v);
  bool InstanceOf(Value v, Value ctor, base::Span span);
  // eval_stmt.cpp
  Flow ExecStmt(const Stmt* s);
  Flow ExecBlock(const std::vector<Stmt*>& body);
  Flow ExecStatements(const std::vector<Stmt*>& body);
  void ExecVarDecl(const VarDeclStmt* s);
  Flow ExecFor(const ForStmt* s, const std::string* label);
  Flow ExecForInOf(const ForInOfStmt* s, const std::string* label);
  Flow ExecWhile(const WhileStmt* s, const std::string* label);
  Flow ExecSwitch(const SwitchStmt* s, const std::string* label);
  Flow ExecTry(const TryStmt* s);
  Flow ExecTryCatch(const TryStmt* s);
  Flow ExecLabeled(const LabeledStmt* s);
  void ExecEnum(const EnumDeclStmt* s);
  bool LabelMatches(const std::string* label) const;
  void CollectDeclarations(const std::vector<Stmt*>& body, bool function_scope, ScopeInfo& info);
  void CollectVars(const Stmt* s, ScopeInfo& info);
  // eval_call.cpp
  Value EvalCall(const CallExpr* e, bool* short_circuited);
  Value EvalNew(const NewExpr* e);
  void EvalArguments(const std::vector<Expr*>& args, ArgBuffer& out);
  base::Span CallSpan(const CallExpr* c);
  std::string CalleeText(const Expr* callee);
  std::string SourceText(base::Span span, std::string_view fallback);
  Value CallNative(const NativeFn& native, Value this_value, std::span<const Value> args, base::Span call_span);
  Value CallScript(Object* fn, Value this_value, std::span<const Value> args, base::Span call_span,
                   Object* new_target);
  Value ConstructObject(Object* fn, std::span<const Value> args, Object* new_target, base::Span span);
  Object* PrototypeFor(Object* new_target);
  Object* MakeMethod(const FunctionNode* node, Env* env, std::string_view name, Object* home);
  void InitializeFields(Object* cls, Object* instance);
  Value EvalClass(const ClassExpr* e, std::string_view name_hint);
  Value EvalSuperCall(const CallExpr* e);
  Value EvalYield(const YieldExpr* e);
  /// Generators run eagerly; more values than this means an endless generator.
  static constexpr size_t kMaxGeneratorValues = 1'000'000;
  void CheckGeneratorSize(size_t count, base::Span span);
  Value EvalSuperMember(const MemberExpr* m, Value* this_out);
  void BindParameters(const FunctionNode* node, std::span<const Value> args);
  void NoteUnwinding();
  // eval_pattern.cpp
  void BindPattern(const Pattern* p, Value v, BindMode mode);
  void AssignIdentifier(Atom name, Value v, base::Span span, BindMode mode);
  Binding* Resolve(Atom name);
  // eval_errors.cpp
  [[noreturn]] void ThrowAt(Object* proto, std::string message, base::DiagKind kind, base::Span span);
  std::vector<base::DiagNote> CaptureNotes();
  void Step(base::Span span) {
    if (++steps_ > options_.limits.max_steps) StepLimitExceeded(span);
    if (reinterpret_cast<uintptr_t>(__builtin_frame_address(0)) < stack_limit_) StackExceeded(span);
  }
  [[noreturn]] void StepLimitExceeded(base::Span span);
  [[noreturn]] void StackExceeded(base::Span span);
  // eval_inspect.cpp
  void InspectInto(std::string& out, Value v, int depth, std::vector<Object*>& seen);
  std::string ConstructorName(Object* o);
  void InstallBuiltins();

  base::SourceManager& sources_;
  EvalOptions options_;
  Heap heap_;
  std::deque<std::string> atom_storage_;
  std::unordered_map<std::string_view, Atom> atoms_;
  PtrMap<Atom> ast_atoms_{4096};  // one entry per identifier node evaluated
  PtrMap<ScopeInfo*> scope_infos_;
  PtrMap<ScopeInfo*> switch_scopes_;
  PtrMap<Object*> tagged_strings_;
  PtrMap<std::vector<base::DiagNote>> error_notes_;
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
  base::Span current_span_;  // the expression evaluated last (where value misuse is reported)
  uint64_t steps_ = 0;
  size_t allocated_bytes_ = 0;
  uint32_t depth_ = 0;
  uint32_t entry_count_ = 0;
  uintptr_t stack_limit_ = 0;
  // Call-chain notes captured when an exception starts unwinding.
  bool unwinding_ = false;
  std::vector<base::DiagNote> pending_notes_;
  // Imports of names their module does not export (see BindMissingImport).
  struct MissingImport {
    std::string name;
    std::string source;
    base::Span span;
  };
  std::vector<MissingImport> missing_imports_;

};

// Saves and restores the evaluator's current scope, frame and call span.
struct Evaluator::ContextSave {
  explicit ContextSave(Evaluator& ev)
      : ev_(ev), env_(ev.env_), frame_(ev.frame_), call_span_(ev.current_call_span_) {}
  ~ContextSave() {
    ev_.env_ = env_;
    ev_.frame_ = frame_;
    ev_.current_call_span_ = call_span_;
  }
  ContextSave(const ContextSave&) = delete;
  ContextSave& operator=(const ContextSave&) = delete;

 private:
  Evaluator& ev_;
  Env* env_;
  Frame* frame_;
  base::Span call_span_;
};

// Counts nested calls against Limits::max_depth.
struct Evaluator::DepthGuard {
  DepthGuard(Evaluator& ev, base::Span span) : ev_(ev) {
    if (++ev.depth_ > ev.options_.limits.max_depth) {
      --ev.depth_;
      ev.Abort(base::DiagKind::EvalDepthLimit,
               "maximum call depth exceeded (" + std::to_string(ev.options_.limits.max_depth) +
                   " nested calls); is there infinite recursion?",
               span);
    }
  }
  ~DepthGuard() { --ev_.depth_; }
  DepthGuard(const DepthGuard&) = delete;
  DepthGuard& operator=(const DepthGuard&) = delete;

 private:
  Evaluator& ev_;
};

// RAII: restores env_ on scope exit (normal or exceptional).
struct Evaluator::EnvSave {
  explicit EnvSave(Evaluator& ev) : ev_(ev), env_(ev.env_) {}
  ~EnvSave() { ev_.env_ = env_; }
  EnvSave(const EnvSave&) = delete;
  EnvSave& operator=(const EnvSave&) = delete;

 private:
  Evaluator& ev_;
  Env* env_;
};

// A reference to an assignable location: an identifier binding or object[key].
struct Evaluator::Reference {
  bool is_member = false;
  Atom name = nullptr;
  base::Span span;
  Value object;
  Value key;
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
