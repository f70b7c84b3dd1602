// Map, Set, WeakMap and WeakSet (insertion-ordered; keys compared with SameValueZero).
#include "ts/builtins/builtins.h"

namespace dp::ts {

namespace {

// Index of `key` in a Map/Set's entries, or -1.
ptrdiff_t FindEntry(Evaluator& ev, Object* o, Value key) {
  for (size_t i = 0; i < o->entries.size(); ++i) {
    if (ev.SameValueZero(o->entries[i].first, key)) return static_cast<ptrdiff_t>(i);
  }
  return -1;
}

Object* ThisCollection(CallContext& ctx, ObjectClass cls, const char* method) { return ThisOfClass(ctx, cls, method); }

void InstallCollection(Evaluator& ev, const char* name, ObjectClass cls, Object* proto, bool weak) {
  bool is_map = cls == ObjectClass::Map;
  ev.DefineConstructor(
      ev.global_object(), name, proto,
      [name](CallContext& ctx) -> Value {
        ctx.interp.ThrowTypeError(std::string("constructor ") + name + " requires 'new'");
        return {};
      },
      [cls, proto, is_map](CallContext& ctx) {
        Evaluator& e = Ev(ctx);
        Object* o = e.heap().NewObject(cls, proto);
        if (!ctx.Arg(0).IsNullish()) {
          for (Value item : e.IterateToVector(ctx.Arg(0))) {
            if (is_map) {
              if (!item.IsObject()) e.ThrowTypeError("iterator value " + e.Describe(item) + " is not an entry object");
              Value k = e.GetV(item, Value::Number(0));
              Value v = e.GetV(item, Value::Number(1));
              ptrdiff_t i = FindEntry(e, o, k);
              if (i >= 0) {
                o->entries[static_cast<size_t>(i)].second = v;
              } else {
                o->entries.emplace_back(k, v);
              }
            } else if (FindEntry(e, o, item) < 0) {
              o->entries.emplace_back(item, item);
            }
          }
        }
        return Value::Obj(o);
      },
      0);
  if (is_map) {
    ev.DefineNative(proto, "get", [cls](CallContext& ctx) -> Value {
      Object* o = ThisCollection(ctx, cls, "Map.prototype.get");
      ptrdiff_t i = FindEntry(Ev(ctx), o, ctx.Arg(0));
      return i < 0 ? Value() : o->entries[static_cast<size_t>(i)].second;
    }, 1);
    ev.DefineNative(proto, "set", [cls, weak](CallContext& ctx) {
      Object* o = ThisCollection(ctx, cls, "Map.prototype.set");
      if (weak && !ctx.Arg(0).IsObject()) ctx.interp.ThrowTypeError("invalid value used as weak map key");
      ptrdiff_t i = FindEntry(Ev(ctx), o, ctx.Arg(0));
      if (i >= 0) {
        o->entries[static_cast<size_t>(i)].second = ctx.Arg(1);
      } else {
        o->entries.emplace_back(ctx.Arg(0), ctx.Arg(1));
      }
      return ctx.this_value;
    }, 2);
  } else {
    ev.DefineNative(proto, "add", [cls, weak](CallContext& ctx) {
      Object* o = ThisCollection(ctx, cls, "Set.prototype.add");
      if (weak && !ctx.Arg(0).IsObject()) ctx.interp.ThrowTypeError("invalid value used in weak set");
      if (FindEntry(Ev(ctx), o, ctx.Arg(0)) < 0) o->entries.emplace_back(ctx.Arg(0), ctx.Arg(0));
      return ctx.this_value;
    }, 1);
  }
  ev.DefineNative(proto, "has", [cls](CallContext& ctx) {
    Object* o = ThisCollection(ctx, cls, "has");
    return Value::Boolean(FindEntry(Ev(ctx), o, ctx.Arg(0)) >= 0);
  }, 1);
  ev.DefineNative(proto, "delete", [cls](CallContext& ctx) {
    Object* o = ThisCollection(ctx, cls, "delete");
    ptrdiff_t i = FindEntry(Ev(ctx), o, ctx.Arg(0));
    if (i < 0) return Value::Boolean(false);
    o->entries.erase(o->entries.begin() + i);
    return Value::Boolean(true);
  }, 1);
  if (weak) return;
  ev.DefineNative(proto, "clear", [cls](CallContext& ctx) {
    ThisCollection(ctx, cls, "clear")->entries.clear();
    return Value();
  });
  ev.DefineGetter(proto, "size", [cls](CallContext& ctx) {
    return Value::Number(static_cast<double>(ThisCollection(ctx, cls, "size")->entries.size()));
  });
  ev.DefineNative(proto, "forEach", [cls, is_map](CallContext& ctx) {
    Object* o = ThisCollection(ctx, cls, "forEach");
    Value fn = RequireCallable(ctx, 0, is_map ? "Map.prototype.forEach" : "Set.prototype.forEach");
    for (size_t i = 0; i < o->entries.size(); ++i) {
      Value args[3] = {o->entries[i].second, o->entries[i].first, ctx.this_value};
      ctx.interp.Call(fn, ctx.Arg(1), args);
    }
    return Value();
  }, 1);
  auto keys = [cls](CallContext& ctx) {
    std::vector<Value> out;
    for (const auto& [k, v] : ThisCollection(ctx, cls, "keys")->entries) out.push_back(k);
    return Value::Obj(Ev(ctx).NewIterator(std::move(out)));
  };
  auto values = [cls](CallContext& ctx) {
    std::vector<Value> out;
    for (const auto& [k, v] : ThisCollection(ctx, cls, "values")->entries) out.push_back(v);
    return Value::Obj(Ev(ctx).NewIterator(std::move(out)));
  };
  auto entries = [cls](CallContext& ctx) {
    std::vector<Value> out;
    for (const auto& [k, v] : ThisCollection(ctx, cls, "entries")->entries) out.push_back(Value::Obj(ctx.interp.NewArray({k, v})));
    return Value::Obj(Ev(ctx).NewIterator(std::move(out)));
  };
  ev.DefineNative(proto, "keys", keys);
  ev.DefineNative(proto, "values", values);
  ev.DefineNative(proto, "entries", entries);
  ev.DefineNative(proto, "@@iterator", is_map ? NativeFn(entries) : NativeFn(values));
}

}  // namespace

void InstallCollectionBuiltins(Evaluator& ev) {
  InstallCollection(ev, "Map", ObjectClass::Map, ev.map_proto_, false);
  InstallCollection(ev, "Set", ObjectClass::Set, ev.set_proto_, false);
  InstallCollection(ev, "WeakMap", ObjectClass::Map, ev.NewObject(), true);
  InstallCollection(ev, "WeakSet", ObjectClass::Set, ev.NewObject(), true);
}

}  // namespace dp::ts
