// RegExp: construction, compilation to std::regex (polynomial BFS mode unless the pattern
// has back-references, so long inputs cannot blow the stack), exec/test and match arrays.
#include "ts/builtins/regexp.h"

#include <algorithm>
#include <cmath>

#include "ts/builtins/builtins.h"
#include "ts/builtins/unicode.h"

namespace dp::ts {

namespace {

constexpr size_t kMaxPatternBytes = 4096;
constexpr int kMaxPatternNesting = 64;
constexpr size_t kMaxBackrefSubject = 4096;

struct RegExpData : HostData {
  std::regex re;
  std::vector<std::pair<std::string, size_t>> named;  // name -> group number
  bool global = false, sticky = false, has_backref = false;
};

// Rewrites JS-only syntax std::regex does not know: named groups `(?<n>...)` become plain
// groups, `\k<n>` becomes `\N`, and with the `s` flag `.` matches line terminators too.
// Capturing groups in a pattern: `(` not followed by `?` (or `(?<name>`), outside classes.
size_t CountGroups(const std::string& source) {
  size_t groups = 0;
  bool in_class = false;
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\\') {
      ++i;
    } else if (in_class) {
      in_class = c != ']';
    } else if (c == '[') {
      in_class = true;
    } else if (c == '(') {
      bool named = i + 2 < source.size() && source[i + 1] == '?' && source[i + 2] == '<' && i + 3 < source.size() &&
                   source[i + 3] != '=' && source[i + 3] != '!';
      if (i + 1 >= source.size() || source[i + 1] != '?' || named) ++groups;
    }
  }
  return groups;
}

std::string Rewrite(Evaluator& ev, const std::string& source, bool dot_all, RegExpData& data) {
  std::string out;
  size_t group = 0;
  const size_t total_groups = CountGroups(source);
  int depth = 0;
  bool in_class = false;
  for (size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\\' && i + 1 < source.size()) {
      char n = source[i + 1];
      if (n == 'k' && i + 2 < source.size() && source[i + 2] == '<') {
        size_t close = source.find('>', i + 3);
        if (close != std::string::npos) {
          std::string name = source.substr(i + 3, close - i - 3);
          for (auto& [k, idx] : data.named) {
            if (k == name) {
              out += "\\" + std::to_string(idx);
              data.has_backref = true;
              i = close;
              goto next;
            }
          }
        }
      }
      if (n >= '1' && n <= '9' && !in_class) {
        // A back-reference: its number must name a group (std::regex overflows on huge ones).
        size_t j = i + 1;
        size_t number = 0;
        while (j < source.size() && source[j] >= '0' && source[j] <= '9' && number <= total_groups) {
          number = number * 10 + static_cast<size_t>(source[j] - '0');
          ++j;
        }
        if (number > total_groups) {
          ev.ThrowError(ev.syntax_error_proto_, "invalid regular expression: back-reference to a missing group",
                        base::DiagKind::EvalError);
        }
        data.has_backref = true;
        out.append(source, i, j - i);
        i = j - 1;
        continue;
      }
      out += c;
      out += n;
      ++i;
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      continue;
    }
    if (c == '(') {
      if (++depth > kMaxPatternNesting) ev.ThrowError(ev.syntax_error_proto_, "regular expression is nested too deeply", base::DiagKind::EvalError);
      if (i + 1 < source.size() && source[i + 1] == '?') {
        if (i + 2 < source.size() && source[i + 2] == '<' && i + 3 < source.size() && source[i + 3] != '=' && source[i + 3] != '!') {
          size_t close = source.find('>', i + 3);
          if (close == std::string::npos) ev.ThrowError(ev.syntax_error_proto_, "invalid regular expression: bad group name", base::DiagKind::EvalError);
          data.named.emplace_back(source.substr(i + 3, close - i - 3), ++group);
          out += '(';
          i = close;
          continue;
        }
        if (i + 2 < source.size() && source[i + 2] == '<') {
          ev.ThrowError(ev.syntax_error_proto_, "lookbehind assertions are not supported", base::DiagKind::EvalUnsupported);
        }
      } else {
        ++group;
      }
      out += c;
      continue;
    }
    if (c == ')') --depth;
    if (c == '{') {
      // Bound counted repetitions ({n}, {n,}, {n,m}) so the automaton stays small.
      unsigned long count = 0;
      for (size_t j = i + 1; j < source.size() && source[j] != '}'; ++j) {
        if (source[j] == ',') {
          count = 0;
          continue;
        }
        if (source[j] < '0' || source[j] > '9') break;
        count = count * 10 + static_cast<unsigned long>(source[j] - '0');
        if (count > 1000) {
          ev.ThrowError(ev.syntax_error_proto_, "regular expression repetition count is too large",
                        base::DiagKind::EvalUnsupported);
        }
      }
    }
    if (c == '.' && dot_all) {
      out += "[\\s\\S]";
      continue;
    }
    out += c;
  next:;
  }
  return out;
}

