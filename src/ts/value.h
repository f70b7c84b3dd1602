// JavaScript values as the evaluator and the host objects (dsl/) see them.
//
// Memory: every Object and string lives in a Heap that frees them all at once when the
// evaluation ends. Schema evaluation is a one-shot run, so there is no collector; the
// step limit bounds what runaway code can allocate.
//
// Host objects: dsl/ builds the drizzle-orm API as ordinary Objects whose `host` points at a
// C++ HostData subclass and whose methods are native functions on a shared prototype.
#pragma once

#include <cstdint>
#include <deque>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/diag.h"
#include "base/source.h"

namespace dp::ts {

struct Object;
struct FunctionNode;
struct Env;
class Interp;

enum class ValueKind : uint8_t { Undefined, Null, Boolean, Number, BigInt, String, Object };

/// A JS value: 16 bytes, trivially copyable. Strings and bigints point into the Heap.
class Value {
 public:
  Value() : kind_(ValueKind::Undefined), number_(0) {}

  static Value Undefined() { return Value(); }
  static Value Null() { Value v; v.kind_ = ValueKind::Null; return v; }
  static Value Boolean(bool b) { Value v; v.kind_ = ValueKind::Boolean; v.boolean_ = b; return v; }
  static Value Number(double n) { Value v; v.kind_ = ValueKind::Number; v.number_ = n; return v; }
  /// `text` must be owned by a Heap (Heap::Intern / Interp::Str).
  static Value String(const std::string* text) { Value v; v.kind_ = ValueKind::String; v.string_ = text; return v; }
  /// A bigint as its decimal text (with a leading '-' when negative), owned by a Heap.
  static Value BigInt(const std::string* digits) { Value v; v.kind_ = ValueKind::BigInt; v.string_ = digits; return v; }
  static Value Obj(Object* object) { Value v; v.kind_ = ValueKind::Object; v.object_ = object; return v; }

  ValueKind kind() const { return kind_; }
  bool IsUndefined() const { return kind_ == ValueKind::Undefined; }
  bool IsNull() const { return kind_ == ValueKind::Null; }
  bool IsNullish() const { return kind_ == ValueKind::Undefined || kind_ == ValueKind::Null; }
  bool IsBoolean() const { return kind_ == ValueKind::Boolean; }
  bool IsNumber() const { return kind_ == ValueKind::Number; }
  bool IsBigInt() const { return kind_ == ValueKind::BigInt; }
  bool IsString() const { return kind_ == ValueKind::String; }
  bool IsObject() const { return kind_ == ValueKind::Object; }

  bool AsBoolean() const { return boolean_; }
  double AsNumber() const { return number_; }
  const std::string& AsString() const { return *string_; }   // String
  const std::string& AsBigInt() const { return *string_; }   // BigInt decimal text
  Object* AsObject() const { return object_; }

 private:
  ValueKind kind_;
  union {
    bool boolean_;
    double number_;
    const std::string* string_;
    Object* object_;
  };
};

/// Base for C++ state attached to host objects (tables, column builders, sql chunks, ...).
struct HostData {
  virtual ~HostData() = default;
};

/// What a native function sees of its call.
struct CallContext {
  Interp& interp;
  Value this_value;
  std::span<const Value> args;
  base::Span call_span;  // the JS call expression that invoked the native (file 0 if none)

  /// The i-th argument, or undefined.
  Value Arg(size_t i) const { return i < args.size() ? args[i] : Value(); }
};

using NativeFn = std::function<Value(CallContext&)>;

enum class ObjectClass : uint8_t {
  Plain,
  Array,
  Function,  // script closure (fn/env) or native (native)
  Date,
  RegExp,
  Error,
  Map,
  Set,
  Opaque,    // a value from a package we do not evaluate (zod, cuid2, ...)
  Host,      // a dsl object; see `host`
};

/// One own property. Accessors (get/set in object literals) use getter/setter.
struct Property {
  std::string key;
  Value value;
  Object* getter = nullptr;
  Object* setter = nullptr;
  bool enumerable = true;
};

/// Own properties in JS order: integer-like keys ascending first, then string keys in
/// insertion order. Small maps search linearly; larger ones keep a hash index.
class PropertyMap {
 public:
  Property* Find(std::string_view key);
  const Property* Find(std::string_view key) const;
  /// Inserts or overwrites a data property.
  void Set(std::string_view key, Value value);
  Property& Insert(std::string_view key);  // finds or appends
  bool Remove(std::string_view key);
  /// Keys in JS enumeration order (all own keys, enumerable or not).
  std::vector<std::string> Keys() const;
  size_t size() const { return props_ ? props_->size() : 0; }
  const std::deque<Property>& raw() const { return props_ ? *props_ : Empty(); }

