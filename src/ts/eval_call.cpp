// Calls: script closures and natives, `new`, parameters, classes (fields, methods,
// accessors, extends/super) and async functions (run synchronously, results wrapped).
#include <fmt/format.h>

#include "ts/eval.h"

namespace dp::ts {

namespace {

bool IsSuperExpr(const Expr* e) {
  return e->kind == ExprKind::Identifier && static_cast<const IdentifierExpr*>(e)->name == "super";
}

}  // namespace



base::Span Evaluator::CallSpan(const CallExpr* c) {
  base::Span span = c->span;
  if (c->callee->kind != ExprKind::Member) return span;
  auto* m = static_cast<const MemberExpr*>(c->callee);
  if (m->computed != nullptr || m->property.empty()) return span;
  uint32_t member_end = m->span.begin.offset + m->span.length;
  auto size = static_cast<uint32_t>(m->property.size());
  if (m->span.begin.file == 0 || m->span.begin.file >= sources_.size() || member_end < size) return span;
  const std::string& text = sources_.Get(m->span.begin.file).text();
  uint32_t begin = member_end - size;
  if (member_end > text.size() || text.compare(begin, size, m->property) != 0) return span;
  uint32_t call_end = c->span.begin.offset + c->span.length;
  if (call_end < begin) return span;
  span.begin.offset = begin;
  span.length = call_end - begin;
  return span;
}

std::string Evaluator::CalleeText(const Expr* callee) {
  switch (callee->kind) {
    case ExprKind::Identifier:
      return static_cast<const IdentifierExpr*>(callee)->name;
    case ExprKind::This:
      return "this";
    case ExprKind::Member: {
      auto* m = static_cast<const MemberExpr*>(callee);
      std::string object = CalleeText(m->object);
      if (m->computed == nullptr) return object + (m->optional ? "?." : ".") + m->property;
      if (m->computed->kind == ExprKind::String) {
        return object + "[\"" + static_cast<const StringExpr*>(m->computed)->value + "\"]";
      }
      if (m->computed->kind == ExprKind::Number || m->computed->kind == ExprKind::Identifier) {
        return object + "[" + SourceText(m->computed->span, "...") + "]";
      }
      return object + "[...]";
    }
    case ExprKind::Call:
      return CalleeText(static_cast<const CallExpr*>(callee)->callee) + "(...)";
    default:
      return SourceText(callee->span, "expression");
  }
}

std::string Evaluator::SourceText(base::Span span, std::string_view fallback) {
  if (span.begin.file == 0 || span.begin.file >= sources_.size()) return std::string(fallback);
  const std::string& text = sources_.Get(span.begin.file).text();
  if (span.begin.offset + span.length > text.size() || span.length > 60) return std::string(fallback);
  std::string out = text.substr(span.begin.offset, span.length);
  if (out.find('\n') != std::string::npos) return std::string(fallback);
  return out;
}

void Evaluator::EvalArguments(const std::vector<Expr*>& args, ArgBuffer& out) {
  for (const Expr* a : args) {
    if (a->kind == ExprKind::Spread) {
      Value v = EvalExpr(static_cast<const SpreadExpr*>(a)->argument);
      ValueIterator it(*this, v, a->span);
      Value item;
      while (it.Next(&item)) {
        out.push_back(item);
        CheckArrayLength(out.size());
      }
    } else {
      out.push_back(EvalExpr(a));
    }
  }
}

Value Evaluator::EvalCall(const CallExpr* c, bool* short_circuited) {
  if (IsSuperExpr(c->callee)) return EvalSuperCall(c);
  Value fn;
  Value this_value;
  if (c->callee->kind == ExprKind::Member || c->callee->kind == ExprKind::Call) {
    bool ok = EvalChainObject(c->callee, fn, &this_value);
    if (!ok) {
      if (c->in_optional_chain) {
        *short_circuited = true;
        return Value();
      }
      fn = Value();
    }
  } else {
    fn = EvalExpr(c->callee);
  }
  if (c->optional && fn.IsNullish()) {
    *short_circuited = true;
    return Value();
  }
  ArgBuffer args;
  EvalArguments(c->arguments, args);
  base::Span span = CallSpan(c);
  if (!fn.IsObject() || !fn.AsObject()->IsCallable()) {
    ThrowAt(type_error_proto_, CalleeText(c->callee) + " is not a function", base::DiagKind::EvalNotAFunction, span);
  }
  return CallFunction(fn.AsObject(), this_value, args.span(), span, nullptr);
}

Value Evaluator::EvalNew(const NewExpr* e) {
  Value fn = EvalExpr(e->callee);
  ArgBuffer args;
  EvalArguments(e->arguments, args);
  if (!fn.IsObject() || !(fn.AsObject()->is_constructor || fn.AsObject()->cls == ObjectClass::Opaque)) {
    ThrowAt(type_error_proto_, CalleeText(e->callee) + " is not a constructor", base::DiagKind::EvalNotAFunction,
            e->span);
  }
  return ConstructObject(fn.AsObject(), args.span(), fn.AsObject(), e->span);
}

Value Evaluator::CallFunction(Object* fn, Value this_value, std::span<const Value> args, base::Span call_span,
                              Object* new_target) {
  if (fn->cls == ObjectClass::Opaque) return NewOpaque(fn->opaque);
  if (fn->cls != ObjectClass::Function) {
    ThrowAt(type_error_proto_, Describe(Value::Obj(fn)) + " is not a function", base::DiagKind::EvalNotAFunction,
            call_span);
  }
  DepthGuard depth(*this, call_span);
  if (fn->native) return CallNative(fn->native, this_value, args, call_span);
  return CallScript(fn, this_value, args, call_span, new_target);
}

Value Evaluator::CallNative(const NativeFn& native, Value this_value, std::span<const Value> args,
                            base::Span call_span) {
  ContextSave save(*this);
  current_call_span_ = call_span;
  current_span_ = call_span;
  CallContext ctx{*this, this_value, args, call_span};
  try {
    return native(ctx);
  } catch (ScriptException& ex) {
    if (ex.span.begin.file == 0) ex.span = call_span;
    throw;
  }
}

Value Evaluator::CallScript(Object* fn, Value this_value, std::span<const Value> args, base::Span call_span,
                            Object* new_target) {
  const FunctionNode* node = fn->function;
  auto* extra = static_cast<FunctionExtra*>(fn->host.get());
  if (extra != nullptr && extra->cls != nullptr && new_target == nullptr) {
    ThrowAt(type_error_proto_, "class constructor " + FunctionLabel(fn) + " cannot be invoked without 'new'",
            base::DiagKind::EvalNotAFunction, call_span);
  }
  Frame frame;
  // Generators run eagerly: the body runs to completion and the values it yields become an
  // iterator (enough for `*[Symbol.iterator]()` helpers; an endless generator hits the step
  // limit, and `yield` expressions evaluate to undefined).
  std::vector<Value> yielded;
  if (node->is_generator) frame.yields = &yielded;
  frame.parent = frame_;
  frame.callee = fn;
  frame.args = args;
  frame.call_span = call_span;
  frame.is_script = true;
  if (node->is_arrow) {
    frame.this_value = fn->bound_this;
    frame.home_object = extra != nullptr ? extra->home_object : nullptr;
  } else {
    frame.this_value = this_value;
    frame.new_target = new_target;
    frame.home_object = extra != nullptr ? extra->home_object : nullptr;
    frame.this_ready = !(extra != nullptr && extra->derived && new_target != nullptr);
  }
  ContextSave save(*this);
  Env* env = NewEnv(fn->closure);
  env_ = env;
  frame_ = &frame;
  current_call_span_ = call_span;
  Value result;
  try {
    BindParameters(node, args);
    if (node->expression_body != nullptr) {
      result = EvalExpr(node->expression_body);
    } else {
      Hoist(ScopeOf(node->body, true), env);
      if (ExecStatements(node->body) == Flow::Return) result = return_value_;
      return_value_ = Value();
    }
  } catch (ScriptException& ex) {
    if (!node->is_async) {
      NoteUnwinding();
      throw;
    }
    unwinding_ = false;
    return Value::Obj(NewPromise(ex.value, true));
  }
  if (new_target != nullptr) {
    if (result.IsObject()) return result;
    if (!frame.this_ready) {
      ThrowAt(reference_error_proto_, "derived class constructor must call super() before returning",
              base::DiagKind::EvalError, call_span);
    }
    return frame.this_value;
  }
  if (node->is_generator) {
    Object* iterator = NewIterator(std::move(yielded));
    return node->is_async ? Value::Obj(NewPromise(Value::Obj(iterator), false)) : Value::Obj(iterator);
  }
  if (node->is_async) {
    if (result.IsObject() && result.AsObject()->proto == promise_proto_) return result;
    return Value::Obj(NewPromise(result, false));
  }
  return result;
}

Value Evaluator::EvalYield(const YieldExpr* e) {
  if (frame_->yields == nullptr) {
    ThrowAt(syntax_error_proto_, "yield is only valid in generator functions", base::DiagKind::EvalError, e->span);
  }
  std::vector<Value>& out = *frame_->yields;
  if (e->delegate) {
    Value iterable = e->argument != nullptr ? EvalExpr(e->argument) : Value();
    ValueIterator it(*this, iterable, e->span);
    Value item;
    while (it.Next(&item)) {
      out.push_back(item);
      CheckGeneratorSize(out.size(), e->span);
    }
    return Value();
  }
  out.push_back(e->argument != nullptr ? EvalExpr(e->argument) : Value());
  CheckGeneratorSize(out.size(), e->span);
  return Value();
}

void Evaluator::CheckGeneratorSize(size_t count, base::Span span) {
  if (count <= kMaxGeneratorValues) return;
  Abort(base::DiagKind::EvalUnsupported,
        fmt::format("generator yielded more than {} values; generators run to completion before their values "
                    "are used (lazy generators are not supported), so an endless generator cannot be consumed",
                    kMaxGeneratorValues),
        span);
}

void Evaluator::NoteUnwinding() {
  if (unwinding_) return;
  unwinding_ = true;
  pending_notes_ = CaptureNotes();
}

void Evaluator::BindParameters(const FunctionNode* node, std::span<const Value> args) {
  for (size_t i = 0; i < node->params.size(); ++i) {
    const Param& param = node->params[i];
    Value v;
    if (param.is_rest) {
      std::vector<Value> rest;
      if (i < args.size()) rest.assign(args.begin() + static_cast<ptrdiff_t>(i), args.end());
      v = Value::Obj(NewArray(std::move(rest)));
    } else {
      if (i < args.size()) v = args[i];
      if (v.IsUndefined() && param.default_value != nullptr) {
        v = EvalNamed(param.default_value, param.pattern->kind == PatternKind::Identifier ? std::string_view(param.pattern->name) : std::string_view());
      }
    }
    if (param.pattern->kind == PatternKind::Identifier) {
      env_->Declare(AtomOf(param.pattern->name), kBindMutable | kBindInitialized, v);
    } else {
      BindPattern(param.pattern, v, BindMode::InitLet);
    }
  }
}

Object* Evaluator::MakeFunction(const FunctionNode* node, Env* env, std::string_view name) {
  Object* fn = heap_.NewObject(ObjectClass::Function, function_proto_);
  fn->function = node;
  fn->closure = env;
  fn->function_name = heap_.Intern(name.empty() ? std::string_view(node->name) : name);
  if (node->is_arrow) {
    fn->bound_this = frame_->this_value;
    if (frame_->home_object != nullptr) {
      auto extra = std::make_shared<FunctionExtra>();
      extra->home_object = frame_->home_object;
      fn->host = std::move(extra);
    }
  } else {
    fn->is_constructor = !node->is_async && !node->is_generator;
  }
  return fn;
}

Object* Evaluator::MakeMethod(const FunctionNode* node, Env* env, std::string_view name, Object* home) {
  Object* fn = MakeFunction(node, env, name);
  fn->is_constructor = false;
  auto extra = std::make_shared<FunctionExtra>();
  extra->home_object = home;
  fn->host = std::move(extra);
  return fn;
}

Object* Evaluator::PrototypeFor(Object* new_target) {
  Value p = Get(Value::Obj(new_target), "prototype");
  return p.IsObject() ? p.AsObject() : object_proto_;
}

Value Evaluator::ConstructObject(Object* fn, std::span<const Value> args, Object* new_target, base::Span span) {
  if (fn->cls == ObjectClass::Opaque) return NewOpaque(fn->opaque);
  if (fn->cls != ObjectClass::Function || !fn->is_constructor) {
    ThrowAt(type_error_proto_, Describe(Value::Obj(fn)) + " is not a constructor", base::DiagKind::EvalNotAFunction,
            span);
  }
  DepthGuard depth(*this, span);
  if (fn->native) {
    auto* extra = fn->host ? dynamic_cast<FunctionExtra*>(fn->host.get()) : nullptr;
    if (extra != nullptr && extra->construct) {
      Value result = CallNative(extra->construct, Value(), args, span);
      if (new_target != fn && result.IsObject()) result.AsObject()->proto = PrototypeFor(new_target);
      return result;
    }
    Object* object = NewObjectWithProto(PrototypeFor(new_target));
    Value result = CallNative(fn->native, Value::Obj(object), args, span);
    return result.IsObject() ? result : Value::Obj(object);
  }
  auto* extra = static_cast<FunctionExtra*>(fn->host.get());
  if (extra != nullptr && extra->cls != nullptr) {
    if (!extra->derived) {
      Object* object = NewObjectWithProto(PrototypeFor(new_target));
      InitializeFields(fn, object);
      if (fn->function == nullptr) return Value::Obj(object);
      return CallScript(fn, Value::Obj(object), args, span, new_target);
    }
    if (fn->function == nullptr) {
      if (extra->parent_class == nullptr) {
        ThrowAt(type_error_proto_, "super constructor null of anonymous class is not a constructor",
                base::DiagKind::EvalNotAFunction, span);
      }
      Value object = ConstructObject(extra->parent_class, args, new_target, span);
      InitializeFields(fn, object.AsObject());
      return object;
    }
    return CallScript(fn, Value(), args, span, new_target);
  }
  Object* object = NewObjectWithProto(PrototypeFor(new_target));
  return CallScript(fn, Value::Obj(object), args, span, new_target);
}

Value Evaluator::EvalSuperCall(const CallExpr* c) {
  Frame* frame = frame_;
  while (frame != nullptr && frame->callee != nullptr && frame->callee->function != nullptr &&
         frame->callee->function->is_arrow) {
    frame = frame->parent;
  }
  auto* extra = frame != nullptr && frame->callee != nullptr && !frame->callee->native
                    ? static_cast<FunctionExtra*>(frame->callee->host.get())
                    : nullptr;
  if (extra == nullptr || !extra->derived || frame->new_target == nullptr) {
    ThrowAt(syntax_error_proto_, "'super' keyword unexpected here", base::DiagKind::EvalError, c->span);
  }
  ArgBuffer args;
  EvalArguments(c->arguments, args);
  if (frame->this_ready) {
    ThrowAt(reference_error_proto_, "super constructor may only be called once", base::DiagKind::EvalError, c->span);
  }
  if (extra->parent_class == nullptr) {
    ThrowAt(type_error_proto_, "super constructor null of anonymous class is not a constructor",
            base::DiagKind::EvalNotAFunction, c->span);
  }
  Value object = ConstructObject(extra->parent_class, args.span(), frame->new_target, c->span);
  frame->this_value = object;
  frame->this_ready = true;
  if (frame_ != frame) {
    // super() from an arrow function inside the constructor: that arrow's `this` too.
    frame_->this_value = object;
    frame_->this_ready = true;
  }
  InitializeFields(frame->callee, object.AsObject());
  return Value();
}

Value Evaluator::EvalSuperMember(const MemberExpr* m, Value* this_out) {
  Object* home = frame_->home_object;
  if (home == nullptr) {
    ThrowAt(syntax_error_proto_, "'super' keyword unexpected here", base::DiagKind::EvalError, m->span);
  }
  Value receiver = ThisValue(m->span);
  if (this_out != nullptr) *this_out = receiver;
  std::string key = m->computed != nullptr ? KeyString(EvalExpr(m->computed)) : m->property;
  if (home->proto == nullptr) return Value();
  return GetOwnOrProto(home->proto, key, receiver);
}

void Evaluator::InitializeFields(Object* cls, Object* instance) {
  auto* extra = static_cast<FunctionExtra*>(cls->host.get());
  if (extra == nullptr || extra->cls == nullptr) return;
  const ClassExpr* node = extra->cls;
  bool any = false;
  for (const ClassMember& member : node->members) {
    if (!member.is_method && !member.is_static) any = true;
  }
  if (!any) return;
  Frame frame;
  frame.parent = frame_;
  frame.callee = cls;
  frame.this_value = Value::Obj(instance);
  frame.home_object = extra->home_object;
  frame.call_span = frame_->call_span;
  ContextSave save(*this);
  env_ = extra->class_env;
  frame_ = &frame;
  size_t field_index = 0;
  for (const ClassMember& member : node->members) {
    if (member.is_method || member.is_static) continue;
    const std::string& key = extra->field_keys[field_index++];
    Value v = member.value != nullptr ? EvalNamed(member.value, key) : Value();
    SetOwn(instance, key, v);
  }
}

Value Evaluator::EvalClass(const ClassExpr* e, std::string_view name_hint) {
  Object* parent = nullptr;
  Object* proto_parent = object_proto_;
  Object* ctor_proto = function_proto_;
  if (e->super_class != nullptr) {
    Value super_value = EvalExpr(e->super_class);
    if (super_value.IsNull()) {
      proto_parent = nullptr;
    } else if (!super_value.IsObject() || !super_value.AsObject()->is_constructor) {
      if (super_value.IsObject() && super_value.AsObject()->cls == ObjectClass::Opaque) {
        current_span_ = e->super_class->span;
        ThrowOpaque(super_value.AsObject(), "extend a class from it");
      }
      ThrowAt(type_error_proto_, "class extends value " + Describe(super_value) + " is not a constructor or null",
              base::DiagKind::EvalError, e->super_class->span);
    } else {
      parent = super_value.AsObject();
      ctor_proto = parent;
      Value parent_proto = Get(super_value, "prototype");
      proto_parent = parent_proto.IsObject() ? parent_proto.AsObject() : nullptr;
    }
  }
  std::string name = e->name.empty() ? std::string(name_hint) : e->name;
  Env* class_env = NewEnv(env_);
  int32_t self_slot = e->name.empty() ? -1 : static_cast<int32_t>(class_env->Declare(AtomOf(e->name), 0));
  Object* ctor = heap_.NewObject(ObjectClass::Function, ctor_proto);
  ctor->function = e->constructor;
  ctor->closure = class_env;
  ctor->function_name = heap_.Intern(name);
  ctor->is_constructor = true;
  Object* prototype = NewObjectWithProto(proto_parent);
  SetHidden(ctor, "prototype", Value::Obj(prototype));
  SetHidden(prototype, "constructor", Value::Obj(ctor));
  auto extra = std::make_shared<FunctionExtra>();
  extra->cls = e;
  extra->class_env = class_env;
  extra->parent_class = parent;
  extra->derived = e->super_class != nullptr;
  extra->home_object = prototype;
  ctor->host = extra;

  // Methods and accessors first; then static fields in order (instance fields run per `new`).
  Frame frame;
  frame.parent = frame_;
  frame.callee = ctor;
  frame.this_value = Value::Obj(ctor);
  frame.home_object = ctor;
  frame.call_span = frame_->call_span;
  ContextSave save(*this);
  env_ = class_env;
  frame_ = &frame;
  std::vector<std::string> static_keys;
  for (const ClassMember& member : e->members) {
    std::string key = member.computed_key != nullptr ? KeyString(EvalExpr(member.computed_key)) : member.key;
    if (!member.is_method) {
      (member.is_static ? static_keys : extra->field_keys).push_back(std::move(key));
      continue;
    }
    Object* target = member.is_static ? ctor : prototype;
    const FunctionNode* fn_node = static_cast<const FunctionExpr*>(member.value)->function;
    if (member.accessor == PropertyKind::Getter || member.accessor == PropertyKind::Setter) {
      bool getter = member.accessor == PropertyKind::Getter;
      Object* fn = MakeMethod(fn_node, class_env, (getter ? "get " : "set ") + key, target);
      ts::Property& slot = target->props.Insert(key);
      slot.enumerable = false;
      (getter ? slot.getter : slot.setter) = fn;
    } else {
      SetHidden(target, key, Value::Obj(MakeMethod(fn_node, class_env, key, target)));
    }
  }
  if (self_slot >= 0) {
    class_env->bindings[static_cast<size_t>(self_slot)].value = Value::Obj(ctor);
    class_env->bindings[static_cast<size_t>(self_slot)].flags |= kBindInitialized;
  }
  size_t static_index = 0;
  for (const ClassMember& member : e->members) {
    if (member.is_method || !member.is_static) continue;
    const std::string& key = static_keys[static_index++];
    Value v = member.value != nullptr ? EvalNamed(member.value, key) : Value();
    SetOwn(ctor, key, v);
  }
  return Value::Obj(ctor);
}

// --- Interp entry points for host code

Value Evaluator::Call(Value function, Value this_value, std::span<const Value> args) {
  EntryGuard entry(*this);
  if (!function.IsObject() || !function.AsObject()->IsCallable()) {
    ThrowTypeError(Describe(function) + " is not a function", base::DiagKind::EvalNotAFunction);
  }
  return CallFunction(function.AsObject(), this_value, args, current_call_span_, nullptr);
}

Value Evaluator::Construct(Value function, std::span<const Value> args) {
  EntryGuard entry(*this);
  if (!function.IsObject() || !(function.AsObject()->is_constructor || function.AsObject()->cls == ObjectClass::Opaque)) {
    ThrowTypeError(Describe(function) + " is not a constructor", base::DiagKind::EvalNotAFunction);
  }
  return ConstructObject(function.AsObject(), args, function.AsObject(), current_call_span_);
}

}  // namespace dp::ts
