// String constructor and String.prototype methods. Indices and lengths count UTF-16 code
// units as in JS; ASCII strings (the common case) are handled bytewise.
#include <algorithm>
#include <cmath>

#include "ts/builtins/builtins.h"
#include "ts/builtins/regexp.h"
#include "ts/builtins/unicode.h"

namespace dp::ts {

namespace {

// A string seen as UTF-16 code units; the UTF-16 copy exists only for non-ASCII text.
class Units {
 public:
  explicit Units(const std::string& s) : s_(s), ascii_(IsAscii(s)) {
    if (!ascii_) u_ = ToUtf16(s);
  }
  size_t size() const { return ascii_ ? s_.size() : u_.size(); }
  std::string Slice(size_t begin, size_t end) const {
    end = std::min(end, size());
    if (begin >= end) return {};
    if (ascii_) return s_.substr(begin, end - begin);
    return FromUtf16(std::u16string_view(u_).substr(begin, end - begin));
  }
  size_t Find(const std::string& needle, size_t from) const {
    if (ascii_) return s_.find(needle, from);
    return u_.find(ToUtf16(needle), from);
  }
  size_t FindLast(const std::string& needle, size_t from) const {
    if (ascii_) return s_.rfind(needle, from);
    return u_.rfind(ToUtf16(needle), from);
  }
  uint32_t At(size_t i) const { return ascii_ ? static_cast<unsigned char>(s_[i]) : u_[i]; }

