// Runs every recorded drizzle-kit case against a real server through the drizzle-push
// binary: recreate the starting state, push with --force, compare the schema dump with
// after.sql and the executed statements with expected.sql, then push again and expect
// nothing. Cases where drizzle-kit itself failed must exit 1 and leave the database as it
// was. Prints a line per case and `N passed, M failed`; writes the summary to
// <build>/conformance-summary.txt.
//
// Deliberate deviations (docs/deviations.md) are checked, not excused: each is listed with
// its reason in deviations_<dialect>.txt, and deviations/<dialect>/<case>/ holds our own
// after.sql and/or expected.sql, which replace drizzle-kit's for that case. So a deviation
// case still fails when its result changes. DP_CONFORMANCE_UPDATE_DEVIATIONS=1 rewrites
// those files from the current results (review the diff before committing).
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <sstream>

#include "conformance_case.h"
#include "dialect_fixture.h"

namespace dp::conformance {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

struct CaseResult {
  bool dump_ok = false;
  bool statements_ok = false;
  bool second_push_ok = false;
  bool error_case_ok = false;  // drizzle-kit failed: we exit 1 and change nothing (or fix it)
  bool fixed_drizzle_failure = false;  // ...by succeeding where drizzle-kit failed
  std::string detail;
  std::string actual_dump;                     // normalized, for updating deviation files
  std::vector<std::string> actual_statements;  // as executed

  bool Passed(const Case& c) const { return c.drizzle_failed ? error_case_ok : dump_ok && statements_ok && second_push_ok; }
};

// deviations_<dialect>.txt: `<case> <reason>` per line, `#` comments.
std::map<std::string, std::string> Deviations(const std::string& dialect) {
  std::map<std::string, std::string> reasons;
  std::ifstream in(fmt::format("{}/tests/push_conformance/deviations_{}.txt", DP_SOURCE_DIR, dialect));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    size_t end = line.find_first_of(" \t");
    reasons[line.substr(0, end)] = end == std::string::npos ? "" : Trim(line.substr(end));
  }
  return reasons;
}

fs::path DeviationDir(const std::string& dialect, const std::string& name) {
  return fs::path(DP_SOURCE_DIR) / "tests/push_conformance/deviations" / dialect / name;
}

// What a case must produce: drizzle-kit's recorded files, or our own for a deviation.
struct Expectation {
  std::optional<std::string> after_sql;
  std::optional<std::string> expected_sql;
  bool own_after = false;     // after_sql is ours, not drizzle-kit's
  bool own_expected = false;  // expected_sql is ours
};

Expectation ExpectationFor(const Case& c, bool deviation) {
  Expectation e{c.File("after.sql"), c.File("expected.sql")};
  if (!deviation) return e;
  fs::path dir = DeviationDir(c.dialect, c.name);
  if (auto ours = ReadFile(dir / "after.sql")) e.after_sql = ours, e.own_after = true;
  if (auto ours = ReadFile(dir / "expected.sql")) e.expected_sql = ours, e.own_expected = true;
  return e;
}

std::string JoinStatements(const std::vector<std::string>& statements) {
  std::string text;
  for (size_t i = 0; i < statements.size(); ++i) {
    if (i) text += "\n--> statement-breakpoint\n";
    text += statements[i];
  }
  return text + "\n";
}

json ReadJsonOutput(const std::string& output) {
  // --output json prints exactly one JSON object on stdout.
  json parsed = json::parse(output, nullptr, false);
  return parsed.is_discarded() ? json() : parsed;
}

std::vector<std::string> Statements(const json& output) {
  std::vector<std::string> statements;
  if (!output.is_object() || !output.contains("statements")) return statements;
  for (const json& statement : output["statements"]) statements.push_back(Trim(statement.value("sql", "")));
  return statements;
}

class Runner {
 public:
  Runner(std::string dialect, fs::path work) : dialect_(std::move(dialect)), work_(std::move(work)) {}

