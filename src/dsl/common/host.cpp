// DslContext lifetime and the argument helpers natives share.
//
// The context is found by Interp address. An anchor host object in the interpreter's own heap
// owns it, and the anchor's destructor (run when the heap is freed) forgets the address, so
// a later Interp at the same address never sees stale prototypes.
#include "dsl/common/host.h"

#include <atomic>
#include <mutex>

#include "base/assert.h"

namespace dp::dsl {

namespace {

std::mutex g_mutex;
// Bumped whenever a context dies, so the per-thread cache below never returns a context of a
// destroyed interpreter that happened to live at the same address.
std::atomic<uint64_t> g_generation{0};
thread_local const ts::Interp* t_last_interp = nullptr;
thread_local DslContext* t_last_context = nullptr;
thread_local uint64_t t_last_generation = 0;
std::unordered_map<const ts::Interp*, DslContext*>& Contexts() {
  static std::unordered_map<const ts::Interp*, DslContext*> contexts;
  return contexts;
}

struct ContextAnchor : ts::HostData {
  const ts::Interp* key = nullptr;
  std::unique_ptr<DslContext> context;
  ~ContextAnchor() override {
    std::lock_guard<std::mutex> lock(g_mutex);
    auto it = Contexts().find(key);
    if (it != Contexts().end() && it->second == context.get()) Contexts().erase(it);
    g_generation.fetch_add(1, std::memory_order_acq_rel);
  }
};

}  // namespace

DslContext& DslContext::Get(ts::Interp& interp) {
  uint64_t generation = g_generation.load(std::memory_order_acquire);
  if (t_last_interp == &interp && t_last_generation == generation) return *t_last_context;
  {
    std::lock_guard<std::mutex> lock(g_mutex);
    auto it = Contexts().find(&interp);
    if (it != Contexts().end()) {
      t_last_interp = &interp;
      t_last_context = it->second;
      t_last_generation = generation;
      return *it->second;
    }
  }
  auto anchor = std::make_shared<ContextAnchor>();
  anchor->key = &interp;
  anchor->context = std::make_unique<DslContext>(interp);
  DslContext* context = anchor->context.get();
  interp.NewHost(nullptr, anchor);  // the heap keeps it until the evaluation ends
  std::lock_guard<std::mutex> lock(g_mutex);
  Contexts()[&interp] = context;
  return *context;
}

ts::Object* DslContext::Proto(const void* tag, ProtoInit init, ts::Object* parent) {
  auto it = protos_.find(tag);
  if (it != protos_.end()) return it->second;
  ts::Object* proto = interp_.NewObjectWithProto(parent != nullptr ? parent : interp_.ObjectPrototype());
  protos_.emplace(tag, proto);
  init(*this, proto);
  return proto;
}

ts::Object* DslContext::Make(const void* tag, ProtoInit init, std::shared_ptr<Host> data) {
  return interp_.NewHost(Proto(tag, init), std::move(data));
}

void DslContext::Method(ts::Object* proto, std::string_view name, ts::NativeFn fn) {
  ts::Object* f = interp_.NewFunction(std::string(name), std::move(fn));
  ts::Property& p = proto->props.Insert(name);
  p.value = ts::Value::Obj(f);
  p.getter = nullptr;
  p.setter = nullptr;
  p.enumerable = false;
}

void DslContext::Getter(ts::Object* proto, std::string_view name, ts::NativeFn fn) {
  ts::Object* f = interp_.NewFunction(std::string(name), std::move(fn));
  ts::Property& p = proto->props.Insert(name);
  p.value = ts::Value();
  p.getter = f;
  p.setter = nullptr;
  p.enumerable = false;
}

ts::Value GetProp(ts::Interp& interp, ts::Value obj, std::string_view key) {
  if (!obj.IsObject()) return ts::Value();
  return interp.Get(obj, key);
}

std::vector<ts::Value> ArrayElements(ts::Interp& interp, ts::Value v) {
  if (!v.IsObject() || !interp.IsArray(v)) return {};
  return v.AsObject()->elements;
}

NameAndConfig ColumnNameAndConfig(ts::CallContext& call) {
  ts::Value a = call.Arg(0);
  ts::Value b = call.Arg(1);
  NameAndConfig out;
  if (a.IsString() && !a.AsString().empty()) out.name = a.AsString();
  out.config = a.IsObject() ? a : b;
  return out;
}

void DslThrow(ts::Interp& interp, std::string message) {
  interp.ThrowTypeError(std::move(message), base::DiagKind::DslError);
  DP_UNREACHABLE();
}

}  // namespace dp::dsl
