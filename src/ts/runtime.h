// The evaluation runtime: owns the sources, diagnostics, heap and evaluator of one program
// load, the registry of built-in modules (drizzle-orm/* and drizzle-kit are registered by
// dsl/ and cli/; the runtime itself provides dotenv, path, process and url), and the module
// cache. ImportFile loads a TypeScript/JavaScript file, links its imports (relative files,
// tsconfig paths, workspace packages, built-ins, opaque third-party packages), evaluates it
// and returns its namespace object.
//
// Typical use:
//   ts::Runtime rt({.env = EnvironmentOf(environ), .cwd = "/project"});
//   dsl::RegisterDrizzle(rt);                    // RegisterBuiltinModule(...) calls
//   ts::Object* ns = rt.ImportFile("src/schema.ts");
//   if (!ns) { std::cerr << rt.RenderDiagnostics(); return 1; }
//   for (const ts::Property& p : ns->props.raw()) ...   // exports, in export order
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/source.h"
#include "ts/interp.h"
#include "ts/value.h"
#include "ts/vfs.h"

namespace dp::ts {

class Evaluator;
class ModuleLoader;

/// How a Runtime is set up.
struct RuntimeOptions {
  Limits limits;
  /// process.env at start (dotenv adds to it).
  std::map<std::string, std::string> env;
  /// Files are read through this; nullptr: the real file system (owned by the runtime).
  Vfs* vfs = nullptr;
  /// Working directory for relative paths, dotenv and tsconfig lookup; empty: vfs->Cwd().
  std::string cwd;
  /// A tsconfig.json used for every file instead of the nearest one (absolute or cwd-relative).
  std::string tsconfig_path;
  /// process.argv.
  std::vector<std::string> argv = {"node", "drizzle-kit"};
  /// Date.now()/new Date() in ms since the epoch; < 0: the real clock, unless the process
  /// environment variable DP_FIXED_NOW (ms or an ISO date) is set.
  double fixed_now_ms = -1;
  /// Receives console.log/warn/... lines; empty: written to stderr.
  std::function<void(std::string_view)> console;
  /// Byte and length caps that keep runaway string/array growth bounded.
  size_t max_string_bytes = size_t{1} << 28;
  size_t max_array_length = size_t{1} << 26;
  /// Total bytes of strings and array elements an evaluation may create (EvalMemoryLimit).
  size_t max_heap_bytes = size_t{1} << 30;
};

class Runtime {
 public:
  explicit Runtime(RuntimeOptions options = {});
  ~Runtime();
  Runtime(const Runtime&) = delete;
  Runtime& operator=(const Runtime&) = delete;

  base::SourceManager& sources() { return sources_; }
  base::DiagSink& diags() { return diags_; }
  Interp& interp();
  Heap& heap();
  Vfs& vfs() { return *vfs_; }
  const std::string& cwd() const { return cwd_; }
  /// The evaluator itself (for ts/ tests and tools; host code uses interp()).
  Evaluator& evaluator() { return *evaluator_; }

  /// Makes `import ... from '<name>'` (and require) use the namespace object `factory`
  /// produces; the factory runs once, on first import. A registered name also claims its
  /// subpaths that are not registered themselves (they become opaque).
  void RegisterBuiltinModule(std::string name, BuiltinModuleFactory factory);

  /// Loads, links and evaluates a module (absolute or cwd-relative path) and returns its
  /// namespace object: exports as own properties in export order (`export *` merged after
  /// the module's own exports; CommonJS: `default` = module.exports plus its properties).
  /// Returns nullptr after reporting diagnostics. A module is evaluated once per runtime.
  Object* ImportFile(std::string path);
  /// Like ImportFile for source text that is not on disk (tests, stdin); imports resolve
  /// relative to `path`.
  Object* ImportSource(std::string path, std::string text);

  /// Runs host code that may call back into script (Interp::Call etc.): JS exceptions and
  /// limit errors become diagnostics and the result is false.
  bool Run(const std::function<void()>& fn);
  /// Interp::Call with Run's error handling.
  std::optional<Value> Call(Value function, Value this_value, std::span<const Value> args);

  /// process.env as the program sees it now (after dotenv and script assignments).
  std::map<std::string, std::string> Env();
  /// Every file loaded so far (absolute paths), in load order.
  std::vector<std::string> LoadedFiles() const;
  /// A deterministic one-line rendering of a value (golden tests, debugging).
  std::string Inspect(Value v);
  /// All diagnostics so far, rendered clang-style.
  std::string RenderDiagnostics(bool color = false) const { return base::RenderAll(sources_, diags_, color); }

 private:
  friend class ModuleLoader;
  void InstallNodeModules();

  base::SourceManager sources_;
  base::DiagSink diags_;
  std::unique_ptr<Vfs> owned_vfs_;
  Vfs* vfs_ = nullptr;
  std::string cwd_;
  RuntimeOptions options_;
  std::unique_ptr<Evaluator> evaluator_;
  std::unique_ptr<ModuleLoader> loader_;
  Object* process_env_ = nullptr;
};

}  // namespace dp::ts
