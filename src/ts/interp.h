// The evaluator's public face: what host code (dsl/, cli config loading) may call.
// The tree-walking evaluator behind it lives in eval*.cpp; module loading in modules.h.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "ts/value.h"

namespace dp::ts {

/// Limits that turn runaway code into an error instead of a hang or a crash.
struct Limits {
  uint64_t max_steps = 200'000'000;  // evaluation steps (nodes visited) per runtime
  uint32_t max_depth = 400;          // nested calls
};

class Interp {
 public:
  virtual ~Interp() = default;

  // --- allocation
  virtual Heap& heap() = 0;
  /// A string value owned by the heap.
  virtual Value Str(std::string_view text) = 0;
  /// A plain object whose prototype is Object.prototype.
  virtual Object* NewObject() = 0;
  /// An object with the given prototype (nullptr for none).
  virtual Object* NewObjectWithProto(Object* proto) = 0;
  virtual Object* NewArray(std::vector<Value> elements = {}) = 0;
  virtual Object* NewFunction(std::string name, NativeFn fn) = 0;
  /// A host object: class Host, the given prototype (usually one shared per host type).
  virtual Object* NewHost(Object* proto, std::shared_ptr<HostData> data) = 0;
  /// An opaque value; reading properties of it, calling it or `new` on it give more opaque
  /// values with the same origin.
  virtual Value NewOpaque(std::shared_ptr<const OpaqueOrigin> origin) = 0;

  // --- operations with JS semantics
  /// obj[key] with the prototype chain and getters; undefined when missing. Property reads on
  /// primitives use their prototypes ("abc".length, [1].map). Reading from null/undefined
  /// throws a TypeError like JS.
  virtual Value Get(Value object, std::string_view key) = 0;
  /// obj[key] = value (setters honoured; frozen objects ignore the write).
  virtual void Set(Value object, std::string_view key, Value value) = 0;
  /// Calls a function value (script, native or opaque) with `this` and arguments.
  virtual Value Call(Value function, Value this_value, std::span<const Value> args) = 0;
  /// `new F(args)`.
  virtual Value Construct(Value function, std::span<const Value> args) = 0;
  virtual bool IsCallable(Value v) = 0;
  virtual bool IsArray(Value v) = 0;
  /// Own enumerable string keys in JS order (Object.keys).
  virtual std::vector<std::string> OwnKeys(Object* object) = 0;
  /// JS ToString / ToNumber / ToBoolean.
  virtual std::string ToString(Value v) = 0;
  virtual double ToNumber(Value v) = 0;
  virtual bool Truthy(Value v) = 0;
  /// JSON.stringify(v) (undefined when v is not serializable, like JS).
  virtual std::optional<std::string> JsonStringify(Value v) = 0;
  /// A short description for messages: `"abc"`, `42`, `[object Object]`, `function f`,
  /// `<opaque value from import 'zod'>`.
  virtual std::string Describe(Value v) = 0;

  // --- errors
  /// Throws a JS TypeError (a ScriptException) with the given kind and message. The
  /// evaluator locates it at the innermost script call when `span` is empty.
  [[noreturn]] virtual void ThrowTypeError(std::string message,
                                           base::DiagKind kind = base::DiagKind::EvalError,
                                           base::Span span = {}) = 0;
  /// The span of the innermost script call expression being evaluated (file 0 if none).
  virtual base::Span CurrentCallSpan() = 0;

  // --- built-in prototypes, so host code can make arrays, dates and errors that behave
  virtual Object* ObjectPrototype() = 0;
  virtual Object* FunctionPrototype() = 0;
};

}  // namespace dp::ts
