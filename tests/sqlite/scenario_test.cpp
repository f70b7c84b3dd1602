// Scenarios with rows (tests/sqlite/scenarios/*/data.sql), recorded from real drizzle-kit
// with tools/run.mjs: the push plan, data-loss warnings included, must equal drizzle-kit's
// (or ours.sql where deviation.txt says why), must apply in one transaction, and a second
// plan must be empty. Row-dependent output cannot live in the database-free golden files.
#include <gtest/gtest.h>

#include <filesystem>
#include <iostream>
#include <regex>

#include "model/sqlite/json.h"
#include "push/sqlite/plan_push.h"
#include "support.h"

namespace dp::sqlite_test {
namespace {

namespace fs = std::filesystem;

std::string StripAnsi(const std::string& text) {
  static const std::regex kAnsi("\x1b\\[[0-9;]*m");
  return std::regex_replace(text, kAnsi, "");
}

TEST(SqliteScenarios, PushWithRowsMatchesDrizzleKit) {
  fs::path root = fs::path(DP_SOURCE_DIR) / "tests" / "sqlite" / "scenarios";
  int checked = 0;
  for (const auto& entry : fs::directory_iterator(root)) {
    fs::path dir = entry.path();
    if (!fs::exists(dir / "data.sql") || !fs::exists(dir / "kit.json")) continue;
    SCOPED_TRACE(dir.filename().string());
    auto connection = OpenFreshSqlite(fs::path(DP_BINARY_DIR) / "sqlite_scenario.db");
    ASSERT_TRUE(connection);
    auto loaded = RunScriptFiles(*connection, dir, {"before.sql", "data.sql"});
    ASSERT_TRUE(loaded) << loaded.error().message;
    nlohmann::ordered_json kit = nlohmann::ordered_json::parse(ReadFile((dir / "kit.json").string()));
    auto desired = model::sqlite::FromJson(kit["desired"]);
    ASSERT_TRUE(desired) << desired.error().message;
    ScriptedResolver resolver(HintsIn(dir));
    auto plan = push::sqlite::PlanPush(*connection, *desired, {}, resolver);
    ASSERT_TRUE(plan) << plan.error().message;
    std::vector<std::string> ours = TrimmedSql(plan->statements);
    std::vector<std::string> warnings;
    for (const auto& warning : plan->warnings) {
      warnings.push_back(warning.message);
      EXPECT_FALSE(warning.kind.empty());
      EXPECT_EQ(warning.entity.front(), "public");
      EXPECT_EQ(warning.kind == "add_not_null", !warning.extra_statements.empty()) << warning.message;
    }
    if (fs::exists(dir / "deviation.txt")) {
      EXPECT_EQ(ours, SplitBreakpoints(ReadFile((dir / "ours.sql").string())));
    } else {
      std::vector<std::string> expected;
      for (const auto& statement : kit["statements"]) expected.push_back(Trim(statement.get<std::string>()));
      EXPECT_EQ(ours, expected);
      std::vector<std::string> expected_warnings;
      for (const auto& warning : kit["warnings"])
        expected_warnings.push_back(StripAnsi(warning.get<std::string>()));
      EXPECT_EQ(warnings, expected_warnings);
    }
    ExpectConverges(*connection, *desired, plan->statements);
    ++checked;
  }
  std::cout << "sqlite scenarios with rows: " << checked << " checked\n";
  EXPECT_GE(checked, 3);
}

}  // namespace
}  // namespace dp::sqlite_test
