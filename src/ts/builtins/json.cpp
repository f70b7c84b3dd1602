// JSON.stringify (replacer function/array, indentation, toJSON) and JSON.parse (reviver).
#include <charconv>
#include <cmath>

#include "ts/builtins/builtins.h"
#include "ts/builtins/unicode.h"

namespace dp::ts {

namespace {

constexpr int kMaxJsonDepth = 1000;

void QuoteJson(std::string& out, std::string_view s) {
  out += '"';
  for (char c : s) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\u%04x", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += '"';
}

class Stringifier {
 public:
  Stringifier(Evaluator& ev, Value replacer, std::string gap) : ev_(ev), gap_(std::move(gap)) {
    if (ev.IsCallable(replacer)) {
      replacer_fn_ = replacer;
    } else if (ev.IsArray(replacer)) {
      has_allow_list_ = true;
      for (Value v : replacer.AsObject()->elements) {
        if (v.IsString() || v.IsNumber()) allow_list_.push_back(ev.KeyString(v));
      }
    }
  }

  // Serializes holder[key]; returns false when the value is skipped (undefined, functions).
  bool Serialize(Value holder, const std::string& key, Value value, std::string& out, int depth) {
    if (depth > kMaxJsonDepth) ev_.ThrowRangeError("JSON.stringify: value is nested too deeply");
    if (value.IsObject() || value.IsBigInt()) {
      if (value.IsObject() && value.AsObject()->cls == ObjectClass::Opaque) ev_.ThrowOpaque(value.AsObject(), "in JSON.stringify");
      Value to_json = ev_.Get(value, "toJSON");
      if (ev_.IsCallable(to_json)) {
        Value arg[1] = {ev_.Str(key)};
        value = ev_.Call(to_json, value, arg);
      }
    }
    if (!replacer_fn_.IsUndefined()) {
      Value args[2] = {ev_.Str(key), value};
      value = ev_.Call(replacer_fn_, holder, args);
    }
    switch (value.kind()) {
      case ValueKind::Undefined: return false;
      case ValueKind::Null: out += "null"; return true;
      case ValueKind::Boolean: out += value.AsBoolean() ? "true" : "false"; return true;
      case ValueKind::Number:
        out += std::isfinite(value.AsNumber()) ? ev_.NumberToString(value.AsNumber()) : "null";
        return true;
      case ValueKind::String: QuoteJson(out, value.AsString()); return true;
      case ValueKind::BigInt: ev_.ThrowTypeError("do not know how to serialize a BigInt");
      case ValueKind::Object: break;
    }
    Object* o = value.AsObject();
    if (o->cls == ObjectClass::Function) return false;
    if (o->cls == ObjectClass::Opaque) ev_.ThrowOpaque(o, "in JSON.stringify");
    for (Object* s : stack_) {
      if (s == o) ev_.ThrowTypeError("converting circular structure to JSON");
    }
    stack_.push_back(o);
    std::string indent = Indent(depth + 1);
    std::string closing = Indent(depth);
    if (o->cls == ObjectClass::Array) {
      if (o->elements.empty()) {
        out += "[]";
      } else {
        out += '[';
        for (size_t i = 0; i < o->elements.size(); ++i) {
          if (i > 0) out += ',';
          out += indent;
          if (!Serialize(value, std::to_string(i), o->elements[i], out, depth + 1)) out += "null";
        }
        out += closing;
        out += ']';
      }
    } else {
      std::vector<std::string> keys = has_allow_list_ ? allow_list_ : ev_.EnumerableKeys(o);
      bool any = false;
      out += '{';
      for (const std::string& k : keys) {
        std::string item;
        if (!Serialize(value, k, ev_.Get(value, k), item, depth + 1)) continue;
        if (any) out += ',';
        any = true;
        out += indent;
        QuoteJson(out, k);
        out += gap_.empty() ? ":" : ": ";
        out += item;
        ev_.CheckStringSize(out.size());
      }
      if (any) out += closing;
      out += '}';
    }
    stack_.pop_back();
    ev_.CheckStringSize(out.size());
    return true;
  }

 private:
  std::string Indent(int depth) const {
    if (gap_.empty()) return "";
    std::string s = "\n";
    for (int i = 0; i < depth; ++i) s += gap_;
    return s;
  }

