// Runs every recorded drizzle-kit case against a real server through the drizzle-push
// binary: recreate the starting state, push with --force, compare the schema dump with
// after.sql and the executed statements with expected.sql, then push again and expect
// nothing. Cases where drizzle-kit itself failed must exit 1 and leave the database as it
// was. Prints a line per case and `N passed, M failed`; writes the summary to
// <build>/conformance-summary.txt. A case failing that is not listed in
// known_failures_<dialect>.txt (with its reason) fails the test, so regressions show.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/file.h>
#include <unistd.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
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

  bool Passed(const Case& c) const { return c.drizzle_failed ? error_case_ok : dump_ok && statements_ok && second_push_ok; }
};

std::set<std::string> KnownFailures(const std::string& dialect) {
  std::set<std::string> names;
  std::ifstream in(fmt::format("{}/tests/push_conformance/known_failures_{}.txt", DP_SOURCE_DIR, dialect));
  for (std::string line; std::getline(in, line);) {
    if (line.empty() || line[0] == '#') continue;
    names.insert(line.substr(0, line.find_first_of(" \t")));
  }
  return names;
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

  CaseResult Run(const Case& c, DialectFixture& db) {
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
        CommandResult again = Push(c, config, hints, /*explain=*/true);
        result.error_case_ok = again.exit_code == 0 && Statements(ReadJsonOutput(again.output)).empty();
        result.fixed_drizzle_failure = result.error_case_ok;
        if (!result.error_case_ok) result.detail = "drizzle-kit failed here; we applied, but a second push plans more";
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
    auto after = c.File("after.sql");
    std::string expected_dump = db.NormalizeDump(after.value_or(""));
    std::string actual_dump = db.Dump(c.info.value("data", false));
    result.dump_ok = actual_dump == expected_dump;
    if (!result.dump_ok) result.detail += "dump: " + FirstDifference(expected_dump, actual_dump) + "; ";

    std::vector<std::string> expected = SplitStatements(c.File("expected.sql").value_or(""));
    std::vector<std::string> actual = Statements(output);
    result.statements_ok = expected == actual;
    if (!result.statements_ok) {
      std::string e, a;
      for (const auto& s : expected) e += s + "\n";
      for (const auto& s : actual) a += s + "\n";
      result.detail += fmt::format("statements ({} expected, {} ran): {}; ", expected.size(), actual.size(), FirstDifference(e, a));
    }

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

  std::set<std::string> known = KnownFailures(dialect);
  Runner runner(dialect, work);
  size_t fixed = 0;
  size_t passed = 0, failed = 0, dump_ok = 0, statements_ok = 0, second_ok = 0, regular = 0, error_cases = 0, error_ok = 0;
  std::vector<std::string> unexpected, newly_passing;
  std::ostringstream lines;
  for (const Case& c : cases) {
    CaseResult r = runner.Run(c, *db);
    db->Destroy();
    bool ok = r.Passed(c);
    (ok ? passed : failed)++;
    if (c.drizzle_failed) {
      ++error_cases;
      error_ok += r.error_case_ok;
      fixed += r.fixed_drizzle_failure;
    } else {
      ++regular;
      dump_ok += r.dump_ok;
      statements_ok += r.statements_ok;
      second_ok += r.second_push_ok;
    }
    std::string line = fmt::format("{} {}{}", ok ? "PASS" : "FAIL", c.name, ok ? "" : ": " + r.detail);
    lines << line << "\n";
    std::cout << line << std::endl;
    if (!ok && !known.count(c.name)) unexpected.push_back(line);
    if (ok && known.count(c.name)) newly_passing.push_back(c.name);
  }
  std::string summary = fmt::format(
      "{}: schema dump {}/{}, statements {}/{}, second push no-op {}/{}, drizzle-kit-error cases handled {}/{} ({} applied correctly instead)\n"
      "{}: {} passed, {} failed\n",
      dialect, dump_ok, regular, statements_ok, regular, second_ok, regular, error_ok, error_cases, fixed, dialect, passed,
      failed);
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
  for (const std::string& name : newly_passing) {
    std::cout << "note: " << name << " passes now; remove it from known_failures_" << dialect << ".txt\n";
  }
  fs::remove_all(work);
  EXPECT_TRUE(unexpected.empty()) << "cases failing that are not in known_failures_" << dialect
                                  << ".txt:\n" << fmt::format("{}", fmt::join(unexpected, "\n"));
}

TEST(PushConformance, Sqlite) { RunDialect("sqlite"); }
TEST(PushConformance, Postgresql) { RunDialect("postgresql"); }

}  // namespace
}  // namespace dp::conformance
