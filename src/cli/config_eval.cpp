// Config file evaluation (see config_eval.h).
#include "cli/config_eval.h"

#include <fstream>
#include <sstream>

#include "push/runtime_setup.h"
#include "ts/vfs.h"

namespace dp::cli {

base::Result<nlohmann::json> EvaluateConfigFile(const std::string& path, const std::string& cwd) {
  if (ts::Extension(path) == ".json") {
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    nlohmann::json parsed = nlohmann::json::parse(text.str(), nullptr, false);
    if (parsed.is_discarded()) return base::Fail("{}: invalid JSON", path);
    return parsed;
  }
  auto runtime = push::MakeRuntime(cwd);
  if (!runtime) return tl::unexpected(runtime.error());
  ts::Runtime& rt = **runtime;
  ts::Object* module = rt.ImportFile(path);
  if (module == nullptr) return base::Fail("{}", rt.RenderDiagnostics());
  ts::Interp& interp = rt.interp();
  std::optional<std::string> text;
  bool ok = rt.Run([&] {
    ts::Value config = interp.Get(ts::Value::Obj(module), "default");
    if (config.IsUndefined()) config = ts::Value::Obj(module);
    text = interp.JsonStringify(config);
  });
  if (!ok) return base::Fail("{}", rt.RenderDiagnostics());
  if (!text) return base::Fail("{}: the config file exports no object", path);
  return nlohmann::json::parse(*text);
}

}  // namespace dp::cli
