// Expression evaluation: literals, identifiers, member access and optional chains,
// operators, assignments, templates and tagged templates.
#include <algorithm>
#include <cmath>

#include "ts/eval.h"

namespace dp::ts {

namespace {

bool IsSuper(const Expr* e) {
  return e->kind == ExprKind::Identifier && static_cast<const IdentifierExpr*>(e)->name == "super";
}

// The name a function or class gets from what it is assigned to (`const f = () => {}`).
bool IsAnonymousFunctionOrClass(const Expr* e) {
  if (e->kind == ExprKind::Function) return static_cast<const FunctionExpr*>(e)->function->name.empty();
  if (e->kind == ExprKind::Class) return static_cast<const ClassExpr*>(e)->name.empty();
  return false;
}

}  // namespace

Value Evaluator::EvalExpr(const Expr* e) {
  Step(e->span);
  current_span_ = e->span;
  return EvalExprInner(e);
}

// Evaluates `e`, giving anonymous functions and classes the name `name` (JS name inference).
Value Evaluator::EvalNamed(const Expr* e, std::string_view name) {
  if (!IsAnonymousFunctionOrClass(e)) return EvalExpr(e);
  Step(e->span);
  current_span_ = e->span;
  if (e->kind == ExprKind::Class) return EvalClass(static_cast<const ClassExpr*>(e), name);
  return Value::Obj(MakeFunction(static_cast<const FunctionExpr*>(e)->function, env_, name));
}

Value Evaluator::EvalExprInner(const Expr* e) {
  switch (e->kind) {
    case ExprKind::Number:
      return Value::Number(static_cast<const NumberExpr*>(e)->value);
    case ExprKind::BigInt:
      return MakeBigInt(static_cast<const BigIntExpr*>(e)->digits);
    case ExprKind::String:
      return Value::String(&static_cast<const StringExpr*>(e)->value);
    case ExprKind::Template:
      return EvalTemplate(static_cast<const TemplateExpr*>(e));
    case ExprKind::TaggedTemplate:
      return EvalTaggedTemplate(static_cast<const TaggedTemplateExpr*>(e));
    case ExprKind::RegExp: {
      auto* r = static_cast<const RegExpExpr*>(e);
      return Value::Obj(NewRegExp(r->pattern, r->flags));
    }
    case ExprKind::Identifier:
      return EvalIdentifier(static_cast<const IdentifierExpr*>(e));
    case ExprKind::This:
      return ThisValue(e->span);
    case ExprKind::Array:
      return EvalArray(static_cast<const ArrayExpr*>(e));
    case ExprKind::Object:
      return EvalObject(static_cast<const ObjectExpr*>(e));
    case ExprKind::Function: {
      const FunctionNode* node = static_cast<const FunctionExpr*>(e)->function;
      if (node->is_arrow || node->name.empty()) return Value::Obj(MakeFunction(node, env_));
      // A named function expression sees its own name.
      Env* env = NewEnv(env_);
      uint32_t slot = env->Declare(AtomOf(node->name), kBindInitialized);
      Object* fn = MakeFunction(node, env);
      env->bindings[slot].value = Value::Obj(fn);
      return Value::Obj(fn);
    }
    case ExprKind::Class:
      return EvalClass(static_cast<const ClassExpr*>(e), {});
    case ExprKind::Unary:
      return EvalUnary(static_cast<const UnaryExpr*>(e));
    case ExprKind::Update:
      return EvalUpdate(static_cast<const UpdateExpr*>(e));
    case ExprKind::Binary:
      return EvalBinary(static_cast<const BinaryExpr*>(e));
    case ExprKind::Logical:
      return EvalLogical(static_cast<const LogicalExpr*>(e));
    case ExprKind::Assign:
      return EvalAssign(static_cast<const AssignExpr*>(e));
    case ExprKind::Conditional: {
      auto* c = static_cast<const ConditionalExpr*>(e);
      return Truthy(EvalExpr(c->test)) ? EvalExpr(c->consequent) : EvalExpr(c->alternate);
    }
    case ExprKind::Call:
    case ExprKind::Member: {
      Value out;
      if (!EvalChainLink(e, out, nullptr)) return Value();
      return out;
    }
    case ExprKind::New:
      return EvalNew(static_cast<const NewExpr*>(e));
    case ExprKind::Sequence: {
      Value last;
      for (const Expr* x : static_cast<const SequenceExpr*>(e)->exprs) last = EvalExpr(x);
      return last;
    }
    case ExprKind::Spread:
      ThrowAt(syntax_error_proto_, "spread syntax is only allowed in array literals and call arguments",
              base::DiagKind::EvalError, e->span);
    case ExprKind::Yield:
      return EvalYield(static_cast<const YieldExpr*>(e));
    case ExprKind::Await: {
      Value v = EvalExpr(static_cast<const AwaitExpr*>(e)->argument);
      current_span_ = e->span;
      return AwaitValue(v);
    }
  }
  DP_UNREACHABLE();
}

Value Evaluator::ThisValue(base::Span span) {
  if (!frame_->this_ready) {
    ThrowAt(reference_error_proto_, "must call super constructor before accessing 'this' in a derived class",
            base::DiagKind::EvalError, span);
  }
  return frame_->this_value;
}

Value Evaluator::EvalIdentifier(const IdentifierExpr* e) {
  if (e->atom == nullptr) e->atom = Intern(e->name);
  Atom name = e->atom;
  // The parser gives the reserved literals null/true/false as identifiers.
  if (name == atom_null_) return Value::Null();
  if (name == atom_true_) return Value::Boolean(true);
  if (name == atom_false_) return Value::Boolean(false);
  for (Env* env = env_; env != nullptr; env = env->parent) {
    int32_t i = env->Find(name);
    if (i >= 0) return ReadBinding(&env->bindings[static_cast<size_t>(i)], name, e->span);
  }
  if (const Property* p = global_->props.Find(*name)) {
    if (p->getter != nullptr) return CallFunction(p->getter, Value::Obj(global_), {}, e->span, nullptr);
    return p->value;
  }
  if (name == atom_arguments_ && frame_->is_script) return Value::Obj(NewArray({frame_->args.begin(), frame_->args.end()}));
  Object* error = MakeError(reference_error_proto_, "'" + e->name + "' is not defined");
  std::string suggestion = SimilarName(e->name);
  if (!suggestion.empty()) error_notes_.Insert(error, {{{}, "did you mean '" + suggestion + "'?"}});
  throw ScriptException{Value::Obj(error), base::DiagKind::EvalNotDefined, e->span};
}

namespace {

size_t EditDistance(std::string_view a, std::string_view b) {
  std::vector<size_t> row(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (size_t i = 1; i <= a.size(); ++i) {
    size_t diagonal = row[0];
    row[0] = i;
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = up;
    }
  }
  return row[b.size()];
}

}  // namespace

// The visible name closest to `name` (a likely typo), or "" when none is close.
std::string Evaluator::SimilarName(const std::string& name) {
  size_t limit = name.size() <= 3 ? 1 : name.size() <= 8 ? 2 : 3;
  std::string best;
  size_t best_distance = limit + 1;
  auto consider = [&](const std::string& candidate) {
    if (candidate.empty() || candidate == name || candidate[0] == '*' || candidate.find('.') != std::string::npos) return;
    size_t length_gap = candidate.size() > name.size() ? candidate.size() - name.size() : name.size() - candidate.size();
    if (length_gap > limit) return;
    size_t d = EditDistance(name, candidate);
    if (d < best_distance) {
      best_distance = d;
      best = candidate;
    }
  };
  for (Env* env = env_; env != nullptr; env = env->parent) {
    for (const Binding& b : env->bindings) consider(*b.name);
  }
  for (const ts::Property& p : global_->props.raw()) consider(p.key);
  return best;
}

Value Evaluator::ReadBinding(Binding* b, Atom name, base::Span span) {
  while (b->flags & kBindImport) b = &b->import_env->bindings[b->import_index];
  if (!(b->flags & kBindInitialized)) {
    if (b->flags & kBindMissing) ThrowMissingImport(*b, span);
    ThrowAt(reference_error_proto_, "cannot access '" + *name + "' before initialization",
            base::DiagKind::EvalUninitialized, span);
  }
  return b->value;
}

// Evaluates a member or call link of a chain. Returns false when an optional link (`?.`)
// met null/undefined: the rest of the chain is skipped and the chain's value is undefined.
bool Evaluator::EvalChainLink(const Expr* e, Value& out, Value* this_out) {
  if (e->kind == ExprKind::Member) {
    auto* m = static_cast<const MemberExpr*>(e);
    if (IsSuper(m->object)) {
      out = EvalSuperMember(m, this_out);
      return true;
    }
    Value object;
    if (m->in_optional_chain) {
      if (!EvalChainObject(m->object, object, nullptr)) return false;
    } else {
      object = EvalExpr(m->object);
    }
    if (m->optional && object.IsNullish()) return false;
    if (this_out != nullptr) *this_out = object;
    current_span_ = m->span;
    out = GetMember(object, m);
    return true;
  }
  if (e->kind == ExprKind::Call) {
    auto* c = static_cast<const CallExpr*>(e);
    bool short_circuited = false;
    out = EvalCall(c, &short_circuited);
    return !short_circuited;
  }
  out = EvalExpr(e);
  if (this_out != nullptr) *this_out = Value();
  return true;
}

bool Evaluator::EvalChainObject(const Expr* e, Value& out, Value* this_out) {
  if (e->kind == ExprKind::Member || e->kind == ExprKind::Call) {
    Step(e->span);
    current_span_ = e->span;
    return EvalChainLink(e, out, this_out);
  }
  out = EvalExpr(e);
  if (this_out != nullptr) *this_out = Value();
  return true;
}

// The span of a member access from its property on (`.name` / `[key]`), for messages
// about that property; the whole member expression when the text does not match.
base::Span Evaluator::PropertySpan(const MemberExpr* m) {
  base::Span span = m->span;
  if (span.begin.file == 0 || span.begin.file >= sources_.size()) return span;
  const std::string& text = sources_.Get(span.begin.file).text();
  uint32_t end = span.begin.offset + span.length;
  if (end > text.size()) return span;
  uint32_t begin = 0;
  if (m->computed == nullptr) {
    auto size = static_cast<uint32_t>(m->property.size());
    if (size == 0 || end < size || text.compare(end - size, size, m->property) != 0) return span;
    begin = end - size;
  } else {
    begin = m->computed->span.begin.offset;
    if (begin == 0 || begin > end || text[begin - 1] != '[') return span;
    --begin;
  }
  if (begin < span.begin.offset) return span;
  span.length = end - begin;
  span.begin.offset = begin;
  return span;
}

Value Evaluator::GetMember(Value object, const MemberExpr* m) {
  if (m->computed != nullptr) {
    Value key = EvalExpr(m->computed);
    if (object.IsNullish()) {
      ThrowAt(type_error_proto_,
              "cannot read properties of " + std::string(object.IsNull() ? "null" : "undefined") + " (reading '" +
                  KeyString(key) + "')",
              base::DiagKind::EvalNullAccess, PropertySpan(m));
    }
    return GetV(object, key);
  }
  if (object.IsNullish()) {
    ThrowAt(type_error_proto_,
            "cannot read properties of " + std::string(object.IsNull() ? "null" : "undefined") + " (reading '" +
                m->property + "')",
            base::DiagKind::EvalNullAccess, PropertySpan(m));
  }
  return Get(object, m->property);
}

Value Evaluator::EvalTemplate(const TemplateExpr* e) {
  if (e->exprs.empty()) return Value::String(&e->cooked[0]);
  std::string out = e->cooked[0];
  for (size_t i = 0; i < e->exprs.size(); ++i) {
    Value v = EvalExpr(e->exprs[i]);
    if (v.IsString()) {
      out += v.AsString();
    } else {
      current_span_ = e->exprs[i]->span;
      out += ToString(v);
    }
    if (i + 1 < e->cooked.size()) out += e->cooked[i + 1];
    CheckStringSize(out.size());
  }
  return Str(out);
}

Value Evaluator::EvalTaggedTemplate(const TaggedTemplateExpr* e) {
  Value fn;
  Value this_value;
  if (e->tag->kind == ExprKind::Member || e->tag->kind == ExprKind::Call) {
    if (!EvalChainObject(e->tag, fn, &this_value)) fn = Value();
  } else {
    fn = EvalExpr(e->tag);
  }
  // The strings array is created once per call site, frozen, with a frozen `raw` array.
  Object** cached = tagged_strings_.Find(e);
  Object* strings = cached != nullptr ? *cached : nullptr;
  if (strings == nullptr) {
    std::vector<Value> cooked, raw;
    for (const std::string& s : e->quasi->cooked) cooked.push_back(Value::String(&s));
    for (const std::string& s : e->quasi->raw) raw.push_back(Value::String(&s));
    strings = NewArray(std::move(cooked));
    Object* raw_array = NewArray(std::move(raw));
    raw_array->frozen = true;
    raw_array->extensible = false;
    SetHidden(strings, "raw", Value::Obj(raw_array));
    strings->frozen = true;
    strings->extensible = false;
    tagged_strings_.Insert(e, strings);
  }
  ArgBuffer args;
  args.push_back(Value::Obj(strings));
  for (const Expr* x : e->quasi->exprs) args.push_back(EvalExpr(x));
  if (!IsCallable(fn)) {
    ThrowAt(type_error_proto_, CalleeText(e->tag) + " is not a function", base::DiagKind::EvalNotAFunction,
            e->tag->span);
  }
  return CallFunction(fn.AsObject(), this_value, args.span(), e->span, nullptr);
}

Value Evaluator::EvalArray(const ArrayExpr* e) {
  Object* array = NewArray();
  array->elements.reserve(e->elements.size());
  for (const Expr* x : e->elements) {
    if (x == nullptr) {
      array->elements.push_back(Value());
    } else if (x->kind == ExprKind::Spread) {
      Value v = EvalExpr(static_cast<const SpreadExpr*>(x)->argument);
      ValueIterator it(*this, v, x->span);
      Value item;
      while (it.Next(&item)) {
        array->elements.push_back(item);
        CheckArrayLength(array->elements.size());
      }
    } else {
      array->elements.push_back(EvalExpr(x));
    }
  }
  return Value::Obj(array);
}

Value Evaluator::EvalObject(const ObjectExpr* e) {
  Object* object = NewObject();
  for (const ObjectProperty& p : e->properties) {
    if (p.kind == PropertyKind::Spread) {
      Value source = EvalExpr(p.value);
      CopyDataProperties(object, source, {}, p.span);
      continue;
    }
    std::string computed_key;
    std::string_view key = p.key;
    if (p.computed_key != nullptr) {
      computed_key = KeyString(EvalExpr(p.computed_key));
      key = computed_key;
    }
    switch (p.kind) {
      case PropertyKind::KeyValue:
      case PropertyKind::Shorthand: {
        Value v = EvalNamed(p.value, key);
        if (p.kind == PropertyKind::KeyValue && p.computed_key == nullptr && key == "__proto__") {
          if (v.IsObject()) object->proto = v.AsObject();
          if (v.IsNull()) object->proto = nullptr;
          break;
        }
        object->props.Set(key, v);
        break;
      }
      case PropertyKind::Method: {
        Object* fn = MakeMethod(static_cast<const FunctionExpr*>(p.value)->function, env_, key, object);
        object->props.Set(key, Value::Obj(fn));
        break;
      }
      case PropertyKind::Getter:
      case PropertyKind::Setter: {
        std::string name = (p.kind == PropertyKind::Getter ? "get " : "set ") + std::string(key);
        Object* fn = MakeMethod(static_cast<const FunctionExpr*>(p.value)->function, env_, name, object);
        ts::Property& slot = object->props.Insert(key);
        if (slot.getter == nullptr && slot.setter == nullptr) slot.value = Value();
        (p.kind == PropertyKind::Getter ? slot.getter : slot.setter) = fn;
        break;
      }
      case PropertyKind::Spread:
        break;
    }
  }
  return Value::Obj(object);
}

// Copies own enumerable properties of `source` into `target` (object spread, Object.assign,
// rest patterns), skipping `excluded` keys.
void Evaluator::CopyDataProperties(Object* target, Value source, const std::vector<std::string>& excluded,
                                   base::Span span) {
  if (source.IsNullish() || source.IsBoolean() || source.IsNumber() || source.IsBigInt()) return;
  auto skip = [&](std::string_view key) {
    for (const std::string& x : excluded) {
      if (x == key) return true;
    }
    return false;
  };
  if (source.IsString()) {
    std::vector<Value> chars = IterateToVector(source);
    for (size_t i = 0; i < chars.size(); ++i) {
      std::string key = std::to_string(i);
      if (!skip(key)) SetOwn(target, key, chars[i]);
    }
    return;
  }
  Object* from = source.AsObject();
  if (from->cls == ObjectClass::Opaque) {
    current_span_ = span;
    ThrowOpaque(from, "spread");
  }
  if (from->cls == ObjectClass::Array) {
    for (size_t i = 0; i < from->elements.size(); ++i) {
      std::string key = std::to_string(i);
      if (!skip(key)) SetOwn(target, key, from->elements[i]);
    }
  }
  // Index by position: getters may not add properties to `from` while we iterate safely,
  // so take the key list first.
  std::vector<std::string> keys;
  for (const ts::Property& p : from->props.raw()) {
    if (p.enumerable && !skip(p.key)) keys.push_back(p.key);
  }
  for (const std::string& key : keys) {
    const ts::Property* p = from->props.Find(key);
    if (p == nullptr) continue;
    Value v = p->getter != nullptr ? CallFunction(p->getter, source, {}, span, nullptr) : p->value;
    SetOwn(target, key, v);
  }
}

// Defines or overwrites an own data property (no setters, no prototype lookup).
void Evaluator::SetOwn(Object* target, std::string_view key, Value v) {
  if (target->cls == ObjectClass::Array) {
    uint32_t index = 0;
    if (ParseArrayIndex(key, &index) && index <= target->elements.size() + kMaxArrayGap) {
      if (index >= target->elements.size()) {
        CheckArrayLength(static_cast<size_t>(index) + 1);
        target->elements.resize(static_cast<size_t>(index) + 1);
      }
      target->elements[index] = v;
      return;
    }
  }
  target->props.Set(key, v);
}

Value Evaluator::EvalUnary(const UnaryExpr* e) {
  switch (e->op) {
    case UnaryOp::Typeof: {
      // typeof of an undeclared identifier is "undefined", not an error.
      if (e->operand->kind == ExprKind::Identifier) {
        auto* id = static_cast<const IdentifierExpr*>(e->operand);
        Atom name = AtomOf(id->name);
        if (name != atom_null_ && name != atom_true_ && name != atom_false_ && Resolve(name) == nullptr &&
            global_->props.Find(*name) == nullptr) {
          return Str("undefined");
        }
      }
      return Str(TypeOf(EvalExpr(e->operand)));
    }
    case UnaryOp::Delete: {
      if (e->operand->kind != ExprKind::Member) {
        EvalExpr(e->operand);
        return Value::Boolean(true);
      }
      auto* m = static_cast<const MemberExpr*>(e->operand);
      Value object;
      if (!EvalChainObject(m->object, object, nullptr)) return Value::Boolean(true);
      if (m->optional && object.IsNullish()) return Value::Boolean(true);
      Value key = m->computed != nullptr ? EvalExpr(m->computed) : Value::String(&m->property);
      if (object.IsNullish()) {
        ThrowAt(type_error_proto_, "cannot convert undefined or null to object", base::DiagKind::EvalNullAccess,
                m->span);
      }
      return Value::Boolean(DeleteProperty(object, key));
    }
    case UnaryOp::Void:
      EvalExpr(e->operand);
      return Value();
    case UnaryOp::Not:
      return Value::Boolean(!Truthy(EvalExpr(e->operand)));
    case UnaryOp::Minus: {
      Value v = ToNumeric(EvalExpr(e->operand));
      if (v.IsBigInt()) return NegateBigInt(v);
      return Value::Number(-v.AsNumber());
    }
    case UnaryOp::Plus: {
      Value v = EvalExpr(e->operand);
      if (v.IsBigInt()) ThrowAt(type_error_proto_, "cannot convert a BigInt value to a number", base::DiagKind::EvalError, e->span);
      return Value::Number(ToNumber(v));
    }
    case UnaryOp::BitNot: {
      Value v = ToNumeric(EvalExpr(e->operand));
      if (v.IsBigInt()) return BigIntOperation(BinaryOp::Sub, NegateBigInt(v), MakeBigInt("1"), e->span);
      return Value::Number(static_cast<double>(~ToInt32(v.AsNumber())));
    }
  }
  DP_UNREACHABLE();
}


Evaluator::Reference Evaluator::EvalReference(const Expr* target, base::Span span) {
  Reference ref;
  ref.span = span;
  if (target->kind == ExprKind::Identifier) {
    ref.name = AtomOf(static_cast<const IdentifierExpr*>(target)->name);
    ref.span = target->span;
    return ref;
  }
  if (target->kind == ExprKind::Member) {
    auto* m = static_cast<const MemberExpr*>(target);
    ref.is_member = true;
    ref.span = m->span;
    if (IsSuper(m->object)) {
      ref.object = ThisValue(m->span);
    } else {
      ref.object = EvalExpr(m->object);
    }
    ref.key = m->computed != nullptr ? EvalExpr(m->computed) : Value::String(&m->property);
    if (ref.object.IsNullish()) {
      ThrowAt(type_error_proto_,
              "cannot set properties of " + std::string(ref.object.IsNull() ? "null" : "undefined") + " (setting '" +
                  KeyString(ref.key) + "')",
              base::DiagKind::EvalNullAccess, PropertySpan(m));
    }
    return ref;
  }
  ThrowAt(syntax_error_proto_, "invalid assignment target", base::DiagKind::EvalError, target->span);
}

Value Evaluator::ReadReference(const Reference& ref) {
  if (!ref.is_member) {
    for (Env* env = env_; env != nullptr; env = env->parent) {
      int32_t i = env->Find(ref.name);
      if (i >= 0) return ReadBinding(&env->bindings[static_cast<size_t>(i)], ref.name, ref.span);
    }
    if (const ts::Property* p = global_->props.Find(*ref.name)) return p->value;
    ThrowAt(reference_error_proto_, "'" + *ref.name + "' is not defined", base::DiagKind::EvalNotDefined, ref.span);
  }
  return GetV(ref.object, ref.key);
}

void Evaluator::WriteReference(const Reference& ref, Value v) {
  if (!ref.is_member) {
    AssignIdentifier(ref.name, v, ref.span, BindMode::Assign);
    return;
  }
  SetV(ref.object, ref.key, v);
}

Value Evaluator::EvalUpdate(const UpdateExpr* e) {
  Reference ref = EvalReference(e->target, e->span);
  Value old = ToNumeric(ReadReference(ref));
  Value updated;
  if (old.IsBigInt()) {
    updated = BigIntOperation(e->increment ? BinaryOp::Add : BinaryOp::Sub, old, MakeBigInt("1"), e->span);
  } else {
    updated = Value::Number(old.AsNumber() + (e->increment ? 1 : -1));
  }
  WriteReference(ref, updated);
  return e->prefix ? updated : old;
}

Value Evaluator::EvalBinary(const BinaryExpr* e) {
  Value a = EvalExpr(e->left);
  Value b = EvalExpr(e->right);
  // Fast paths for the common number and string cases.
  if (a.IsNumber() && b.IsNumber()) {
    double x = a.AsNumber(), y = b.AsNumber();
    switch (e->op) {
      case BinaryOp::Add: return Value::Number(x + y);
      case BinaryOp::Sub: return Value::Number(x - y);
      case BinaryOp::Mul: return Value::Number(x * y);
      case BinaryOp::Lt: return Value::Boolean(x < y);
      case BinaryOp::LtEq: return Value::Boolean(x <= y);
      case BinaryOp::Gt: return Value::Boolean(x > y);
      case BinaryOp::GtEq: return Value::Boolean(x >= y);
      case BinaryOp::StrictEq:
      case BinaryOp::Eq: return Value::Boolean(x == y);
      case BinaryOp::StrictNotEq:
      case BinaryOp::NotEq: return Value::Boolean(x != y);
      default: break;
    }
  }
  current_span_ = e->span;
  return BinaryOperation(e->op, a, b, e->span);
}

Value Evaluator::EvalLogical(const LogicalExpr* e) {
  Value a = EvalExpr(e->left);
  switch (e->op) {
    case LogicalOp::And: return Truthy(a) ? EvalExpr(e->right) : a;
    case LogicalOp::Or: return Truthy(a) ? a : EvalExpr(e->right);
    case LogicalOp::Nullish: return a.IsNullish() ? EvalExpr(e->right) : a;
  }
  DP_UNREACHABLE();
}

Value Evaluator::EvalAssign(const AssignExpr* e) {
  const Pattern* target = e->target;
  if (!e->binary_op && !e->logical_op) {
    if (target->kind == PatternKind::Identifier) {
      Value v = EvalNamed(e->value, target->name);
      AssignIdentifier(AtomOf(target->name), v, target->span, BindMode::Assign);
      return v;
    }
    if (target->kind == PatternKind::Member) {
      Reference ref = EvalReference(target->member, target->span);
      Value v = EvalExpr(e->value);
      WriteReference(ref, v);
      return v;
    }
    Value v = EvalExpr(e->value);
    BindPattern(target, v, BindMode::Assign);
    return v;
  }
  Reference ref;
  if (target->kind == PatternKind::Member) {
    ref = EvalReference(target->member, e->span);
  } else if (target->kind == PatternKind::Identifier) {
    ref.name = AtomOf(target->name);
    ref.span = target->span;
  } else {
    ThrowAt(syntax_error_proto_, "invalid compound assignment target", base::DiagKind::EvalError, e->span);
  }
  Value old = ReadReference(ref);
  if (e->logical_op) {
    bool assign = false;
    switch (*e->logical_op) {
      case LogicalOp::And: assign = Truthy(old); break;
      case LogicalOp::Or: assign = !Truthy(old); break;
      case LogicalOp::Nullish: assign = old.IsNullish(); break;
    }
    if (!assign) return old;
    Value v = target->kind == PatternKind::Identifier ? EvalNamed(e->value, target->name) : EvalExpr(e->value);
    WriteReference(ref, v);
    return v;
  }
  Value rhs = EvalExpr(e->value);
  current_span_ = e->span;
  Value v = BinaryOperation(*e->binary_op, old, rhs, e->span);
  WriteReference(ref, v);
  return v;
}

}  // namespace dp::ts
