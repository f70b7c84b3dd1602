// The PostgreSQL end-to-end inner loop: every case of ../shared/conformance/postgresql is
// recreated in a fresh database (case setup, before.sql, data.sql), planned with
// push::pg::PlanPush against the case's snapshot.json as the DESIRED schema (no TS front
// end) with case.json's hints and config filters, and checked:
//   statements  the plan in drizzle-kit mode (beyond_drizzle off) equals expected.sql;
//   default     the plan with this project's defaults equals expected.sql (informational);
//   after       the default plan applied in one transaction gives after.sql's pg_dump
//               (drizzle-kit error cases: the failing plan must roll back completely);
//   second      planning again right after is empty;
//   warnings    the data-loss warnings equal outcome.json's (add_unique: its prompt).
// DP_PG_CASE=<prefix> runs matching cases only; DP_PG_VERBOSE=1 prints every difference.
// The acceptance targets are asserted at the end (>= 95% after, >= 90% statements, every
// second push empty), so the test fails while the PostgreSQL stack is below them.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "model/pg/json.h"
#include "plan_test_support.h"
#include "push/pg/plan_push.h"

namespace dp::pgpush_test {
namespace {

namespace fs = std::filesystem;

struct Outcome {
  bool ran = false;               // the case could be set up and planned
  bool error_case = false;        // drizzle-kit failed on it
  bool statements_ok = false;     // drizzle-kit mode == expected.sql
  bool default_ok = false;        // default mode == expected.sql
  std::optional<bool> after_ok;   // nullopt: not applicable
  std::optional<bool> second_ok;  // nullopt: not applicable (rolled back)
  bool warnings_ok = false;
  bool rolled_back = false;
  bool we_fixed = false;                 // error case where our plan applies cleanly
  bool skipped = false;                  // nothing to plan against (no snapshot.json)
  bool deliberate = false;               // the default plan differs from drizzle-kit mode's
  std::optional<bool> after_drizzle_ok;  // drizzle-kit mode's plan reaches after.sql
  std::string detail;
};

std::vector<std::string> Setup(const nlohmann::json& case_json) {
  std::vector<std::string> out;
  if (!case_json.contains("setup")) return out;
  const auto& setup = case_json["setup"];
  if (setup.is_string()) return {setup.get<std::string>()};
  for (const auto& line : setup) out.push_back(line.get<std::string>());
  return out;
}

std::vector<std::string> ExpectedWarnings(const nlohmann::json& outcome_json) {
  std::vector<std::string> warnings;
  for (const auto& warning : outcome_json.value("warnings", nlohmann::json::array())) {
    warnings.push_back(warning.get<std::string>());
  }
  // drizzle-kit 0.31 asks about unique constraints on non-empty tables instead of warning;
  // we warn (kind add_unique) with the question's statement part.
  for (const auto& prompt : outcome_json.value("prompts", nlohmann::json::array())) {
    std::string question = prompt.value("question", "");
    size_t cut = question.find(" Do you want to truncate");
    if (question.find("unique constraint") != std::string::npos && cut != std::string::npos) {
      warnings.push_back(question.substr(0, cut));
    }
  }
  return warnings;
}

/// Drops the roles a case made (those it names that were not there before the loop).
void DropCaseRoles(const fs::path& dir, const std::set<std::string>& roles_before) {
  std::string text = ReadFile((dir / "case.json").string()) + ReadFile((dir / "before.sql").string()) +
                     ReadFile((dir / "snapshot.json").string());
  DropRoles(NewRoles(roles_before, text));
}

/// The test server's user (DP_TEST_PG_URL's user part).
std::string TestUser() {
  auto url = test::PgUrl();
  if (!url) return "";
  size_t scheme = url->find("://");
  size_t start = scheme == std::string::npos ? 0 : scheme + 3;
  size_t end = url->find_first_of(":@", start);
  return end == std::string::npos ? "" : url->substr(start, end - start);
}

/// One push of a case onto a fresh database: set up, plan, apply, dump, plan again.
struct Cycle {
  bool planned = false;
  std::vector<std::string> texts;
  std::vector<std::string> warnings;
  bool missing_hints = false;
  bool applied = false;
  bool rolled_back = false;
  std::string after_dump;
  std::optional<bool> second_ok;
  std::string detail;
  std::optional<std::vector<std::string>> shadow_texts;  // the plan under `shadow` options
};

Cycle RunCycle(const fs::path& dir, const nlohmann::json& case_json, const model::pg::Snapshot& desired,
               const push::pg::PlanOptions& options, const std::set<std::string>& roles_before,
               const push::pg::PlanOptions* shadow = nullptr) {
  Cycle cycle;
  auto fail = [&](const std::string& message) {
    cycle.detail += message + "\n";
    return cycle;
  };
  FreshDb db;
  if (!db.ok()) return fail("database: " + db.message());
  for (const std::string& statement : Setup(case_json)) {
    if (auto ran = db.conn().Exec(statement); !ran) return fail("setup: " + ran.error().message);
  }
  for (const char* file : {"before.sql", "data.sql"}) {
    std::string path = (dir / file).string();
    if (!FileExists(path)) continue;
    if (auto ran = RunScript(db.conn(), ReadFile(path)); !ran)
      return fail(std::string(file) + ": " + ran.error().message);
  }
  // Roles are server-wide: only those the case names are dumped and dropped.
  const std::string case_text =
      case_json.dump() + ReadFile((dir / "before.sql").string()) + ReadFile((dir / "snapshot.json").string());
  const std::string before_dump = PgDump(db.url()) + RoleDump(NewRoles(roles_before, case_text));
  const introspect::Filters filters = FiltersFromConfig(case_json.value("config", nlohmann::json::object()));
  if (shadow != nullptr) {
    HintResolver shadow_resolver(case_json.value("hints", nlohmann::json::array()));
    auto shadow_plan = push::pg::PlanPush(db.conn(), desired, filters, shadow_resolver, *shadow);
    if (!shadow_plan) return fail("plan (drizzle-kit mode): " + shadow_plan.error().message);
    cycle.shadow_texts = Texts(shadow_plan->statements);
  }
  HintResolver resolver(case_json.value("hints", nlohmann::json::array()));
  auto plan = push::pg::PlanPush(db.conn(), desired, filters, resolver, options);
  if (!plan) return fail("plan: " + plan.error().message);
  cycle.planned = true;
  cycle.missing_hints = !plan->missing_hints.empty();
  cycle.texts = Texts(plan->statements);
  for (const auto& warning : plan->warnings) cycle.warnings.push_back(warning.message);

  auto applied = ApplyInTransaction(db.conn(), plan->statements);
  cycle.after_dump = PgDump(db.url()) + RoleDump(NewRoles(roles_before, case_text));
  if (!applied) {
    cycle.rolled_back = cycle.after_dump == before_dump;
    return fail("apply failed: " + applied.error().message + (cycle.rolled_back ? " (rolled back)" : ""));
  }
  cycle.applied = true;
  HintResolver second_resolver(nlohmann::json::array());
  auto second = push::pg::PlanPush(db.conn(), desired, filters, second_resolver, options);
  cycle.second_ok = second && second->statements.empty() && second->missing_hints.empty();
  if (!*cycle.second_ok) {
    cycle.detail += second ? "second push:\n" + Join(Texts(second->statements))
                           : "second plan: " + second.error().message;
    if (second && !second->missing_hints.empty()) cycle.detail += "second push asks rename questions\n";
  }
  return cycle;
}

Outcome RunCase(const fs::path& dir, const std::set<std::string>& roles_before) {
  Outcome outcome;
  auto case_json = nlohmann::json::parse(ReadFile((dir / "case.json").string()));
  auto outcome_json = nlohmann::json::parse(ReadFile((dir / "outcome.json").string()));
  outcome.error_case = !outcome_json["error"].is_null();
  const std::string snapshot_text = ReadFile((dir / "snapshot.json").string());
  if (Trim(snapshot_text).empty()) {
    outcome.skipped = true;
    outcome.detail = "no snapshot.json (drizzle-kit failed before writing one)";
    return outcome;
  }
  auto desired = model::pg::FromJsonText(snapshot_text);
  if (!desired) {
    outcome.detail = "snapshot.json: " + desired.error().message;
    return outcome;
  }
  const std::vector<std::string> expected = SplitBreakpoints(ReadFile((dir / "expected.sql").string()));
  std::string expected_after = NormalizeDump(ReadFile((dir / "after.sql").string()));
  // The corpus was recorded as role "postgres": a policy `TO current_user` names it.
  const std::string user = TestUser();
  for (size_t pos = expected_after.find(" TO postgres"); pos != std::string::npos && user != "postgres";
       pos = expected_after.find(" TO postgres", pos + 1)) {
    expected_after.replace(pos, std::string(" TO postgres").size(), " TO " + user);
  }

  // The product (this project's defaults), with the plan in drizzle-kit mode (beyond_drizzle
  // off, the fidelity number) computed on the same starting state.
  push::pg::PlanOptions drizzle_mode;
  drizzle_mode.diff.beyond_drizzle = false;
  Cycle product = RunCycle(dir, case_json, *desired, push::pg::PlanOptions{}, roles_before, &drizzle_mode);
  DropCaseRoles(dir, roles_before);
  outcome.ran = product.planned;
  outcome.detail += product.detail;
  if (!product.planned) return outcome;
  if (product.missing_hints) outcome.detail += "missing hints!\n";
  outcome.default_ok = product.texts == expected;
  outcome.rolled_back = product.rolled_back;
  outcome.we_fixed = outcome.error_case && product.applied;
  if (!outcome.error_case) outcome.after_ok = product.applied && product.after_dump == expected_after;
  if (product.applied) outcome.second_ok = product.second_ok;

  std::vector<std::string> expected_warnings = ExpectedWarnings(outcome_json);
  outcome.warnings_ok = product.warnings == expected_warnings;
  if (!outcome.warnings_ok) {
    outcome.detail += "warnings:\n";
    for (const auto& warning : product.warnings) outcome.detail += "  " + warning + "\n";
    outcome.detail += "expected warnings:\n";
    for (const auto& warning : expected_warnings) outcome.detail += "  " + warning + "\n";
  }

  // When drizzle-kit mode plans differently, its plan is applied on its own database to
  // tell the product's deliberate deviations apart.
  const std::vector<std::string> drizzle_texts = product.shadow_texts.value_or(std::vector<std::string>{});
  outcome.statements_ok = product.shadow_texts && drizzle_texts == expected;
  outcome.deliberate = product.shadow_texts && drizzle_texts != product.texts;
  if (outcome.deliberate && !outcome.error_case) {
    Cycle drizzle = RunCycle(dir, case_json, *desired, drizzle_mode, roles_before);
    DropCaseRoles(dir, roles_before);
    outcome.after_drizzle_ok = drizzle.applied && drizzle.after_dump == expected_after;
    if (!*outcome.after_drizzle_ok) outcome.detail += "drizzle-kit mode apply: " + drizzle.detail;
  }
  if (!outcome.statements_ok) outcome.detail += "drizzle-kit mode:\n" + Join(drizzle_texts);
  if (!outcome.default_ok && outcome.deliberate) outcome.detail += "default mode:\n" + Join(product.texts);
  if (!outcome.statements_ok || !outcome.default_ok) outcome.detail += "expected:\n" + Join(expected);
  if (outcome.after_ok == std::optional<bool>(false))
    outcome.detail += "after (default mode):\n" + product.after_dump;
  return outcome;
}

const char* Mark(std::optional<bool> ok) {
  return !ok ? "n/a" : (*ok ? "ok" : "FAIL");
}
const char* Mark(bool ok) {
  return ok ? "ok" : "FAIL";
}

struct Tally {
  int passed = 0, failed = 0;
  void Add(bool ok) { (ok ? passed : failed)++; }
};

TEST(PgPushConformance, EveryCase) {
  {
    FreshDb probe;
    if (probe.skipped()) GTEST_SKIP() << probe.message();
    ASSERT_TRUE(probe.ok()) << probe.message();
  }
  fs::path root = fs::path(DP_SHARED_DIR) / "conformance" / "postgresql";
  ASSERT_TRUE(fs::exists(root)) << root;
  std::vector<fs::path> cases;
  const char* only = std::getenv("DP_PG_CASE");
  for (const auto& entry : fs::directory_iterator(root)) {
    if (!entry.is_directory() || !fs::exists(entry.path() / "case.json")) continue;
    if (only != nullptr && entry.path().filename().string().rfind(only, 0) != 0) continue;
    cases.push_back(entry.path());
  }
  std::sort(cases.begin(), cases.end());
  ASSERT_FALSE(cases.empty());
  const bool verbose = std::getenv("DP_PG_VERBOSE") != nullptr;

  const std::set<std::string> roles_before = ServerRoles();
  Tally statements, defaults, after, after_accepting, second, warnings, rolled_back;
  int fixed = 0, skipped = 0;
  for (const fs::path& dir : cases) {
    const std::string name = dir.filename().string();
    Outcome outcome = RunCase(dir, roles_before);
    DropCaseRoles(dir, roles_before);
    if (outcome.skipped) {
      ++skipped;
      std::cout << "pg " << name << ": skipped: " << outcome.detail << "\n";
      continue;
    }
    statements.Add(outcome.statements_ok);
    defaults.Add(outcome.default_ok);
    warnings.Add(outcome.warnings_ok);
    if (outcome.after_ok) {
      after.Add(*outcome.after_ok);
      after_accepting.Add(*outcome.after_ok || outcome.after_drizzle_ok.value_or(false));
    }
    if (outcome.second_ok) second.Add(*outcome.second_ok);
    if (!outcome.error_case) {
      if (!outcome.after_ok) {  // could not even run
        after.Add(false);
        after_accepting.Add(false);
      }
    } else if (outcome.we_fixed) {
      ++fixed;
    } else {
      rolled_back.Add(outcome.rolled_back);
    }
    std::cout << "pg " << name << ": statements " << Mark(outcome.statements_ok) << " | default "
              << Mark(outcome.default_ok) << " | after " << Mark(outcome.after_ok)
              << (outcome.after_drizzle_ok
                      ? (*outcome.after_drizzle_ok ? " (drizzle-kit mode ok)" : " (drizzle-kit mode FAIL)")
                      : "")
              << " | second-push " << Mark(outcome.second_ok) << " | warnings " << Mark(outcome.warnings_ok)
              << (outcome.error_case
                      ? (outcome.we_fixed
                             ? " | drizzle-kit error case, ours applies"
                             : (outcome.rolled_back ? " | drizzle-kit error case, rolled back"
                                                    : " | drizzle-kit error case, NOT rolled back"))
                      : "")
              << "\n";
    bool failed = !outcome.statements_ok || outcome.after_ok == std::optional<bool>(false) ||
                  outcome.second_ok == std::optional<bool>(false) || !outcome.warnings_ok || !outcome.ran;
    if (verbose && (failed || !outcome.default_ok)) std::cout << outcome.detail << "\n";
  }
  std::cout << "pg-push statements (drizzle-kit mode): " << statements.passed << " passed, "
            << statements.failed << " failed\n";
  std::cout << "pg-push statements (default mode): " << defaults.passed << " passed, " << defaults.failed
            << " failed\n";
  std::cout << "pg-push after.sql (non-error cases): " << after.passed << " passed, " << after.failed
            << " failed\n";
  std::cout << "pg-push after.sql, deliberate deviations accepted (drizzle-kit mode reaches after.sql): "
            << after_accepting.passed << " passed, " << after_accepting.failed << " failed\n";
  std::cout << "pg-push second push: " << second.passed << " passed, " << second.failed << " failed\n";
  std::cout << "pg-push warnings: " << warnings.passed << " passed, " << warnings.failed << " failed\n";
  std::cout << "pg-push drizzle-kit error cases: " << rolled_back.passed << " rolled back, "
            << rolled_back.failed << " not rolled back, " << fixed << " applied cleanly by us\n";
  std::cout << "pg-push skipped cases: " << skipped << "\n";
  const int total = static_cast<int>(cases.size()) - skipped;
  EXPECT_GE(after_accepting.passed * 100, (after_accepting.passed + after_accepting.failed) * 95)
      << "after.sql target: 95% of non-error cases (deliberate deviations accepted)";
  EXPECT_GE(statements.passed * 100, total * 90) << "statements target: 90%";
  EXPECT_EQ(second.failed, 0) << "every second push must be empty";
  EXPECT_EQ(rolled_back.failed, 0) << "a failing push must leave the database unchanged";
}

}  // namespace
}  // namespace dp::pgpush_test
