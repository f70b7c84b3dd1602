// Evaluator core: construction (prototypes, global object, builtins), atoms and scopes,
// allocation through the Interp API, module bodies, promises and resource limits.
#include "ts/eval.h"

#include <chrono>
#include <cmath>

#include <fmt/format.h>

namespace dp::ts {

Evaluator::Evaluator(base::SourceManager& sources, EvalOptions options)
    : sources_(sources), options_(std::move(options)) {
  object_proto_ = heap_.NewObject(ObjectClass::Plain, nullptr);
  function_proto_ = heap_.NewObject(ObjectClass::Function, object_proto_);
  function_proto_->native = [](CallContext&) { return Value(); };
  auto plain = [&]() { return heap_.NewObject(ObjectClass::Plain, object_proto_); };
  array_proto_ = plain();
  string_proto_ = plain();
  number_proto_ = plain();
  boolean_proto_ = plain();
  bigint_proto_ = plain();
  error_proto_ = plain();
  type_error_proto_ = heap_.NewObject(ObjectClass::Plain, error_proto_);
  range_error_proto_ = heap_.NewObject(ObjectClass::Plain, error_proto_);
  reference_error_proto_ = heap_.NewObject(ObjectClass::Plain, error_proto_);
  syntax_error_proto_ = heap_.NewObject(ObjectClass::Plain, error_proto_);
  date_proto_ = plain();
  regexp_proto_ = plain();
  map_proto_ = plain();
  set_proto_ = plain();
  promise_proto_ = plain();
  iterator_proto_ = plain();
  global_ = plain();
  atom_arguments_ = Intern("arguments");
  atom_default_ = Intern("*default*");
  atom_null_ = Intern("null");
  atom_true_ = Intern("true");
  atom_false_ = Intern("false");
  global_env_ = NewEnv(nullptr);
  top_frame_.this_value = Value();
  frame_ = &top_frame_;
  env_ = global_env_;
  InstallBuiltins();
}

Evaluator::~Evaluator() = default;

void Evaluator::InstallBuiltins() {
  SetHidden(global_, "globalThis", Value::Obj(global_));
  SetHidden(global_, "undefined", Value());
  SetHidden(global_, "NaN", Value::Number(std::nan("")));
  SetHidden(global_, "Infinity", Value::Number(INFINITY));
  InstallObjectBuiltins(*this);
  InstallFunctionBuiltins(*this);
  InstallErrorBuiltins(*this);
  InstallArrayBuiltins(*this);
  InstallStringBuiltins(*this);
  InstallRegExpBuiltins(*this);
  InstallNumberBuiltins(*this);
  InstallMathBuiltins(*this);
  InstallJsonBuiltins(*this);
  InstallDateBuiltins(*this);
  InstallCollectionBuiltins(*this);
  InstallGlobalBuiltins(*this);
}

Atom Evaluator::Intern(std::string_view name) {
  auto it = atoms_.find(name);
  if (it != atoms_.end()) return it->second;
  const std::string* stored = &atom_storage_.emplace_back(name);
  atoms_.emplace(*stored, stored);
  return stored;
}

Atom Evaluator::AtomOf(const std::string& ast_name) {
  if (Atom* cached = ast_atoms_.Find(&ast_name)) return *cached;
  Atom atom = Intern(ast_name);
  ast_atoms_.Insert(&ast_name, atom);
  return atom;
}

Env* Evaluator::NewEnv(Env* parent) {
  Env& env = envs_.emplace_back();
  env.parent = parent;
  return &env;
}

Value Evaluator::Str(std::string_view text) {
  Charge(text.size());
  return Value::String(heap_.Intern(text));
}

Object* Evaluator::NewArray(std::vector<Value> elements) {
  Charge(elements.size() * sizeof(Value));
  Object* array = heap_.NewObject(ObjectClass::Array, array_proto_);
  array->elements = std::move(elements);
  return array;
}

Object* Evaluator::NewFunction(std::string name, NativeFn fn) {
  Object* f = heap_.NewObject(ObjectClass::Function, function_proto_);
  f->function_name = heap_.Intern(name);
  f->native = std::move(fn);
  return f;
}

Object* Evaluator::NewHost(Object* proto, std::shared_ptr<HostData> data) {
  Object* o = heap_.NewObject(ObjectClass::Host, proto);
  o->host = std::move(data);
  return o;
}

Value Evaluator::NewOpaque(std::shared_ptr<const OpaqueOrigin> origin) {
  Object* o = heap_.NewObject(ObjectClass::Opaque, nullptr);
  o->opaque = std::move(origin);
  return Value::Obj(o);
}

void Evaluator::RunModuleBody(const std::vector<Stmt*>& body, Env* env, Value this_value) {
  EntryGuard entry(*this);
  ContextSave save(*this);
  Frame frame;
  frame.parent = frame_;
  frame.this_value = this_value;
  env_ = env;
  frame_ = &frame;
  ExecStatements(body);
}

Value Evaluator::EvalInScope(const Expr* e, Env* env, Value this_value) {
  EntryGuard entry(*this);
  ContextSave save(*this);
  Frame frame;
  frame.parent = frame_;
  frame.this_value = this_value;
  env_ = env;
  frame_ = &frame;
  return EvalExpr(e);
}

Object* Evaluator::NewPromise(Value value, bool rejected) {
  if (!rejected && value.IsObject() && dynamic_cast<PromiseState*>(value.AsObject()->host.get()) != nullptr) {
    return value.AsObject();
  }
  Object* p = heap_.NewObject(ObjectClass::Plain, promise_proto_);
  auto state = std::make_shared<PromiseState>();
  state->value = value;
  state->rejected = rejected;
  p->host = std::move(state);
  return p;
}

Value Evaluator::AwaitValue(Value v) {
  if (!v.IsObject()) return v;
  auto* state = dynamic_cast<PromiseState*>(v.AsObject()->host.get());
  if (state == nullptr) return v;
  if (!state->settled) {
    ThrowError(error_proto_, "awaited a promise that never settles (timers and I/O do not run during evaluation)",
               base::DiagKind::EvalUnsupported, current_span_);
  }
  if (state->rejected) throw ScriptException{state->value, base::DiagKind::EvalThrown, current_span_};
  return state->value;
}

double Evaluator::Now() {
  if (options_.fixed_now_ms >= 0) return options_.fixed_now_ms;
  auto now = std::chrono::system_clock::now().time_since_epoch();
  return static_cast<double>(std::chrono::duration_cast<std::chrono::milliseconds>(now).count());
}

void Evaluator::CheckStringSize(size_t bytes) {
  if (bytes > options_.max_string_bytes) ThrowRangeError("invalid string length");
}

void Evaluator::MemoryLimitExceeded() {
  allocated_bytes_ = 0;  // let the diagnostic be built
  Abort(base::DiagKind::EvalMemoryLimit,
        options_.max_heap_bytes >= (size_t{1} << 20)
            ? fmt::format("evaluation allocated more than {} MB; is there a runaway loop?", options_.max_heap_bytes >> 20)
            : fmt::format("evaluation allocated more than {} bytes; is there a runaway loop?", options_.max_heap_bytes),
        current_span_);
}

void Evaluator::CheckArrayLength(size_t length) {
  if (length > options_.max_array_length) ThrowRangeError("invalid array length");
}

void Evaluator::Print(std::string_view text) {
  if (options_.console) {
    options_.console(text);
  } else {
    std::fwrite(text.data(), 1, text.size(), stderr);
    std::fputc('\n', stderr);
  }
}

}  // namespace dp::ts
