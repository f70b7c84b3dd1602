// Printing values: Inspect (console.log and the golden tests; a deterministic, single-line
// cousin of Node's util.inspect) and Describe (short forms for error messages).
#include <cmath>

#include "ts/builtins/builtins.h"
#include "ts/eval.h"

namespace dp::ts {

namespace {

constexpr int kMaxInspectDepth = 6;

bool IsIdentifierKey(std::string_view key) {
  if (key.empty()) return false;
  for (size_t i = 0; i < key.size(); ++i) {
    char c = key[i];
    bool ok = c == '_' || c == '$' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
    if (!ok) return false;
  }
  return true;
}

std::string QuoteString(std::string_view s) {
  char quote = '\'';
  if (s.find('\'') != std::string_view::npos && s.find('"') == std::string_view::npos) quote = '"';
  std::string out(1, quote);
  for (char c : s) {
    switch (c) {
      case '\n': out += "\\n"; break;
      case '\t': out += "\\t"; break;
      case '\r': out += "\\r"; break;
      case '\\': out += "\\\\"; break;
      default:
        if (c == quote) {
          out += '\\';
          out += c;
        } else if (static_cast<unsigned char>(c) < 0x20) {
          char buf[8];
          std::snprintf(buf, sizeof(buf), "\\x%02X", static_cast<unsigned char>(c));
          out += buf;
        } else {
          out += c;
        }
    }
  }
  out += quote;
  return out;
}

}  // namespace

std::string Evaluator::Inspect(Value v, bool top_level_strings_raw) {
  if (top_level_strings_raw && v.IsString()) return v.AsString();
  std::string out;
  std::vector<Object*> seen;
  InspectInto(out, v, 0, seen);
  return out;
}

std::string Evaluator::ConstructorName(Object* o) {
  if (o->proto == nullptr) return "[Object: null prototype]";
  if (o->proto == object_proto_) return "";
  for (Object* p = o->proto; p != nullptr && p != object_proto_; p = p->proto) {
    const ts::Property* c = p->props.Find("constructor");
    if (c != nullptr && c->value.IsObject() && c->value.AsObject()->cls == ObjectClass::Function) {
      return *c->value.AsObject()->function_name;
    }
  }
  return "";
}

void Evaluator::InspectInto(std::string& out, Value v, int depth, std::vector<Object*>& seen) {
  switch (v.kind()) {
    case ValueKind::Undefined: out += "undefined"; return;
    case ValueKind::Null: out += "null"; return;
    case ValueKind::Boolean: out += v.AsBoolean() ? "true" : "false"; return;
    case ValueKind::Number:
      out += (v.AsNumber() == 0 && std::signbit(v.AsNumber())) ? "-0" : NumberToString(v.AsNumber());
      return;
    case ValueKind::BigInt: out += v.AsBigInt() + "n"; return;
    case ValueKind::String: out += QuoteString(v.AsString()); return;
    case ValueKind::Object: break;
  }
  Object* o = v.AsObject();
  for (Object* s : seen) {
    if (s == o) {
      out += "[Circular]";
      return;
    }
  }
  switch (o->cls) {
    case ObjectClass::Function: {
      auto* extra = !o->native ? static_cast<FunctionExtra*>(o->host.get()) : nullptr;
      if (extra != nullptr && extra->cls != nullptr) {
        out += o->function_name->empty() ? "[class (anonymous)]" : "[class " + *o->function_name + "]";
      } else {
        out += o->function_name->empty() ? "[Function (anonymous)]" : "[Function: " + *o->function_name + "]";
      }
      return;
    }
    case ObjectClass::Opaque:
      out += "[opaque " + o->opaque->description + "]";
      return;
    case ObjectClass::Date:
      out += std::isnan(o->date_value) ? "Invalid Date" : DateToIso(o->date_value);
      return;
    case ObjectClass::RegExp:
      out += "/" + *o->regexp_source + "/" + *o->regexp_flags;
      return;
    case ObjectClass::Error: {
      const ts::Property* stack = o->props.Find("stack");
      out += stack != nullptr && stack->value.IsString() ? stack->value.AsString() : "Error";
      return;
    }
    default:
      break;
  }
  if (depth >= kMaxInspectDepth) {
    out += o->cls == ObjectClass::Array ? "[Array]" : "[Object]";
    return;
  }
  seen.push_back(o);
  std::vector<std::string> parts;
  auto render = [&](Value x) {
    std::string s;
    InspectInto(s, x, depth + 1, seen);
    return s;
  };
  if (o->cls == ObjectClass::Map || o->cls == ObjectClass::Set) {
    bool map = o->cls == ObjectClass::Map;
    for (const auto& [key, value] : o->entries) parts.push_back(map ? render(key) + " => " + render(value) : render(key));
    out += (map ? "Map(" : "Set(") + std::to_string(o->entries.size()) + ") ";
  } else if (o->cls == ObjectClass::Array) {
    for (const Value& e : o->elements) parts.push_back(render(e));
  } else if (auto* promise = dynamic_cast<PromiseState*>(o->host.get())) {
    parts.push_back(promise->rejected ? "<rejected> " + render(promise->value) : render(promise->value));
    out += "Promise ";
  } else {
    std::string name = ConstructorName(o);
    if (!name.empty()) out += name + " ";
  }
  for (const ts::Property& p : o->props.raw()) {
    if (!p.enumerable || (p.key.size() > 2 && p.key[0] == '@' && p.key[1] == '@')) continue;
    uint32_t index = 0;
    std::string key = IsIdentifierKey(p.key) || ParseArrayIndex(p.key, &index) ? p.key : QuoteString(p.key);
    if (p.getter != nullptr || p.setter != nullptr) {
      parts.push_back(key + ": " + (p.getter && p.setter ? "[Getter/Setter]" : p.getter ? "[Getter]" : "[Setter]"));
    } else {
      parts.push_back(key + ": " + render(p.value));
    }
  }
  seen.pop_back();
  bool array = o->cls == ObjectClass::Array;
  if (parts.empty()) {
    out += array ? "[]" : "{}";
    return;
  }
  out += array ? "[ " : "{ ";
  for (size_t i = 0; i < parts.size(); ++i) {
    if (i > 0) out += ", ";
    out += parts[i];
  }
  out += array ? " ]" : " }";
}

std::string Evaluator::Describe(Value v) {
  switch (v.kind()) {
    case ValueKind::String: {
      std::string s = v.AsString();
      if (s.size() > 40) s = s.substr(0, 37) + "...";
      return "\"" + s + "\"";
    }
    case ValueKind::Object: {
      Object* o = v.AsObject();
      switch (o->cls) {
        case ObjectClass::Function:
          return o->function_name->empty() ? "anonymous function" : "function " + *o->function_name;
        case ObjectClass::Opaque: return "<opaque value from " + o->opaque->description + ">";
        case ObjectClass::Array: return "[object Array]";
        case ObjectClass::Date: return "[object Date]";
        case ObjectClass::RegExp: return "/" + *o->regexp_source + "/" + *o->regexp_flags;
        case ObjectClass::Error: return "[object Error]";
        case ObjectClass::Map: return "[object Map]";
        case ObjectClass::Set: return "[object Set]";
        default: return "[object Object]";
      }
    }
    default:
      return Inspect(v);
  }
}

}  // namespace dp::ts
