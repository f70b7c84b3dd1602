// Every mysql conformance case: the snapshot of schema.ts (or its schema_files, with the
// case's casing) must equal drizzle-kit's snapshot.json, key order included, ids aside.
#include <gtest/gtest.h>

#include "model/json_compare.h"
#include "lite_test_util.h"

namespace dp::dsl::testing {
namespace {

class MysqlConformance : public ::testing::TestWithParam<std::filesystem::path> {};

TEST_P(MysqlConformance, SnapshotMatchesDrizzleKit) {
  const std::filesystem::path dir = GetParam();
  CaseInput input = ReadCaseInput(dir);
  LiteResult result = BuildLiteFiles(dir.string(), input.files, LiteDialect::Mysql, input.casing);
  ASSERT_TRUE(result.ok) << result.diagnostics;
  nlohmann::ordered_json expected = nlohmann::ordered_json::parse(ReadFile(dir / "snapshot.json"));
  model::JsonCompareOptions options;
  options.check_key_order = true;
  auto diff = model::CompareJson(expected, result.json, options);
  EXPECT_FALSE(diff.has_value()) << model::ToString(*diff) << "\n" << result.text;
}

std::string CaseName(const ::testing::TestParamInfo<std::filesystem::path>& info) {
  std::string name = info.param.filename().string();
  for (char& c : name) {
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  }
  return "c" + name;
}

INSTANTIATE_TEST_SUITE_P(Cases, MysqlConformance, ::testing::ValuesIn(ConformanceCases("mysql")), CaseName);

}  // namespace
}  // namespace dp::dsl::testing
