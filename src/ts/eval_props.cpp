// Property access with JS semantics: prototype chains, getters/setters, array elements and
// length, string indices, function name/length/prototype, opaque values, frozen objects.
#include <cmath>

#include "ts/builtins/unicode.h"
#include "ts/eval.h"

namespace dp::ts {

bool ParseArrayIndex(std::string_view key, uint32_t* out) {
  if (key.empty() || key.size() > 10 || key[0] < '0' || key[0] > '9') return false;
  if (key.size() > 1 && key[0] == '0') return false;
  uint64_t n = 0;
  for (char c : key) {
    if (c < '0' || c > '9') return false;
    n = n * 10 + static_cast<uint64_t>(c - '0');
  }
  if (n >= 4294967295ull) return false;
  *out = static_cast<uint32_t>(n);
  return true;
}

std::string Evaluator::KeyString(Value key) {
  switch (key.kind()) {
    case ValueKind::String: return key.AsString();
    case ValueKind::Number: {
      double d = key.AsNumber();
      if (d >= 0 && d < 1e9 && d == std::floor(d)) return std::to_string(static_cast<uint32_t>(d));
      return NumberToString(d);
    }
    case ValueKind::Object:
      if (key.AsObject()->cls == ObjectClass::Opaque) ThrowOpaque(key.AsObject(), "as a property key");
      return ToString(key);
    default: return ToString(key);
  }
}

Value Evaluator::GetOwnOrProto(Object* object, std::string_view key, Value receiver) {
  for (Object* o = object; o != nullptr; o = o->proto) {
    if (const ts::Property* p = o->props.Find(key)) {
      if (p->getter != nullptr) return CallFunction(p->getter, receiver, {}, current_span_, nullptr);
      return p->value;
    }
  }
  return Value();
}

Value Evaluator::Get(Value object, std::string_view key) {
  switch (object.kind()) {
    case ValueKind::Object: {
      Object* o = object.AsObject();
      switch (o->cls) {
        case ObjectClass::Array: {
          uint32_t index = 0;
          if (ParseArrayIndex(key, &index)) return index < o->elements.size() ? o->elements[index] : Value();
          if (key == "length") return Value::Number(static_cast<double>(o->elements.size()));
          break;
        }
        case ObjectClass::Opaque:
          return NewOpaque(o->opaque);
        case ObjectClass::Function:
          if (o->props.Find(key) == nullptr) {
            if (key == "name") return Str(*o->function_name);
            if (key == "length") return Value::Number(static_cast<double>(NumberOfParams(o)));
            if (key == "prototype" && o->function != nullptr && o->is_constructor) {
              Object* proto = NewObject();
              SetHidden(proto, "constructor", object);
              SetHidden(o, "prototype", Value::Obj(proto));
              return Value::Obj(proto);
            }
          }
          break;
        default:
          break;
      }
      return GetOwnOrProto(o, key, object);
    }
    case ValueKind::String: {
      const std::string& s = object.AsString();
      uint32_t index = 0;
      if (key == "length") return Value::Number(static_cast<double>(IsAscii(s) ? s.size() : Utf16Length(s)));
      if (ParseArrayIndex(key, &index)) return StringCharAt(s, index);
      return GetOwnOrProto(string_proto_, key, object);
    }
    case ValueKind::Number: return GetOwnOrProto(number_proto_, key, object);
    case ValueKind::Boolean: return GetOwnOrProto(boolean_proto_, key, object);
    case ValueKind::BigInt: return GetOwnOrProto(bigint_proto_, key, object);
    case ValueKind::Undefined:
    case ValueKind::Null:
      ThrowTypeError("cannot read properties of " + std::string(object.IsNull() ? "null" : "undefined") +
                         " (reading '" + std::string(key) + "')",
                     base::DiagKind::EvalNullAccess, current_span_);
  }
  return Value();
}

Value Evaluator::StringCharAt(const std::string& s, size_t index) {
  if (IsAscii(s)) return index < s.size() ? Str(std::string_view(s).substr(index, 1)) : Value();
  std::u16string u = ToUtf16(s);
  if (index >= u.size()) return Value();
  return Str(FromUtf16(std::u16string_view(u).substr(index, 1)));
}

Value Evaluator::GetV(Value object, Value key) {
  if (key.IsNumber() && object.IsObject() && object.AsObject()->cls == ObjectClass::Array) {
    double d = key.AsNumber();
    const std::vector<Value>& elements = object.AsObject()->elements;
    if (d >= 0 && d < static_cast<double>(elements.size())) {
      auto index = static_cast<size_t>(d);
      if (static_cast<double>(index) == d) return elements[index];
    }
  }
  if (object.IsNullish()) {
    ThrowTypeError("cannot read properties of " + std::string(object.IsNull() ? "null" : "undefined") +
                       " (reading '" + KeyString(key) + "')",
                   base::DiagKind::EvalNullAccess, current_span_);
  }
  if (key.IsString()) return Get(object, key.AsString());
  return Get(object, KeyString(key));
}

void Evaluator::Set(Value object, std::string_view key, Value value) {
  if (!object.IsObject()) {
    if (object.IsNullish()) {
      ThrowTypeError("cannot set properties of " + std::string(object.IsNull() ? "null" : "undefined") +
                         " (setting '" + std::string(key) + "')",
                     base::DiagKind::EvalNullAccess, current_span_);
    }
    return;  // writes to primitives are ignored
  }
  Object* o = object.AsObject();
  if (o->cls == ObjectClass::Opaque) return;
  if (o->cls == ObjectClass::Array) {
    uint32_t index = 0;
    if (ParseArrayIndex(key, &index)) {
      if (o->frozen) return;
      if (index < o->elements.size()) {
        o->elements[index] = value;
        return;
      }
      if (index <= o->elements.size() + kMaxArrayGap && o->extensible) {
        CheckArrayLength(static_cast<size_t>(index) + 1);
        o->elements.resize(static_cast<size_t>(index) + 1);
        o->elements[index] = value;
        return;
      }
    } else if (key == "length") {
      if (o->frozen) return;
      double n = ToNumber(value);
      if (n < 0 || n != std::floor(n) || n > 4294967295.0) ThrowRangeError("invalid array length");
      CheckArrayLength(static_cast<size_t>(n));
      o->elements.resize(static_cast<size_t>(n));
      return;
    }
  }
  if (ts::Property* p = o->props.Find(key)) {
    if (p->setter != nullptr) {
      Value arg[1] = {value};
      CallFunction(p->setter, object, arg, current_span_, nullptr);
      return;
    }
    if (p->getter != nullptr || o->frozen) return;
    p->value = value;
    return;
  }
  for (Object* q = o->proto; q != nullptr; q = q->proto) {
    if (const ts::Property* p = q->props.Find(key)) {
      if (p->setter != nullptr) {
        Value arg[1] = {value};
        CallFunction(p->setter, object, arg, current_span_, nullptr);
        return;
      }
      if (p->getter != nullptr) return;
      break;
    }
  }
  if (!o->extensible) return;
  o->props.Set(key, value);
}

void Evaluator::SetV(Value object, Value key, Value value) {
  if (key.IsNumber() && object.IsObject() && object.AsObject()->cls == ObjectClass::Array &&
      !object.AsObject()->frozen) {
    double d = key.AsNumber();
    std::vector<Value>& elements = object.AsObject()->elements;
    if (d >= 0 && d <= static_cast<double>(elements.size())) {
      auto index = static_cast<size_t>(d);
      if (static_cast<double>(index) == d) {
        if (index == elements.size()) {
          if (!object.AsObject()->extensible) return;
          CheckArrayLength(index + 1);
          elements.push_back(value);
        } else {
          elements[index] = value;
        }
        return;
      }
    }
  }
  if (key.IsString()) {
    Set(object, key.AsString(), value);
    return;
  }
  Set(object, KeyString(key), value);
}

bool Evaluator::HasProperty(Object* object, std::string_view key) {
  for (Object* o = object; o != nullptr; o = o->proto) {
    if (o->cls == ObjectClass::Array) {
      uint32_t index = 0;
      if (key == "length") return true;
      if (ParseArrayIndex(key, &index) && index < o->elements.size()) return true;
    }
    if (o->cls == ObjectClass::Function && (key == "name" || key == "length")) return true;
    if (o->props.Find(key) != nullptr) return true;
  }
  return false;
}

bool Evaluator::DeleteProperty(Value object, Value key) {
  if (!object.IsObject()) return true;
  Object* o = object.AsObject();
  if (o->frozen) return false;
  std::string k = KeyString(key);
  if (o->cls == ObjectClass::Array) {
    uint32_t index = 0;
    if (ParseArrayIndex(k, &index)) {
      if (index < o->elements.size()) o->elements[index] = Value();
      return true;
    }
    if (k == "length") return false;
  }
  o->props.Remove(k);
  return true;
}

std::vector<std::string> Evaluator::EnumerableKeys(Object* object) {
  std::vector<std::string> keys;
  if (object->cls == ObjectClass::Array) {
    keys.reserve(object->elements.size() + object->props.size());
    for (size_t i = 0; i < object->elements.size(); ++i) keys.push_back(std::to_string(i));
  }
  for (const ts::Property& p : object->props.raw()) {
    // Symbol-keyed properties ("@@name", see Symbol) are not enumerated, as in JS.
    if (p.enumerable && !(p.key.size() > 2 && p.key[0] == '@' && p.key[1] == '@')) keys.push_back(p.key);
  }
  return keys;
}

std::vector<std::string> Evaluator::OwnKeys(Object* object) { return EnumerableKeys(object); }

void Evaluator::SetHidden(Object* target, std::string_view key, Value v) {
  ts::Property& p = target->props.Insert(key);
  p.value = v;
  p.getter = nullptr;
  p.setter = nullptr;
  p.enumerable = false;
}

Object* Evaluator::DefineNative(Object* target, std::string_view name, NativeFn fn, uint32_t length) {
  Object* f = NewFunction(std::string(name), std::move(fn));
  f->date_value = length;  // natives keep their declared length here (functions have no date)
  SetHidden(target, name, Value::Obj(f));
  return f;
}

void Evaluator::DefineGetter(Object* target, std::string_view name, NativeFn fn) {
  Object* f = NewFunction("get " + std::string(name), std::move(fn));
  ts::Property& p = target->props.Insert(name);
  p.getter = f;
  p.enumerable = false;
}

Object* Evaluator::DefineConstructor(Object* target, std::string_view name, Object* prototype, NativeFn call,
                                     NativeFn construct, uint32_t length) {
  Object* ctor = NewFunction(std::string(name), std::move(call));
  ctor->is_constructor = true;
  ctor->date_value = length;
  if (construct) {
    auto extra = std::make_shared<FunctionExtra>();
    extra->construct = std::move(construct);
    ctor->host = std::move(extra);
  }
  if (prototype != nullptr) {
    SetHidden(ctor, "prototype", Value::Obj(prototype));
    SetHidden(prototype, "constructor", Value::Obj(ctor));
  }
  if (target != nullptr) SetHidden(target, name, Value::Obj(ctor));
  return ctor;
}

size_t Evaluator::NumberOfParams(const Object* fn) {
  if (fn->native) return static_cast<size_t>(fn->date_value);
  if (fn->function == nullptr) return 0;
  size_t n = 0;
  for (const Param& p : fn->function->params) {
    if (p.is_rest || p.default_value != nullptr) break;
    ++n;
  }
  return n;
}

std::string Evaluator::FunctionLabel(const Object* fn) {
  if (fn->function_name->empty()) return "anonymous function";
  return *fn->function_name;
}

}  // namespace dp::ts
