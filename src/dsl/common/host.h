// Host-object plumbing shared by every dialect: the Host base (a tag saying which drizzle
// class an object is), the per-evaluation DslContext that owns the shared prototypes, and
// small argument helpers for natives.
//
// Every drizzle value a schema can hold (sql chunks, columns, tables, builders, ...) is a
// ts::Object of class Host whose `host` is a Host subclass; methods live on one prototype per
// class, created once per evaluation, so making a column allocates no functions.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "ts/interp.h"
#include "ts/value.h"

namespace dp::dsl {

/// Which drizzle class a host object is. Dialect folders add their own kinds at the end.
enum class HostKind : uint8_t {
  // drizzle-orm (common)
  Sql,            // SQL
  SqlAliased,     // SQL.Aliased
  Name,           // Name (sql.identifier)
  Param,          // Param (sql.param, bound operator values)
  Placeholder,    // Placeholder (sql.placeholder)
  Relations,      // relations(...) result (ignored by snapshots)
  One, Many,      // relation helpers
  // shared entity shapes (see entities.h)
  Table,
  Column,
  View,
  Subquery,
  // pg-core
  PgColumnBuilder,
  PgEnum,
  PgSchema,
  PgSequence,
  PgRole,
  PgPolicy,
  PgIndexBuilderOn,
  PgIndexBuilder,
  PgPrimaryKeyBuilder,
  PgForeignKeyBuilder,
  PgUniqueOnBuilder,
  PgUniqueBuilder,
  PgCheckBuilder,
  PgViewBuilder,
  PgQueryBuilder,
  PgSelectBuilder,
  PgSelect,
  // sqlite-core / mysql-core (dsl-lite) start here
  DialectFirst = 100,
};

class SqlRenderer;

/// Base of every dsl HostData: the kind tag lets natives check `this` without dynamic_cast.
struct Host : ts::HostData {
  explicit Host(HostKind k) : kind(k) {}
  const HostKind kind;
  base::Span span;  // the call that created it (for located snapshot errors)

  /// Hosts that render inside `sql` (pg enums, schemas, subqueries, select builders) append
  /// their text and return true; others return false (rendered as parameters).
  virtual bool RenderSql(SqlRenderer& renderer, ts::Object* self) {
    (void)renderer;
    (void)self;
    return false;
  }
};

/// The Host of a value when it is a dsl host object, else nullptr (callable hosts such as pg
/// enums are found with DslContext::function_hosts instead).
inline Host* HostOf(ts::Value v) {
  if (!v.IsObject()) return nullptr;
  ts::HostData* data = v.AsObject()->host.get();
  if (data == nullptr) return nullptr;
  return dynamic_cast<Host*>(data);
}

/// The host of `v` as T when its kind is `kind`, else nullptr.
template <class T>
T* HostAs(ts::Value v, HostKind kind) {
  Host* h = HostOf(v);
  return h != nullptr && h->kind == kind ? static_cast<T*>(h) : nullptr;
}

/// Per-evaluation state of the dsl: shared prototypes, created on first use. One exists per
/// Interp; it lives exactly as long as the interpreter's heap.
class DslContext {
 public:
  /// The context of `interp` (created on first call).
  static DslContext& Get(ts::Interp& interp);

  explicit DslContext(ts::Interp& interp) : interp_(interp) {}
  ts::Interp& interp() { return interp_; }

  using ProtoInit = void (*)(DslContext& ctx, ts::Object* proto);
  /// The prototype identified by `tag` (any unique static address), built by `init` the first
  /// time with `parent` as its prototype (nullptr: Object.prototype).
  ts::Object* Proto(const void* tag, ProtoInit init, ts::Object* parent = nullptr);

  /// Makes a host object with the prototype for `tag`.
  ts::Object* Make(const void* tag, ProtoInit init, std::shared_ptr<Host> data);

  /// Adds a native method to `proto` (non-enumerable, like class methods).
  void Method(ts::Object* proto, std::string_view name, ts::NativeFn fn);
  /// Adds a native getter to `proto`.
  void Getter(ts::Object* proto, std::string_view name, ts::NativeFn fn);

  /// `is(value, Class)` support: exported class objects and the test each stands for.
  std::unordered_map<const ts::Object*, bool (*)(ts::Value)> class_tests;

  /// Hosts of callable dsl values (pg enums): function objects keep their `host` slot for the
  /// evaluator, so their dsl state lives here.
  std::unordered_map<const ts::Object*, std::shared_ptr<Host>> function_hosts;

  /// Per-context slots for dialect code (e.g. the pg column-builder table); keyed like Proto.
  std::shared_ptr<void>& Slot(const void* tag) { return slots_[tag]; }

 private:
  ts::Interp& interp_;
  std::unordered_map<const void*, ts::Object*> protos_;
  std::unordered_map<const void*, std::shared_ptr<void>> slots_;
};

// --- argument helpers for natives

/// `this` as a host of the given kind, or a TypeError naming `method`.
template <class T>
T& ThisAs(ts::CallContext& call, HostKind kind, std::string_view method) {
  T* h = HostAs<T>(call.this_value, kind);
  if (h == nullptr) {
    call.interp.ThrowTypeError(std::string(method) + " called on an incompatible receiver",
                               base::DiagKind::DslError);
  }
  return *h;
}

/// The string argument or nullopt when it is not a string.
inline std::optional<std::string> OptString(ts::Value v) {
  if (v.IsString()) return v.AsString();
  return std::nullopt;
}

/// Property `key` of `obj` when obj is an object, else undefined (no getters on primitives).
ts::Value GetProp(ts::Interp& interp, ts::Value obj, std::string_view key);

/// The elements of a JS array value (empty for non-arrays).
std::vector<ts::Value> ArrayElements(ts::Interp& interp, ts::Value v);

/// drizzle's getColumnNameAndConfig(a, b): a name (string, non-empty) and a config object.
struct NameAndConfig {
  std::string name;
  ts::Value config;  // the config object or undefined
};
NameAndConfig ColumnNameAndConfig(ts::CallContext& call);

/// Adds a class object `name` to the module namespace `ns` that `is(value, Class)` tests with `test`.
void AddClass(DslContext& ctx, ts::Object* ns, std::string_view name, bool (*test)(ts::Value));

/// Throws a located dsl TypeError.
[[noreturn]] void DslThrow(ts::Interp& interp, std::string message);

}  // namespace dp::dsl
