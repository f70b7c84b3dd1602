// Global functions and objects: console, Symbol (as "@@name" string keys), Promise (settled
// synchronously), URI encoding, timers (accepted, never run).
#include <cstring>

#include "ts/builtins/builtins.h"

namespace dp::ts {

namespace {

std::string ConsoleLine(CallContext& ctx) {
  Evaluator& e = Ev(ctx);
  std::string line;
  for (size_t i = 0; i < ctx.args.size(); ++i) {
    if (i > 0) line += ' ';
    line += e.Inspect(ctx.args[i], true);
  }
  return line;
}

PromiseState* StateOf(Value v) {
  return v.IsObject() ? dynamic_cast<PromiseState*>(v.AsObject()->host.get()) : nullptr;
}

// Runs a then/catch handler synchronously; its result (or exception) settles the new promise.
Value Settle(CallContext& ctx, Value handler, Value arg, bool pass_rejected) {
  Evaluator& e = Ev(ctx);
  if (!e.IsCallable(handler)) return Value::Obj(e.NewPromise(arg, pass_rejected));
  try {
    Value args[1] = {arg};
    return Value::Obj(e.NewPromise(e.Call(handler, Value(), args), false));
  } catch (ScriptException& ex) {
    return Value::Obj(e.NewPromise(ex.value, true));
  }
}

std::string EncodeUri(const std::string& s, const char* keep) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (char c : s) {
    auto u = static_cast<unsigned char>(c);
    if ((u >= 'A' && u <= 'Z') || (u >= 'a' && u <= 'z') || (u >= '0' && u <= '9') || std::strchr(keep, c) != nullptr) {
      out += c;
    } else {
      out += '%';
      out += kHex[u >> 4];
      out += kHex[u & 15];
    }
  }
  return out;
}

std::string DecodeUri(CallContext& ctx, const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    if (s[i] != '%') {
      out += s[i];
      continue;
    }
    auto hex = [](char c) { return (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1; };
    if (i + 2 >= s.size()) {
      Ev(ctx).ThrowError(Ev(ctx).syntax_error_proto_, "URI malformed", base::DiagKind::EvalError);
    }
    int hi = hex(s[i + 1]), lo = hex(s[i + 2]);
    if (hi < 0 || lo < 0) Ev(ctx).ThrowError(Ev(ctx).syntax_error_proto_, "URI malformed", base::DiagKind::EvalError);
    out += static_cast<char>(hi * 16 + lo);
    i += 2;
  }
  return out;
}

}  // namespace

