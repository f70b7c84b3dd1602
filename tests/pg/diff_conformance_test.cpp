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
#include <fstream>
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

std::string Trim(const std::string& text) {
  size_t end = text.find_last_not_of(" \n\t");
  return end == std::string::npos ? "" : text.substr(0, end + 1);
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
    for (const auto& statement : sqlgen::pg::Generate(*plan)) got.push_back(Trim(statement.sql));
    // DP_PG_DUMP_SQL_DIR: write the statements of the introspected default-mode run, for
    // applying them to a real database (../ref/apply-ours.js) and pulling the result.
    if (const char* dump_dir = std::getenv("DP_PG_DUMP_SQL_DIR"); dump_dir && source.introspected && beyond) {
      std::string text;
      for (const auto& line : got) text += (text.empty() ? "" : "\n--> statement-breakpoint\n") + line;
      std::ofstream(std::string(dump_dir) + "/" + name + ".sql") << text;
    }
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

/// The second push: CURRENT is `drizzle-kit pull` of the database drizzle-kit left
/// (setup + after.sql, pre-computed into $DP_PG_AFTER_SNAPSHOTS, default
/// ../ref/pg-after-pulled-snapshots). In drizzle-kit push mode the statements must equal
/// outcome.json's second_push (drizzle-kit's own non-idempotency); by default they must
/// be empty unless drizzle-kit left the database different from the schema.
struct SecondPushTotals {
  size_t same = 0, different = 0, skipped = 0;
};

SecondPushTotals RunSecondPush(bool beyond, bool verbose, const std::string& after_dir, bool ours) {
  SecondPushTotals totals;
  fs::path root = fs::path(DP_SHARED_DIR) / "conformance" / "postgresql";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  for (const fs::path& dir : cases) {
    std::string name = dir.filename().string();
    std::string after_text = ReadFile(after_dir + "/" + name + ".json");
    if (after_text.empty()) {
      ++totals.skipped;
      continue;
    }
    auto outcome = nlohmann::json::parse(ReadFile((dir / "outcome.json").string()));
    auto current = ReadCompactSnapshot(after_text);
    auto desired = ReadCompactSnapshot(ReadFile((dir / "snapshot.json").string()));
    if (!current || !desired) {
      ADD_FAILURE() << name << ": unreadable snapshot";
      continue;
    }
    diff::CreateAllResolver resolver;
    diff::pg::DiffOptions options;
    options.beyond_drizzle = beyond;
    auto plan = diff::pg::Diff(*current, *desired, resolver, options);
    if (!plan) {
      ADD_FAILURE() << name << ": " << plan.error().message;
      continue;
    }
    std::vector<std::string> got;
    for (const auto& statement : sqlgen::pg::Generate(*plan)) got.push_back(Trim(statement.sql));
    std::vector<std::string> want;
    if (!beyond && !ours) {
      for (const auto& text : outcome.value("second_push", nlohmann::json::array())) {
        for (const auto& part : SplitStatements(text.get<std::string>())) {
          want.push_back(part.back() == ';' ? part : part + ";");
        }
      }
    }
    bool same = got == want;
    ++(same ? totals.same : totals.different);
    if (verbose && !same) {
      std::string errors = ours ? ReadFile(after_dir + "/" + name + ".err") : "";
      std::cout << (ours ? "OUR-SECOND-PUSH " : "SECOND-PUSH ") << name
                << (ours || outcome["error"].is_null() ? "" : " (drizzle-kit failed)")
                << (errors.empty() ? "" : " (our statements failed: " + errors + ")") << "\n";
      for (const auto& line : want) std::cout << "    - " << line << "\n";
      for (const auto& line : got) std::cout << "    + " << line << "\n";
    }
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

// Floors: the loops must not get worse (raise them as they get better). Measured with the
// pre-computed snapshots of ../ref (see each test); a test whose data is missing is skipped.
constexpr size_t kDrizzleModeMinPassed = 138;
constexpr size_t kDefaultModeMinPassed = 126;
constexpr size_t kIntrospectedDrizzleModeMinPassed = 140;
constexpr size_t kIntrospectedDefaultModeMinPassed = 128;
constexpr size_t kSecondPushDrizzleMinSame = 128;
constexpr size_t kSecondPushDefaultMinSame = 117;
constexpr size_t kOurSecondPushMinEmpty = 135;
constexpr size_t kExportMinSame = 143;

TEST(PgDiffConformance, DrizzlePushMode) {
  if (!fs::exists(Generated().dir)) GTEST_SKIP() << "no snapshots in " << Generated().dir;
  Totals totals = RunLoop(Generated(), false, Verbose());
  Report("generated current, drizzle-kit push mode", totals);
  EXPECT_GE(totals.passed, kDrizzleModeMinPassed);
}

TEST(PgDiffConformance, DefaultMode) {
  if (!fs::exists(Generated().dir)) GTEST_SKIP() << "no snapshots in " << Generated().dir;
  Totals totals = RunLoop(Generated(), true, Verbose());
  Report("generated current, default mode", totals);
  EXPECT_GE(totals.passed, kDefaultModeMinPassed);
}

// CURRENT as drizzle-kit push sees it: `drizzle-kit pull` of a database made with the
// case's setup + before.sql (pre-computed into $DP_PG_PULLED_SNAPSHOTS, default
// ../ref/pg-pulled-snapshots). This exercises normalize.cpp on introspected shapes.
TEST(PgDiffConformance, IntrospectedDrizzlePushMode) {
  if (!fs::exists(Introspected().dir)) GTEST_SKIP() << "no snapshots in " << Introspected().dir;
  Totals totals = RunLoop(Introspected(), false, Verbose());
  Report("introspected current, drizzle-kit push mode", totals);
  EXPECT_GE(totals.passed, kIntrospectedDrizzleModeMinPassed);
}

TEST(PgDiffConformance, IntrospectedDefaultMode) {
  if (!fs::exists(Introspected().dir)) GTEST_SKIP() << "no snapshots in " << Introspected().dir;
  Totals totals = RunLoop(Introspected(), true, Verbose());
  Report("introspected current, default mode", totals);
  EXPECT_GE(totals.passed, kIntrospectedDefaultModeMinPassed);
}

std::string AfterDir() {
  const char* env = std::getenv("DP_PG_AFTER_SNAPSHOTS");
  return env ? env : std::string(DP_SOURCE_DIR) + "/../ref/pg-after-pulled-snapshots";
}

TEST(PgDiffConformance, SecondPushDrizzlePushMode) {
  if (!fs::exists(AfterDir())) GTEST_SKIP() << "no snapshots in " << AfterDir();
  SecondPushTotals totals = RunSecondPush(false, Verbose(), AfterDir(), false);
  std::cout << "pg-diff second push (drizzle-kit push mode): " << totals.same << " as drizzle-kit, " << totals.different
            << " different, " << totals.skipped << " skipped\n";
  EXPECT_GE(totals.same, kSecondPushDrizzleMinSame);
}

TEST(PgDiffConformance, SecondPushDefaultMode) {
  if (!fs::exists(AfterDir())) GTEST_SKIP() << "no snapshots in " << AfterDir();
  SecondPushTotals totals = RunSecondPush(true, Verbose(), AfterDir(), false);
  std::cout << "pg-diff second push (default mode): " << totals.same << " empty, " << totals.different
            << " not empty, " << totals.skipped << " skipped\n";
  EXPECT_GE(totals.same, kSecondPushDefaultMinSame);
}

// Our own second push: CURRENT is `drizzle-kit pull` of a database made with setup +
// before.sql + data.sql and then OUR statements (default mode), pre-computed into
// $DP_PG_OURS_AFTER_SNAPSHOTS (default ../ref/pg-ours-after; <case>.err holds statement
// errors). Must be empty: a push applied twice changes nothing the second time.
TEST(PgDiffConformance, OurSecondPushIsEmpty) {
  const char* env = std::getenv("DP_PG_OURS_AFTER_SNAPSHOTS");
  std::string dir = env ? env : std::string(DP_SOURCE_DIR) + "/../ref/pg-ours-after";
  if (!fs::exists(dir)) GTEST_SKIP() << "no snapshots in " << dir;
  SecondPushTotals totals = RunSecondPush(true, Verbose(), dir, true);
  std::cout << "pg-diff our second push: " << totals.same << " empty, " << totals.different << " not empty, "
            << totals.skipped << " skipped\n";
  EXPECT_GE(totals.same, kOurSecondPushMinEmpty);
}

// GenerateCreateAll against `drizzle-kit export` of each case's schema (pre-computed into
// $DP_PG_EXPORTS, default ../ref/pg-export/<case>.sql), byte for byte.
TEST(PgDiffConformance, ExportMatchesDrizzleKit) {
  const char* env = std::getenv("DP_PG_EXPORTS");
  std::string dir = env ? env : std::string(DP_SOURCE_DIR) + "/../ref/pg-export";
  if (!fs::exists(dir)) GTEST_SKIP() << "no exports in " << dir;
  size_t same = 0, different = 0;
  fs::path root = fs::path(DP_SHARED_DIR) / "conformance" / "postgresql";
  std::vector<fs::path> cases;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory()) cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  for (const fs::path& case_dir : cases) {
    std::string name = case_dir.filename().string();
    std::string want = ReadFile(dir + "/" + name + ".sql");
    if (want.empty()) continue;
    if (want.back() == '\n') want.pop_back();  // console.log's newline
    auto desired = ReadCompactSnapshot(ReadFile((case_dir / "snapshot.json").string()));
    ASSERT_TRUE(desired.has_value()) << name;
    std::string got = sqlgen::pg::ExportText(sqlgen::pg::GenerateCreateAll(*desired));
    if (got == want) {
      ++same;
    } else {
      ++different;
      if (Verbose()) std::cout << "EXPORT " << name << "\n--- drizzle-kit\n" << want << "\n--- ours\n" << got << "\n";
    }
  }
  std::cout << "pg-diff export: " << same << " identical, " << different << " different\n";
  EXPECT_GE(same, kExportMinSame);
}

}  // namespace
}  // namespace dp::pgtest
