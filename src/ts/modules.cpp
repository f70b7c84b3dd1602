// Module loading, linking and evaluation (see modules.h).
#include "ts/modules.h"

#include <fmt/format.h>

#include "ts/parser.h"
#include "ts/resolve_internal.h"

namespace dp::ts {

namespace {

bool HasModuleSyntax(const Ast& ast) {
  for (const Stmt* s : ast.body) {
    switch (s->kind) {
      case StmtKind::Import:
      case StmtKind::ExportNamed:
      case StmtKind::ExportAll:
      case StmtKind::ExportDefault:
      case StmtKind::ExportDecl:
        return true;
      default:
        break;
    }
  }
  return false;
}

void PatternNames(const Pattern* p, std::vector<std::string>& out) {
  if (p == nullptr) return;
  switch (p->kind) {
    case PatternKind::Identifier: out.push_back(p->name); break;
    case PatternKind::Member: break;
    case PatternKind::Object:
      for (const ObjectPatternProperty& prop : p->properties) PatternNames(prop.value, out);
      PatternNames(p->rest, out);
      break;
    case PatternKind::Array:
      for (const Pattern* e : p->elements) PatternNames(e, out);
      PatternNames(p->rest, out);
      break;
  }
}

void AddExportName(ModuleRecord* m, const std::string& name) {
  if (m->export_seen.insert(name).second) m->export_order.push_back(name);
}

void AddLocalExport(ModuleRecord* m, const std::string& exported, const std::string& local) {
  m->local_index.emplace(exported, m->local_exports.size());
  m->local_exports.emplace_back(exported, local);
  AddExportName(m, exported);
}

void AddIndirectExport(ModuleRecord* m, ModuleRecord::Indirect indirect) {
  m->indirect_index.emplace(indirect.exported, m->indirect_exports.size());
  AddExportName(m, indirect.exported);
  m->indirect_exports.push_back(std::move(indirect));
}

}  // namespace

ModuleLoader::ModuleLoader(Runtime& runtime, Evaluator& ev) : rt_(runtime), ev_(ev) {
  context_.cwd = runtime.cwd();
  if (!runtime.options_.tsconfig_path.empty()) context_.tsconfig_path = ResolvePath(runtime.cwd(), runtime.options_.tsconfig_path);
  context_.cache = &cache_;
}

void ModuleLoader::Register(std::string name, BuiltinModuleFactory factory) {
  context_.builtins.insert(name);
  factories_[std::move(name)] = std::move(factory);
}

void ModuleLoader::Error(base::DiagKind kind, base::Span span, std::string message, std::vector<base::DiagNote> notes) {
  rt_.diags_.Error(kind, span, std::move(message), std::move(notes));
}

std::string ModuleLoader::DisplayPath(const std::string& path) const {
  const std::string& cwd = rt_.cwd();
  if (cwd != "/" && PathIsWithin(path, cwd) && path.size() > cwd.size()) return path.substr(cwd.size() + 1);
  return path;
}

std::vector<std::string> ModuleLoader::Files() const {
  std::vector<std::string> out;
  for (const ModuleRecord* m : file_order_) out.push_back(m->path);
  return out;
}

ModuleRecord* ModuleLoader::BuiltinRecord(const std::string& name) {
  std::string key = "builtin:" + name;
  auto it = records_.find(key);
  if (it != records_.end()) return it->second.get();
  auto record = std::make_unique<ModuleRecord>();
  record->kind = ModuleRecord::Kind::Builtin;
  record->path = name;
  record->status = ModuleRecord::Status::Evaluated;
  ModuleRecord* raw = record.get();
  records_.emplace(key, std::move(record));
  auto factory = factories_.find(name);
  Object* ns = factory != factories_.end() && factory->second ? factory->second(ev_) : nullptr;
  raw->builtin_ns = ns != nullptr ? ns : ev_.NewObject();
  return raw;
}

ModuleRecord* ModuleLoader::OpaqueRecord(const std::string& specifier) {
  std::string key = "opaque:" + specifier;
  auto it = records_.find(key);
  if (it != records_.end()) return it->second.get();
  auto record = std::make_unique<ModuleRecord>();
  record->kind = ModuleRecord::Kind::Opaque;
  record->path = specifier;
  record->opaque_specifier = specifier;
  record->status = ModuleRecord::Status::Evaluated;
  ModuleRecord* raw = record.get();
  records_.emplace(key, std::move(record));
  return raw;
}

ModuleRecord* ModuleLoader::Resolve(ModuleRecord* from, const std::string& specifier, base::Span span, bool report) {
  if (factories_.count(specifier) != 0) return BuiltinRecord(specifier);
  Resolution r = ResolveImport(rt_.vfs(), context_, from->path, specifier);
  if (auto* file = std::get_if<ResolvedFile>(&r)) return LoadFile(file->path);
  if (auto* builtin = std::get_if<BuiltinModule>(&r)) {
    if (builtin->registered && factories_.count(builtin->name) != 0) return BuiltinRecord(builtin->name);
    return OpaqueRecord(specifier);
  }
  if (std::get_if<ExternalPackage>(&r) != nullptr) return OpaqueRecord(specifier);
  const auto& missing = std::get<NotFound>(r);
  if (report) {
    std::vector<base::DiagNote> notes;
    if (!missing.message.empty() && missing.message.rfind("cannot find module", 0) != 0) {
      notes.push_back({{}, missing.message});
    }
    if (!missing.tried.empty()) {
      std::string list;
      for (size_t i = 0; i < missing.tried.size() && i < 3; ++i) list += (i > 0 ? ", " : "") + DisplayPath(missing.tried[i]);
      if (missing.tried.size() > 3) list += fmt::format(", ... ({} paths)", missing.tried.size());
      notes.push_back({{}, "looked for " + list});
    }
    Error(base::DiagKind::ModuleNotFound, span, fmt::format("cannot find module '{}'", specifier), std::move(notes));
  }
  return nullptr;
}

ModuleRecord* ModuleLoader::LoadFile(const std::string& path, const std::optional<std::string>& text) {
  auto it = records_.find(path);
  if (it != records_.end()) return it->second.get();
  auto owned = std::make_unique<ModuleRecord>();
  ModuleRecord* m = owned.get();
  m->path = path;
  records_.emplace(path, std::move(owned));
  file_order_.push_back(m);
  std::string content;
  if (text) {
    content = *text;
  } else {
    base::Result<std::string> read = rt_.vfs().ReadFile(path);
    if (!read) {
      Error(base::DiagKind::ModuleReadFailed, {}, read.error().message);
      m->status = ModuleRecord::Status::Failed;
      return m;
    }
    content = std::move(*read);
  }
  m->file = rt_.sources_.Add(DisplayPath(path), std::move(content));
  if (Extension(path) == ".json") {
    m->kind = ModuleRecord::Kind::Json;
    std::string error;
    std::optional<Value> v = ev_.JsonParse(rt_.sources_.Get(m->file).text(), &error);
    if (!v) {
      Error(base::DiagKind::ModuleReadFailed, base::Span{{m->file, 0}, 0}, "invalid JSON: " + error);
      m->status = ModuleRecord::Status::Failed;
      return m;
    }
    m->json_value = *v;
    m->status = ModuleRecord::Status::Evaluated;
    return m;
  }
  m->ast = ParseModule(rt_.sources_, m->file, rt_.diags_);
  if (!m->ast) {
    m->status = ModuleRecord::Status::Failed;
    return m;
  }
  m->kind = HasModuleSyntax(*m->ast) ? ModuleRecord::Kind::Esm : ModuleRecord::Kind::CommonJs;
  if (m->kind == ModuleRecord::Kind::Esm) ScanModule(m);
  return m;
}

// Records the module's imports and exports and loads the modules it imports.
void ModuleLoader::ScanModule(ModuleRecord* m) {
  auto request = [&](const std::string& specifier, base::Span span) -> ModuleRecord* {
    if (ModuleRecord* existing = m->Requested(specifier)) return existing;
    ModuleRecord* target = Resolve(m, specifier, span, true);
    if (target == nullptr) {
      m->status = ModuleRecord::Status::Failed;
      return nullptr;
    }
    m->requested.emplace_back(specifier, target);
    return target;
  };
  for (const Stmt* s : m->ast->body) {
    switch (s->kind) {
      case StmtKind::Import: {
        auto* i = static_cast<const ImportStmt*>(s);
        request(i->source, i->source_span);
        break;
      }
      case StmtKind::ExportDecl: {
        const Stmt* d = static_cast<const ExportDeclStmt*>(s)->decl;
        std::vector<std::string> names;
        if (d->kind == StmtKind::VarDecl) {
          for (const VarDeclarator& decl : static_cast<const VarDeclStmt*>(d)->declarators) PatternNames(decl.target, names);
        } else if (d->kind == StmtKind::Function) {
          names.push_back(static_cast<const FunctionDeclStmt*>(d)->function->name);
        } else if (d->kind == StmtKind::Class) {
          names.push_back(static_cast<const ClassDeclStmt*>(d)->cls->name);
        } else if (d->kind == StmtKind::Enum) {
          names.push_back(static_cast<const EnumDeclStmt*>(d)->name);
        }
        for (const std::string& n : names) AddLocalExport(m, n, n);
        break;
      }
      case StmtKind::ExportDefault: {
        auto* d = static_cast<const ExportDefaultStmt*>(s);
        std::string local = "*default*";
        if (d->decl != nullptr && d->decl->kind == StmtKind::Function) {
          const std::string& n = static_cast<const FunctionDeclStmt*>(d->decl)->function->name;
          if (!n.empty()) local = n;
        } else if (d->decl != nullptr && d->decl->kind == StmtKind::Class) {
          const std::string& n = static_cast<const ClassDeclStmt*>(d->decl)->cls->name;
          if (!n.empty()) local = n;
        }
        AddLocalExport(m, "default", local);
        break;
      }
      case StmtKind::ExportNamed: {
        auto* e = static_cast<const ExportNamedStmt*>(s);
        if (!e->source) {
          for (const ExportSpecifier& spec : e->specifiers) AddLocalExport(m, spec.exported, spec.local);
          break;
        }
        ModuleRecord* from = request(*e->source, e->source_span);
        if (from == nullptr) break;
        if (!e->namespace_export.empty()) AddIndirectExport(m, {e->namespace_export, from, "*", e->source_span});
        for (const ExportSpecifier& spec : e->specifiers) AddIndirectExport(m, {spec.exported, from, spec.local, spec.span});
        break;
      }
      case StmtKind::ExportAll: {
        auto* e = static_cast<const ExportAllStmt*>(s);
        if (ModuleRecord* from = request(e->source, e->source_span)) m->star_exports.push_back(from);
        break;
      }
      default:
        break;
    }
  }
}

Env* ModuleLoader::WrapperEnv(ModuleRecord* m, bool commonjs) {
  Env* wrapper = ev_.NewEnv(ev_.global_env());
  auto declare = [&](const char* name, Value v) { wrapper->Declare(ev_.Intern(name), kBindMutable | kBindInitialized, v); };
  ModuleRecord* self = m;
  Object* require = ev_.NewFunction("require", [this, self](CallContext& ctx) {
    Value spec = ctx.Arg(0);
    if (!spec.IsString()) ctx.interp.ThrowTypeError("require() expects a string, got " + ctx.interp.Describe(spec));
    return Require(self, spec.AsString(), ctx.call_span);
  });
  declare("require", Value::Obj(require));
  declare("__filename", ev_.Str(m->path));
  declare("__dirname", ev_.Str(DirName(m->path)));
  // For a parser that gives `import.meta` and `import(...)` as identifiers of those names.
  Object* meta = ev_.NewObject();
  meta->props.Set("url", ev_.Str("file://" + m->path));
  meta->props.Set("filename", ev_.Str(m->path));
  meta->props.Set("dirname", ev_.Str(DirName(m->path)));
  declare("import.meta", Value::Obj(meta));
  Object* dynamic_import = ev_.NewFunction("import", [this, self](CallContext& ctx) {
    Value spec = ctx.Arg(0);
    if (!spec.IsString()) ctx.interp.ThrowTypeError("import() expects a string, got " + ctx.interp.Describe(spec));
    return Value::Obj(ev_.NewPromise(Import(self, spec.AsString(), ctx.call_span), false));
  });
  declare("import", Value::Obj(dynamic_import));
  if (commonjs) {
    Object* module = ev_.NewObject();
    Object* exports = ev_.NewObject();
    module->props.Set("exports", Value::Obj(exports));
    module->props.Set("id", ev_.Str(m->path));
    module->props.Set("filename", ev_.Str(m->path));
    module->props.Set("loaded", Value::Boolean(false));
    m->cjs_module = module;
    declare("module", Value::Obj(module));
    declare("exports", Value::Obj(exports));
  }
  return wrapper;
}

void ModuleLoader::CollectUnlinked(ModuleRecord* m, std::vector<ModuleRecord*>& out) {
  if (m->kind != ModuleRecord::Kind::Esm || m->status != ModuleRecord::Status::Loaded) return;
  m->status = ModuleRecord::Status::Instantiated;
  out.push_back(m);
  for (const auto& [spec, target] : m->requested) CollectUnlinked(target, out);
}

void ModuleLoader::CreateEnvironment(ModuleRecord* m) {
  Env* env = ev_.NewEnv(WrapperEnv(m, false));
  m->env = env;
  for (const Stmt* s : m->ast->body) {
    if (s->kind != StmtKind::Import) continue;
    auto* i = static_cast<const ImportStmt*>(s);
    if (!i->default_local.empty()) env->Declare(ev_.Intern(i->default_local), 0);
    if (!i->namespace_local.empty()) env->Declare(ev_.Intern(i->namespace_local), 0);
    for (const ImportSpecifier& spec : i->specifiers) env->Declare(ev_.Intern(spec.local), 0);
  }
  for (const auto& [exported, local] : m->local_exports) {
    if (local == "*default*") env->Declare(ev_.Intern(local), 0);
  }
  ev_.Hoist(ev_.ScopeOf(m->ast->body, true), env);
}

bool ModuleLoader::Link(ModuleRecord* root) {
  if (root->status == ModuleRecord::Status::Failed) return false;
  std::vector<ModuleRecord*> order;
  CollectUnlinked(root, order);
  for (ModuleRecord* m : order) {
    CreateEnvironment(m);
    // TypeScript files may export types (`interface Foo {}; export { Foo }`); the parser
    // dropped those declarations, so their exports are dropped too, as TypeScript does.
    if (IsTsSource(m->path)) DropTypeExports(m);
  }
  bool ok = true;
  for (ModuleRecord* m : order) {
    if (!LinkImports(m)) {
      m->status = ModuleRecord::Status::Failed;
      ok = false;
    } else if (m->status == ModuleRecord::Status::Instantiated) {
      m->status = ModuleRecord::Status::Linked;
    }
  }
  // Local exports must name declared bindings.
  for (ModuleRecord* m : order) {
    for (const auto& [exported, local] : m->local_exports) {
      if (m->env->Find(ev_.Intern(local)) < 0) {
        Error(base::DiagKind::ModuleNoExport, base::Span{{m->file, 0}, 0},
              fmt::format("export '{}' refers to '{}', which is not declared in this module", exported, local));
        m->status = ModuleRecord::Status::Failed;
        ok = false;
      }
    }
  }
  return ok && root->status != ModuleRecord::Status::Failed;
}

void ModuleLoader::DropTypeExports(ModuleRecord* m) {
  std::vector<std::pair<std::string, std::string>> kept;
  std::unordered_set<std::string> dropped;
  for (const auto& entry : m->local_exports) {
    if (m->env->Find(ev_.Intern(entry.second)) >= 0) {
      kept.push_back(entry);
    } else {
      dropped.insert(entry.first);
    }
  }
  if (dropped.empty()) return;
  m->local_exports = std::move(kept);
  m->local_index.clear();
  for (size_t i = 0; i < m->local_exports.size(); ++i) m->local_index.emplace(m->local_exports[i].first, i);
  std::erase_if(m->export_order, [&](const std::string& name) {
    return dropped.contains(name) && !m->local_index.contains(name) && !m->indirect_index.contains(name);
  });
  for (const std::string& name : dropped) {
    if (!m->local_index.contains(name) && !m->indirect_index.contains(name)) m->export_seen.erase(name);
  }
}

bool ModuleLoader::LinkImports(ModuleRecord* m) {
  if (m->status == ModuleRecord::Status::Failed) return false;
  bool ok = true;
  for (const Stmt* s : m->ast->body) {
    if (s->kind != StmtKind::Import) continue;
    auto* i = static_cast<const ImportStmt*>(s);
    ModuleRecord* target = m->Requested(i->source);
    if (target == nullptr || target->status == ModuleRecord::Status::Failed) {
      ok = false;
      continue;
    }
    auto bind = [&](const std::string& local, const ResolvedExport& r) {
      Binding& b = m->env->bindings[static_cast<size_t>(m->env->Find(ev_.Intern(local)))];
      if (r.kind == ResolvedExport::Kind::Binding) {
        b.flags = kBindImport;
        b.import_env = r.env;
        b.import_index = r.index;
      } else {
        b.flags = kBindInitialized;
        b.value = ReadExport(r);
      }
    };
    if (!i->namespace_local.empty()) {
      ResolvedExport r;
      r.kind = ResolvedExport::Kind::Namespace;
      r.module = target;
      r.span = i->source_span;
      bind(i->namespace_local, r);
    }
    auto import_one = [&](const std::string& imported, const std::string& local, base::Span span) {
      ResolvedExport r = ResolveExport(target, imported, span);
      if (r.kind == ResolvedExport::Kind::None) {
        // TypeScript drops imports used only as types (interfaces, type aliases, types of
        // packages), and the parser skips types, so only a read at run time is an error.
        Binding& b = m->env->bindings[static_cast<size_t>(m->env->Find(ev_.Intern(local)))];
        ev_.BindMissingImport(b, imported, i->source, span);
        return;
      }
      bind(local, r);
    };
    if (!i->default_local.empty()) import_one("default", i->default_local, i->source_span);
    for (const ImportSpecifier& spec : i->specifiers) import_one(spec.imported, spec.local, spec.span);
  }
  return ok;
}

bool ModuleLoader::Evaluate(ModuleRecord* m) {
  switch (m->status) {
    case ModuleRecord::Status::Evaluated:
    case ModuleRecord::Status::Evaluating:
      return true;
    case ModuleRecord::Status::Failed:
      return false;
    default:
      break;
  }
  if (m->kind == ModuleRecord::Kind::CommonJs) {
    EvaluateCommonJs(m);
    return m->status != ModuleRecord::Status::Failed;
  }
  if (m->kind != ModuleRecord::Kind::Esm) return true;
  m->status = ModuleRecord::Status::Evaluating;
  for (const auto& [spec, target] : m->requested) {
    if (!Evaluate(target)) {
      m->status = ModuleRecord::Status::Failed;
      return false;
    }
  }
  try {
    ev_.RunModuleBody(m->ast->body, m->env, Value());
  } catch (...) {
    m->status = ModuleRecord::Status::Failed;
    throw;
  }
  m->status = ModuleRecord::Status::Evaluated;
  RefreshNamespace(m);
  return true;
}

void ModuleLoader::EvaluateCommonJs(ModuleRecord* m) {
  if (m->status != ModuleRecord::Status::Loaded) return;
  m->status = ModuleRecord::Status::Evaluating;
  Env* env = ev_.NewEnv(WrapperEnv(m, true));
  m->env = env;
  ev_.Hoist(ev_.ScopeOf(m->ast->body, true), env);
  Value exports = ev_.Get(Value::Obj(m->cjs_module), "exports");
  try {
    ev_.RunModuleBody(m->ast->body, env, exports);
  } catch (...) {
    m->status = ModuleRecord::Status::Failed;
    throw;
  }
  m->cjs_module->props.Set("loaded", Value::Boolean(true));
  m->status = ModuleRecord::Status::Evaluated;
  RefreshNamespace(m);
}

Value ModuleLoader::Import(ModuleRecord* from, const std::string& specifier, base::Span span) {
  ModuleRecord* target = Resolve(from, specifier, span, false);
  if (target != nullptr && (target->kind == ModuleRecord::Kind::Esm || target->kind == ModuleRecord::Kind::CommonJs ||
                            target->kind == ModuleRecord::Kind::Json)) {
    Require(from, specifier, span);  // loads and evaluates it, or throws
    return Value::Obj(Namespace(target));
  }
  if (target != nullptr && target->kind == ModuleRecord::Kind::Builtin) return Value::Obj(target->builtin_ns);
  return Require(from, specifier, span);
}

Value ModuleLoader::Require(ModuleRecord* from, const std::string& specifier, base::Span span) {
  ModuleRecord* target = Resolve(from, specifier, span, false);
  if (target == nullptr) {
    ev_.ThrowError(ev_.error_proto_, fmt::format("cannot find module '{}'", specifier), base::DiagKind::ModuleNotFound, span);
  }
  switch (target->kind) {
    case ModuleRecord::Kind::Builtin:
      return Value::Obj(target->builtin_ns);
    case ModuleRecord::Kind::Opaque: {
      auto origin = std::make_shared<OpaqueOrigin>();
      origin->description = fmt::format("require('{}')", specifier);
      origin->span = span;
      return ev_.NewOpaque(std::move(origin));
    }
    case ModuleRecord::Kind::Json:
      if (target->status == ModuleRecord::Status::Failed) break;
      return target->json_value;
    case ModuleRecord::Kind::CommonJs:
      if (target->status == ModuleRecord::Status::Failed) break;
      EvaluateCommonJs(target);
      return ev_.Get(Value::Obj(target->cjs_module), "exports");
    case ModuleRecord::Kind::Esm:
      if (!Link(target) || !Evaluate(target)) break;
      return Value::Obj(Namespace(target));
  }
  base::Diag diag;
  diag.kind = base::DiagKind::ModuleReadFailed;
  diag.span = span;
  diag.message = fmt::format("module '{}' failed to load", specifier);
  throw EvalAbort{std::move(diag)};
}

}  // namespace dp::ts
