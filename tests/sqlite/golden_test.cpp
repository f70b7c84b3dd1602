// Golden plan/SQL cases for the SQLite diff and sqlgen, without a database. Each
// tests/sqlite/golden/*.txt is txtar-like:
//   # description lines
//   -- current.json --        introspected snapshot (omitted keys default, see LenientSnapshot)
//   -- desired.json --        the schema's snapshot
//   -- hints.json --          optional: rename answers (drizzle-kit 1.0 hint format)
//   -- sql --                 our statements, "--> statement-breakpoint" separated
//   -- drizzle-kit.sql --     optional: what real drizzle-kit 0.31.11 pushed for the scenario
//   -- deviation --           required when the two differ: why
//   -- notes --               optional: the plan's notes
// Push-time knobs are fixed as for an empty database with foreign keys on (drizzle-kit's
// better-sqlite3 default): rebuilt tables that are referenced get PRAGMA foreign_keys.
// UPDATE_GOLDEN=1 rewrites the sql and notes sections.
// DP_SQLITE_GOLDEN_FROM=<dir> (re)creates golden files from scenario folders holding
// before.sql, kit.json (tools/run.mjs or tools/drive.py output) and description.txt
// (scenarios with data.sql are checked against a database by scenario_test.cpp instead).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "diff/sqlite/diff.h"
#include "introspect/sqlite/inspect.h"
#include "model/json_text.h"
#include "model/sqlite/json.h"
#include "push/sqlite/plan_push.h"
#include "sqlgen/sqlite/generate.h"
#include "support.h"

namespace dp::sqlite_test {
namespace {

namespace fs = std::filesystem;

struct Golden {
  std::vector<std::string> header;
  std::vector<std::pair<std::string, std::string>> sections;  // in file order

