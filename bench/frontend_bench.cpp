// Schema files -> snapshot (parse + evaluate + build) for the generated schemas in
// ../shared/perf: N tables of ~8 columns with FKs, indexes, enums and checks. The target
// is under 30 ms for 1000 tables. Run: build/bench/frontend_bench
// Each case is measured twice: with freeing the TypeScript heap afterwards (a library
// caller), and as the CLI runs it, which leaves the heap to the OS at exit (the `Cli`
// variants free it outside the timed region).
#include <benchmark/benchmark.h>

#include <filesystem>

#include "push/schema_loader.h"

namespace {

void LoadPerfSchema(benchmark::State& state, const char* dialect, const char* folder, const char* file,
                    bool cli = false) {
  std::string dir = std::string(DP_SHARED_DIR) + "/perf/" + folder + "/n" + std::to_string(state.range(0));
  if (!std::filesystem::exists(dir)) {
    state.SkipWithError("../shared/perf is missing");
    return;
  }
  dp::push::Config config;
  config.dialect = dialect;
  config.schema = {file};
  for (auto _ : state) {
    dp::push::SchemaRuntime runtime;
    auto loaded = dp::push::LoadSchema(config, dir, false, cli ? &runtime : nullptr);
    if (!loaded) {
      state.SkipWithError(loaded.error().message.c_str());
      return;
    }
    benchmark::DoNotOptimize(loaded);
    if (cli) {
      state.PauseTiming();
      runtime.reset();
      state.ResumeTiming();
    }
  }
  state.SetLabel(std::to_string(state.range(0)) + " tables");
}

void BM_PgSchemaToSnapshot(benchmark::State& state) { LoadPerfSchema(state, "postgresql", "pg", "./schema.ts"); }
void BM_PgTenFilesToSnapshot(benchmark::State& state) { LoadPerfSchema(state, "postgresql", "pg", "./schema/*.ts"); }
void BM_SqliteSchemaToSnapshot(benchmark::State& state) { LoadPerfSchema(state, "sqlite", "sqlite", "./schema.ts"); }

void BM_PgSchemaToSnapshotCli(benchmark::State& state) { LoadPerfSchema(state, "postgresql", "pg", "./schema.ts", true); }
void BM_SqliteSchemaToSnapshotCli(benchmark::State& state) {
  LoadPerfSchema(state, "sqlite", "sqlite", "./schema.ts", true);
}

BENCHMARK(BM_PgSchemaToSnapshot)->Arg(10)->Arg(100)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PgTenFilesToSnapshot)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SqliteSchemaToSnapshot)->Arg(10)->Arg(100)->Arg(500)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_PgSchemaToSnapshotCli)->Arg(1000)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_SqliteSchemaToSnapshotCli)->Arg(1000)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
