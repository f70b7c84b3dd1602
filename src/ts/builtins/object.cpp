// Object constructor and Object.prototype; Function.prototype (call, apply, bind).
#include <cmath>

#include "ts/builtins/builtins.h"

namespace dp::ts {

Object* ThisOfClass(CallContext& ctx, ObjectClass cls, const char* method) {
  if (!ctx.this_value.IsObject() || ctx.this_value.AsObject()->cls != cls) {
    ctx.interp.ThrowTypeError(std::string(method) + " called on an incompatible receiver " +
                              ctx.interp.Describe(ctx.this_value));
  }
  return ctx.this_value.AsObject();
}

Value RequireCallable(CallContext& ctx, size_t i, const char* method) {
  Value fn = ctx.Arg(i);
  if (!ctx.interp.IsCallable(fn)) {
    ctx.interp.ThrowTypeError(ctx.interp.Describe(fn) + " is not a function (in " + method + ")",
                              base::DiagKind::EvalNotAFunction);
  }
  return fn;
}

Value CallCallback(CallContext& ctx, Value fn, Value this_value, std::span<const Value> args, const char* method) {
  if (!ctx.interp.IsCallable(fn)) {
    ctx.interp.ThrowTypeError(ctx.interp.Describe(fn) + " is not a function (in " + method + ")",
                              base::DiagKind::EvalNotAFunction);
  }
  return ctx.interp.Call(fn, this_value, args);
}

namespace {

// The object a static Object.* function works on (primitives have no own keys here).
Object* ObjectArg(CallContext& ctx, size_t i, const char* method) {
  Value v = ctx.Arg(i);
  if (v.IsNullish()) ctx.interp.ThrowTypeError(std::string("cannot convert undefined or null to object (in ") + method + ")");
  if (!v.IsObject()) return nullptr;
  Object* o = v.AsObject();
  if (o->cls == ObjectClass::Opaque) Ev(ctx).ThrowOpaque(o, std::string("in ") + method);
  return o;
}

std::vector<std::string> KeysOf(CallContext& ctx, const char* method) {
  Value v = ctx.Arg(0);
  if (v.IsString()) {
    std::vector<std::string> keys;
    auto n = static_cast<size_t>(ctx.interp.ToNumber(ctx.interp.Get(v, "length")));
    for (size_t i = 0; i < n; ++i) keys.push_back(std::to_string(i));
    return keys;
  }
  Object* o = ObjectArg(ctx, 0, method);
  if (o == nullptr) return {};
  return Ev(ctx).EnumerableKeys(o);
}

bool HasOwn(Evaluator& ev, Value v, const std::string& key) {
  if (!v.IsObject()) return false;
  Object* o = v.AsObject();
  if (o->cls == ObjectClass::Array) {
    uint32_t index = 0;
    if (key == "length") return true;
    if (ParseArrayIndex(key, &index)) return index < o->elements.size();
  }
  if (o->cls == ObjectClass::Function && (key == "name" || key == "length")) return true;
  (void)ev;
  return o->props.Find(key) != nullptr;
}

void DefineFromDescriptor(Evaluator& ev, Object* o, const std::string& key, Value desc) {
  if (!desc.IsObject()) ev.ThrowTypeError("property description must be an object");
  Value get = ev.Get(desc, "get");
  Value set = ev.Get(desc, "set");
  bool enumerable = ev.Truthy(ev.Get(desc, "enumerable"));
  if (o->cls == ObjectClass::Array && get.IsUndefined() && set.IsUndefined()) {
    uint32_t index = 0;
    if (ParseArrayIndex(key, &index)) {
      ev.SetV(Value::Obj(o), ev.Str(key), ev.Get(desc, "value"));
      return;
    }
  }
  ts::Property& p = o->props.Insert(key);
  p.enumerable = enumerable;
  if (!get.IsUndefined() || !set.IsUndefined()) {
    p.value = Value();
    p.getter = ev.IsCallable(get) ? get.AsObject() : nullptr;
    p.setter = ev.IsCallable(set) ? set.AsObject() : nullptr;
  } else {
    p.getter = p.setter = nullptr;
    p.value = ev.Get(desc, "value");
  }
}

const char* ClassTag(Value v) {
  if (v.IsUndefined()) return "Undefined";
  if (v.IsNull()) return "Null";
  if (v.IsString()) return "String";
  if (v.IsNumber()) return "Number";
  if (v.IsBoolean()) return "Boolean";
  if (!v.IsObject()) return "Object";
  switch (v.AsObject()->cls) {
    case ObjectClass::Array: return "Array";
    case ObjectClass::Function: return "Function";
    case ObjectClass::Error: return "Error";
    case ObjectClass::Date: return "Date";
    case ObjectClass::RegExp: return "RegExp";
    case ObjectClass::Map: return "Map";
    case ObjectClass::Set: return "Set";
    default: return "Object";
  }
}

}  // namespace

void InstallObjectBuiltins(Evaluator& ev) {
  Object* ctor = ev.DefineConstructor(
      ev.global_object(), "Object", ev.object_proto_,
      [](CallContext& ctx) -> Value {
        Value v = ctx.Arg(0);
        if (v.IsNullish()) return Value::Obj(ctx.interp.NewObject());
        return v;
      },
      [](CallContext& ctx) -> Value {
        Value v = ctx.Arg(0);
        if (v.IsObject()) return v;
        return Value::Obj(ctx.interp.NewObject());
      },
      1);

  ev.DefineNative(ctor, "keys", [](CallContext& ctx) {
    std::vector<Value> out;
    for (const std::string& k : KeysOf(ctx, "Object.keys")) out.push_back(ctx.interp.Str(k));
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  }, 1);
  ev.DefineNative(ctor, "values", [](CallContext& ctx) {
    std::vector<Value> out;
    for (const std::string& k : KeysOf(ctx, "Object.values")) out.push_back(ctx.interp.Get(ctx.Arg(0), k));
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  }, 1);
  ev.DefineNative(ctor, "entries", [](CallContext& ctx) {
    std::vector<Value> out;
    for (const std::string& k : KeysOf(ctx, "Object.entries")) {
      Value pair[2] = {ctx.interp.Str(k), ctx.interp.Get(ctx.Arg(0), k)};
      out.push_back(Value::Obj(ctx.interp.NewArray({pair[0], pair[1]})));
    }
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  }, 1);
  ev.DefineNative(ctor, "fromEntries", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Object* out = e.NewObject();
    for (Value entry : e.IterateToVector(ctx.Arg(0))) {
      if (!entry.IsObject()) e.ThrowTypeError("iterator value " + e.Describe(entry) + " is not an entry object");
      Value key = e.GetV(entry, Value::Number(0));
      Value value = e.GetV(entry, Value::Number(1));
      e.SetOwn(out, e.KeyString(key), value);
    }
    return Value::Obj(out);
  }, 1);
  ev.DefineNative(ctor, "assign", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Object* target = ObjectArg(ctx, 0, "Object.assign");
    if (target == nullptr) return ctx.Arg(0);
    for (size_t i = 1; i < ctx.args.size(); ++i) {
      Value source = ctx.args[i];
      if (source.IsNullish()) continue;
      if (source.IsObject() && source.AsObject()->cls == ObjectClass::Opaque) e.ThrowOpaque(source.AsObject(), "in Object.assign");
      if (!source.IsObject()) {
        Object* tmp = e.NewObject();
        e.CopyDataProperties(tmp, source, {}, ctx.call_span);
        source = Value::Obj(tmp);
      }
      for (const std::string& k : e.EnumerableKeys(source.AsObject())) e.Set(ctx.Arg(0), k, e.Get(source, k));
    }
    return ctx.Arg(0);
  }, 2);
  auto freeze = [](CallContext& ctx) {
    if (ctx.Arg(0).IsObject() && ctx.Arg(0).AsObject()->cls != ObjectClass::Opaque) {
      ctx.Arg(0).AsObject()->frozen = true;
      ctx.Arg(0).AsObject()->extensible = false;
    }
    return ctx.Arg(0);
  };
  ev.DefineNative(ctor, "freeze", freeze, 1);
  ev.DefineNative(ctor, "seal", [](CallContext& ctx) {
    if (ctx.Arg(0).IsObject()) ctx.Arg(0).AsObject()->extensible = false;
    return ctx.Arg(0);
  }, 1);
  ev.DefineNative(ctor, "preventExtensions", [](CallContext& ctx) {
    if (ctx.Arg(0).IsObject()) ctx.Arg(0).AsObject()->extensible = false;
    return ctx.Arg(0);
  }, 1);
  ev.DefineNative(ctor, "isFrozen", [](CallContext& ctx) {
    return Value::Boolean(!ctx.Arg(0).IsObject() || ctx.Arg(0).AsObject()->frozen);
  }, 1);
  ev.DefineNative(ctor, "isSealed", [](CallContext& ctx) {
    return Value::Boolean(!ctx.Arg(0).IsObject() || !ctx.Arg(0).AsObject()->extensible);
  }, 1);
  ev.DefineNative(ctor, "isExtensible", [](CallContext& ctx) {
    return Value::Boolean(ctx.Arg(0).IsObject() && ctx.Arg(0).AsObject()->extensible);
  }, 1);
  ev.DefineNative(ctor, "create", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Value proto = ctx.Arg(0);
    if (!proto.IsObject() && !proto.IsNull()) e.ThrowTypeError("object prototype may only be an object or null");
    Object* o = e.NewObjectWithProto(proto.IsObject() ? proto.AsObject() : nullptr);
    if (ctx.Arg(1).IsObject()) {
      for (const std::string& k : e.EnumerableKeys(ctx.Arg(1).AsObject())) {
        DefineFromDescriptor(e, o, k, e.Get(ctx.Arg(1), k));
      }
    }
    return Value::Obj(o);
  }, 2);
  ev.DefineNative(ctor, "defineProperty", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    if (!ctx.Arg(0).IsObject()) e.ThrowTypeError("Object.defineProperty called on non-object");
    Object* o = ctx.Arg(0).AsObject();
    if (o->cls == ObjectClass::Opaque) return ctx.Arg(0);
    DefineFromDescriptor(e, o, e.KeyString(ctx.Arg(1)), ctx.Arg(2));
    return ctx.Arg(0);
  }, 3);
  ev.DefineNative(ctor, "defineProperties", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    if (!ctx.Arg(0).IsObject()) e.ThrowTypeError("Object.defineProperties called on non-object");
    if (ctx.Arg(1).IsObject()) {
      for (const std::string& k : e.EnumerableKeys(ctx.Arg(1).AsObject())) {
        DefineFromDescriptor(e, ctx.Arg(0).AsObject(), k, e.Get(ctx.Arg(1), k));
      }
    }
    return ctx.Arg(0);
  }, 2);
  ev.DefineNative(ctor, "getPrototypeOf", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Value v = ctx.Arg(0);
    switch (v.kind()) {
      case ValueKind::Object: {
        Object* o = v.AsObject();
        if (o->cls == ObjectClass::Opaque) return e.NewOpaque(o->opaque);
        return o->proto != nullptr ? Value::Obj(o->proto) : Value::Null();
      }
      case ValueKind::String: return Value::Obj(e.string_proto_);
      case ValueKind::Number: return Value::Obj(e.number_proto_);
      case ValueKind::Boolean: return Value::Obj(e.boolean_proto_);
      case ValueKind::BigInt: return Value::Obj(e.bigint_proto_);
      default: e.ThrowTypeError("cannot convert undefined or null to object");
    }
  }, 1);
  ev.DefineNative(ctor, "setPrototypeOf", [](CallContext& ctx) {
    if (ctx.Arg(0).IsObject()) {
      Value p = ctx.Arg(1);
      ctx.Arg(0).AsObject()->proto = p.IsObject() ? p.AsObject() : nullptr;
    }
    return ctx.Arg(0);
  }, 2);
  ev.DefineNative(ctor, "getOwnPropertyNames", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    std::vector<Value> out;
    Object* o = ObjectArg(ctx, 0, "Object.getOwnPropertyNames");
    if (o != nullptr) {
      if (o->cls == ObjectClass::Array) {
        for (size_t i = 0; i < o->elements.size(); ++i) out.push_back(e.Str(std::to_string(i)));
        out.push_back(e.Str("length"));
      }
      for (const ts::Property& p : o->props.raw()) {
        if (p.key.rfind("@@", 0) != 0) out.push_back(e.Str(p.key));
      }
    }
    return Value::Obj(e.NewArray(std::move(out)));
  }, 1);
  ev.DefineNative(ctor, "getOwnPropertySymbols", [](CallContext& ctx) { return Value::Obj(ctx.interp.NewArray()); }, 1);
  ev.DefineNative(ctor, "getOwnPropertyDescriptor", [](CallContext& ctx) -> Value {
    Evaluator& e = Ev(ctx);
    if (!ctx.Arg(0).IsObject()) return Value();
    Object* o = ctx.Arg(0).AsObject();
    std::string key = e.KeyString(ctx.Arg(1));
    if (!HasOwn(e, ctx.Arg(0), key)) return Value();
    Object* desc = e.NewObject();
    const ts::Property* p = o->props.Find(key);
    if (p != nullptr && (p->getter != nullptr || p->setter != nullptr)) {
      desc->props.Set("get", p->getter != nullptr ? Value::Obj(p->getter) : Value());
      desc->props.Set("set", p->setter != nullptr ? Value::Obj(p->setter) : Value());
    } else {
      desc->props.Set("value", e.Get(ctx.Arg(0), key));
      desc->props.Set("writable", Value::Boolean(!o->frozen));
    }
    desc->props.Set("enumerable", Value::Boolean(p == nullptr ? o->cls == ObjectClass::Array && key != "length" : p->enumerable));
    desc->props.Set("configurable", Value::Boolean(!o->frozen));
    return Value::Obj(desc);
  }, 2);
  ev.DefineNative(ctor, "is", [](CallContext& ctx) {
    Value a = ctx.Arg(0), b = ctx.Arg(1);
    if (a.IsNumber() && b.IsNumber()) {
      double x = a.AsNumber(), y = b.AsNumber();
      if (std::isnan(x) && std::isnan(y)) return Value::Boolean(true);
      if (x == 0 && y == 0) return Value::Boolean(std::signbit(x) == std::signbit(y));
      return Value::Boolean(x == y);
    }
    return Value::Boolean(Ev(ctx).StrictEquals(a, b));
  }, 2);
  ev.DefineNative(ctor, "hasOwn", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    return Value::Boolean(HasOwn(e, ctx.Arg(0), e.KeyString(ctx.Arg(1))));
  }, 2);
  ev.DefineNative(ctor, "groupBy", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Object* out = e.NewObjectWithProto(nullptr);
    double index = 0;
    for (Value item : e.IterateToVector(ctx.Arg(0))) {
      Value args[2] = {item, Value::Number(index++)};
      std::string key = e.KeyString(CallCallback(ctx, ctx.Arg(1), Value(), args, "Object.groupBy"));
      ts::Property* p = out->props.Find(key);
      if (p == nullptr) {
        out->props.Set(key, Value::Obj(e.NewArray()));
        p = out->props.Find(key);
      }
      p->value.AsObject()->elements.push_back(item);
    }
    return Value::Obj(out);
  }, 2);

  Object* proto = ev.object_proto_;
  ev.DefineNative(proto, "hasOwnProperty", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    return Value::Boolean(HasOwn(e, ctx.this_value, e.KeyString(ctx.Arg(0))));
  }, 1);
  ev.DefineNative(proto, "isPrototypeOf", [](CallContext& ctx) {
    if (!ctx.Arg(0).IsObject() || !ctx.this_value.IsObject()) return Value::Boolean(false);
    for (Object* p = ctx.Arg(0).AsObject()->proto; p != nullptr; p = p->proto) {
      if (p == ctx.this_value.AsObject()) return Value::Boolean(true);
    }
    return Value::Boolean(false);
  }, 1);
  ev.DefineNative(proto, "propertyIsEnumerable", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    if (!ctx.this_value.IsObject()) return Value::Boolean(false);
    std::string key = e.KeyString(ctx.Arg(0));
    Object* o = ctx.this_value.AsObject();
    uint32_t index = 0;
    if (o->cls == ObjectClass::Array && ParseArrayIndex(key, &index)) return Value::Boolean(index < o->elements.size());
    const ts::Property* p = o->props.Find(key);
    return Value::Boolean(p != nullptr && p->enumerable);
  }, 1);
  auto to_string = [](CallContext& ctx) {
    return ctx.interp.Str(std::string("[object ") + ClassTag(ctx.this_value) + "]");
  };
  ev.DefineNative(proto, "toString", to_string);
  ev.DefineNative(proto, "toLocaleString", to_string);
  ev.DefineNative(proto, "valueOf", [](CallContext& ctx) { return ctx.this_value; });
}