 private:
  const std::string& s_;
  bool ascii_;
  std::u16string u_;
};

std::string ThisString(CallContext& ctx, const char* method) {
  if (ctx.this_value.IsString()) return ctx.this_value.AsString();
  if (ctx.this_value.IsNullish()) {
    ctx.interp.ThrowTypeError(std::string("String.prototype.") + method + " called on null or undefined");
  }
  return ctx.interp.ToString(ctx.this_value);
}

bool IsRegExp(Value v) { return v.IsObject() && v.AsObject()->cls == ObjectClass::RegExp; }

size_t NextCharEnd(const std::string& s, size_t i) {
  if (i >= s.size()) return i + 1;
  DecodeUtf8(s, i);
  return i;
}

std::string ToUpper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

std::string ToLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

// Replacement text for one match: a template with $-patterns or a function's result.
std::string Replacement(CallContext& ctx, Value replacer, const std::string& subject, const RegExpMatch& m) {
  Evaluator& e = Ev(ctx);
  if (!e.IsCallable(replacer)) return ExpandReplacement(e.ToString(replacer), subject, m);
  std::vector<Value> args;
  for (const auto& g : m.groups) args.push_back(g ? e.Str(*g) : Value());
  args.push_back(Value::Number(static_cast<double>(ByteToUtf16(subject, m.begin))));
  args.push_back(e.Str(subject));
  if (!m.named.empty()) {
    Object* groups = e.NewObject();
    for (const auto& [name, idx] : m.named) groups->props.Set(name, idx < m.groups.size() && m.groups[idx] ? e.Str(*m.groups[idx]) : Value());
    args.push_back(Value::Obj(groups));
  }
  return e.ToString(e.Call(replacer, Value(), args));
}

Value Replace(CallContext& ctx, bool all) {
  Evaluator& e = Ev(ctx);
  std::string s = ThisString(ctx, all ? "replaceAll" : "replace");
  Value pattern = ctx.Arg(0);
  Value replacer = ctx.Arg(1);
  std::string out;
  if (IsRegExp(pattern)) {
    Object* re = pattern.AsObject();
    bool global = RegExpGlobal(re);
    if (all && !global) e.ThrowTypeError("replaceAll must be called with a global RegExp");
    size_t pos = 0, copied = 0;
    RegExpMatch m;
    while (pos <= s.size() && RegExpExec(e, re, s, pos, &m)) {
      out += s.substr(copied, m.begin - copied);
      out += Replacement(ctx, replacer, s, m);
      copied = m.end;
      e.CheckStringSize(out.size());
      if (!global) break;
      pos = m.end == m.begin ? NextCharEnd(s, m.end) : m.end;
    }
    if (copied < s.size()) out += s.substr(copied);
    return e.Str(out);
  }
  std::string needle = e.ToString(pattern);
  size_t pos = 0, copied = 0;
  while (pos <= s.size()) {
    size_t found = s.find(needle, pos);
    if (found == std::string::npos) break;
    RegExpMatch m;
    m.begin = found;
    m.end = found + needle.size();
    m.groups.emplace_back(needle);
    out += s.substr(copied, found - copied);
    out += Replacement(ctx, replacer, s, m);
    copied = m.end;
    e.CheckStringSize(out.size());
    if (!all) break;
    pos = needle.empty() ? NextCharEnd(s, found) : m.end;
  }
  if (copied < s.size()) out += s.substr(copied);
  return e.Str(out);
}

Value Split(CallContext& ctx) {
  Evaluator& e = Ev(ctx);
  std::string s = ThisString(ctx, "split");
  Value sep = ctx.Arg(0);
  double limit = ctx.Arg(1).IsUndefined() ? 4294967295.0 : static_cast<double>(ToUint32(ArgNumber(ctx, 1)));
  std::vector<Value> out;
  auto push = [&](std::string_view part) {
    if (static_cast<double>(out.size()) < limit) out.push_back(e.Str(part));
    e.CheckArrayLength(out.size());
  };
  if (limit == 0) return Value::Obj(e.NewArray());
  if (sep.IsUndefined()) {
    push(s);
    return Value::Obj(e.NewArray(std::move(out)));
  }
  if (IsRegExp(sep)) {
    Object* re = sep.AsObject();
    RegExpMatch m;
    if (s.empty()) {
      if (!RegExpExec(e, re, s, 0, &m)) push(s);
      return Value::Obj(e.NewArray(std::move(out)));
    }
    size_t p = 0, q = 0;
    while (q < s.size()) {
      if (!RegExpExec(e, re, s, q, &m) || m.begin >= s.size()) break;
      if (m.end == p || (m.end == m.begin && m.begin == p)) {
        q = NextCharEnd(s, std::max(q, m.begin));
        continue;
      }
      push(std::string_view(s).substr(p, m.begin - p));
      for (size_t g = 1; g < m.groups.size(); ++g) {
        if (static_cast<double>(out.size()) < limit) out.push_back(m.groups[g] ? e.Str(*m.groups[g]) : Value());
      }
      p = m.end;
      q = m.end == m.begin ? NextCharEnd(s, m.end) : m.end;
    }
    push(std::string_view(s).substr(std::min(p, s.size())));
    return Value::Obj(e.NewArray(std::move(out)));
  }
  std::string separator = e.ToString(sep);
  if (separator.empty()) {
    for (size_t i = 0; i < s.size();) {
      size_t start = i;
      DecodeUtf8(s, i);
      push(std::string_view(s).substr(start, i - start));
    }
    return Value::Obj(e.NewArray(std::move(out)));
  }
  size_t pos = 0;
  for (;;) {
    size_t found = s.find(separator, pos);
    if (found == std::string::npos) break;
    push(std::string_view(s).substr(pos, found - pos));
    pos = found + separator.size();
  }
  push(std::string_view(s).substr(pos));
  return Value::Obj(e.NewArray(std::move(out)));
}

Value Match(CallContext& ctx, bool all) {
  Evaluator& e = Ev(ctx);
  std::string s = ThisString(ctx, all ? "matchAll" : "match");
  Value pattern = ctx.Arg(0);
  Object* re = IsRegExp(pattern) ? pattern.AsObject()
                                 : e.NewRegExp(pattern.IsUndefined() ? "" : e.ToString(pattern), all ? "g" : "");
  bool global = RegExpGlobal(re);
  if (all && !global) e.ThrowTypeError("matchAll must be called with a global RegExp");
  RegExpMatch m;
  if (!global) {
    if (!RegExpExec(e, re, s, 0, &m)) return Value::Null();
    return MatchToArray(e, s, m);
  }
  std::vector<Value> results;
  size_t pos = 0;
  while (pos <= s.size() && RegExpExec(e, re, s, pos, &m)) {
    results.push_back(all ? MatchToArray(e, s, m) : e.Str(*m.groups[0]));
    e.CheckArrayLength(results.size());
    pos = m.end == m.begin ? NextCharEnd(s, m.end) : m.end;
  }
  if (all) return Value::Obj(e.NewIterator(std::move(results)));
  if (results.empty()) return Value::Null();
  return Value::Obj(e.NewArray(std::move(results)));
}

Value Pad(CallContext& ctx, bool at_start) {
  Evaluator& e = Ev(ctx);
  std::string s = ThisString(ctx, at_start ? "padStart" : "padEnd");
  Units units(s);
  double target = ArgInteger(ctx, 0, 0);
  std::string filler = ctx.Arg(1).IsUndefined() ? " " : ArgString(ctx, 1);
  if (target <= static_cast<double>(units.size()) || filler.empty()) return e.Str(s);
  if (target > static_cast<double>(e.options().max_string_bytes)) e.ThrowRangeError("invalid string length");
  size_t needed = static_cast<size_t>(target) - units.size();
  Units fill_units(filler);
  std::string pad;
  size_t have = 0;
  while (have + fill_units.size() <= needed) {
    pad += filler;
    have += fill_units.size();
  }
  pad += fill_units.Slice(0, needed - have);
  return e.Str(at_start ? pad + s : s + pad);
}

}  // namespace

void InstallStringBuiltins(Evaluator& ev) {
  Object* proto = ev.string_proto_;
  auto to_string = [](CallContext& ctx) -> Value {
    if (ctx.args.empty()) return ctx.interp.Str("");
    return ctx.interp.Str(ctx.interp.ToString(ctx.Arg(0)));
  };
  Object* ctor = ev.DefineConstructor(ev.global_object(), "String", proto, to_string, to_string, 1);
  ev.DefineNative(ctor, "fromCharCode", [](CallContext& ctx) {
    std::u16string units;
    for (size_t i = 0; i < ctx.args.size(); ++i) units.push_back(static_cast<char16_t>(ToUint32(ArgNumber(ctx, i)) & 0xFFFF));
    return ctx.interp.Str(FromUtf16(units));
  }, 1);
  ev.DefineNative(ctor, "fromCodePoint", [](CallContext& ctx) {
    std::string out;
    for (size_t i = 0; i < ctx.args.size(); ++i) {
      double cp = ArgNumber(ctx, i);
      if (cp < 0 || cp > 0x10FFFF || cp != std::floor(cp)) Ev(ctx).ThrowRangeError("invalid code point");
      AppendCodePointUtf8(out, static_cast<uint32_t>(cp));
    }
    return ctx.interp.Str(out);
  }, 1);
  ev.DefineNative(ctor, "raw", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Value raw = e.Get(ctx.Arg(0), "raw");
    std::vector<Value> parts = e.IterateToVector(raw);
    std::string out;
    for (size_t i = 0; i < parts.size(); ++i) {
      out += e.ToString(parts[i]);
      if (i + 1 < parts.size() && i + 1 < ctx.args.size()) out += e.ToString(ctx.args[i + 1]);
    }
    return e.Str(out);
  }, 1);

