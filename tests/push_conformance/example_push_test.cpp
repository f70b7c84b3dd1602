// The README's first command, as a test: push the repo's example/ (drizzle.config.ts and
// schema) into a fresh SQLite file with the real binary, check the tables and view exist,
// and check that a second push has nothing to do. scripts/example.sh does the same for a
// newcomer, after installing and building.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <algorithm>
#include <filesystem>
#include <set>
#include <string>

#include "dialect_fixture.h"

namespace dp::conformance {
namespace {

namespace fs = std::filesystem;

std::set<std::string> SchemaObjects(const fs::path& db_file) {
  std::set<std::string> names;
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(db_file.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    sqlite3_close(db);
    return names;
  }
  sqlite3_stmt* stmt = nullptr;
  sqlite3_prepare_v2(db, "SELECT type || ' ' || name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%'", -1, &stmt, nullptr);
  while (stmt && sqlite3_step(stmt) == SQLITE_ROW) names.insert(reinterpret_cast<const char*>(sqlite3_column_text(stmt, 0)));
  sqlite3_finalize(stmt);
  sqlite3_close(db);
  return names;
}

TEST(ExamplePush, FirstPushCreatesTheSchemaAndTheSecondDoesNothing) {
  fs::path work = fs::temp_directory_path() / ("dp-example-" + std::to_string(::getpid()));
  fs::remove_all(work);
  fs::copy(fs::path(DP_SOURCE_DIR) / "example", work, fs::copy_options::recursive);
  fs::remove(work / "local.db");
  const std::string push = ShellQuote(DP_PUSH_BINARY) + " push";

  CommandResult first = RunCommand(push + " --verbose </dev/null", work.string());
  ASSERT_EQ(first.exit_code, 0) << first.output << first.errors;
  EXPECT_NE(first.output.find("CREATE TABLE"), std::string::npos) << first.output;
  std::set<std::string> objects = SchemaObjects(work / "local.db");
  EXPECT_GE(std::count_if(objects.begin(), objects.end(), [](const std::string& o) { return o.rfind("table ", 0) == 0; }), 3)
      << "tables in the example database: " << objects.size();
  EXPECT_TRUE(std::any_of(objects.begin(), objects.end(), [](const std::string& o) { return o.rfind("view ", 0) == 0; }));
  EXPECT_TRUE(std::any_of(objects.begin(), objects.end(), [](const std::string& o) { return o.rfind("index ", 0) == 0; }));

  CommandResult second = RunCommand(push + " --explain --output json </dev/null", work.string());
  ASSERT_EQ(second.exit_code, 0) << second.output << second.errors;
  nlohmann::json plan = nlohmann::json::parse(second.output, nullptr, false);
  ASSERT_TRUE(plan.is_object()) << second.output;
  EXPECT_TRUE(plan["statements"].empty()) << second.output;

  CommandResult third = RunCommand(push + " </dev/null", work.string());
  EXPECT_EQ(third.exit_code, 0) << third.output << third.errors;
  EXPECT_NE((third.output + third.errors).find("No changes"), std::string::npos) << third.output << third.errors;
  fs::remove_all(work);
}

}  // namespace
}  // namespace dp::conformance
