// Performance and lifetime checks: the 1000-table perf schema (parse + eval + snapshot; the
// timing is printed, the bound only catches pathological regressions on a loaded machine),
// and back-to-back runtimes never sharing dsl state.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <iostream>

#include "dsl/pg/load.h"
#include "tests/dsl/pg_test_util.h"

namespace dp::dsl {
namespace {

TEST(PgPerf, Schema1000Tables) {
  std::filesystem::path path = std::filesystem::path(DP_SHARED_DIR) / "perf/pg/n1000/schema.ts";
  if (!std::filesystem::exists(path)) GTEST_SKIP() << "no perf schema at " << path;
  double best_ms = 1e9;
  for (int round = 0; round < 3; ++round) {
    auto start = std::chrono::steady_clock::now();
    ts::RuntimeOptions options;
    options.console = [](std::string_view) {};
    ts::Runtime runtime(options);
    RegisterDrizzle(runtime);
    base::Result<model::pg::Snapshot> snapshot = LoadPgSnapshot(runtime, {path.string()}, {});
    auto end = std::chrono::steady_clock::now();
    ASSERT_TRUE(snapshot) << runtime.RenderDiagnostics();
    EXPECT_EQ(snapshot->tables.size(), 1000u);
    best_ms = std::min(best_ms, std::chrono::duration<double, std::milli>(end - start).count());
  }
  std::cout << "n1000 parse+eval+snapshot: " << best_ms << " ms (budget 30 ms on an idle machine)\n";
  EXPECT_LT(best_ms, 1500.0);
}

TEST(PgDsl, FreshRuntimesDoNotShareState) {
  const std::string schema =
      "import { pgTable, pgEnum, integer } from 'drizzle-orm/pg-core';\n"
      "export const e = pgEnum('e', ['a']);\n"
      "export const t = pgTable('t', { x: integer().default(1), y: e() });";
  for (int i = 0; i < 5; ++i) {
    auto r = testing::BuildPg(schema);
    ASSERT_TRUE(r.ok()) << r.diagnostics;
    EXPECT_EQ(r.json["tables"]["public.t"]["columns"]["y"]["typeSchema"], "public");
  }
}

}  // namespace
}  // namespace dp::dsl
