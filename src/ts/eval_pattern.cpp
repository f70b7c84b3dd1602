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
  if (index) {
    index->emplace(name, slot);
  } else if (bindings.size() > kIndexThreshold) {
    index = std::make_unique<std::unordered_map<Atom, uint32_t>>();
    index->reserve(bindings.size() * 2);
    for (uint32_t i = 0; i < bindings.size(); ++i) index->emplace(bindings[i].name, i);
  }
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
    if (b->flags & kBindImport) {
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