  Evaluator& ev_;
  std::string gap_;
  Value replacer_fn_;
  bool has_allow_list_ = false;
  std::vector<std::string> allow_list_;
  std::vector<Object*> stack_;
};

class Parser {
 public:
  Parser(Evaluator& ev, std::string_view text) : ev_(ev), text_(text) {}

  std::optional<Value> Parse(std::string* error) {
    try {
      SkipSpace();
      Value v = ParseValue(0);
      SkipSpace();
      if (pos_ != text_.size()) Fail("unexpected character");
      return v;
    } catch (const std::string& message) {
      *error = message;
      return std::nullopt;
    }
  }

 private:
  [[noreturn]] void Fail(const std::string& what) {
    if (pos_ >= text_.size()) throw std::string("unexpected end of JSON input");
    throw std::string(what + " '" + std::string(1, text_[pos_]) + "' in JSON at position " + std::to_string(pos_));
  }
  void SkipSpace() {
    while (pos_ < text_.size() && (text_[pos_] == ' ' || text_[pos_] == '\t' || text_[pos_] == '\n' || text_[pos_] == '\r')) ++pos_;
  }
  bool Consume(std::string_view word) {
    if (text_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }
  Value ParseValue(int depth) {
    if (depth > kMaxJsonDepth) throw std::string("JSON is nested too deeply");
    if (pos_ >= text_.size()) Fail("unexpected end");
    char c = text_[pos_];
    if (c == '{') return ParseObject(depth);
    if (c == '[') return ParseArray(depth);
    if (c == '"') return ev_.Str(ParseString());
    if (Consume("true")) return Value::Boolean(true);
    if (Consume("false")) return Value::Boolean(false);
    if (Consume("null")) return Value::Null();
    if (c == '-' || (c >= '0' && c <= '9')) return ParseNumber();
    Fail("unexpected token");
  }
  Value ParseNumber() {
    size_t start = pos_;
    if (text_[pos_] == '-') ++pos_;
    if (pos_ >= text_.size() || text_[pos_] < '0' || text_[pos_] > '9') Fail("no number after minus sign");
    if (text_[pos_] == '0') {
      ++pos_;
    } else {
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
    }
    if (pos_ < text_.size() && text_[pos_] == '.') {
      ++pos_;
      size_t digits = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      if (pos_ == digits) Fail("unterminated fractional number");
    }
    if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
      ++pos_;
      if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
      size_t digits = pos_;
      while (pos_ < text_.size() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
      if (pos_ == digits) Fail("exponent part is missing a number");
    }
    return Value::Number(ev_.StringToNumber(text_.substr(start, pos_ - start)));
  }
  std::string ParseString() {
    ++pos_;  // opening quote
    std::string out;
    for (;;) {
      if (pos_ >= text_.size()) throw std::string("unterminated string in JSON at position " + std::to_string(pos_));
      char c = text_[pos_];
      if (c == '"') {
        ++pos_;
        return out;
      }
      if (static_cast<unsigned char>(c) < 0x20) Fail("bad control character in string literal");
      if (c != '\\') {
        out += c;
        ++pos_;
        continue;
      }
      ++pos_;
      if (pos_ >= text_.size()) Fail("bad escape");
      char e = text_[pos_++];
      switch (e) {
        case '"': out += '"'; break;
        case '\\': out += '\\'; break;
        case '/': out += '/'; break;
        case 'b': out += '\b'; break;
        case 'f': out += '\f'; break;
        case 'n': out += '\n'; break;
        case 'r': out += '\r'; break;
        case 't': out += '\t'; break;
        case 'u': {
          uint32_t cp = ParseHex4();
          if (cp >= 0xD800 && cp < 0xDC00 && text_.substr(pos_, 2) == "\\u") {
            size_t save = pos_;
            pos_ += 2;
            uint32_t lo = ParseHex4();
            if (lo >= 0xDC00 && lo < 0xE000) {
              cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            } else {
              pos_ = save;
            }
          }
          AppendCodePointUtf8(out, cp);
          break;
        }
        default:
          --pos_;
          Fail("bad escaped character");
      }
    }
  }
  uint32_t ParseHex4() {
    if (pos_ + 4 > text_.size()) Fail("bad Unicode escape");
    uint32_t v = 0;
    for (int i = 0; i < 4; ++i) {
      char c = text_[pos_++];
      int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : -1;
      if (d < 0) {
        --pos_;
        Fail("bad Unicode escape");
      }
      v = v * 16 + static_cast<uint32_t>(d);
    }
    return v;
  }
  Value ParseArray(int depth) {
    ++pos_;
    std::vector<Value> items;
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == ']') {
      ++pos_;
      return Value::Obj(ev_.NewArray());
    }
    for (;;) {
      SkipSpace();
      items.push_back(ParseValue(depth + 1));
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == ']') {
        ++pos_;
        return Value::Obj(ev_.NewArray(std::move(items)));
      }
      Fail("unexpected token");
    }
  }
  Value ParseObject(int depth) {
    ++pos_;
    Object* o = ev_.NewObject();
    SkipSpace();
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return Value::Obj(o);
    }
    for (;;) {
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != '"') Fail("expected property name, got");
      std::string key = ParseString();
      SkipSpace();
      if (pos_ >= text_.size() || text_[pos_] != ':') Fail("expected ':' after property name, got");
      ++pos_;
      SkipSpace();
      Value v = ParseValue(depth + 1);
      if (key == "__proto__") {
        o->props.Set(key, v);
      } else {
        ev_.SetOwn(o, key, v);
      }
      SkipSpace();
      if (pos_ < text_.size() && text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (pos_ < text_.size() && text_[pos_] == '}') {
        ++pos_;
        return Value::Obj(o);
      }
      Fail("unexpected token");
    }
  }

