// Runtime construction shared by config evaluation and schema loading.
#include "push/runtime_setup.h"

#include <unistd.h>

#include "dsl/modules.h"
#include "ts/dotenv.h"
#include "ts/vfs.h"

extern char** environ;

namespace dp::push {

namespace {

// `drizzle-kit`: defineConfig returns its argument, as in drizzle-kit.
ts::Object* MakeDrizzleKitModule(ts::Interp& interp) {
  ts::Object* module = interp.NewObject();
  ts::Value define = ts::Value::Obj(interp.NewFunction("defineConfig", [](ts::CallContext& call) { return call.Arg(0); }));
  interp.Set(ts::Value::Obj(module), "defineConfig", define);
  return module;
}

}  // namespace

base::Result<std::unique_ptr<ts::Runtime>> MakeRuntime(const std::string& cwd) {
  ts::RuntimeOptions options;
  options.cwd = cwd;
  for (char** entry = environ; entry != nullptr && *entry != nullptr; ++entry) {
    std::string text = *entry;
    size_t eq = text.find('=');
    if (eq != std::string::npos) options.env.emplace(text.substr(0, eq), text.substr(eq + 1));
  }
  ts::RealVfs vfs;
  if (auto loaded = ts::LoadDotenv(vfs, cwd, options.env); !loaded) return tl::unexpected(loaded.error());
  auto runtime = std::make_unique<ts::Runtime>(std::move(options));
  for (auto& [name, factory] : dsl::DrizzleModules()) runtime->RegisterBuiltinModule(name, factory);
  runtime->RegisterBuiltinModule("drizzle-kit", &MakeDrizzleKitModule);
  return runtime;
}

}  // namespace dp::push