  const std::string* Get(const std::string& name) const {
    for (const auto& [key, value] : sections) {
      if (key == name) return &value;
    }
    return nullptr;
  }
  void Set(const std::string& name, const std::string& value) {
    for (auto& [key, existing] : sections) {
      if (key == name) {
        existing = value;
        return;
      }
    }
    sections.emplace_back(name, value);
  }
  void Erase(const std::string& name) {
    std::erase_if(sections, [&](const auto& entry) { return entry.first == name; });
  }
};

Golden ParseGolden(const std::string& text) {
  Golden golden;
  std::string* current = nullptr;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t end = text.find('\n', pos);
    std::string line = text.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    pos = end == std::string::npos ? text.size() : end + 1;
    if (line.size() > 6 && line.rfind("-- ", 0) == 0 && line.compare(line.size() - 3, 3, " --") == 0) {
      golden.sections.emplace_back(line.substr(3, line.size() - 6), "");
      current = &golden.sections.back().second;
      continue;
    }
    if (current == nullptr) {
      golden.header.push_back(line);
    } else {
      *current += line + "\n";
    }
  }
  return golden;
}

std::string RenderGolden(const Golden& golden) {
  std::string out;
  for (const std::string& line : golden.header) out += line + "\n";
  for (const auto& [name, value] : golden.sections) {
    out += "-- " + name + " --\n" + value;
    if (!value.empty() && value.back() != '\n') out += "\n";
  }
  return out;
}

std::string JoinStatements(const std::vector<std::string>& statements) {
  std::string out;
  for (size_t statement_idx = 0; statement_idx < statements.size(); ++statement_idx) {
    if (statement_idx > 0) out += "--> statement-breakpoint\n";
    out += statements[statement_idx] + "\n";
  }
  return out;
}

struct Planned {
  std::vector<std::string> statements;
  std::string notes;
};

base::Result<Planned> PlanGolden(const Golden& golden) {
  const std::string* current_text = golden.Get("current.json");
  const std::string* desired_text = golden.Get("desired.json");
  if (current_text == nullptr || desired_text == nullptr)
    return base::Fail("missing current.json or desired.json");
  auto current = LenientSnapshot(nlohmann::ordered_json::parse(*current_text));
  if (!current) return base::Fail(current.error().Wrap("current.json"));
  auto desired = LenientSnapshot(nlohmann::ordered_json::parse(*desired_text));
  if (!desired) return base::Fail(desired.error().Wrap("desired.json"));
  const std::string* hints = golden.Get("hints.json");
  ScriptedResolver resolver(hints ? nlohmann::json::parse(*hints) : nlohmann::json::array());
  diff::sqlite::Plan plan = diff::sqlite::Diff(*current, *desired, resolver);
  for (diff::sqlite::Change& change : plan.changes) {
    if (auto* recreate = std::get_if<diff::sqlite::RecreateTable>(&change)) {
      recreate->toggle_foreign_keys = recreate->referenced;
    }
  }
  Planned planned;
  planned.statements = TrimmedSql(sqlgen::sqlite::Generate(plan));
  for (const diff::sqlite::Note& note : plan.notes) planned.notes += note.message + "\n";
  for (const diff::MissingHint& missing : resolver.missing()) {
    planned.notes += std::string("missing hint: ") + diff::EntityKindName(missing.kind) + " " +
                     missing.created.back() + "\n";
  }
  return planned;
}

fs::path GoldenDir() {
  return fs::path(DP_SOURCE_DIR) / "tests" / "sqlite" / "golden";
}

/// Builds golden files from scenario folders (see the file comment).
void MakeGoldens(const fs::path& from) {
  for (const auto& entry : fs::directory_iterator(from)) {
    fs::path dir = entry.path();
    if (!fs::exists(dir / "kit.json") || !fs::exists(dir / "description.txt")) continue;
    if (fs::exists(dir / "data.sql")) continue;  // row-dependent: scenario_test.cpp
    SCOPED_TRACE(dir.filename().string());
    auto connection = OpenFreshSqlite(fs::path(DP_BINARY_DIR) / "sqlite_golden_make.db");
    ASSERT_TRUE(connection);
    auto loaded = RunScriptFiles(*connection, dir, {"before.sql"});
    ASSERT_TRUE(loaded) << loaded.error().message;
    auto current = introspect::sqlite::Inspect(*connection, {});
    ASSERT_TRUE(current) << current.error().message;
    nlohmann::ordered_json kit = nlohmann::ordered_json::parse(ReadFile((dir / "kit.json").string()));
    Golden golden;
    std::string description = Trim(ReadFile((dir / "description.txt").string()));
    size_t pos = 0;
    while (pos < description.size()) {
      size_t end = description.find('\n', pos);
      golden.header.push_back(
          "# " + description.substr(pos, end == std::string::npos ? std::string::npos : end - pos));
      pos = end == std::string::npos ? description.size() : end + 1;
    }
    golden.Set("current.json", model::JsStringify(model::sqlite::ToJson(*current), 2) + "\n");
    golden.Set("desired.json", model::JsStringify(kit["desired"], 2) + "\n");
    if (fs::exists(dir / "hints.json")) golden.Set("hints.json", ReadFile((dir / "hints.json").string()));
    std::vector<std::string> kit_statements;
    for (const auto& statement : kit["statements"])
      kit_statements.push_back(Trim(statement.get<std::string>()));
    auto planned = PlanGolden(golden);
    ASSERT_TRUE(planned) << planned.error().message;
    golden.Set("sql", JoinStatements(planned->statements));
    golden.Set("drizzle-kit.sql", JoinStatements(kit_statements));
    if (planned->statements != kit_statements) {
      std::string deviation =
          fs::exists(dir / "deviation.txt") ? ReadFile((dir / "deviation.txt").string()) : "TODO\n";
      golden.Set("deviation", deviation);
    }
    if (!planned->notes.empty()) golden.Set("notes", planned->notes);
    WriteFile((GoldenDir() / (dir.filename().string() + ".txt")).string(), RenderGolden(golden));

    // The scenario must converge: apply our plan, then a second plan is empty.
    auto desired = model::sqlite::FromJson(kit["desired"]);
    ASSERT_TRUE(desired) << desired.error().message;
    ScriptedResolver resolver(HintsIn(dir));
    auto first = push::sqlite::PlanPush(*connection, *desired, {}, resolver);
    ASSERT_TRUE(first) << first.error().message;
    ExpectConverges(*connection, *desired, first->statements);
  }
}

TEST(SqliteGolden, PlansMatch) {
  if (const char* from = std::getenv("DP_SQLITE_GOLDEN_FROM")) MakeGoldens(from);
  bool update = std::getenv("UPDATE_GOLDEN") != nullptr;
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(GoldenDir())) {
    if (entry.path().extension() == ".txt") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  ASSERT_FALSE(files.empty());
  int passed = 0;
  for (const fs::path& file : files) {
    SCOPED_TRACE(file.filename().string());
    Golden golden = ParseGolden(ReadFile(file.string()));
    auto planned = PlanGolden(golden);
    ASSERT_TRUE(planned) << planned.error().message;
    std::string sql = JoinStatements(planned->statements);
    if (update) {
      golden.Set("sql", sql);
      if (planned->notes.empty()) {
        golden.Erase("notes");
      } else {
        golden.Set("notes", planned->notes);
      }
      WriteFile(file.string(), RenderGolden(golden));
      continue;
    }
    const std::string* expected = golden.Get("sql");
    ASSERT_NE(expected, nullptr);
    EXPECT_EQ(sql, *expected);
    const std::string* notes = golden.Get("notes");
    EXPECT_EQ(planned->notes, notes ? *notes : "");
    const std::string* kit = golden.Get("drizzle-kit.sql");
    if (kit != nullptr && *kit != *expected) {
      const std::string* deviation = golden.Get("deviation");
      EXPECT_TRUE(deviation != nullptr && Trim(*deviation) != "TODO" && !Trim(*deviation).empty())
          << "differs from drizzle-kit without a -- deviation -- section";
    }
    if (sql == *expected) ++passed;
  }
  std::cout << "sqlite golden: " << passed << " passed, " << files.size() - passed << " failed\n";
}

}  // namespace
}  // namespace dp::sqlite_test