void InstallFunctionBuiltins(Evaluator& ev) {
  Object* proto = ev.function_proto_;
  ev.DefineConstructor(ev.global_object(), "Function", proto,
                       [](CallContext& ctx) -> Value {
                         ctx.interp.ThrowTypeError("the Function constructor is not supported",
                                                   base::DiagKind::EvalUnsupported);
                         return {};
                       },
                       nullptr, 1);
  ev.DefineNative(proto, "call", [](CallContext& ctx) {
    std::span<const Value> rest = ctx.args.size() > 1 ? ctx.args.subspan(1) : std::span<const Value>();
    return CallCallback(ctx, ctx.this_value, ctx.Arg(0), rest, "Function.prototype.call");
  }, 1);
  ev.DefineNative(proto, "apply", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    std::vector<Value> args;
    if (!ctx.Arg(1).IsNullish()) args = e.IterateToVector(ctx.Arg(1));
    return CallCallback(ctx, ctx.this_value, ctx.Arg(0), args, "Function.prototype.apply");
  }, 2);
  ev.DefineNative(proto, "bind", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Value target = ctx.this_value;
    if (!e.IsCallable(target)) e.ThrowTypeError("bind must be called on a function", base::DiagKind::EvalNotAFunction);
    Value bound_this = ctx.Arg(0);
    std::vector<Value> bound_args;
    if (ctx.args.size() > 1) bound_args.assign(ctx.args.begin() + 1, ctx.args.end());
    Object* fn = e.NewFunction("bound " + *target.AsObject()->function_name, [target, bound_this, bound_args](CallContext& c) {
      std::vector<Value> args = bound_args;
      args.insert(args.end(), c.args.begin(), c.args.end());
      return c.interp.Call(target, bound_this, args);
    });
    fn->is_constructor = target.AsObject()->is_constructor;
    return Value::Obj(fn);
  }, 1);
  ev.DefineNative(proto, "toString", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Value f = ctx.this_value;
    if (!f.IsObject() || f.AsObject()->cls != ObjectClass::Function) return e.Str("function () { [native code] }");
    Object* o = f.AsObject();
    if (o->function != nullptr) {
      base::Span span = o->function->span;
      if (span.begin.file != 0 && span.begin.file < e.sources().size()) {
        const std::string& text = e.sources().Get(span.begin.file).text();
        if (span.begin.offset + span.length <= text.size()) return e.Str(text.substr(span.begin.offset, span.length));
      }
    }
    return e.Str("function " + *o->function_name + "() { [native code] }");
  });
}

}  // namespace dp::ts