void InstallGlobalBuiltins(Evaluator& ev) {
  Object* global = ev.global_object();

  Object* console = ev.NewObject();
  ev.SetHidden(global, "console", Value::Obj(console));
  for (const char* name : {"log", "info", "debug", "warn", "error", "trace", "dir", "table"}) {
    ev.DefineNative(console, name, [](CallContext& ctx) {
      Ev(ctx).Print(ConsoleLine(ctx));
      return Value();
    });
  }

  Object* symbol = ev.DefineConstructor(
      global, "Symbol", nullptr,
      [](CallContext& ctx) {
        Evaluator& e = Ev(ctx);
        std::string desc = ctx.Arg(0).IsUndefined() ? "" : e.ToString(ctx.Arg(0));
        return e.Str("@@" + desc + "#" + std::to_string(++e.symbol_counter_));
      },
      nullptr, 0);
  symbol->is_constructor = false;
  for (const char* well_known : {"iterator", "asyncIterator", "hasInstance", "toPrimitive", "toStringTag", "species"}) {
    ev.SetHidden(symbol, well_known, ev.Str(std::string("@@") + well_known));
  }
  ev.DefineNative(symbol, "for", [](CallContext& ctx) { return ctx.interp.Str("@@for:" + ArgString(ctx, 0)); }, 1);
  ev.DefineNative(symbol, "keyFor", [](CallContext& ctx) -> Value {
    std::string s = ArgString(ctx, 0);
    if (s.rfind("@@for:", 0) == 0) return ctx.interp.Str(s.substr(6));
    return Value();
  }, 1);

  Object* promise_proto = ev.promise_proto_;
  Object* promise = ev.DefineConstructor(
      global, "Promise", promise_proto,
      [](CallContext& ctx) -> Value {
        ctx.interp.ThrowTypeError("Promise constructor cannot be invoked without 'new'");
        return {};
      },
      [](CallContext& ctx) {
        Evaluator& e = Ev(ctx);
        Value executor = RequireCallable(ctx, 0, "Promise");
        Object* p = e.NewPromise(Value(), false);
        auto* state = static_cast<PromiseState*>(p->host.get());
        state->settled = false;
        auto settle = [p](bool rejected) {
          return [p, rejected](CallContext& c) {
            auto* s = static_cast<PromiseState*>(p->host.get());
            if (s->settled) return Value();
            Value v = c.Arg(0);
            if (!rejected) {
              if (PromiseState* inner = StateOf(v)) {
                s->value = inner->value;
                s->rejected = inner->rejected;
                s->settled = inner->settled;
                return Value();
              }
            }
            s->value = v;
            s->rejected = rejected;
            s->settled = true;
            return Value();
          };
        };
        Value fns[2] = {Value::Obj(e.NewFunction("resolve", settle(false))), Value::Obj(e.NewFunction("reject", settle(true)))};
        try {
          e.Call(executor, Value(), fns);
        } catch (ScriptException& ex) {
          if (!state->settled) {
            state->value = ex.value;
            state->rejected = true;
            state->settled = true;
          }
        }
        return Value::Obj(p);
      },
      1);
  ev.DefineNative(promise, "resolve", [](CallContext& ctx) { return Value::Obj(Ev(ctx).NewPromise(ctx.Arg(0), false)); }, 1);
  ev.DefineNative(promise, "reject", [](CallContext& ctx) { return Value::Obj(Ev(ctx).NewPromise(ctx.Arg(0), true)); }, 1);
  auto combine = [](int mode) {
    // 0: all, 1: allSettled, 2: race, 3: any
    return [mode](CallContext& ctx) -> Value {
      Evaluator& e = Ev(ctx);
      std::vector<Value> results;
      for (Value item : e.IterateToVector(ctx.Arg(0))) {
        PromiseState* s = StateOf(item);
        Value v = s != nullptr ? s->value : item;
        bool rejected = s != nullptr && s->rejected;
        if (mode == 0 && rejected) return Value::Obj(e.NewPromise(v, true));
        if (mode == 2) return Value::Obj(e.NewPromise(v, rejected));
        if (mode == 3 && !rejected) return Value::Obj(e.NewPromise(v, false));
        if (mode == 1) {
          Object* r = e.NewObject();
          r->props.Set("status", e.Str(rejected ? "rejected" : "fulfilled"));
          r->props.Set(rejected ? "reason" : "value", v);
          v = Value::Obj(r);
        }
        results.push_back(v);
      }
      if (mode == 3) return Value::Obj(e.NewPromise(Value::Obj(e.MakeError(e.error_proto_, "all promises were rejected")), true));
      return Value::Obj(e.NewPromise(Value::Obj(e.NewArray(std::move(results))), false));
    };
  };
  ev.DefineNative(promise, "all", combine(0), 1);
  ev.DefineNative(promise, "allSettled", combine(1), 1);
  ev.DefineNative(promise, "race", combine(2), 1);
  ev.DefineNative(promise, "any", combine(3), 1);
  ev.DefineNative(promise_proto, "then", [](CallContext& ctx) {
    PromiseState* s = StateOf(ctx.this_value);
    if (s == nullptr) ctx.interp.ThrowTypeError("Promise.prototype.then called on a non-promise");
    if (!s->settled) return ctx.this_value;
    return Settle(ctx, s->rejected ? ctx.Arg(1) : ctx.Arg(0), s->value, s->rejected);
  }, 2);
  ev.DefineNative(promise_proto, "catch", [](CallContext& ctx) {
    PromiseState* s = StateOf(ctx.this_value);
    if (s == nullptr) ctx.interp.ThrowTypeError("Promise.prototype.catch called on a non-promise");
    if (!s->settled || !s->rejected) return ctx.this_value;
    return Settle(ctx, ctx.Arg(0), s->value, true);
  }, 1);
  ev.DefineNative(promise_proto, "finally", [](CallContext& ctx) {
    PromiseState* s = StateOf(ctx.this_value);
    if (s == nullptr) ctx.interp.ThrowTypeError("Promise.prototype.finally called on a non-promise");
    if (s->settled && ctx.interp.IsCallable(ctx.Arg(0))) ctx.interp.Call(ctx.Arg(0), Value(), {});
    return ctx.this_value;
  }, 1);

  ev.DefineNative(global, "encodeURIComponent", [](CallContext& ctx) {
    return ctx.interp.Str(EncodeUri(ArgString(ctx, 0), "-_.!~*'()"));
  }, 1);
  ev.DefineNative(global, "encodeURI", [](CallContext& ctx) {
    return ctx.interp.Str(EncodeUri(ArgString(ctx, 0), "-_.!~*'();,/?:@&=+$#"));
  }, 1);
  ev.DefineNative(global, "decodeURIComponent", [](CallContext& ctx) { return ctx.interp.Str(DecodeUri(ctx, ArgString(ctx, 0))); }, 1);
  ev.DefineNative(global, "decodeURI", [](CallContext& ctx) { return ctx.interp.Str(DecodeUri(ctx, ArgString(ctx, 0))); }, 1);
  for (const char* name : {"setTimeout", "setInterval", "setImmediate", "clearTimeout", "clearInterval", "clearImmediate"}) {
    ev.DefineNative(global, name, [](CallContext&) { return Value::Number(0); });
  }
  ev.DefineNative(global, "queueMicrotask", [](CallContext& ctx) {
    if (ctx.interp.IsCallable(ctx.Arg(0))) ctx.interp.Call(ctx.Arg(0), Value(), {});
    return Value();
  }, 1);
  // Platform objects we do not model: reading them is fine, using their values is an error
  // that names them (as for values from packages we do not evaluate).
  for (const char* name : {"crypto", "Buffer", "fetch", "TextEncoder", "TextDecoder", "AbortController", "Intl",
                           "performance", "WebSocket", "navigator"}) {
    auto origin = std::make_shared<OpaqueOrigin>();
    origin->description = std::string("the global '") + name + "'";
    ev.SetHidden(global, name, ev.NewOpaque(std::move(origin)));
  }
  ev.DefineNative(global, "structuredClone", [](CallContext& ctx) -> Value {
    Evaluator& e = Ev(ctx);
    std::optional<std::string> json = e.JsonStringify(ctx.Arg(0));
    if (!json) return Value();
    std::string error;
    std::optional<Value> v = e.JsonParse(*json, &error);
    return v ? *v : Value();
  }, 1);
}

}  // namespace dp::ts
