// Golden snapshots: tests/golden/snapshot/sqlite/<name>.ts -> <name>.json (recorded from real
// drizzle-kit 0.31.11 `generate`, ids removed). `// @casing snake_case` in a file sets casing.
// UPDATE_GOLDEN=1 rewrites the .json files from our output.
#include <gtest/gtest.h>

#include <cstdlib>
#include <regex>

#include "lite_test_util.h"
#include "model/json_compare.h"

namespace dp::dsl::testing {
namespace {

std::vector<std::filesystem::path> GoldenFiles(const std::string& dialect) {
  std::vector<std::filesystem::path> out;
  std::filesystem::path dir = std::filesystem::path(DP_SOURCE_DIR) / "tests/golden/snapshot" / dialect;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() == ".ts") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

void CheckGolden(const std::filesystem::path& ts_path, LiteDialect dialect) {
  std::string text = ReadFile(ts_path);
  std::smatch m;
  Casing casing = Casing::None;
  if (std::regex_search(text, m, std::regex("@casing ([A-Za-z_]+)"))) casing = ParseCasing(m[1].str());
  LiteResult result = BuildLiteFiles(ts_path.parent_path().string(), {ts_path.string()}, dialect, casing);
  ASSERT_TRUE(result.ok) << result.diagnostics;
  std::filesystem::path json_path = ts_path;
  json_path.replace_extension(".json");
  const char* update = std::getenv("UPDATE_GOLDEN");
  if (update != nullptr && std::string(update) == "1") {
    std::ofstream(json_path, std::ios::binary) << result.text;
    return;
  }
  ASSERT_TRUE(std::filesystem::exists(json_path)) << json_path << " missing (run with UPDATE_GOLDEN=1)";
  nlohmann::ordered_json expected = nlohmann::ordered_json::parse(ReadFile(json_path));
  model::JsonCompareOptions options;
  options.check_key_order = true;
  auto diff = model::CompareJson(expected, result.json, options);
  EXPECT_FALSE(diff.has_value()) << ts_path.filename() << ": " << model::ToString(*diff) << "\n" << result.text;
}

std::string FileName(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.stem().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return name;
}

class SqliteGolden : public ::testing::TestWithParam<std::filesystem::path> {};
TEST_P(SqliteGolden, MatchesDrizzleKit) { CheckGolden(GetParam(), LiteDialect::Sqlite); }
INSTANTIATE_TEST_SUITE_P(Files, SqliteGolden, ::testing::ValuesIn(GoldenFiles("sqlite")), FileName);

class MysqlGolden : public ::testing::TestWithParam<std::filesystem::path> {};
TEST_P(MysqlGolden, MatchesDrizzleKit) { CheckGolden(GetParam(), LiteDialect::Mysql); }
INSTANTIATE_TEST_SUITE_P(Files, MysqlGolden, ::testing::ValuesIn(GoldenFiles("mysql")), FileName);

}  // namespace
}  // namespace dp::dsl::testing
