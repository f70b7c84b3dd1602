// Golden snapshot tests: tests/golden/snapshot/pg/<name>.ts -> <name>.json (drizzle-kit's
// snapshot, ids removed; compared as JSON, key order included) or, for fail_<name>.ts, the
// rendered diagnostics in <name>.out. A first-line comment `// casing: snake_case` sets the
// casing. UPDATE_GOLDEN=1 rewrites the expected files.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/json_compare.h"
#include "tests/dsl/pg_test_util.h"

namespace dp::dsl {
namespace {

namespace fs = std::filesystem;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteText(const fs::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary);
  out << text;
}

bool Updating() {
  const char* env = std::getenv("UPDATE_GOLDEN");
  return env != nullptr && std::string(env) == "1";
}

PgSnapshotOptions OptionsFor(const std::string& source) {
  PgSnapshotOptions options;
  size_t pos = source.find("// casing: ");
  if (pos != std::string::npos && pos < 200) {
    size_t end = source.find('\n', pos);
    options.casing = ParseCasing(source.substr(pos + 11, end - pos - 11));
  }
  return options;
}

std::vector<fs::path> Cases() {
  std::vector<fs::path> out;
  fs::path dir = fs::path(DP_SOURCE_DIR) / "tests/golden/snapshot/pg";
  for (const auto& entry : fs::directory_iterator(dir)) {
    if (entry.path().extension() == ".ts") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(PgGolden, AllCases) {
  std::vector<fs::path> cases = Cases();
  ASSERT_FALSE(cases.empty());
  for (const fs::path& path : cases) {
    SCOPED_TRACE(path.filename().string());
    std::string source = ReadText(path);
    std::string name = path.stem().string();
    auto result = testing::BuildPg({{"/golden/" + path.filename().string(), source}}, OptionsFor(source));
    if (name.rfind("fail_", 0) == 0) {
      fs::path expected_path = path.parent_path() / (name + ".out");
      EXPECT_FALSE(result.ok()) << "expected errors";
      if (Updating()) {
        WriteText(expected_path, result.diagnostics);
        continue;
      }
      EXPECT_EQ(result.diagnostics, ReadText(expected_path));
      continue;
    }
    fs::path expected_path = path.parent_path() / (name + ".json");
    if (!result.ok()) {
      ADD_FAILURE() << result.diagnostics;
      continue;
    }
    if (Updating()) {
      WriteText(expected_path, model::pg::ToJsonText(*result.snapshot) + "\n");
      continue;
    }
    nlohmann::ordered_json expected = nlohmann::ordered_json::parse(ReadText(expected_path));
    model::JsonCompareOptions compare;
    compare.check_key_order = true;
    std::optional<model::JsonDifference> diff = model::CompareJson(expected, result.json, compare);
    EXPECT_FALSE(diff.has_value()) << (diff ? model::ToString(*diff) : "") << "\nwarnings:\n" << result.diagnostics;
  }
}

}  // namespace
}  // namespace dp::dsl
