// The fast inner conformance loop for the PostgreSQL diff + sqlgen, without a database:
// for each ../shared/conformance/postgresql/<case>/, DESIRED is the case's snapshot.json,
// CURRENT is the snapshot drizzle-kit generates for before.ts (pre-computed into
// $DP_PG_BEFORE_SNAPSHOTS, default ../ref/pg-before-snapshots/<case>.json; empty when the
// case has no before.ts), renames come from case.json hints, and the generated statements
// are compared with expected.sql. It runs twice: as drizzle-kit push (beyond_drizzle off,
// the fidelity number) and with this project's defaults (deliberate deviations on).
// Every case also proves idempotency: diffing the desired snapshot with itself is empty.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "diff/pg/diff.h"
#include "diff_test_support.h"
#include "sqlgen/pg/generate.h"

namespace dp::pgtest {
namespace {

namespace fs = std::filesystem;

/// Where CURRENT snapshots come from.
struct Source {
  std::string dir;
  bool introspected = false;  ///< every case has one (drizzle-kit pull after setup + before.sql)
};

Source Generated() {
  const char* env = std::getenv("DP_PG_BEFORE_SNAPSHOTS");
  return {env ? env : std::string(DP_SOURCE_DIR) + "/../ref/pg-before-snapshots", false};
}

Source Introspected() {
  const char* env = std::getenv("DP_PG_PULLED_SNAPSHOTS");
  return {env ? env : std::string(DP_SOURCE_DIR) + "/../ref/pg-pulled-snapshots", true};
}

/// drizzle-kit's fromDatabase lists a table's indexes by name (its query's DISTINCT ON);
/// a generated snapshot lists them in schema order. Sorting gives the introspected order.
void SortIndexesByName(model::pg::Snapshot& snapshot) {
  for (auto& [key, table] : snapshot.tables) {
    model::OrderedMap<model::pg::Index> sorted;
    for (const auto* entry : table.indexes.Sorted()) sorted.insert_or_assign(entry->first, entry->second);
    table.indexes = std::move(sorted);
  }
}

/// Length of the longest common subsequence of equal statements.
size_t CommonStatements(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<std::vector<size_t>> table(a.size() + 1, std::vector<size_t>(b.size() + 1, 0));
  for (size_t i = 1; i <= a.size(); ++i) {
    for (size_t j = 1; j <= b.size(); ++j) {
      table[i][j] = a[i - 1] == b[j - 1] ? table[i - 1][j - 1] + 1 : std::max(table[i - 1][j], table[i][j - 1]);
    }
  }
  return table[a.size()][b.size()];
}

struct Totals {
  size_t passed = 0, failed = 0, skipped = 0;
  size_t expected_statements = 0, matched_statements = 0, extra_statements = 0;
};

Totals RunLoop(const Source& source, bool beyond, bool verbose) {
  Totals totals;
  if (!fs::exists(source.dir)) {
    std::cout << "no snapshots in " << source.dir << "\n";
    return totals;
  }
  fs::path root = fs::path(DP_SHARED_DIR) / "conformance" / "postgresql";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  for (const fs::path& dir : cases) {
    std::string name = dir.filename().string();
    auto case_json = nlohmann::json::parse(ReadFile((dir / "case.json").string()));
    std::string current_text;
    if (source.introspected || fs::exists(dir / "before.ts")) {
      current_text = ReadFile(source.dir + "/" + name + ".json");
      if (current_text.empty()) {
        ++totals.skipped;
        if (verbose) std::cout << "SKIP " << name << " (no before snapshot)\n";
        continue;
      }
    }
    auto current = ReadCompactSnapshot(current_text);
    auto desired = ReadCompactSnapshot(ReadFile((dir / "snapshot.json").string()));
    EXPECT_TRUE(current.has_value()) << name << ": " << (current ? "" : current.error().message);
    EXPECT_TRUE(desired.has_value()) << name << ": " << (desired ? "" : desired.error().message);
    if (!current || !desired) continue;
    if (!source.introspected) SortIndexesByName(*current);
    HintResolver resolver(case_json.value("hints", nlohmann::json::array()));
    diff::pg::DiffOptions options;
    options.beyond_drizzle = beyond;
    auto plan = diff::pg::Diff(*current, *desired, resolver, options);
    EXPECT_TRUE(plan.has_value()) << name;
    if (!plan) continue;
    std::vector<std::string> got;
    for (const auto& statement : sqlgen::pg::Generate(*plan)) got.push_back(statement.sql);
    std::vector<std::string> expected = SplitStatements(ReadFile((dir / "expected.sql").string()));
    size_t common = CommonStatements(got, expected);
    totals.expected_statements += expected.size();
    totals.matched_statements += common;
    totals.extra_statements += got.size() - common;
    bool pass = got == expected;
    ++(pass ? totals.passed : totals.failed);
    if (verbose) {
      std::cout << (pass ? "PASS " : "FAIL ") << name << "  (" << common << "/" << expected.size() << ")\n";
      if (!pass) {
        for (const auto& line : expected) std::cout << "    - " << line << "\n";
        for (const auto& line : got) std::cout << "    + " << line << "\n";
      }
    }

    // Idempotency: the desired state diffed with itself is empty.
    diff::CreateAllResolver none;
    auto again = diff::pg::Diff(*desired, *desired, none, options);
    EXPECT_TRUE(again.has_value() && again->changes.empty()) << name << ": desired vs itself is not empty\n"
                                                             << (again ? DumpPlan(*again) : "");
  }
  return totals;
}

void Report(const char* label, const Totals& totals) {
  std::cout << "pg-diff (" << label << "): " << totals.passed << " passed, " << totals.failed << " failed, "
            << totals.skipped << " skipped; statements " << totals.matched_statements << "/"
            << totals.expected_statements << " exact ("
            << (totals.expected_statements ? 100.0 * totals.matched_statements / totals.expected_statements : 0.0)
            << "%), " << totals.extra_statements << " extra\n";
}

bool Verbose() {
  const char* env = std::getenv("DP_PG_CONFORMANCE_VERBOSE");
  return env == nullptr || std::string(env) != "0";
}

// Floors: the loop must not get worse (raise them as it gets better).
constexpr size_t kDrizzleModeMinPassed = 0;
constexpr size_t kDefaultModeMinPassed = 0;
constexpr size_t kIntrospectedDrizzleModeMinPassed = 0;
constexpr size_t kIntrospectedDefaultModeMinPassed = 0;

TEST(PgDiffConformance, DrizzlePushMode) {
  Totals totals = RunLoop(Generated(), false, Verbose());
  Report("generated current, drizzle-kit push mode", totals);
  EXPECT_GE(totals.passed, kDrizzleModeMinPassed);
}

TEST(PgDiffConformance, DefaultMode) {
  Totals totals = RunLoop(Generated(), true, Verbose());
  Report("generated current, default mode", totals);
  EXPECT_GE(totals.passed, kDefaultModeMinPassed);
}

// CURRENT as drizzle-kit push sees it: `drizzle-kit pull` of a database made with the
// case's setup + before.sql (pre-computed into $DP_PG_PULLED_SNAPSHOTS, default
// ../ref/pg-pulled-snapshots). This exercises normalize.cpp on introspected shapes.
TEST(PgDiffConformance, IntrospectedDrizzlePushMode) {
  Totals totals = RunLoop(Introspected(), false, Verbose());
  Report("introspected current, drizzle-kit push mode", totals);
  EXPECT_GE(totals.passed, kIntrospectedDrizzleModeMinPassed);
}

TEST(PgDiffConformance, IntrospectedDefaultMode) {
  Totals totals = RunLoop(Introspected(), true, Verbose());
  Report("introspected current, default mode", totals);
  EXPECT_GE(totals.passed, kIntrospectedDefaultModeMinPassed);
}

}  // namespace
}  // namespace dp::pgtest
