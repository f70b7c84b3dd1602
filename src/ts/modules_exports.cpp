// Module exports (see modules.h): resolving an exported name through local bindings,
// re-exports and `export *`; reading export values; namespace objects and their refresh.
#include <algorithm>

#include <fmt/format.h>

#include "ts/modules.h"

namespace dp::ts {

ResolvedExport ModuleLoader::ResolveExport(ModuleRecord* m, const std::string& name, base::Span span) {
  std::vector<std::pair<ModuleRecord*, std::string>> visited;
  return ResolveExport(m, name, span, visited);
}

ResolvedExport ModuleLoader::ResolveExport(ModuleRecord* m, const std::string& name, base::Span span,
                                           std::vector<std::pair<ModuleRecord*, std::string>>& visited) {
  ResolvedExport r;
  for (const auto& [vm, vn] : visited) {
    if (vm == m && vn == name) return r;  // a cycle of re-exports
  }
  visited.emplace_back(m, name);
  switch (m->kind) {
    case ModuleRecord::Kind::Builtin: {
      if (name == "default" && m->builtin_ns->props.Find("default") == nullptr) {
        r.kind = ResolvedExport::Kind::Value;
        r.value = Value::Obj(m->builtin_ns);
        return r;
      }
      if (const ts::Property* p = m->builtin_ns->props.Find(name)) {
        r.kind = ResolvedExport::Kind::Value;
        r.value = p->value;
      }
      return r;
    }
    case ModuleRecord::Kind::Opaque: {
      auto origin = std::make_shared<OpaqueOrigin>();
      origin->description = fmt::format("import '{}'", m->opaque_specifier);
      origin->span = span;
      r.kind = ResolvedExport::Kind::Value;
      r.value = ev_.NewOpaque(std::move(origin));
      return r;
    }
    case ModuleRecord::Kind::Json: {
      r.kind = ResolvedExport::Kind::Value;
      r.value = name == "default" ? m->json_value : (m->json_value.IsObject() ? ev_.Get(m->json_value, name) : Value());
      return r;
    }
    case ModuleRecord::Kind::CommonJs: {
      if (m->status == ModuleRecord::Status::Loaded) EvaluateCommonJs(m);
      Value exports = m->cjs_module != nullptr ? ev_.Get(Value::Obj(m->cjs_module), "exports") : Value();
      r.kind = ResolvedExport::Kind::Value;
      bool es_module = exports.IsObject() && exports.AsObject()->cls != ObjectClass::Opaque &&
                       ev_.Truthy(ev_.Get(exports, "__esModule"));
      if (name == "default") {
        // Transpiled ES modules (exports.__esModule) keep their default export in .default.
        r.value = es_module ? ev_.Get(exports, "default") : exports;
      } else if (exports.IsObject()) {
        r.value = ev_.Get(exports, name);
      }
      return r;
    }
    case ModuleRecord::Kind::Esm:
      break;
  }
  if (auto local = m->local_index.find(name); local != m->local_index.end()) {
    int32_t index = m->env != nullptr ? m->env->Find(ev_.Intern(m->local_exports[local->second].second)) : -1;
    if (index < 0) return r;
    r.kind = ResolvedExport::Kind::Binding;
    r.env = m->env;
    r.index = static_cast<uint32_t>(index);
    return r;
  }
  if (auto indirect = m->indirect_index.find(name); indirect != m->indirect_index.end()) {
    const ModuleRecord::Indirect& ind = m->indirect_exports[indirect->second];
    if (ind.imported == "*") {
      r.kind = ResolvedExport::Kind::Namespace;
      r.module = ind.from;
      r.span = ind.span;
      return r;
    }
    return ResolveExport(ind.from, ind.imported, ind.span, visited);
  }
  if (name == "default") return r;
  for (ModuleRecord* star : m->star_exports) {
    if (star->kind == ModuleRecord::Kind::Opaque) continue;
    ResolvedExport found = ResolveExport(star, name, span, visited);
    if (found.kind != ResolvedExport::Kind::None) return found;
  }
  return r;
}

Value ModuleLoader::ReadExport(const ResolvedExport& r) {
  switch (r.kind) {
    case ResolvedExport::Kind::None: return Value();
    case ResolvedExport::Kind::Value: return r.value;
    case ResolvedExport::Kind::Namespace: {
      if (r.module->kind == ModuleRecord::Kind::Opaque) {
        auto origin = std::make_shared<OpaqueOrigin>();
        origin->description = fmt::format("import '{}'", r.module->opaque_specifier);
        origin->span = r.span;
        return ev_.NewOpaque(std::move(origin));
      }
      return Value::Obj(Namespace(r.module));
    }
    case ResolvedExport::Kind::Binding: {
      const Binding* b = &r.env->bindings[r.index];
      while (b->flags & kBindImport) b = &b->import_env->bindings[b->import_index];
      return (b->flags & kBindInitialized) ? b->value : Value();
    }
  }
  return Value();
}

std::vector<std::string> ModuleLoader::ExportNames(ModuleRecord* m, std::vector<ModuleRecord*>& visited) {
  for (ModuleRecord* v : visited) {
    if (v == m) return {};
  }
  visited.push_back(m);
  std::vector<std::string> names;
  switch (m->kind) {
    case ModuleRecord::Kind::Builtin:
      for (const ts::Property& p : m->builtin_ns->props.raw()) names.push_back(p.key);
      return names;
    case ModuleRecord::Kind::Opaque:
      return names;
    case ModuleRecord::Kind::Json:
    case ModuleRecord::Kind::CommonJs: {
      names.push_back("default");
      Value exports = m->kind == ModuleRecord::Kind::Json
                          ? m->json_value
                          : (m->cjs_module != nullptr ? ev_.Get(Value::Obj(m->cjs_module), "exports") : Value());
      if (exports.IsObject() && exports.AsObject()->cls != ObjectClass::Opaque) {
        for (const std::string& k : ev_.EnumerableKeys(exports.AsObject())) {
          if (k != "default" && k != "__esModule") names.push_back(k);
        }
      }
      return names;
    }
    case ModuleRecord::Kind::Esm:
      break;
  }
  // drizzle-kit loads schema files as CommonJS compiled by esbuild, whose module objects list
  // the module's own exports sorted by name (code unit order), then the names `export *`
  // adds that are not already there, module by module.
  names = m->export_order;
  std::sort(names.begin(), names.end());
  if (m->star_exports.empty()) return names;
  std::unordered_set<std::string> seen(names.begin(), names.end());
  for (ModuleRecord* star : m->star_exports) {
    for (const std::string& n : ExportNames(star, visited)) {
      if (n != "default" && seen.insert(n).second) names.push_back(n);
    }
  }
  return names;
}

Object* ModuleLoader::Namespace(ModuleRecord* m) {
  if (m->ns == nullptr) {
    m->ns = ev_.NewObjectWithProto(nullptr);
    m->ns->extensible = false;
    std::vector<ModuleRecord*> visited;
    for (const std::string& name : ExportNames(m, visited)) m->ns->props.Set(name, Value());
  }
  RefreshNamespace(m);
  return m->ns;
}

void ModuleLoader::RefreshNamespace(ModuleRecord* m) {
  if (m->ns == nullptr) return;
  if (m->kind == ModuleRecord::Kind::CommonJs || m->kind == ModuleRecord::Kind::Json) {
    // module.exports may have gained properties since the namespace was made.
    std::vector<ModuleRecord*> visited;
    for (const std::string& name : ExportNames(m, visited)) {
      if (m->ns->props.Find(name) == nullptr) m->ns->props.Set(name, Value());
    }
  }
  for (const ts::Property& p : m->ns->props.raw()) {
    ResolvedExport r = ResolveExport(m, p.key, {});
    m->ns->props.Set(p.key, ReadExport(r));
  }
}

void ModuleLoader::RefreshNamespaces() {
  for (auto& [key, record] : records_) RefreshNamespace(record.get());
}

}  // namespace dp::ts
