// Module loading for the Runtime (internal to ts/): the module records of one program, ESM
// instantiation (scopes with hoisted declarations and live import bindings), linking,
// evaluation in post order with cycles handled as ESM does, CommonJS modules and require(),
// JSON modules, built-in and opaque modules, and namespace objects.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ts/eval.h"  // first: it includes ast.h in its value.h-compatible form
#include "ts/resolve.h"
#include "ts/runtime.h"

namespace dp::ts {

struct ModuleRecord {
  enum class Kind : uint8_t { Esm, CommonJs, Json, Builtin, Opaque };
  enum class Status : uint8_t { Loaded, Instantiated, Linked, Evaluating, Evaluated, Failed };

  Kind kind = Kind::Esm;
  Status status = Status::Loaded;
  std::string path;  // absolute file path; the module name for built-in and opaque modules
  base::FileId file = 0;
  std::optional<Ast> ast;
  Env* env = nullptr;         // module scope (ESM/CommonJS)
  Object* ns = nullptr;       // namespace object, created on demand
  Object* cjs_module = nullptr;  // CommonJS `module` object
  Value json_value;           // JSON modules
  Object* builtin_ns = nullptr;  // built-in modules: the factory's object
  std::string opaque_specifier;  // opaque modules: the specifier as written

  /// Modules this one imports, in source order (specifier -> record).
  std::vector<std::pair<std::string, ModuleRecord*>> requested;
  /// Explicit exports: exported name -> local binding name (ESM).
  std::vector<std::pair<std::string, std::string>> local_exports;
  /// `export { a as b } from 'x'` / `export * as ns from 'x'` (imported "*").
  struct Indirect {
    std::string exported;
    ModuleRecord* from = nullptr;
    std::string imported;
    base::Span span;
  };
  std::vector<Indirect> indirect_exports;
  std::vector<ModuleRecord*> star_exports;
  /// Explicit export names in statement order.
  std::vector<std::string> export_order;
  /// exported name -> position in local_exports / indirect_exports (first wins).
  std::unordered_map<std::string, size_t> local_index;
  std::unordered_map<std::string, size_t> indirect_index;
  std::unordered_set<std::string> export_seen;

  ModuleRecord* Requested(const std::string& specifier) const {
    for (const auto& [s, m] : requested) {
      if (s == specifier) return m;
    }
    return nullptr;
  }
};

/// What an exported name refers to.
struct ResolvedExport {
  enum class Kind : uint8_t { None, Binding, Value, Namespace };
  Kind kind = Kind::None;
  Env* env = nullptr;
  uint32_t index = 0;
  Value value;
  ModuleRecord* module = nullptr;  // Namespace
  base::Span span;                 // the import (for opaque namespaces)
};

class ModuleLoader {
 public:
  ModuleLoader(Runtime& runtime, Evaluator& ev);

  void Register(std::string name, BuiltinModuleFactory factory);
  /// Loads (reads, parses, resolves imports recursively) the file at an absolute path, or
  /// uses `text` as its content. Returns the record (status Failed after a diagnostic).
  ModuleRecord* LoadFile(const std::string& path, const std::optional<std::string>& text = std::nullopt);
  /// Instantiates and links `root` and every ESM module it reaches. False on error.
  bool Link(ModuleRecord* root);
  /// Evaluates a linked module and its dependencies (throws ScriptException/EvalAbort).
  /// False when a dependency failed earlier.
  bool Evaluate(ModuleRecord* m);
  /// The namespace object (filled with current export values).
  Object* Namespace(ModuleRecord* m);
  void RefreshNamespaces();
  /// require() from a module (throws ScriptException when the module is missing).
  Value Require(ModuleRecord* from, const std::string& specifier, base::Span span);
  /// Dynamic import(): the namespace object of the module (evaluated first).
  Value Import(ModuleRecord* from, const std::string& specifier, base::Span span);
  std::vector<std::string> Files() const;

 private:
  ModuleRecord* Resolve(ModuleRecord* from, const std::string& specifier, base::Span span, bool report);
  ModuleRecord* BuiltinRecord(const std::string& name);
  ModuleRecord* OpaqueRecord(const std::string& specifier);
  void ScanModule(ModuleRecord* m);
  void CollectUnlinked(ModuleRecord* m, std::vector<ModuleRecord*>& out);
  void CreateEnvironment(ModuleRecord* m);
  bool LinkImports(ModuleRecord* m);
  /// Drops local exports of undeclared names from a TypeScript module (they name types).
  void DropTypeExports(ModuleRecord* m);
  void EvaluateCommonJs(ModuleRecord* m);
  ResolvedExport ResolveExport(ModuleRecord* m, const std::string& name, base::Span span,
                               std::vector<std::pair<ModuleRecord*, std::string>>& visited);
  ResolvedExport ResolveExport(ModuleRecord* m, const std::string& name, base::Span span);
  Value ReadExport(const ResolvedExport& r);
  std::vector<std::string> ExportNames(ModuleRecord* m, std::vector<ModuleRecord*>& visited);
  void RefreshNamespace(ModuleRecord* m);
  Env* WrapperEnv(ModuleRecord* m, bool commonjs);
  std::string DisplayPath(const std::string& path) const;
  void Error(base::DiagKind kind, base::Span span, std::string message, std::vector<base::DiagNote> notes = {});

  Runtime& rt_;
  Evaluator& ev_;
  std::map<std::string, BuiltinModuleFactory, std::less<>> factories_;
  ResolveCache cache_;
  ResolveContext context_;
  std::map<std::string, std::unique_ptr<ModuleRecord>, std::less<>> records_;  // key: path or "builtin:"/"opaque:" name
  std::vector<ModuleRecord*> file_order_;
};

}  // namespace dp::ts