RegExpData& Compiled(Evaluator& ev, Object* regexp) {
  if (auto* data = dynamic_cast<RegExpData*>(regexp->host.get())) return *data;
  auto data = std::make_shared<RegExpData>();
  const std::string& flags = *regexp->regexp_flags;
  if (regexp->regexp_source->size() > kMaxPatternBytes) {
    ev.ThrowError(ev.syntax_error_proto_, "regular expression is too long", base::DiagKind::EvalUnsupported);
  }
  std::string pattern = Rewrite(ev, *regexp->regexp_source, flags.find('s') != std::string::npos, *data);
  auto syntax = std::regex::ECMAScript;
  if (flags.find('i') != std::string::npos) syntax |= std::regex::icase;
  if (flags.find('m') != std::string::npos) syntax |= std::regex_constants::multiline;
  if (!data->has_backref) syntax |= std::regex_constants::__polynomial;
  try {
    data->re = std::regex(pattern, syntax);
  } catch (const std::regex_error& e) {
    ev.ThrowError(ev.syntax_error_proto_, "invalid regular expression /" + *regexp->regexp_source + "/: " + e.what(),
                  base::DiagKind::EvalError);
  }
  data->global = flags.find('g') != std::string::npos;
  data->sticky = flags.find('y') != std::string::npos;
  RegExpData& ref = *data;
  regexp->host = std::move(data);
  return ref;
}

Object* ThisRegExp(CallContext& ctx, const char* method) { return ThisOfClass(ctx, ObjectClass::RegExp, method); }

}  // namespace

bool RegExpGlobal(const Object* regexp) { return regexp->regexp_flags->find('g') != std::string::npos; }

size_t ByteToUtf16(const std::string& s, size_t byte) {
  if (IsAscii(s)) return byte;
  return Utf16Length(std::string_view(s).substr(0, std::min(byte, s.size())));
}

size_t Utf16ToByte(const std::string& s, size_t index) {
  if (IsAscii(s)) return std::min(index, s.size());
  size_t units = 0, i = 0;
  while (i < s.size() && units < index) {
    uint32_t cp = DecodeUtf8(s, i);
    units += cp >= 0x10000 ? 2 : 1;
  }
  return i;
}

bool RegExpExec(Evaluator& ev, Object* regexp, const std::string& subject, size_t from, RegExpMatch* out) {
  RegExpData& data = Compiled(ev, regexp);
  if (from > subject.size()) return false;
  if (data.has_backref && subject.size() > kMaxBackrefSubject) {
    ev.ThrowError(ev.range_error_proto_, "input is too long for a regular expression with back-references",
                  base::DiagKind::EvalUnsupported);
  }
  auto flags = std::regex_constants::match_default;
  if (from > 0) flags |= std::regex_constants::match_prev_avail;
  if (data.sticky) flags |= std::regex_constants::match_continuous;
  std::smatch m;
  bool found = false;
  try {
    found = std::regex_search(subject.begin() + static_cast<ptrdiff_t>(from), subject.end(), m, data.re, flags);
  } catch (const std::regex_error& e) {
    ev.ThrowError(ev.range_error_proto_, std::string("regular expression failed: ") + e.what(), base::DiagKind::EvalError);
  }
  if (!found) return false;
  out->begin = static_cast<size_t>(m[0].first - subject.begin());
  out->end = static_cast<size_t>(m[0].second - subject.begin());
  out->groups.clear();
  for (size_t i = 0; i < m.size(); ++i) {
    if (m[i].matched) {
      out->groups.emplace_back(m[i].str());
    } else {
      out->groups.emplace_back(std::nullopt);
    }
  }
  out->named = data.named;
  return true;
}

Value MatchToArray(Evaluator& ev, const std::string& subject, const RegExpMatch& m) {
  std::vector<Value> items;
  for (const auto& g : m.groups) items.push_back(g ? ev.Str(*g) : Value());
  Object* array = ev.NewArray(std::move(items));
  array->props.Set("index", Value::Number(static_cast<double>(ByteToUtf16(subject, m.begin))));
  array->props.Set("input", ev.Str(subject));
  if (m.named.empty()) {
    array->props.Set("groups", Value());
  } else {
    Object* groups = ev.NewObject();
    for (const auto& [name, idx] : m.named) {
      groups->props.Set(name, idx < m.groups.size() && m.groups[idx] ? ev.Str(*m.groups[idx]) : Value());
    }
    array->props.Set("groups", Value::Obj(groups));
  }
  return Value::Obj(array);
}

