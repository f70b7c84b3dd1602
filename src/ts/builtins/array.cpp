// Array constructor (isArray, from, of) and Array.prototype methods.
#include <cmath>

#include "ts/builtins/builtins.h"

namespace dp::ts {

namespace {

Object* ThisArray(CallContext& ctx, const char* method) {
  if (!ctx.this_value.IsObject() || ctx.this_value.AsObject()->cls != ObjectClass::Array) {
    ctx.interp.ThrowTypeError(std::string("Array.prototype.") + method + " called on " + ctx.interp.Describe(ctx.this_value));
  }
  return ctx.this_value.AsObject();
}

// Calls `fn(element, index, array)`.
Value Visit(CallContext& ctx, Value fn, Value this_arg, Object* array, size_t i, const char* method) {
  Value args[3] = {i < array->elements.size() ? array->elements[i] : Value(), Value::Number(static_cast<double>(i)),
                   Value::Obj(array)};
  return CallCallback(ctx, fn, this_arg, args, method);
}

void CheckWritable(CallContext& ctx, Object* array, const char* method) {
  if (array->frozen || !array->extensible) {
    ctx.interp.ThrowTypeError(std::string("cannot modify a frozen array (in Array.prototype.") + method + ")");
  }
}

// Stable merge sort that tolerates inconsistent comparators (never reads out of bounds).
template <typename Less>
void MergeSort(std::vector<Value>& v, Less less) {
  std::vector<Value> tmp(v.size());
  for (size_t width = 1; width < v.size(); width *= 2) {
    for (size_t lo = 0; lo < v.size(); lo += 2 * width) {
      size_t mid = std::min(lo + width, v.size());
      size_t hi = std::min(lo + 2 * width, v.size());
      size_t i = lo, j = mid, k = lo;
      while (i < mid && j < hi) tmp[k++] = less(v[j], v[i]) ? v[j++] : v[i++];
      while (i < mid) tmp[k++] = v[i++];
      while (j < hi) tmp[k++] = v[j++];
    }
    v.swap(tmp);
  }
}

std::vector<Value> SortedCopy(CallContext& ctx, const std::vector<Value>& input, Value comparator) {
  Evaluator& e = Ev(ctx);
  if (!comparator.IsUndefined() && !e.IsCallable(comparator)) {
    e.ThrowTypeError("the comparison function must be either a function or undefined");
  }
  std::vector<Value> defined, undefined_values;
  for (Value v : input) (v.IsUndefined() ? undefined_values : defined).push_back(v);
  if (comparator.IsUndefined()) {
    std::vector<std::pair<std::string, Value>> keyed;
    keyed.reserve(defined.size());
    for (Value v : defined) keyed.emplace_back(e.ToString(v), v);
    std::vector<Value> order;
    std::vector<Value> indices;
    for (size_t i = 0; i < keyed.size(); ++i) indices.push_back(Value::Number(static_cast<double>(i)));
    MergeSort(indices, [&](Value a, Value b) {
      return keyed[static_cast<size_t>(a.AsNumber())].first < keyed[static_cast<size_t>(b.AsNumber())].first;
    });
    for (Value i : indices) order.push_back(keyed[static_cast<size_t>(i.AsNumber())].second);
    defined = std::move(order);
  } else {
    MergeSort(defined, [&](Value a, Value b) {
      Value args[2] = {a, b};
      double r = e.ToNumber(e.Call(comparator, Value(), args));
      return r < 0;
    });
  }
  defined.insert(defined.end(), undefined_values.begin(), undefined_values.end());
  return defined;
}

void Flatten(Evaluator& e, const std::vector<Value>& input, double depth, std::vector<Value>& out, int level) {
  if (level > 1000) e.ThrowRangeError("array nesting is too deep to flatten");
  for (Value v : input) {
    if (depth >= 1 && e.IsArray(v)) {
      Flatten(e, v.AsObject()->elements, depth - 1, out, level + 1);
    } else {
      out.push_back(v);
      e.CheckArrayLength(out.size());
    }
  }
}

std::string Join(CallContext& ctx, Object* array, const std::string& separator) {
  Evaluator& e = Ev(ctx);
  std::string out;
  for (size_t i = 0; i < array->elements.size(); ++i) {
    if (i > 0) out += separator;
    Value v = array->elements[i];
    if (!v.IsNullish()) out += v.IsString() ? v.AsString() : e.ToString(v);
    e.CheckStringSize(out.size());
  }
  return out;
}

}  // namespace

void InstallArrayBuiltins(Evaluator& ev) {
  Object* proto = ev.array_proto_;
  auto construct = [](CallContext& ctx) -> Value {
    Evaluator& e = Ev(ctx);
    if (ctx.args.size() == 1 && ctx.Arg(0).IsNumber()) {
      double n = ctx.Arg(0).AsNumber();
      if (n < 0 || n != std::floor(n) || n > 4294967295.0) e.ThrowRangeError("invalid array length");
      e.CheckArrayLength(static_cast<size_t>(n));
      return Value::Obj(e.NewArray(std::vector<Value>(static_cast<size_t>(n))));
    }
    return Value::Obj(e.NewArray({ctx.args.begin(), ctx.args.end()}));
  };
  Object* ctor = ev.DefineConstructor(ev.global_object(), "Array", proto, construct, construct, 1);
  ev.DefineNative(ctor, "isArray", [](CallContext& ctx) { return Value::Boolean(ctx.interp.IsArray(ctx.Arg(0))); }, 1);
  ev.DefineNative(ctor, "of", [](CallContext& ctx) {
    return Value::Obj(ctx.interp.NewArray({ctx.args.begin(), ctx.args.end()}));
  });
  ev.DefineNative(ctor, "from", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Value source = ctx.Arg(0);
    Value map_fn = ctx.Arg(1);
    if (source.IsNullish()) e.ThrowTypeError(e.Describe(source) + " is not iterable");
    std::vector<Value> items;
    bool iterable = source.IsString() ||
                    (source.IsObject() && (source.AsObject()->cls == ObjectClass::Array || source.AsObject()->cls == ObjectClass::Map ||
                                           source.AsObject()->cls == ObjectClass::Set ||
                                           source.AsObject()->cls == ObjectClass::Opaque ||
                                           e.IsCallable(e.Get(source, "@@iterator")) ||
                                           dynamic_cast<IteratorState*>(source.AsObject()->host.get()) != nullptr));
    if (iterable) {
      items = e.IterateToVector(source);
    } else if (source.IsObject()) {
      double n = std::trunc(e.ToNumber(e.Get(source, "length")));
      if (std::isnan(n) || n < 0) n = 0;
      if (n > static_cast<double>(e.options().max_array_length)) e.ThrowRangeError("invalid array length");
      for (size_t i = 0; i < static_cast<size_t>(n); ++i) items.push_back(e.GetV(source, Value::Number(static_cast<double>(i))));
    }
    if (!map_fn.IsUndefined()) {
      for (size_t i = 0; i < items.size(); ++i) {
        Value args[2] = {items[i], Value::Number(static_cast<double>(i))};
        items[i] = CallCallback(ctx, map_fn, ctx.Arg(2), args, "Array.from");
      }
    }
    return Value::Obj(e.NewArray(std::move(items)));
  }, 1);

