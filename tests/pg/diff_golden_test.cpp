// Golden plan/SQL cases for the PostgreSQL diff + sqlgen, no database: each
// tests/pg/golden/*.txt holds
//   -- current.json --   compact snapshot (see ReadCompactSnapshot; empty = nothing)
//   -- desired.json --
//   -- hints --          optional: drizzle-kit 1.0 rename hints (JSON array)
//   -- options --        optional: "drizzle" = DiffOptions::beyond_drizzle off
//   -- plan --           generated: one change per line
//   -- sql --            generated: statements split by "--> statement-breakpoint"
//   -- hazards --        generated: "<statement number>: hazard ..."
// UPDATE_GOLDEN=1 rewrites the generated sections.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "diff/pg/diff.h"
#include "diff_test_support.h"
#include "sqlgen/pg/generate.h"

namespace dp::pgtest {
namespace {

namespace fs = std::filesystem;

const Section* Find(const std::vector<Section>& sections, const std::string& name) {
  for (const Section& section : sections) {
    if (section.name == name) return &section;
  }
  return nullptr;
}

std::vector<fs::path> GoldenFiles() {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(fs::path(DP_SOURCE_DIR) / "tests" / "pg" / "golden")) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

class PgGolden : public ::testing::TestWithParam<fs::path> {};

TEST_P(PgGolden, PlanAndSql) {
  const fs::path& path = GetParam();
  std::vector<Section> sections = ParseSections(ReadFile(path.string()));
  const Section* current_section = Find(sections, "current.json");
  const Section* desired_section = Find(sections, "desired.json");
  ASSERT_NE(desired_section, nullptr) << path << ": no desired.json section";
  auto current = ReadCompactSnapshot(current_section ? current_section->body : "");
  ASSERT_TRUE(current.has_value()) << current.error().message;
  auto desired = ReadCompactSnapshot(desired_section->body);
  ASSERT_TRUE(desired.has_value()) << desired.error().message;
  const Section* hints = Find(sections, "hints");
  HintResolver resolver(hints ? nlohmann::json::parse(hints->body) : nlohmann::json::array());
  diff::pg::DiffOptions options;
  const Section* options_section = Find(sections, "options");
  if (options_section && options_section->body.find("drizzle") != std::string::npos) options.beyond_drizzle = false;

  auto plan = diff::pg::Diff(*current, *desired, resolver, options);
  ASSERT_TRUE(plan.has_value()) << plan.error().message;
  std::vector<sqlgen::Statement> statements = sqlgen::pg::Generate(*plan);
  std::vector<Section> generated = {{"plan", DumpPlan(*plan)},
                                    {"sql", JoinStatements(statements)},
                                    {"hazards", DumpHazards(statements)}};

  if (std::getenv("UPDATE_GOLDEN") != nullptr) {
    std::vector<Section> updated;
    for (const Section& section : sections) {
      if (section.name != "plan" && section.name != "sql" && section.name != "hazards") updated.push_back(section);
    }
    for (const Section& section : generated) updated.push_back(section);
    std::ofstream(path) << FormatSections(updated);
    return;
  }
  for (const Section& want : generated) {
    const Section* have = Find(sections, want.name);
    ASSERT_NE(have, nullptr) << path << ": missing section " << want.name << " (run with UPDATE_GOLDEN=1)";
    EXPECT_EQ(have->body, want.body) << path << ": section " << want.name;
  }

  // A second diff from the desired state is empty.
  diff::CreateAllResolver none;
  auto again = diff::pg::Diff(*desired, *desired, none, options);
  ASSERT_TRUE(again.has_value());
  EXPECT_TRUE(again->changes.empty()) << DumpPlan(*again);
}

INSTANTIATE_TEST_SUITE_P(Golden, PgGolden, ::testing::ValuesIn(GoldenFiles()),
                         [](const ::testing::TestParamInfo<fs::path>& info) {
                           std::string name = info.param.stem().string();
                           std::replace_if(name.begin(), name.end(), [](char c) { return !std::isalnum(c); }, '_');
                           return name;
                         });

}  // namespace
}  // namespace dp::pgtest
