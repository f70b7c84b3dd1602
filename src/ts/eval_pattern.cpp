// Bindings: identifier resolution and assignment, and destructuring patterns (object and
// array, with defaults and rest) for declarations, parameters, assignments and for-of.
#include "ts/eval.h"

namespace dp::ts {

uint32_t Env::Declare(Atom name, uint8_t flags, Value value) {
  constexpr size_t kIndexThreshold = 12;
  auto slot = static_cast<uint32_t>(bindings.size());
  Binding& b = bindings.emplace_back();
  b.name = name;
  b.flags = flags;
  b.value = value;
  if (bindings.size() <= kIndexThreshold) return slot;
  if (bindings.size() * 2 > index.size()) {
    // Rebuild at four times the size (first occurrence of a name wins, as in Find's scan).
    size_t capacity = 64;
    while (capacity < bindings.size() * 4) capacity *= 2;
    index.assign(capacity, 0);
    size_t mask = index.size() - 1;
    for (uint32_t i = 0; i < bindings.size(); ++i) {
      size_t k = HashAtom(bindings[i].name) & mask;
      bool duplicate = false;
      while (index[k] != 0) {
        duplicate = duplicate || bindings[index[k] - 1].name == bindings[i].name;
        k = (k + 1) & mask;
      }
      if (!duplicate) index[k] = i + 1;
    }
    return slot;
  }
  size_t mask = index.size() - 1;
  size_t k = HashAtom(name) & mask;
  while (index[k] != 0) {
    if (bindings[index[k] - 1].name == name) return slot;  // an earlier binding keeps the name
    k = (k + 1) & mask;
  }
  index[k] = slot + 1;
  return slot;
}

Binding* Evaluator::Resolve(Atom name) {
  for (Env* env = env_; env != nullptr; env = env->parent) {
    int32_t i = env->Find(name);
    if (i >= 0) return &env->bindings[static_cast<size_t>(i)];
  }
  return nullptr;
}

void Evaluator::AssignIdentifier(Atom name, Value v, base::Span span, BindMode mode) {
  if (mode == BindMode::Assign) {
    Binding* b = Resolve(name);
    if (b == nullptr) {
      if (global_->props.Find(*name) != nullptr) {
        Set(Value::Obj(global_), *name, v);
        return;
      }
      ThrowAt(reference_error_proto_, "'" + *name + "' is not defined", base::DiagKind::EvalNotDefined, span);
    }
    if (b->flags & (kBindImport | kBindMissing)) {
      ThrowAt(type_error_proto_, "cannot assign to import '" + *name + "'", base::DiagKind::EvalError, span);
    }
    if (!(b->flags & kBindInitialized)) {
      ThrowAt(reference_error_proto_, "cannot access '" + *name + "' before initialization",
              base::DiagKind::EvalUninitialized, span);
    }
    if (!(b->flags & kBindMutable)) {
      ThrowAt(type_error_proto_, "assignment to constant variable '" + *name + "'", base::DiagKind::EvalError, span);
    }
    b->value = v;
    return;
  }
  int32_t i = env_->Find(name);
  uint32_t slot = i >= 0 ? static_cast<uint32_t>(i) : env_->Declare(name, 0);
  Binding& b = env_->bindings[slot];
  b.value = v;
  b.flags = kBindInitialized | (mode == BindMode::InitConst ? 0 : kBindMutable);
}

void Evaluator::BindPattern(const Pattern* p, Value v, BindMode mode) {
  Step(p->span);
  switch (p->kind) {
    case PatternKind::Identifier:
      AssignIdentifier(AtomOf(p->name), v, p->span, mode);
      return;
    case PatternKind::Member: {
      Reference ref = EvalReference(p->member, p->span);
      WriteReference(ref, v);
      return;
    }
    case PatternKind::Object: {
      if (v.IsNullish()) {
        ThrowAt(type_error_proto_,
                std::string("cannot destructure ") + (v.IsNull() ? "null" : "undefined") + " as it is not an object",
                base::DiagKind::EvalNullAccess, p->span);
      }
      if (v.IsObject() && v.AsObject()->cls == ObjectClass::Opaque) {
        current_span_ = p->span;
        ThrowOpaque(v.AsObject(), "destructure it");
      }
      std::vector<std::string> used;
      for (const ObjectPatternProperty& prop : p->properties) {
        std::string key = prop.computed_key != nullptr ? KeyString(EvalExpr(prop.computed_key)) : prop.key;
        Value x = Get(v, key);
        if (x.IsUndefined() && prop.default_value != nullptr) {
          x = prop.value->kind == PatternKind::Identifier ? EvalNamed(prop.default_value, prop.value->name)
                                                           : EvalExpr(prop.default_value);
        }
        BindPattern(prop.value, x, mode);
        if (p->rest != nullptr) used.push_back(std::move(key));
      }
      if (p->rest != nullptr) {
        Object* rest = NewObject();
        CopyDataProperties(rest, v, used, p->span);
        BindPattern(p->rest, Value::Obj(rest), mode);
      }
      return;
    }
    case PatternKind::Array: {
      ValueIterator it(*this, v, p->span);
      bool done = false;
      for (size_t i = 0; i < p->elements.size(); ++i) {
        Value x;
        if (!done && !it.Next(&x)) done = true;
        const Pattern* element = p->elements[i];
        if (element == nullptr) continue;
        const Expr* def = i < p->element_defaults.size() ? p->element_defaults[i] : nullptr;
        if (x.IsUndefined() && def != nullptr) {
          x = element->kind == PatternKind::Identifier ? EvalNamed(def, element->name) : EvalExpr(def);
        }
        BindPattern(element, x, mode);
      }
      if (p->rest != nullptr) {
        std::vector<Value> rest;
        Value x;
        while (!done && it.Next(&x)) {
          rest.push_back(x);
          CheckArrayLength(rest.size());
        }
        BindPattern(p->rest, Value::Obj(NewArray(std::move(rest))), mode);
      }
      return;
    }
  }
}

}  // namespace dp::ts
