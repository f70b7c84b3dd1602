// Statement execution: declarations and hoisting, blocks, loops (for, for-of, for-in,
// while), switch, try/catch/finally, labels, and TS enums.
#include "ts/builtins/unicode.h"
#include "ts/eval.h"

namespace dp::ts {

namespace {

void CollectPatternNames(const Pattern* p, std::vector<const std::string*>& out) {
  if (p == nullptr) return;
  switch (p->kind) {
    case PatternKind::Identifier:
      out.push_back(&p->name);
      break;
    case PatternKind::Member:
      break;
    case PatternKind::Object:
      for (const ObjectPatternProperty& prop : p->properties) CollectPatternNames(prop.value, out);
      CollectPatternNames(p->rest, out);
      break;
    case PatternKind::Array:
      for (const Pattern* e : p->elements) CollectPatternNames(e, out);
      CollectPatternNames(p->rest, out);
      break;
  }
}

}  // namespace


void Evaluator::CollectVars(const Stmt* s, ScopeInfo& info) {
  if (s == nullptr) return;
  std::vector<const std::string*> names;
  switch (s->kind) {
    case StmtKind::VarDecl: {
      auto* d = static_cast<const VarDeclStmt*>(s);
      if (d->var_kind == VarKind::Var) {
        for (const VarDeclarator& decl : d->declarators) CollectPatternNames(decl.target, names);
      }
      break;
    }
    case StmtKind::ExportDecl:
      CollectVars(static_cast<const ExportDeclStmt*>(s)->decl, info);
      break;
    case StmtKind::If:
      CollectVars(static_cast<const IfStmt*>(s)->consequent, info);
      CollectVars(static_cast<const IfStmt*>(s)->alternate, info);
      break;
    case StmtKind::Block:
      for (const Stmt* x : static_cast<const BlockStmt*>(s)->body) CollectVars(x, info);
      break;
    case StmtKind::For:
      CollectVars(static_cast<const ForStmt*>(s)->init, info);
      CollectVars(static_cast<const ForStmt*>(s)->body, info);
      break;
    case StmtKind::ForOf:
    case StmtKind::ForIn: {
      auto* f = static_cast<const ForInOfStmt*>(s);
      if (f->declaration == VarKind::Var) CollectPatternNames(f->target, names);
      CollectVars(f->body, info);
      break;
    }
    case StmtKind::While:
    case StmtKind::DoWhile:
      CollectVars(static_cast<const WhileStmt*>(s)->body, info);
      break;
    case StmtKind::Try: {
      auto* t = static_cast<const TryStmt*>(s);
      CollectVars(t->block, info);
      CollectVars(t->handler, info);
      CollectVars(t->finalizer, info);
      break;
    }
    case StmtKind::Switch:
      for (const SwitchCase& c : static_cast<const SwitchStmt*>(s)->cases) {
        for (const Stmt* x : c.body) CollectVars(x, info);
      }
      break;
    case StmtKind::Labeled:
      CollectVars(static_cast<const LabeledStmt*>(s)->body, info);
      break;
    default:
      break;
  }
  for (const std::string* n : names) {
    Atom a = AtomOf(*n);
    bool seen = false;
    for (Atom v : info.vars) seen = seen || v == a;
    if (!seen) info.vars.push_back(a);
  }
}

void Evaluator::CollectDeclarations(const std::vector<Stmt*>& body, bool function_scope, ScopeInfo& info) {
  for (const Stmt* s : body) {
    const Stmt* d = s;
    if (d->kind == StmtKind::ExportDecl) d = static_cast<const ExportDeclStmt*>(d)->decl;
    if (d->kind == StmtKind::ExportDefault) {
      d = static_cast<const ExportDefaultStmt*>(d)->decl;
      if (d == nullptr) continue;
    }
    switch (d->kind) {
      case StmtKind::VarDecl: {
        auto* v = static_cast<const VarDeclStmt*>(d);
        if (v->var_kind == VarKind::Var) break;
        std::vector<const std::string*> names;
        for (const VarDeclarator& decl : v->declarators) CollectPatternNames(decl.target, names);
        for (const std::string* n : names) info.lexicals.push_back({AtomOf(*n), v->var_kind == VarKind::Const});
        break;
      }
      case StmtKind::Function: {
        const FunctionNode* fn = static_cast<const FunctionDeclStmt*>(d)->function;
        if (!fn->name.empty()) info.functions.push_back(fn);
        break;
      }
      case StmtKind::Class: {
        const ClassExpr* c = static_cast<const ClassDeclStmt*>(d)->cls;
        if (!c->name.empty()) info.lexicals.push_back({AtomOf(c->name), false});
        break;
      }
      case StmtKind::Enum: {
        Atom name = AtomOf(static_cast<const EnumDeclStmt*>(d)->name);
        bool seen = false;
        for (const ScopeInfo::Lexical& l : info.lexicals) seen = seen || l.name == name;
        if (!seen) info.lexicals.push_back({name, false});
        break;
      }
      default:
        break;
    }
    if (function_scope) CollectVars(s, info);
  }
}

const ScopeInfo& Evaluator::ScopeOf(const std::vector<Stmt*>& body, bool function_scope) {
  if (ScopeInfo** cached = scope_infos_.Find(&body)) return **cached;
  auto info = std::make_unique<ScopeInfo>();
  CollectDeclarations(body, function_scope, *info);
  ScopeInfo* raw = info.get();
  scope_storage_.push_back(std::move(info));
  scope_infos_.Insert(&body, raw);
  return *raw;
}

void Evaluator::Hoist(const ScopeInfo& info, Env* env) {
  for (Atom v : info.vars) {
    if (env->Find(v) < 0) env->Declare(v, kBindMutable | kBindInitialized);
  }
  for (const ScopeInfo::Lexical& l : info.lexicals) {
    int32_t i = env->Find(l.name);
    if (i < 0) {
      env->Declare(l.name, l.is_const ? 0 : kBindMutable);
    } else {
      env->bindings[static_cast<size_t>(i)].flags = l.is_const ? 0 : kBindMutable;
    }
  }
  for (const FunctionNode* fn : info.functions) {
    Atom name = AtomOf(fn->name);
    int32_t i = env->Find(name);
    uint32_t slot = i < 0 ? env->Declare(name, 0) : static_cast<uint32_t>(i);
    Binding& b = env->bindings[slot];
    b.flags = kBindMutable | kBindInitialized;
    b.value = Value::Obj(MakeFunction(fn, env));
  }
}

Flow Evaluator::ExecStatements(const std::vector<Stmt*>& body) {
  for (const Stmt* s : body) {
    Flow f = ExecStmt(s);
    if (f != Flow::Normal) return f;
  }
  return Flow::Normal;
}

Flow Evaluator::ExecBlock(const std::vector<Stmt*>& body) {
  const ScopeInfo& info = ScopeOf(body, false);
  if (!info.HasDeclarations()) return ExecStatements(body);
  EnvSave save(*this);
  Env* env = NewEnv(env_);
  Hoist(info, env);
  env_ = env;
  return ExecStatements(body);
}

Flow Evaluator::ExecStmt(const Stmt* s) {
  Step(s->span);
  switch (s->kind) {
    case StmtKind::Expression:
      EvalExpr(static_cast<const ExpressionStmt*>(s)->expr);
      return Flow::Normal;
    case StmtKind::VarDecl:
      ExecVarDecl(static_cast<const VarDeclStmt*>(s));
      return Flow::Normal;
    case StmtKind::Function:
    case StmtKind::Empty:
    case StmtKind::Import:
    case StmtKind::ExportNamed:
    case StmtKind::ExportAll:
      return Flow::Normal;
    case StmtKind::Class: {
      const ClassExpr* c = static_cast<const ClassDeclStmt*>(s)->cls;
      Value v = EvalClass(c, {});
      if (!c->name.empty()) AssignIdentifier(AtomOf(c->name), v, s->span, BindMode::InitLet);
      return Flow::Normal;
    }
    case StmtKind::Enum:
      ExecEnum(static_cast<const EnumDeclStmt*>(s));
      return Flow::Normal;
    case StmtKind::Return: {
      const Expr* arg = static_cast<const ReturnStmt*>(s)->argument;
      return_value_ = arg != nullptr ? EvalExpr(arg) : Value();
      return Flow::Return;
    }
    case StmtKind::If: {
      auto* i = static_cast<const IfStmt*>(s);
      if (Truthy(EvalExpr(i->test))) return ExecStmt(i->consequent);
      if (i->alternate != nullptr) return ExecStmt(i->alternate);
      return Flow::Normal;
    }
    case StmtKind::Block:
      return ExecBlock(static_cast<const BlockStmt*>(s)->body);
    case StmtKind::For:
      return ExecFor(static_cast<const ForStmt*>(s), nullptr);
    case StmtKind::ForOf:
    case StmtKind::ForIn:
      return ExecForInOf(static_cast<const ForInOfStmt*>(s), nullptr);
    case StmtKind::While:
    case StmtKind::DoWhile:
      return ExecWhile(static_cast<const WhileStmt*>(s), nullptr);
    case StmtKind::Break:
    case StmtKind::Continue: {
      auto* j = static_cast<const JumpStmt*>(s);
      flow_label_ = j->label.empty() ? nullptr : &j->label;
      return s->kind == StmtKind::Break ? Flow::Break : Flow::Continue;
    }
    case StmtKind::Throw: {
      Value v = EvalExpr(static_cast<const ThrowStmt*>(s)->argument);
      throw ScriptException{v, base::DiagKind::EvalThrown, s->span};
    }
    case StmtKind::Try:
      return ExecTry(static_cast<const TryStmt*>(s));
    case StmtKind::Switch:
      return ExecSwitch(static_cast<const SwitchStmt*>(s), nullptr);
    case StmtKind::Labeled:
      return ExecLabeled(static_cast<const LabeledStmt*>(s));
    case StmtKind::ExportDecl:
      return ExecStmt(static_cast<const ExportDeclStmt*>(s)->decl);
    case StmtKind::ExportDefault: {
      auto* d = static_cast<const ExportDefaultStmt*>(s);
      Value v;
      if (d->decl != nullptr) {
        if (d->decl->kind == StmtKind::Function) {
          const FunctionNode* fn = static_cast<const FunctionDeclStmt*>(d->decl)->function;
          if (!fn->name.empty()) return Flow::Normal;  // hoisted; the runtime links `default` to it
          v = Value::Obj(MakeFunction(fn, env_, "default"));
        } else {
          const ClassExpr* c = static_cast<const ClassDeclStmt*>(d->decl)->cls;
          v = EvalClass(c, "default");
          if (!c->name.empty()) {
            AssignIdentifier(AtomOf(c->name), v, s->span, BindMode::InitLet);
            return Flow::Normal;
          }
        }
      } else {
        v = EvalNamed(d->expr, "default");
      }
      AssignIdentifier(atom_default_, v, s->span, BindMode::InitConst);
      return Flow::Normal;
    }
  }
  DP_UNREACHABLE();
}

void Evaluator::ExecVarDecl(const VarDeclStmt* s) {
  BindMode mode = s->var_kind == VarKind::Var     ? BindMode::Assign
                  : s->var_kind == VarKind::Const ? BindMode::InitConst
                                                  : BindMode::InitLet;
  for (const VarDeclarator& d : s->declarators) {
    if (d.init == nullptr && s->var_kind == VarKind::Var) continue;
    const Pattern* target = d.target;
    Value v;
    if (d.init != nullptr) {
      v = target->kind == PatternKind::Identifier ? EvalNamed(d.init, target->name) : EvalExpr(d.init);
    }
    if (target->kind == PatternKind::Identifier) {
      AssignIdentifier(AtomOf(target->name), v, target->span, mode);
    } else {
      BindPattern(target, v, mode);
    }
  }
}

bool Evaluator::LabelMatches(const std::string* label) const {
  return flow_label_ == nullptr || (label != nullptr && *flow_label_ == *label);
}

Flow Evaluator::ExecFor(const ForStmt* s, const std::string* label) {
  EnvSave save(*this);
  bool per_iteration = false;
  if (s->init != nullptr && s->init->kind == StmtKind::VarDecl) {
    auto* decl = static_cast<const VarDeclStmt*>(s->init);
    if (decl->var_kind != VarKind::Var) {
      Env* env = NewEnv(env_);
      std::vector<const std::string*> names;
      for (const VarDeclarator& d : decl->declarators) CollectPatternNames(d.target, names);
      for (const std::string* n : names) env->Declare(AtomOf(*n), decl->var_kind == VarKind::Const ? 0 : kBindMutable);
      env_ = env;
      per_iteration = decl->var_kind == VarKind::Let;
    }
  }
  if (s->init != nullptr) ExecStmt(s->init);
  for (;;) {
    if (s->test != nullptr && !Truthy(EvalExpr(s->test))) break;
    Flow f = ExecStmt(s->body);
    if (f == Flow::Break) {
      if (LabelMatches(label)) break;
      return f;
    }
    if (f == Flow::Continue && !LabelMatches(label)) return f;
    if (f == Flow::Return) return f;
    if (per_iteration) {
      // Each iteration gets its own copy of the loop variables (closures capture it).
      Env* next = NewEnv(env_->parent);
      next->bindings = env_->bindings;
      env_ = next;
    }
    if (s->update != nullptr) EvalExpr(s->update);
  }
  return Flow::Normal;
}

Flow Evaluator::ExecForInOf(const ForInOfStmt* s, const std::string* label) {
  Value iterable = EvalExpr(s->iterable);
  BindMode mode = !s->declaration || *s->declaration == VarKind::Var ? BindMode::Assign
                  : *s->declaration == VarKind::Const                 ? BindMode::InitConst
                                                                      : BindMode::InitLet;
  bool new_scope = mode != BindMode::Assign;
  std::optional<ValueIterator> iter;
  std::vector<std::string> keys;
  size_t key_index = 0;
  if (s->kind == StmtKind::ForOf) {
    iter.emplace(*this, iterable, s->iterable->span);
  } else if (iterable.IsObject()) {
    Object* o = iterable.AsObject();
    if (o->cls == ObjectClass::Opaque) {
      current_span_ = s->iterable->span;
      ThrowOpaque(o, "enumerate its keys");
    }
    keys = EnumerableKeys(o);
    for (Object* p = o->proto; p != nullptr; p = p->proto) {
      for (const std::string& k : EnumerableKeys(p)) {
        bool seen = false;
        for (const std::string& x : keys) seen = seen || x == k;
        if (!seen) keys.push_back(k);
      }
    }
  } else if (iterable.IsString()) {
    size_t n = Utf16Length(iterable.AsString());
    for (size_t i = 0; i < n; ++i) keys.push_back(std::to_string(i));
  }
  EnvSave save(*this);
  Env* outer = env_;
  for (;;) {
    Value item;
    if (iter) {
      if (!iter->Next(&item)) break;
    } else {
      if (key_index >= keys.size()) break;
      item = Str(keys[key_index++]);
    }
    Step(s->span);
    if (new_scope) env_ = NewEnv(outer);
    BindPattern(s->target, item, mode);
    Flow f = ExecStmt(s->body);
    env_ = outer;
    if (f == Flow::Break) {
      if (LabelMatches(label)) break;
      return f;
    }
    if (f == Flow::Continue && !LabelMatches(label)) return f;
    if (f == Flow::Return) return f;
  }
  return Flow::Normal;
}

Flow Evaluator::ExecWhile(const WhileStmt* s, const std::string* label) {
  bool first = s->kind == StmtKind::DoWhile;
  for (;;) {
    if (!first && !Truthy(EvalExpr(s->test))) break;
    first = false;
    Flow f = ExecStmt(s->body);
    if (f == Flow::Break) {
      if (LabelMatches(label)) break;
      return f;
    }
    if (f == Flow::Continue && !LabelMatches(label)) return f;
    if (f == Flow::Return) return f;
  }
  return Flow::Normal;
}

Flow Evaluator::ExecSwitch(const SwitchStmt* s, const std::string* label) {
  Value d = EvalExpr(s->discriminant);
  EnvSave save(*this);
  ScopeInfo** cached = switch_scopes_.Find(s);
  ScopeInfo* info = cached != nullptr ? *cached : nullptr;
  if (info == nullptr) {
    auto owned = std::make_unique<ScopeInfo>();
    for (const SwitchCase& c : s->cases) CollectDeclarations(c.body, false, *owned);
    info = owned.get();
    scope_storage_.push_back(std::move(owned));
    switch_scopes_.Insert(s, info);
  }
  if (info->HasDeclarations()) {
    Env* env = NewEnv(env_);
    Hoist(*info, env);
    env_ = env;
  }
  size_t start = s->cases.size();
  for (size_t i = 0; i < s->cases.size(); ++i) {
    if (s->cases[i].test != nullptr && StrictEquals(d, EvalExpr(s->cases[i].test))) {
      start = i;
      break;
    }
  }
  if (start == s->cases.size()) {
    for (size_t i = 0; i < s->cases.size(); ++i) {
      if (s->cases[i].test == nullptr) start = i;
    }
  }
  for (size_t i = start; i < s->cases.size(); ++i) {
    Flow f = ExecStatements(s->cases[i].body);
    if (f == Flow::Break && LabelMatches(label)) return Flow::Normal;
    if (f != Flow::Normal) return f;
  }
  return Flow::Normal;
}

Flow Evaluator::ExecTry(const TryStmt* s) {
  if (s->finalizer == nullptr) return ExecTryCatch(s);
  Flow flow;
  try {
    flow = ExecTryCatch(s);
  } catch (ScriptException&) {
    NoteUnwinding();
    Value saved_return = return_value_;
    Flow f = ExecBlock(s->finalizer->body);
    if (f != Flow::Normal) {
      // `return`/`break` in finally discards the exception.
      unwinding_ = false;
      return f;
    }
    return_value_ = saved_return;
    throw;
  }
  Value saved_return = return_value_;
  const std::string* saved_label = flow_label_;
  Flow f = ExecBlock(s->finalizer->body);
  if (f != Flow::Normal) return f;
  return_value_ = saved_return;
  flow_label_ = saved_label;
  return flow;
}

Flow Evaluator::ExecTryCatch(const TryStmt* s) {
  if (s->handler == nullptr) return ExecBlock(s->block->body);
  std::optional<Value> caught;
  {
    EnvSave save(*this);
    try {
      return ExecBlock(s->block->body);
    } catch (ScriptException& ex) {
      caught = ex.value;
    }
  }
  unwinding_ = false;
  pending_notes_.clear();
  EnvSave save(*this);
  if (s->catch_param != nullptr) {
    env_ = NewEnv(env_);
    BindPattern(s->catch_param, *caught, BindMode::InitLet);
  }
  return ExecBlock(s->handler->body);
}

Flow Evaluator::ExecLabeled(const LabeledStmt* s) {
  const Stmt* body = s->body;
  switch (body->kind) {
    case StmtKind::For:
      return ExecFor(static_cast<const ForStmt*>(body), &s->label);
    case StmtKind::ForOf:
    case StmtKind::ForIn:
      return ExecForInOf(static_cast<const ForInOfStmt*>(body), &s->label);
    case StmtKind::While:
    case StmtKind::DoWhile:
      return ExecWhile(static_cast<const WhileStmt*>(body), &s->label);
    case StmtKind::Switch:
      return ExecSwitch(static_cast<const SwitchStmt*>(body), &s->label);
    default: {
      Flow f = ExecStmt(body);
      if (f == Flow::Break && flow_label_ != nullptr && *flow_label_ == s->label) return Flow::Normal;
      return f;
    }
  }
}

void Evaluator::ExecEnum(const EnumDeclStmt* s) {
  Atom name = AtomOf(s->name);
  Object* object = nullptr;
  if (Binding* b = Resolve(name); b != nullptr && (b->flags & kBindInitialized) && b->value.IsObject()) {
    object = b->value.AsObject();  // a second `enum E {}` declaration extends the first
  }
  if (object == nullptr) object = NewObject();
  // Members can refer to earlier members by bare name.
  EnvSave save(*this);
  Env* members_env = NewEnv(env_);
  env_ = members_env;
  double next = 0;
  bool auto_ok = true;
  for (const EnumMember& m : s->members) {
    Value v;
    if (m.init != nullptr) {
      v = EvalExpr(m.init);
    } else if (auto_ok) {
      v = Value::Number(next);
    } else {
      ThrowAt(syntax_error_proto_, "enum member '" + m.name + "' must have an initializer", base::DiagKind::EvalError,
              m.span);
    }
    if (v.IsNumber()) {
      next = v.AsNumber() + 1;
      auto_ok = true;
      object->props.Set(m.name, v);
      object->props.Set(NumberToString(v.AsNumber()), Str(m.name));
    } else {
      auto_ok = false;
      object->props.Set(m.name, v);
    }
    members_env->Declare(AtomOf(m.name), kBindInitialized, v);
  }
  env_ = members_env->parent;
  AssignIdentifier(name, Value::Obj(object), s->span, BindMode::InitLet);
}

}  // namespace dp::ts
