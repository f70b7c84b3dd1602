// Shared helpers for the builtin installers (builtins/*.cpp): argument coercion and access
// to the Evaluator behind a CallContext.
#pragma once

#include <cmath>
#include <string>

#include "ts/eval.h"

namespace dp::ts {

/// The evaluator behind a native call (the only Interp implementation).
inline Evaluator& Ev(CallContext& ctx) { return static_cast<Evaluator&>(ctx.interp); }

/// ToNumber of argument i (undefined when missing).
inline double ArgNumber(CallContext& ctx, size_t i) { return ctx.interp.ToNumber(ctx.Arg(i)); }

/// ToIntegerOrInfinity of argument i, with `fallback` when it is undefined.
inline double ArgInteger(CallContext& ctx, size_t i, double fallback) {
  Value v = ctx.Arg(i);
  if (v.IsUndefined()) return fallback;
  double d = ctx.interp.ToNumber(v);
  if (std::isnan(d)) return 0;
  return std::trunc(d);
}

/// Resolves a relative index (negative counts from the end) and clamps it to [0, length].
inline size_t RelativeIndex(double rel, size_t length) {
  double len = static_cast<double>(length);
  double r = rel < 0 ? std::max(len + rel, 0.0) : std::min(rel, len);
  return static_cast<size_t>(r);
}

/// ToString of argument i.
inline std::string ArgString(CallContext& ctx, size_t i) { return ctx.interp.ToString(ctx.Arg(i)); }

/// The `this` object, or a TypeError naming the method when it is not an object of `cls`.
Object* ThisOfClass(CallContext& ctx, ObjectClass cls, const char* method);

/// Calls a callback argument (a TypeError when it is not callable).
Value CallCallback(CallContext& ctx, Value fn, Value this_value, std::span<const Value> args, const char* method);

/// Requires argument i to be callable.
Value RequireCallable(CallContext& ctx, size_t i, const char* method);

/// Date helpers shared by Inspect, JSON and Date.
std::string DateToIso(double ms);

}  // namespace dp::ts
