// Helpers for evaluator tests: run a program in a fresh Runtime over an in-memory file
// system and print the result (Inspect of the default export) or the diagnostics.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "ts/eval.h"
#include "ts/runtime.h"
#include "ts/vfs.h"

namespace dp::ts::testing {

/// One evaluation environment: /p is the working directory; files can be added before Run.
class EvalHarness {
 public:
  explicit EvalHarness(Limits limits = {}, std::map<std::string, std::string> env = {}) : vfs_("/p") {
    vfs_.AddDirectory("/p");
    options_.limits = limits;
    options_.env = std::move(env);
    options_.vfs = &vfs_;
    options_.fixed_now_ms = 1700000000000.0;  // 2023-11-14T22:13:20.000Z
    options_.console = [this](std::string_view line) {
      console_ += line;
      console_ += '\n';
    };
  }

  void AddFile(std::string path, std::string text) { vfs_.AddFile(path, std::move(text)); }
  RuntimeOptions& options() { return options_; }

  /// The runtime (created on first use, so options and files can be set up first).
  Runtime& runtime() {
    if (!runtime_) runtime_ = std::make_unique<Runtime>(options_);
    return *runtime_;
  }

  /// Evaluates `source` as /p/main.ts. Returns Inspect(default export) (or "" when there is
  /// none), or "error: ..." lines (the rendered diagnostics) when evaluation failed.
  std::string Run(std::string_view source) {
    vfs_.AddFile("/p/main.ts", std::string(source));
    Object* ns = runtime().ImportFile("/p/main.ts");
    if (ns == nullptr || runtime().diags().has_errors()) return runtime().RenderDiagnostics();
    const Property* def = ns->props.Find("default");
    return def != nullptr ? runtime().Inspect(def->value) : "";
  }

  const std::string& console() const { return console_; }

 private:
  MemoryVfs vfs_;
  RuntimeOptions options_;
  std::unique_ptr<Runtime> runtime_;
  std::string console_;
};

/// Evaluates an expression (or a program containing `export`) and prints the result.
inline std::string Eval(std::string_view source) {
  EvalHarness h;
  std::string program(source);
  if (program.find("export ") == std::string::npos) program = "export default (\n" + program + "\n);\n";
  return h.Run(program);
}

/// Runs a program and returns what it printed with console.log (or the diagnostics).
inline std::string Output(std::string_view source) {
  EvalHarness h;
  std::string result = h.Run(source);
  if (h.runtime().diags().has_errors()) return h.console() + result;
  return h.console();
}

}  // namespace dp::ts::testing
