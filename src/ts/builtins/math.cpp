// Math: constants and functions (Math.random is a fixed-seed generator for reproducibility).
#include <cmath>

#include "ts/builtins/builtins.h"

namespace dp::ts {

namespace {

using UnaryFn = double (*)(double);

double JsRound(double x) {
  if (!std::isfinite(x) || x == 0) return x;
  if (x > -0.5 && x < 0) return -0.0;
  double r = std::floor(x);
  if (x - r >= 0.5) r += 1;
  return r;
}

double Sign(double x) {
  if (std::isnan(x) || x == 0) return x;
  return x > 0 ? 1 : -1;
}

}  // namespace

void InstallMathBuiltins(Evaluator& ev) {
  Object* math = ev.NewObject();
  ev.SetHidden(ev.global_object(), "Math", Value::Obj(math));
  const std::pair<const char*, double> constants[] = {
      {"PI", M_PI}, {"E", M_E}, {"LN2", M_LN2}, {"LN10", M_LN10}, {"LOG2E", M_LOG2E}, {"LOG10E", M_LOG10E},
      {"SQRT2", M_SQRT2}, {"SQRT1_2", M_SQRT1_2}};
  for (const auto& [name, value] : constants) ev.SetHidden(math, name, Value::Number(value));
  const std::pair<const char*, UnaryFn> unary[] = {
      {"abs", [](double x) { return std::fabs(x); }},   {"floor", [](double x) { return std::floor(x); }},
      {"ceil", [](double x) { return std::ceil(x); }},  {"trunc", [](double x) { return std::trunc(x); }},
      {"round", JsRound},                               {"sign", Sign},
      {"sqrt", [](double x) { return std::sqrt(x); }},  {"cbrt", [](double x) { return std::cbrt(x); }},
      {"log", [](double x) { return std::log(x); }},    {"log2", [](double x) { return std::log2(x); }},
      {"log10", [](double x) { return std::log10(x); }}, {"log1p", [](double x) { return std::log1p(x); }},
      {"exp", [](double x) { return std::exp(x); }},    {"expm1", [](double x) { return std::expm1(x); }},
      {"sin", [](double x) { return std::sin(x); }},    {"cos", [](double x) { return std::cos(x); }},
      {"tan", [](double x) { return std::tan(x); }},    {"asin", [](double x) { return std::asin(x); }},
      {"acos", [](double x) { return std::acos(x); }},  {"atan", [](double x) { return std::atan(x); }},
      {"sinh", [](double x) { return std::sinh(x); }},  {"cosh", [](double x) { return std::cosh(x); }},
      {"tanh", [](double x) { return std::tanh(x); }},  {"fround", [](double x) { return static_cast<double>(static_cast<float>(x)); }},
  };
  for (const auto& [name, fn] : unary) {
    UnaryFn f = fn;
    ev.DefineNative(math, name, [f](CallContext& ctx) { return Value::Number(f(ArgNumber(ctx, 0))); }, 1);
  }
  ev.DefineNative(math, "pow", [](CallContext& ctx) {
    double x = ArgNumber(ctx, 0), y = ArgNumber(ctx, 1);
    if (std::isnan(y) || (std::fabs(x) == 1 && std::isinf(y))) return Value::Number(std::nan(""));
    return Value::Number(std::pow(x, y));
  }, 2);
  ev.DefineNative(math, "atan2", [](CallContext& ctx) { return Value::Number(std::atan2(ArgNumber(ctx, 0), ArgNumber(ctx, 1))); }, 2);
  ev.DefineNative(math, "max", [](CallContext& ctx) {
    double r = -INFINITY;
    for (size_t i = 0; i < ctx.args.size(); ++i) {
      double x = ArgNumber(ctx, i);
      if (std::isnan(x)) r = x;
      if (!std::isnan(r) && (x > r || (x == 0 && r == 0 && !std::signbit(x)))) r = x;
    }
    return Value::Number(r);
  }, 2);
  ev.DefineNative(math, "min", [](CallContext& ctx) {
    double r = INFINITY;
    for (size_t i = 0; i < ctx.args.size(); ++i) {
      double x = ArgNumber(ctx, i);
      if (std::isnan(x)) r = x;
      if (!std::isnan(r) && (x < r || (x == 0 && r == 0 && std::signbit(x)))) r = x;
    }
    return Value::Number(r);
  }, 2);
  ev.DefineNative(math, "hypot", [](CallContext& ctx) {
    double sum = 0;
    for (size_t i = 0; i < ctx.args.size(); ++i) {
      double x = ArgNumber(ctx, i);
      sum += x * x;
    }
    return Value::Number(std::sqrt(sum));
  }, 2);
  ev.DefineNative(math, "imul", [](CallContext& ctx) {
    return Value::Number(static_cast<int32_t>(ToUint32(ArgNumber(ctx, 0)) * ToUint32(ArgNumber(ctx, 1))));
  }, 2);
  ev.DefineNative(math, "clz32", [](CallContext& ctx) {
    uint32_t x = ToUint32(ArgNumber(ctx, 0));
    return Value::Number(x == 0 ? 32 : __builtin_clz(x));
  }, 1);
  auto state = std::make_shared<uint64_t>(0x9E3779B97F4A7C15ull);
  ev.DefineNative(math, "random", [state](CallContext&) {
    uint64_t x = *state;
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    *state = x;
    return Value::Number(static_cast<double>(x >> 11) / 9007199254740992.0);
  });
}

}  // namespace dp::ts
