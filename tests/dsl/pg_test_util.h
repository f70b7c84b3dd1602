// Test helpers: evaluate TypeScript schema text with the drizzle modules and build its pg
// snapshot (as JSON), collecting rendered diagnostics.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <string>
#include <vector>

#include "dsl/modules.h"
#include "dsl/pg/snapshot.h"
#include "model/pg/json.h"
#include "ts/runtime.h"
#include "ts/vfs.h"

namespace dp::dsl::testing {

/// The outcome of evaluating one schema.
struct PgResult {
  std::optional<model::pg::Snapshot> snapshot;
  nlohmann::ordered_json json;  // ToJson(snapshot) when there is one
  std::string diagnostics;      // rendered, paths as given
  bool ok() const { return snapshot.has_value(); }
};

/// Evaluates in-memory files (path -> text, the first is the schema) and builds the snapshot.
inline PgResult BuildPg(const std::vector<std::pair<std::string, std::string>>& files,
                        const PgSnapshotOptions& options = {}) {
  ts::MemoryVfs vfs("/project");
  for (const auto& [path, text] : files) vfs.AddFile(path, text);
  ts::RuntimeOptions runtime_options;
  runtime_options.vfs = &vfs;
  runtime_options.cwd = "/project";
  runtime_options.console = [](std::string_view) {};
  ts::Runtime runtime(runtime_options);
  RegisterDrizzle(runtime);
  PgResult result;
  ts::Object* ns = runtime.ImportFile(files.front().first);
  if (ns != nullptr) {
    ts::Object* namespaces[1] = {ns};
    runtime.Run([&] {
      auto built = BuildPgSnapshot(runtime.interp(), namespaces, options, runtime.diags());
      if (built) result.snapshot = std::move(*built);
    });
  }
  if (result.snapshot) result.json = model::pg::ToJson(*result.snapshot);
  result.diagnostics = runtime.RenderDiagnostics();
  return result;
}

/// One schema file `schema.ts` with `text`.
inline PgResult BuildPg(const std::string& text, const PgSnapshotOptions& options = {}) {
  return BuildPg({{"/project/schema.ts", text}}, options);
}

}  // namespace dp::dsl::testing
