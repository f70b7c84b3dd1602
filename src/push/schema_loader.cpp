// Schema files -> desired snapshot (see schema_loader.h).
#include "push/schema_loader.h"

#include <fmt/format.h>

#include "push/phase_timer.h"
#include "push/runtime_setup.h"
#include "ts/glob.h"

namespace dp::push {

base::Result<std::unique_ptr<Dialect>> LoadSchema(const Config& config, const std::string& cwd, bool color,
                                                  SchemaRuntime* keep_runtime) {
  auto dialect = MakeDialect(config.dialect, "push");
  if (!dialect) return tl::unexpected(dialect.error());
  DP_TRY(LoadSchemaInto(**dialect, config, cwd, color, keep_runtime));
  return std::move(*dialect);
}

base::Result<void> LoadSchemaInto(Dialect& dialect, const Config& config, const std::string& cwd, bool color,
                                  SchemaRuntime* keep_runtime) {
  PhaseTimer timer;
  auto runtime = MakeRuntime(cwd);
  if (!runtime) return tl::unexpected(runtime.error());
  ts::Runtime& rt = **runtime;

  auto files = ts::ExpandSchemaPaths(rt.vfs(), cwd, config.schema);
  if (!files) return tl::unexpected(files.error());
  std::vector<ts::Object*> modules;
  for (const std::string& file : *files) {
    ts::Object* module = rt.ImportFile(file);
    if (module == nullptr) return base::Fail("{}", rt.RenderDiagnostics(color));
    modules.push_back(module);
  }
  timer.Mark("schema files");
  BuildOptions options;
  options.casing = config.casing;
  options.schema_filter = config.schema_filter.empty() ? std::vector<std::string>{"public"} : config.schema_filter;
  base::Result<void> built;
  bool ran = rt.Run([&] { built = dialect.Build(rt.interp(), modules, options, rt.diags()); });
  if (!ran || rt.diags().has_errors()) return base::Fail("{}", rt.RenderDiagnostics(color));
  if (!built) return tl::unexpected(built.error());
  timer.Mark("snapshot build");
  if (keep_runtime != nullptr) {
    *keep_runtime = std::move(*runtime);
  } else {
    runtime->reset();
    timer.Mark("runtime teardown");
  }
  return {};
}

}  // namespace dp::push