 private:
  // [evaluator] Storage is allocated on the first insert (most host objects, arrays and
  // functions have no own properties); the index is an open-addressing table of positions.
  static const std::deque<Property>& Empty();
  void Reindex();
  std::unique_ptr<std::deque<Property>> props_;
  std::vector<uint32_t> index_;  // position + 1 per slot (0 = empty), built past a size threshold
  bool has_integer_keys_ = false;
};

/// Where an opaque value came from, for the error that names it.
struct OpaqueOrigin {
  std::string description;  // e.g. "import 'zod'" or "createId() from '@paralleldrive/cuid2'"
  base::Span span;          // the import or the expression that made it
};

/// The empty string Object's name and text fields point to until set.
inline const std::string kNoText;

struct Object {
  ObjectClass cls = ObjectClass::Plain;
  Object* proto = nullptr;
  PropertyMap props;
  bool extensible = true;  // false after Object.freeze / preventExtensions
  bool frozen = false;

  std::vector<Value> elements;  // Array: dense elements (holes are undefined)

  // Function (names and regexp texts are heap strings: objects stay small and cheap to free)
  const std::string* function_name = &kNoText;
  const FunctionNode* function = nullptr;  // script function
  Env* closure = nullptr;                  // script function's defining scope
  Value bound_this;                        // arrow functions: lexical this
  NativeFn native;                         // native function
  bool is_constructor = false;

  double date_value = 0;  // Date: ms since epoch (NaN when invalid)
  const std::string* regexp_source = &kNoText;  // RegExp
  const std::string* regexp_flags = &kNoText;

  std::shared_ptr<HostData> host;              // Host
  std::shared_ptr<const OpaqueOrigin> opaque;  // Opaque

  /// Map/Set entries in insertion order (keys compared with SameValueZero).
  std::vector<std::pair<Value, Value>> entries;

  bool IsCallable() const { return cls == ObjectClass::Function || cls == ObjectClass::Opaque; }
};

/// Owns every Object and string of one evaluation.
class Heap {
 public:
  Object* NewObject(ObjectClass cls, Object* proto);
  /// Stores a string for the heap's lifetime. Short strings are interned.
  const std::string* Intern(std::string_view text);
  size_t object_count() const { return object_count_; }

 private:
  // [evaluator] Objects are carved from fixed-size chunks (a deque would allocate one node
  // per Object, as an Object is larger than a deque block).
  static constexpr size_t kChunkObjects = 256;
  std::vector<std::unique_ptr<Object[]>> chunks_;
  size_t chunk_used_ = kChunkObjects;
  size_t object_count_ = 0;
  std::deque<std::string> strings_;
  std::unordered_map<std::string_view, const std::string*> interned_;
};

/// A JS exception travelling through native code: `throw` in script, or a TypeError
/// raised by a native. Natives throw it with Interp::ThrowTypeError; the evaluator catches
/// it in try/catch or turns an uncaught one into a located diagnostic with the call chain.
struct ScriptException {
  Value value;          // the thrown value (an Error object for native errors)
  base::DiagKind kind = base::DiagKind::EvalThrown;
  base::Span span;      // where it was thrown (file 0: the evaluator fills in the current call)
};

/// Produces the namespace object (own properties = exports) of a built-in module such as
/// "drizzle-orm/pg-core". Called once per runtime, on first import.
using BuiltinModuleFactory = std::function<Object*(Interp&)>;

}  // namespace dp::ts