  CaseResult Run(const Case& c, const Expectation& expect, DialectFixture& db) {
    CaseResult result;
    std::string error;
    if (!db.Create(c.name, error)) {
      result.detail = "cannot create database: " + error;
      return result;
    }
    for (const std::string& statement : c.setup) {
      if (!db.RunScript(statement, error)) {
        result.detail = "setup failed: " + error;
        return result;
      }
    }
    for (const char* file : {"before.sql", "data.sql"}) {
      auto text = c.File(file);
      if (text && !db.RunScript(*text, error)) {
        result.detail = fmt::format("{} failed: {}", file, error);
        return result;
      }
    }
    std::string start_dump = db.Dump();
    std::string config = WriteConfig(c, db);
    std::string hints = WriteHints(c);

    CommandResult first = Push(c, config, hints, /*explain=*/false);
    json output = ReadJsonOutput(first.output);
    if (c.drizzle_failed) {
      // drizzle-kit failed part-way. Acceptable: we fail too and change nothing, or we
      // succeed (a deliberate fix, docs/deviations.md) and a second push is a no-op.
      if (first.exit_code == 1) {
        result.error_case_ok = db.Dump() == start_dump;
        if (!result.error_case_ok) result.detail = "drizzle-kit failed here; we exited 1 but changed the schema";
      } else if (first.exit_code == 0) {
        // Applying is a deviation: it must be listed, and match our recorded dump and statements.
        CompareOutcome(c, expect, db, output, result);
        CommandResult again = Push(c, config, hints, /*explain=*/true);
        result.error_case_ok = again.exit_code == 0 && Statements(ReadJsonOutput(again.output)).empty();
        if (!result.error_case_ok) result.detail += "drizzle-kit failed here; we applied, but a second push plans more; ";
        if (!expect.own_after || !expect.own_expected) {
          result.error_case_ok = false;
          result.detail = "drizzle-kit failed here and we applied: list the case in deviations_" + c.dialect +
                          ".txt with our after.sql and expected.sql; ";
        } else {
          result.error_case_ok = result.error_case_ok && result.dump_ok && result.statements_ok;
        }
        result.fixed_drizzle_failure = result.error_case_ok;
      } else {
        result.detail = fmt::format("drizzle-kit failed here; we exited {}: {}", first.exit_code,
                                    Trim(first.errors + first.output).substr(0, 300));
      }
      return result;
    }
    if (first.exit_code != 0) {
      result.detail = fmt::format("push exited {}: {}", first.exit_code, Trim(first.errors + first.output).substr(0, 400));
      return result;
    }
    CompareOutcome(c, expect, db, output, result);

    CommandResult second = Push(c, config, hints, /*explain=*/true);
    json second_output = ReadJsonOutput(second.output);
    std::vector<std::string> again = Statements(second_output);
    result.second_push_ok = second.exit_code == 0 && again.empty();
    if (!result.second_push_ok) {
      result.detail += fmt::format("second push (exit {}) plans {} statement(s){}; ", second.exit_code, again.size(),
                                   again.empty() ? "" : ": " + again.front().substr(0, 200));
    }
    return result;
  }

 private:
  // Reads the resulting dump and the executed statements into `result` and compares them
  // with the expectation (dump_ok, statements_ok, and the first difference in detail).
  static void CompareOutcome(const Case& c, const Expectation& expect, DialectFixture& db, const json& output,
                             CaseResult& result) {
    std::string expected_dump = db.NormalizeDump(expect.after_sql.value_or(""));
    result.actual_dump = db.Dump(c.info.value("data", false));
    result.dump_ok = result.actual_dump == expected_dump;
    if (!result.dump_ok) result.detail += "dump: " + FirstDifference(expected_dump, result.actual_dump) + "; ";

    std::vector<std::string> expected = SplitStatements(expect.expected_sql.value_or(""));
    result.actual_statements = Statements(output);
    const std::vector<std::string>& actual = result.actual_statements;
    result.statements_ok = expected == actual;
    if (!result.statements_ok) {
      std::string e, a;
      for (const auto& statement : expected) e += statement + "\n";
      for (const auto& statement : actual) a += statement + "\n";
      result.detail += fmt::format("statements ({} expected, {} ran): {}; ", expected.size(), actual.size(),
                                   FirstDifference(e, a));
    }
  }