  ev.DefineNative(proto, "push", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "push");
    CheckWritable(ctx, a, "push");
    Ev(ctx).CheckArrayLength(a->elements.size() + ctx.args.size());
    Ev(ctx).Charge(ctx.args.size() * sizeof(Value));
    a->elements.insert(a->elements.end(), ctx.args.begin(), ctx.args.end());
    return Value::Number(static_cast<double>(a->elements.size()));
  }, 1);
  ev.DefineNative(proto, "pop", [](CallContext& ctx) -> Value {
    Object* a = ThisArray(ctx, "pop");
    CheckWritable(ctx, a, "pop");
    if (a->elements.empty()) return Value();
    Value v = a->elements.back();
    a->elements.pop_back();
    return v;
  });
  ev.DefineNative(proto, "shift", [](CallContext& ctx) -> Value {
    Object* a = ThisArray(ctx, "shift");
    CheckWritable(ctx, a, "shift");
    if (a->elements.empty()) return Value();
    Value v = a->elements.front();
    a->elements.erase(a->elements.begin());
    return v;
  });
  ev.DefineNative(proto, "unshift", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "unshift");
    CheckWritable(ctx, a, "unshift");
    Ev(ctx).CheckArrayLength(a->elements.size() + ctx.args.size());
    a->elements.insert(a->elements.begin(), ctx.args.begin(), ctx.args.end());
    return Value::Number(static_cast<double>(a->elements.size()));
  }, 1);
  ev.DefineNative(proto, "slice", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "slice");
    size_t n = a->elements.size();
    size_t begin = RelativeIndex(ArgInteger(ctx, 0, 0), n);
    size_t end = RelativeIndex(ArgInteger(ctx, 1, static_cast<double>(n)), n);
    std::vector<Value> out;
    if (begin < end) out.assign(a->elements.begin() + static_cast<ptrdiff_t>(begin), a->elements.begin() + static_cast<ptrdiff_t>(end));
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  }, 2);
  ev.DefineNative(proto, "splice", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "splice");
    CheckWritable(ctx, a, "splice");
    size_t n = a->elements.size();
    size_t start = RelativeIndex(ArgInteger(ctx, 0, 0), n);
    size_t count = n - start;
    if (ctx.args.size() >= 2) {
      double c = ArgInteger(ctx, 1, 0);
      count = c <= 0 ? 0 : std::min(static_cast<size_t>(std::min(c, 4294967295.0)), n - start);
    } else if (ctx.args.empty()) {
      count = 0;
    }
    auto first = a->elements.begin() + static_cast<ptrdiff_t>(start);
    std::vector<Value> removed(first, first + static_cast<ptrdiff_t>(count));
    a->elements.erase(first, first + static_cast<ptrdiff_t>(count));
    if (ctx.args.size() > 2) {
      Ev(ctx).CheckArrayLength(a->elements.size() + ctx.args.size() - 2);
      a->elements.insert(a->elements.begin() + static_cast<ptrdiff_t>(start), ctx.args.begin() + 2, ctx.args.end());
    }
    return Value::Obj(ctx.interp.NewArray(std::move(removed)));
  }, 2);
  ev.DefineNative(proto, "concat", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Object* a = ThisArray(ctx, "concat");
    std::vector<Value> out = a->elements;
    for (Value v : ctx.args) {
      if (e.IsArray(v)) {
        out.insert(out.end(), v.AsObject()->elements.begin(), v.AsObject()->elements.end());
      } else {
        out.push_back(v);
      }
      e.CheckArrayLength(out.size());
    }
    return Value::Obj(e.NewArray(std::move(out)));
  }, 1);
  ev.DefineNative(proto, "join", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "join");
    std::string sep = ctx.Arg(0).IsUndefined() ? "," : ArgString(ctx, 0);
    return ctx.interp.Str(Join(ctx, a, sep));
  }, 1);
  ev.DefineNative(proto, "toString", [](CallContext& ctx) {
    if (!ctx.interp.IsArray(ctx.this_value)) return ctx.interp.Str("[object Object]");
    return ctx.interp.Str(Join(ctx, ctx.this_value.AsObject(), ","));
  });
  ev.DefineNative(proto, "reverse", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "reverse");
    CheckWritable(ctx, a, "reverse");
    std::reverse(a->elements.begin(), a->elements.end());
    return ctx.this_value;
  });
  ev.DefineNative(proto, "toReversed", [](CallContext& ctx) {
    std::vector<Value> out = ThisArray(ctx, "toReversed")->elements;
    std::reverse(out.begin(), out.end());
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  });
  ev.DefineNative(proto, "sort", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "sort");
    CheckWritable(ctx, a, "sort");
    std::vector<Value> sorted = SortedCopy(ctx, a->elements, ctx.Arg(0));
    a->elements = std::move(sorted);
    return ctx.this_value;
  }, 1);
  ev.DefineNative(proto, "toSorted", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "toSorted");
    return Value::Obj(ctx.interp.NewArray(SortedCopy(ctx, a->elements, ctx.Arg(0))));
  }, 1);
  ev.DefineNative(proto, "indexOf", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "indexOf");
    size_t n = a->elements.size();
    for (size_t i = RelativeIndex(ArgInteger(ctx, 1, 0), n); i < a->elements.size(); ++i) {
      if (Ev(ctx).StrictEquals(a->elements[i], ctx.Arg(0))) return Value::Number(static_cast<double>(i));
    }
    return Value::Number(-1);
  }, 1);
  ev.DefineNative(proto, "lastIndexOf", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "lastIndexOf");
    for (size_t i = a->elements.size(); i-- > 0;) {
      if (Ev(ctx).StrictEquals(a->elements[i], ctx.Arg(0))) return Value::Number(static_cast<double>(i));
    }
    return Value::Number(-1);
  }, 1);
  ev.DefineNative(proto, "includes", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "includes");
    size_t n = a->elements.size();
    for (size_t i = RelativeIndex(ArgInteger(ctx, 1, 0), n); i < a->elements.size(); ++i) {
      if (Ev(ctx).SameValueZero(a->elements[i], ctx.Arg(0))) return Value::Boolean(true);
    }
    return Value::Boolean(false);
  }, 1);
  ev.DefineNative(proto, "at", [](CallContext& ctx) -> Value {
    Object* a = ThisArray(ctx, "at");
    double i = ArgInteger(ctx, 0, 0);
    double n = static_cast<double>(a->elements.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) return Value();
    return a->elements[static_cast<size_t>(i)];
  }, 1);
  ev.DefineNative(proto, "fill", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "fill");
    CheckWritable(ctx, a, "fill");
    size_t n = a->elements.size();
    size_t begin = RelativeIndex(ArgInteger(ctx, 1, 0), n);
    size_t end = RelativeIndex(ArgInteger(ctx, 2, static_cast<double>(n)), n);
    for (size_t i = begin; i < end; ++i) a->elements[i] = ctx.Arg(0);
    return ctx.this_value;
  }, 1);
  ev.DefineNative(proto, "forEach", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "forEach");
    Value fn = RequireCallable(ctx, 0, "Array.prototype.forEach");
    for (size_t i = 0; i < a->elements.size(); ++i) Visit(ctx, fn, ctx.Arg(1), a, i, "Array.prototype.forEach");
    return Value();
  }, 1);
  ev.DefineNative(proto, "map", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "map");
    Value fn = RequireCallable(ctx, 0, "Array.prototype.map");
    size_t n = a->elements.size();
    std::vector<Value> out;
    out.reserve(n);
    for (size_t i = 0; i < n; ++i) out.push_back(Visit(ctx, fn, ctx.Arg(1), a, i, "Array.prototype.map"));
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  }, 1);
  ev.DefineNative(proto, "filter", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "filter");
    Value fn = RequireCallable(ctx, 0, "Array.prototype.filter");
    std::vector<Value> out;
    size_t n = a->elements.size();
    for (size_t i = 0; i < n && i < a->elements.size(); ++i) {
      Value v = a->elements[i];
      if (ctx.interp.Truthy(Visit(ctx, fn, ctx.Arg(1), a, i, "Array.prototype.filter"))) out.push_back(v);
    }
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  }, 1);
  auto find = [](bool want_index, bool from_end) {
    return [want_index, from_end](CallContext& ctx) -> Value {
      Object* a = ThisArray(ctx, "find");
      Value fn = RequireCallable(ctx, 0, "Array.prototype.find");
      size_t n = a->elements.size();
      for (size_t k = 0; k < n; ++k) {
        size_t i = from_end ? n - 1 - k : k;
        Value v = i < a->elements.size() ? a->elements[i] : Value();
        if (ctx.interp.Truthy(Visit(ctx, fn, ctx.Arg(1), a, i, "Array.prototype.find"))) {
          return want_index ? Value::Number(static_cast<double>(i)) : v;
        }
      }
      return want_index ? Value::Number(-1) : Value();
    };
  };
  ev.DefineNative(proto, "find", find(false, false), 1);
  ev.DefineNative(proto, "findIndex", find(true, false), 1);
  ev.DefineNative(proto, "findLast", find(false, true), 1);
  ev.DefineNative(proto, "findLastIndex", find(true, true), 1);
  ev.DefineNative(proto, "some", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "some");
    Value fn = RequireCallable(ctx, 0, "Array.prototype.some");
    for (size_t i = 0; i < a->elements.size(); ++i) {
      if (ctx.interp.Truthy(Visit(ctx, fn, ctx.Arg(1), a, i, "Array.prototype.some"))) return Value::Boolean(true);
    }
    return Value::Boolean(false);
  }, 1);
  ev.DefineNative(proto, "every", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "every");
    Value fn = RequireCallable(ctx, 0, "Array.prototype.every");
    for (size_t i = 0; i < a->elements.size(); ++i) {
      if (!ctx.interp.Truthy(Visit(ctx, fn, ctx.Arg(1), a, i, "Array.prototype.every"))) return Value::Boolean(false);
    }
    return Value::Boolean(true);
  }, 1);
  auto reduce = [](bool from_right) {
    return [from_right](CallContext& ctx) -> Value {
      Object* a = ThisArray(ctx, from_right ? "reduceRight" : "reduce");
      Value fn = RequireCallable(ctx, 0, "Array.prototype.reduce");
      size_t n = a->elements.size();
      size_t k = 0;
      Value acc;
      if (ctx.args.size() >= 2) {
        acc = ctx.args[1];
      } else {
        if (n == 0) ctx.interp.ThrowTypeError("reduce of empty array with no initial value");
        acc = a->elements[from_right ? n - 1 : 0];
        k = 1;
      }
      for (; k < n; ++k) {
        size_t i = from_right ? n - 1 - k : k;
        Value args[4] = {acc, i < a->elements.size() ? a->elements[i] : Value(), Value::Number(static_cast<double>(i)),
                         Value::Obj(a)};
        acc = CallCallback(ctx, fn, Value(), args, "Array.prototype.reduce");
      }
      return acc;
    };
  };
  ev.DefineNative(proto, "reduce", reduce(false), 1);
  ev.DefineNative(proto, "reduceRight", reduce(true), 1);
  ev.DefineNative(proto, "flat", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "flat");
    double depth = ctx.Arg(0).IsUndefined() ? 1 : ArgNumber(ctx, 0);
    if (std::isnan(depth)) depth = 0;
    std::vector<Value> out;
    Flatten(Ev(ctx), a->elements, depth, out, 0);
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  });
  ev.DefineNative(proto, "flatMap", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "flatMap");
    Value fn = RequireCallable(ctx, 0, "Array.prototype.flatMap");
    std::vector<Value> out;
    for (size_t i = 0; i < a->elements.size(); ++i) {
      Value v = Visit(ctx, fn, ctx.Arg(1), a, i, "Array.prototype.flatMap");
      if (ctx.interp.IsArray(v)) {
        out.insert(out.end(), v.AsObject()->elements.begin(), v.AsObject()->elements.end());
      } else {
        out.push_back(v);
      }
      Ev(ctx).CheckArrayLength(out.size());
    }
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  }, 1);
  ev.DefineNative(proto, "keys", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "keys");
    std::vector<Value> out;
    for (size_t i = 0; i < a->elements.size(); ++i) out.push_back(Value::Number(static_cast<double>(i)));
    return Value::Obj(Ev(ctx).NewIterator(std::move(out)));
  });
  auto values = [](CallContext& ctx) { return Value::Obj(Ev(ctx).NewIterator(ThisArray(ctx, "values")->elements)); };
  ev.DefineNative(proto, "values", values);
  ev.DefineNative(proto, "@@iterator", values);
  ev.DefineNative(proto, "entries", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "entries");
    std::vector<Value> out;
    for (size_t i = 0; i < a->elements.size(); ++i) {
      out.push_back(Value::Obj(ctx.interp.NewArray({Value::Number(static_cast<double>(i)), a->elements[i]})));
    }
    return Value::Obj(Ev(ctx).NewIterator(std::move(out)));
  });
  ev.DefineNative(proto, "with", [](CallContext& ctx) {
    Object* a = ThisArray(ctx, "with");
    double i = ArgInteger(ctx, 0, 0);
    double n = static_cast<double>(a->elements.size());
    if (i < 0) i += n;
    if (i < 0 || i >= n) Ev(ctx).ThrowRangeError("invalid index");
    std::vector<Value> out = a->elements;
    out[static_cast<size_t>(i)] = ctx.Arg(1);
    return Value::Obj(ctx.interp.NewArray(std::move(out)));
  }, 2);

  // Iterator objects made by keys()/values()/entries() of arrays, maps and sets.
  Object* it_proto = ev.iterator_proto_;
  ev.DefineNative(it_proto, "next", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    auto* state = ctx.this_value.IsObject() ? dynamic_cast<IteratorState*>(ctx.this_value.AsObject()->host.get()) : nullptr;
    if (state == nullptr) e.ThrowTypeError("next called on a non-iterator");
    Object* result = e.NewObject();
    bool done = state->index >= state->items.size();
    result->props.Set("value", done ? Value() : state->items[state->index++]);
    result->props.Set("done", Value::Boolean(done));
    return Value::Obj(result);
  });
  ev.DefineNative(it_proto, "@@iterator", [](CallContext& ctx) { return ctx.this_value; });
  ev.DefineNative(it_proto, "toArray", [](CallContext& ctx) {
    return Value::Obj(ctx.interp.NewArray(Ev(ctx).IterateToVector(ctx.this_value)));
  });
}

}  // namespace dp::ts