  Evaluator& ev_;
  std::string_view text_;
  size_t pos_ = 0;
};

Value Revive(Evaluator& ev, Value reviver, Value holder, const std::string& key, int depth) {
  if (depth > kMaxJsonDepth) ev.ThrowRangeError("JSON.parse: value is nested too deeply");
  Value value = ev.Get(holder, key);
  if (value.IsObject()) {
    Object* o = value.AsObject();
    for (const std::string& k : ev.EnumerableKeys(o)) {
      Value revived = Revive(ev, reviver, value, k, depth + 1);
      if (revived.IsUndefined()) {
        ev.DeleteProperty(value, ev.Str(k));
      } else {
        ev.SetOwn(o, k, revived);
      }
    }
  }
  Value args[2] = {ev.Str(key), value};
  return ev.Call(reviver, holder, args);
}

}  // namespace

std::optional<std::string> Evaluator::JsonStringify(Value v) { return JsonStringifyWith(v, Value(), ""); }

std::optional<std::string> Evaluator::JsonStringifyWith(Value v, Value replacer, std::string gap) {
  EntryGuard entry(*this);
  Stringifier s(*this, replacer, std::move(gap));
  Object* holder = NewObject();
  holder->props.Set("", v);
  std::string out;
  if (!s.Serialize(Value::Obj(holder), "", v, out, 0)) return std::nullopt;
  return out;
}

std::optional<Value> Evaluator::JsonParse(std::string_view text, std::string* error) {
  Parser parser(*this, text);
  return parser.Parse(error);
}

void InstallJsonBuiltins(Evaluator& ev) {
  Object* json = ev.NewObject();
  ev.SetHidden(ev.global_object(), "JSON", Value::Obj(json));
  ev.DefineNative(json, "stringify", [](CallContext& ctx) -> Value {
    Evaluator& e = Ev(ctx);
    std::string gap;
    Value space = ctx.Arg(2);
    if (space.IsNumber()) {
      double n = std::min(10.0, std::max(0.0, std::trunc(space.AsNumber())));
      gap.assign(static_cast<size_t>(n), ' ');
    } else if (space.IsString()) {
      gap = space.AsString().substr(0, 10);
    }
    std::optional<std::string> out = e.JsonStringifyWith(ctx.Arg(0), ctx.Arg(1), gap);
    if (!out) return Value();
    return e.Str(*out);
  }, 3);
  ev.DefineNative(json, "parse", [](CallContext& ctx) {
    Evaluator& e = Ev(ctx);
    std::string text = ArgString(ctx, 0);
    std::string error;
    std::optional<Value> v = e.JsonParse(text, &error);
    if (!v) e.ThrowError(e.syntax_error_proto_, error, base::DiagKind::EvalError);
    if (e.IsCallable(ctx.Arg(1))) {
      Object* root = e.NewObject();
      root->props.Set("", *v);
      return Revive(e, ctx.Arg(1), Value::Obj(root), "", 0);
    }
    return *v;
  }, 2);
}

}  // namespace dp::ts