  std::string WriteConfig(const Case& c, DialectFixture& db) {
    json config = c.info.value("config", json::object());
    config["dialect"] = dialect_;
    if (!config.contains("schema")) {
      if (c.info.contains("schema_files")) {
        config["schema"] = c.info["schema_files"];
      } else {
        config["schema"] = "./schema.ts";
      }
    }
    config["dbCredentials"] = db.Credentials();
    fs::path path = work_ / "drizzle.config.json";
    std::ofstream(path) << config.dump(2);
    return path.string();
  }

  std::string WriteHints(const Case& c) {
    if (!c.info.contains("hints")) return "";
    fs::path path = work_ / "hints.json";
    std::ofstream(path) << c.info["hints"].dump();
    return path.string();
  }

  CommandResult Push(const Case& c, const std::string& config, const std::string& hints, bool explain) {
    std::string command = fmt::format("{} push --config {} --force --output json{}{}", ShellQuote(DP_PUSH_BINARY),
                                      ShellQuote(config), explain ? " --explain" : "",
                                      hints.empty() ? "" : " --hints-file " + ShellQuote(hints));
    return RunCommand(command + " </dev/null", c.dir);
  }

  std::string dialect_;
  fs::path work_;
};

// An exclusive flock(2) on a side file, held for the object's lifetime.
class FileLock {
 public:
  explicit FileLock(const std::string& path) : fd_(::open(path.c_str(), O_CREAT | O_RDWR, 0644)) {
    if (fd_ >= 0) ::flock(fd_, LOCK_EX);
  }
  ~FileLock() {
    if (fd_ >= 0) ::close(fd_);  // closing releases the lock
  }
  FileLock(const FileLock&) = delete;
  FileLock& operator=(const FileLock&) = delete;

 private:
  int fd_;
};