  ev.DefineNative(proto, "toString", [](CallContext& ctx) { return ctx.interp.Str(ThisString(ctx, "toString")); });
  ev.DefineNative(proto, "valueOf", [](CallContext& ctx) { return ctx.interp.Str(ThisString(ctx, "valueOf")); });
  ev.DefineNative(proto, "charAt", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "charAt");
    Units u(s);
    double i = ArgInteger(ctx, 0, 0);
    if (i < 0 || i >= static_cast<double>(u.size())) return ctx.interp.Str("");
    return ctx.interp.Str(u.Slice(static_cast<size_t>(i), static_cast<size_t>(i) + 1));
  }, 1);
  ev.DefineNative(proto, "charCodeAt", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "charCodeAt");
    Units u(s);
    double i = ArgInteger(ctx, 0, 0);
    if (i < 0 || i >= static_cast<double>(u.size())) return Value::Number(std::nan(""));
    return Value::Number(u.At(static_cast<size_t>(i)));
  }, 1);
  ev.DefineNative(proto, "codePointAt", [](CallContext& ctx) -> Value {
    std::string s = ThisString(ctx, "codePointAt");
    Units u(s);
    double i = ArgInteger(ctx, 0, 0);
    if (i < 0 || i >= static_cast<double>(u.size())) return Value();
    auto k = static_cast<size_t>(i);
    uint32_t hi = u.At(k);
    if (hi >= 0xD800 && hi < 0xDC00 && k + 1 < u.size()) {
      uint32_t lo = u.At(k + 1);
      if (lo >= 0xDC00 && lo < 0xE000) return Value::Number(0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00));
    }
    return Value::Number(hi);
  }, 1);
  ev.DefineNative(proto, "at", [](CallContext& ctx) -> Value {
    std::string s = ThisString(ctx, "at");
    Units u(s);
    double i = ArgInteger(ctx, 0, 0);
    if (i < 0) i += static_cast<double>(u.size());
    if (i < 0 || i >= static_cast<double>(u.size())) return Value();
    return ctx.interp.Str(u.Slice(static_cast<size_t>(i), static_cast<size_t>(i) + 1));
  }, 1);
  ev.DefineNative(proto, "indexOf", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "indexOf");
    Units u(s);
    size_t from = RelativeIndex(std::max(0.0, ArgInteger(ctx, 1, 0)), u.size());
    size_t found = u.Find(ArgString(ctx, 0), from);
    return Value::Number(found == std::string::npos ? -1 : static_cast<double>(found));
  }, 1);
  ev.DefineNative(proto, "lastIndexOf", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "lastIndexOf");
    Units u(s);
    double pos = ctx.Arg(1).IsUndefined() ? INFINITY : ArgNumber(ctx, 1);
    size_t from = std::isnan(pos) ? u.size() : RelativeIndex(std::max(0.0, std::trunc(pos)), u.size());
    size_t found = u.FindLast(ArgString(ctx, 0), from);
    return Value::Number(found == std::string::npos ? -1 : static_cast<double>(found));
  }, 1);
  ev.DefineNative(proto, "includes", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "includes");
    if (IsRegExp(ctx.Arg(0))) ctx.interp.ThrowTypeError("first argument to String.prototype.includes must not be a regular expression");
    Units u(s);
    size_t from = RelativeIndex(std::max(0.0, ArgInteger(ctx, 1, 0)), u.size());
    return Value::Boolean(u.Find(ArgString(ctx, 0), from) != std::string::npos);
  }, 1);
  ev.DefineNative(proto, "startsWith", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "startsWith");
    Units u(s);
    size_t pos = RelativeIndex(std::max(0.0, ArgInteger(ctx, 1, 0)), u.size());
    std::string needle = ArgString(ctx, 0);
    Units n(needle);
    return Value::Boolean(u.Slice(pos, pos + n.size()) == needle);
  }, 1);
  ev.DefineNative(proto, "endsWith", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "endsWith");
    Units u(s);
    size_t end = RelativeIndex(std::max(0.0, ArgInteger(ctx, 1, static_cast<double>(u.size()))), u.size());
    std::string needle = ArgString(ctx, 0);
    Units n(needle);
    if (n.size() > end) return Value::Boolean(false);
    return Value::Boolean(u.Slice(end - n.size(), end) == needle);
  }, 1);
  ev.DefineNative(proto, "slice", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "slice");
    Units u(s);
    size_t begin = RelativeIndex(ArgInteger(ctx, 0, 0), u.size());
    size_t end = RelativeIndex(ArgInteger(ctx, 1, static_cast<double>(u.size())), u.size());
    return ctx.interp.Str(u.Slice(begin, end));
  }, 2);
  ev.DefineNative(proto, "substring", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "substring");
    Units u(s);
    auto clamp = [&](double d) { return static_cast<size_t>(std::min(std::max(d, 0.0), static_cast<double>(u.size()))); };
    size_t a = clamp(ArgInteger(ctx, 0, 0));
    size_t b = clamp(ArgInteger(ctx, 1, static_cast<double>(u.size())));
    if (a > b) std::swap(a, b);
    return ctx.interp.Str(u.Slice(a, b));
  }, 2);
  ev.DefineNative(proto, "substr", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "substr");
    Units u(s);
    size_t start = RelativeIndex(ArgInteger(ctx, 0, 0), u.size());
    double len = ArgInteger(ctx, 1, static_cast<double>(u.size()));
    if (len <= 0) return ctx.interp.Str("");
    size_t end = start + static_cast<size_t>(std::min(len, static_cast<double>(u.size())));
    return ctx.interp.Str(u.Slice(start, end));
  }, 2);
  auto upper = [](CallContext& ctx) { return ctx.interp.Str(ToUpper(ThisString(ctx, "toUpperCase"))); };
  auto lower = [](CallContext& ctx) { return ctx.interp.Str(ToLower(ThisString(ctx, "toLowerCase"))); };
  ev.DefineNative(proto, "toUpperCase", upper);
  ev.DefineNative(proto, "toLocaleUpperCase", upper);
  ev.DefineNative(proto, "toLowerCase", lower);
  ev.DefineNative(proto, "toLocaleLowerCase", lower);
  ev.DefineNative(proto, "trim", [](CallContext& ctx) { return ctx.interp.Str(TrimJsWhitespace(ThisString(ctx, "trim"), true, true)); });
  ev.DefineNative(proto, "trimStart", [](CallContext& ctx) { return ctx.interp.Str(TrimJsWhitespace(ThisString(ctx, "trimStart"), true, false)); });
  ev.DefineNative(proto, "trimEnd", [](CallContext& ctx) { return ctx.interp.Str(TrimJsWhitespace(ThisString(ctx, "trimEnd"), false, true)); });
  ev.DefineNative(proto, "padStart", [](CallContext& ctx) { return Pad(ctx, true); }, 2);
  ev.DefineNative(proto, "padEnd", [](CallContext& ctx) { return Pad(ctx, false); }, 2);
  ev.DefineNative(proto, "repeat", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    std::string s = ThisString(ctx, "repeat");
    double n = ArgInteger(ctx, 0, 0);
    if (n < 0 || std::isinf(n)) e.ThrowRangeError("invalid count value: " + e.NumberToString(n));
    if (s.empty() || n == 0) return e.Str("");
    e.CheckStringSize(static_cast<size_t>(std::min(n * static_cast<double>(s.size()), 1e18)));
    std::string out;
    out.reserve(s.size() * static_cast<size_t>(n));
    for (size_t i = 0; i < static_cast<size_t>(n); ++i) out += s;
    return e.Str(out);
  }, 1);
  ev.DefineNative(proto, "concat", [](CallContext& ctx) {
    std::string s = ThisString(ctx, "concat");
    for (size_t i = 0; i < ctx.args.size(); ++i) {
      s += ArgString(ctx, i);
      Ev(ctx).CheckStringSize(s.size());
    }
    return ctx.interp.Str(s);
  }, 1);
  ev.DefineNative(proto, "split", Split, 2);
  ev.DefineNative(proto, "replace", [](CallContext& ctx) { return Replace(ctx, false); }, 2);
  ev.DefineNative(proto, "replaceAll", [](CallContext& ctx) { return Replace(ctx, true); }, 2);
  ev.DefineNative(proto, "match", [](CallContext& ctx) { return Match(ctx, false); }, 1);
  ev.DefineNative(proto, "matchAll", [](CallContext& ctx) { return Match(ctx, true); }, 1);
  ev.DefineNative(proto, "search", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    std::string s = ThisString(ctx, "search");
    Object* re = IsRegExp(ctx.Arg(0)) ? ctx.Arg(0).AsObject() : e.NewRegExp(ArgString(ctx, 0), "");
    RegExpMatch m;
    if (!RegExpExec(e, re, s, 0, &m)) return Value::Number(-1);
    return Value::Number(static_cast<double>(ByteToUtf16(s, m.begin)));
  }, 1);
  ev.DefineNative(proto, "localeCompare", [](CallContext& ctx) {
    std::string a = ThisString(ctx, "localeCompare");
    std::string b = ArgString(ctx, 0);
    std::string la = ToLower(a), lb = ToLower(b);
    int c = la.compare(lb);
    if (c == 0) c = -a.compare(b);  // lower case sorts before upper case, as ICU does
    return Value::Number(c < 0 ? -1 : c > 0 ? 1 : 0);
  }, 1);
  ev.DefineNative(proto, "normalize", [](CallContext& ctx) { return ctx.interp.Str(ThisString(ctx, "normalize")); });
  ev.DefineNative(proto, "@@iterator", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    return Value::Obj(e.NewIterator(e.IterateToVector(e.Str(ThisString(ctx, "@@iterator")))));
  });
}

}  // namespace dp::ts