std::string ExpandReplacement(const std::string& replacement, const std::string& subject, const RegExpMatch& m) {
  std::string out;
  for (size_t i = 0; i < replacement.size(); ++i) {
    char c = replacement[i];
    if (c != '$' || i + 1 >= replacement.size()) {
      out += c;
      continue;
    }
    char n = replacement[i + 1];
    if (n == '$') {
      out += '$';
      ++i;
    } else if (n == '&') {
      out += subject.substr(m.begin, m.end - m.begin);
      ++i;
    } else if (n == '`') {
      out += subject.substr(0, m.begin);
      ++i;
    } else if (n == '\'') {
      out += subject.substr(m.end);
      ++i;
    } else if (n >= '0' && n <= '9') {
      size_t idx = static_cast<size_t>(n - '0');
      size_t used = 1;
      if (i + 2 < replacement.size() && replacement[i + 2] >= '0' && replacement[i + 2] <= '9') {
        size_t two = idx * 10 + static_cast<size_t>(replacement[i + 2] - '0');
        if (two > 0 && two < m.groups.size()) {
          idx = two;
          used = 2;
        }
      }
      if (idx > 0 && idx < m.groups.size()) {
        if (m.groups[idx]) out += *m.groups[idx];
        i += used;
      } else {
        out += c;
      }
    } else if (n == '<' && !m.named.empty()) {
      size_t close = replacement.find('>', i + 2);
      if (close == std::string::npos) {
        out += c;
        continue;
      }
      std::string name = replacement.substr(i + 2, close - i - 2);
      for (const auto& [k, idx] : m.named) {
        if (k == name && idx < m.groups.size() && m.groups[idx]) out += *m.groups[idx];
      }
      i = close;
    } else {
      out += c;
    }
  }
  return out;
}

Object* Evaluator::NewRegExp(std::string source, std::string flags) {
  for (char f : flags) {
    if (std::string_view("dgimsuyv").find(f) == std::string_view::npos) {
      ThrowError(syntax_error_proto_, "invalid regular expression flags '" + flags + "'", base::DiagKind::EvalError);
    }
  }
  Object* re = heap_.NewObject(ObjectClass::RegExp, regexp_proto_);
  re->regexp_source = heap_.Intern(source.empty() ? std::string_view("(?:)") : std::string_view(source));
  re->regexp_flags = heap_.Intern(flags);
  re->props.Set("lastIndex", Value::Number(0));
  re->props.Find("lastIndex")->enumerable = false;
  return re;
}

void InstallRegExpBuiltins(Evaluator& ev) {
  Object* proto = ev.regexp_proto_;
  auto make = [](CallContext& ctx) -> Value {
    Evaluator& e = Ev(ctx);
    Value pattern = ctx.Arg(0);
    std::string flags = ctx.Arg(1).IsUndefined() ? "" : ArgString(ctx, 1);
    if (pattern.IsObject() && pattern.AsObject()->cls == ObjectClass::RegExp) {
      Object* src = pattern.AsObject();
      return Value::Obj(e.NewRegExp(*src->regexp_source, ctx.Arg(1).IsUndefined() ? *src->regexp_flags : flags));
    }
    return Value::Obj(e.NewRegExp(pattern.IsUndefined() ? "" : e.ToString(pattern), flags));
  };
  ev.DefineConstructor(ev.global_object(), "RegExp", proto, make, make, 2);
  ev.DefineNative(proto, "exec", [](CallContext& ctx) -> Value {
    Evaluator& e = Ev(ctx);
    Object* re = ThisRegExp(ctx, "RegExp.prototype.exec");
    std::string s = ArgString(ctx, 0);
    bool advance = RegExpGlobal(re) || re->regexp_flags->find('y') != std::string::npos;
    size_t from = 0;
    if (advance) {
      double last = e.ToNumber(e.Get(ctx.this_value, "lastIndex"));
      from = Utf16ToByte(s, std::isnan(last) || last < 0 ? 0 : static_cast<size_t>(std::min(last, 4294967295.0)));
    }
    RegExpMatch m;
    if (!RegExpExec(e, re, s, from, &m)) {
      if (advance) e.Set(ctx.this_value, "lastIndex", Value::Number(0));
      return Value::Null();
    }
    if (advance) {
      e.Set(ctx.this_value, "lastIndex", Value::Number(static_cast<double>(ByteToUtf16(s, m.end))));
    }
    return MatchToArray(e, s, m);
  }, 1);
  ev.DefineNative(proto, "test", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    Value exec = e.Get(ctx.this_value, "exec");
    Value arg[1] = {ctx.Arg(0)};
    return Value::Boolean(!e.Call(exec, ctx.this_value, arg).IsNull());
  }, 1);
  ev.DefineNative(proto, "toString", [](CallContext& ctx) {
    Object* re = ThisRegExp(ctx, "RegExp.prototype.toString");
    return ctx.interp.Str("/" + *re->regexp_source + "/" + *re->regexp_flags);
  });
  ev.DefineGetter(proto, "source", [](CallContext& ctx) {
    return ctx.interp.Str(*ThisRegExp(ctx, "RegExp.prototype.source")->regexp_source);
  });
  ev.DefineGetter(proto, "flags", [](CallContext& ctx) {
    return ctx.interp.Str(*ThisRegExp(ctx, "RegExp.prototype.flags")->regexp_flags);
  });
  ev.DefineGetter(proto, "global", [](CallContext& ctx) {
    return Value::Boolean(RegExpGlobal(ThisRegExp(ctx, "RegExp.prototype.global")));
  });
}

}  // namespace dp::ts
