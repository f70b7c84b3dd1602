// libFuzzer target for the evaluator: parses and evaluates arbitrary input as a module in a
// fresh Runtime over an in-memory file system, with small step/depth/size limits, and
// renders the diagnostics. Any crash, sanitizer report or hang is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ts/runtime.h"
#include "ts/vfs.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size > 8192) return 0;
  dp::ts::MemoryVfs vfs("/p");
  vfs.AddFile("/p/main.ts", std::string(reinterpret_cast<const char*>(data), size));
  vfs.AddFile("/p/lib.ts", "export const a = 1;\nexport default function f(x) { return [x, a]; }\n");
  vfs.AddFile("/p/data.json", "{\"k\": [1, 2, {\"n\": null}]}");
  vfs.AddFile("/p/.env", "A=1\nB=\"two\"\n");
  dp::ts::RuntimeOptions options;
  options.vfs = &vfs;
  options.limits.max_steps = 20000;
  options.limits.max_depth = 64;
  options.max_string_bytes = 1 << 14;
  options.max_array_length = 1 << 10;
  options.max_heap_bytes = size_t{64} << 20;
  options.fixed_now_ms = 0;
  options.console = [](std::string_view) {};
  options.env = {{"DATABASE_URL", "postgres://u:p@h:1/d"}};
  dp::ts::Runtime runtime(options);
  runtime.RegisterBuiltinModule("host", [](dp::ts::Interp& interp) {
    dp::ts::Object* ns = interp.NewObject();
    ns->props.Set("str", dp::ts::Value::Obj(interp.NewFunction("str", [](dp::ts::CallContext& ctx) {
      return ctx.interp.Str(ctx.interp.ToString(ctx.Arg(0)));
    })));
    return ns;
  });
  dp::ts::Object* ns = runtime.ImportFile("/p/main.ts");
  if (ns != nullptr) {
    for (const dp::ts::Property& p : ns->props.raw()) (void)runtime.Inspect(p.value);
  }
  (void)runtime.RenderDiagnostics();
  return 0;
}