void RunDialect(const std::string& dialect) {
  std::vector<Case> cases = LoadCases(DP_SHARED_DIR, dialect);
  // DP_CONFORMANCE_ONLY=<substring> runs only the matching cases (for chasing one case).
  if (const char* only = std::getenv("DP_CONFORMANCE_ONLY"); only && *only) {
    std::erase_if(cases, [&](const Case& c) { return c.name.find(only) == std::string::npos; });
  }
  if (cases.empty()) GTEST_SKIP() << "no conformance cases for " << dialect << " (../shared/conformance missing)";
  fs::path work = fs::temp_directory_path() / fmt::format("dp-conformance-{}-{}", dialect, ::getpid());
  fs::create_directories(work);
  auto db = MakeFixture(dialect, work.string());
  ASSERT_NE(db, nullptr);
  if (std::string why = db->Unavailable(); !why.empty()) GTEST_SKIP() << why;

  std::map<std::string, std::string> deviations = Deviations(dialect);
  const bool update = std::getenv("DP_CONFORMANCE_UPDATE_DEVIATIONS") != nullptr;
  Runner runner(dialect, work);
  size_t fixed = 0, deviating = 0, dump_ours = 0, statements_ours = 0;
  size_t passed = 0, failed = 0, dump_ok = 0, statements_ok = 0, second_ok = 0, regular = 0, error_cases = 0, error_ok = 0;
  std::vector<std::string> failures, problems;
  std::ostringstream lines;
  for (const Case& c : cases) {
    const bool deviation = deviations.count(c.name) > 0;
    Expectation expect = ExpectationFor(c, deviation);
    if (deviation && !fs::exists(DeviationDir(dialect, c.name)) && !update) {
      problems.push_back(c.name + " is in deviations_" + dialect + ".txt but has no deviations/" + dialect + "/" + c.name +
                         "/ files");
    }
    CaseResult r = runner.Run(c, expect, *db);
    db->Destroy();
    if (update && deviation && (!c.drizzle_failed || !r.actual_dump.empty())) {
      // Keep only the files where our result differs from drizzle-kit's (where drizzle-kit
      // failed, both always differ).
      fs::path dir = DeviationDir(dialect, c.name);
      fs::create_directories(dir);
      std::string ours_sql = JoinStatements(r.actual_statements);
      bool dump_differs = c.drizzle_failed || r.actual_dump != db->NormalizeDump(c.File("after.sql").value_or(""));
      bool sql_differs = c.drizzle_failed || r.actual_statements != SplitStatements(c.File("expected.sql").value_or(""));
      if (dump_differs) std::ofstream(dir / "after.sql") << r.actual_dump;
      else fs::remove(dir / "after.sql");
      if (sql_differs) std::ofstream(dir / "expected.sql") << ours_sql;
      else fs::remove(dir / "expected.sql");
      r.dump_ok = r.statements_ok = true;
      if (c.drizzle_failed && !r.actual_dump.empty()) r.error_case_ok = r.fixed_drizzle_failure = true;
    }
    bool ok = r.Passed(c);
    (ok ? passed : failed)++;
    deviating += ok && deviation;
    if (c.drizzle_failed) {
      ++error_cases;
      error_ok += r.error_case_ok;
      fixed += r.fixed_drizzle_failure;
    } else {
      ++regular;
      dump_ok += r.dump_ok;
      statements_ok += r.statements_ok;
      dump_ours += r.dump_ok && expect.own_after;
      statements_ours += r.statements_ok && expect.own_expected;
      second_ok += r.second_push_ok;
    }
    std::string line = fmt::format("{} {}{}{}", ok ? "PASS" : "FAIL", c.name,
                                   deviation ? " (deviation: " + deviations[c.name] + ")" : "", ok ? "" : ": " + r.detail);
    lines << line << "\n";
    std::cout << line << std::endl;
    if (!ok) failures.push_back(line);
  }
  for (const auto& [name, reason] : deviations) {
    if (std::none_of(cases.begin(), cases.end(), [&](const Case& c) { return c.name == name; }) && !std::getenv("DP_CONFORMANCE_ONLY")) {
      problems.push_back(name + " is in deviations_" + dialect + ".txt but is not a case");
    }
  }
  std::string summary = fmt::format(
      "{}: schema dump {}/{} ({} identical to drizzle-kit's, {} our documented deviation), statements {}/{} ({} identical, {} "
      "deviation), second push no-op {}/{}, drizzle-kit-error cases handled {}/{} ({} applied correctly instead)\n"
      "{}: {} passed ({} of them as documented deviations, checked against deviations/{}), {} failed\n",
      dialect, dump_ok, regular, dump_ok - dump_ours, dump_ours, statements_ok, regular, statements_ok - statements_ours,
      statements_ours, second_ok, regular, error_ok, error_cases, fixed, dialect, passed, deviating, dialect, failed);
  std::cout << summary;
  fs::path summary_path = fs::path(DP_BINARY_DIR) / "conformance-summary.txt";
  {
    // One block per dialect; rewrite this dialect's block, keep the others. The dialects
    // run as separate ctest entries in parallel: an exclusive lock keeps the
    // read-modify-write whole.
    FileLock lock(summary_path.string() + ".lock");
    std::map<std::string, std::string> blocks;
    std::ifstream in(summary_path);
    std::string current, text;
    for (std::string line; std::getline(in, line);) {
      if (line.rfind("== ", 0) == 0) {
        current = line.substr(3);
        continue;
      }
      if (!current.empty()) blocks[current] += line + "\n";
    }
    blocks[dialect] = lines.str() + summary;
    std::ofstream out(summary_path);
    for (const auto& [name, block] : blocks) out << "== " << name << "\n" << block;
  }
  fs::remove_all(work);
  EXPECT_TRUE(failures.empty()) << failures.size() << " case(s) failed:\n" << fmt::format("{}", fmt::join(failures, "\n"));
  EXPECT_TRUE(problems.empty()) << fmt::format("{}", fmt::join(problems, "\n"));
}

TEST(PushConformance, Sqlite) { RunDialect("sqlite"); }
TEST(PushConformance, Postgresql) { RunDialect("postgresql"); }

}  // namespace
}  // namespace dp::conformance
