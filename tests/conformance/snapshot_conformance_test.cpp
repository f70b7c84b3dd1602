// Snapshot conformance: for every recorded case with a snapshot.json, evaluate its schema
// (case.json config.schema / schema_files / schema.ts, config.casing) and compare our snapshot
// with drizzle-kit's, ignoring id and prevId. Prints "<dialect>: N passed, M failed" and each
// failing case with its first difference. One test per dialect.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "dsl/modules.h"
#include "dsl/pg/snapshot.h"
#include "model/json_compare.h"
#include "model/pg/json.h"
#include "ts/glob.h"
#include "ts/runtime.h"

#if __has_include("dsl/sqlite/snapshot.h")
#include "dsl/sqlite/snapshot.h"
#include "model/sqlite/json.h"
#define DP_HAVE_SQLITE_DSL 1
#endif
#if __has_include("dsl/mysql/snapshot.h")
#include "dsl/mysql/snapshot.h"
#include "model/mysql/json.h"
#define DP_HAVE_MYSQL_DSL 1
#endif

namespace dp {
namespace {

namespace fs = std::filesystem;
using Json = nlohmann::ordered_json;

std::string ReadText(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

struct CaseInput {
  std::vector<std::string> files;  // absolute
  dsl::Casing casing = dsl::Casing::None;
  std::string error;
};

// The schema files of a case, as drizzle-kit's prepareFilenames would list them.
CaseInput InputOf(const fs::path& dir, const Json& case_json) {
  CaseInput input;
  Json config = case_json.value("config", Json::object());
  if (config.contains("casing") && config["casing"].is_string()) {
    input.casing = dsl::ParseCasing(config["casing"].get<std::string>());
  }
  std::vector<std::string> patterns;
  if (config.contains("schema")) {
    if (config["schema"].is_string()) patterns.push_back(config["schema"].get<std::string>());
    if (config["schema"].is_array()) {
      for (const Json& p : config["schema"]) patterns.push_back(p.get<std::string>());
    }
  } else if (case_json.contains("schema_files")) {
    for (const Json& p : case_json["schema_files"]) patterns.push_back(p.get<std::string>());
  } else {
    patterns.push_back("schema.ts");
  }
  ts::RealVfs vfs(dir.string());
  base::Result<std::vector<std::string>> files = ts::ExpandSchemaPaths(vfs, dir.string(), patterns);
  if (!files) {
    input.error = files.error().message;
    return input;
  }
  input.files = *files;
  return input;
}

struct Outcome {
  std::optional<Json> json;
  std::string diagnostics;
};

// Imports the files into a fresh runtime and builds the dialect's snapshot with `build`.
template <class Build>
Outcome Evaluate(const fs::path& dir, const CaseInput& input, Build&& build) {
  ts::RuntimeOptions options;
  options.cwd = dir.string();
  options.console = [](std::string_view) {};
  ts::Runtime runtime(options);
  dsl::RegisterDrizzle(runtime);
  std::vector<ts::Object*> namespaces;
  Outcome outcome;
  for (const std::string& file : input.files) {
    ts::Object* ns = runtime.ImportFile(file);
    if (ns == nullptr) {
      outcome.diagnostics = runtime.RenderDiagnostics();
      return outcome;
    }
    namespaces.push_back(ns);
  }
  runtime.Run([&] { outcome.json = build(runtime, namespaces, input.casing); });
  outcome.diagnostics = runtime.RenderDiagnostics();
  return outcome;
}

struct Summary {
  int passed = 0;
  int failed = 0;
  std::vector<std::string> failures;
};

template <class Build>
Summary RunDialect(const std::string& dialect, Build&& build) {
  Summary summary;
  fs::path root = fs::path(DP_SHARED_DIR) / "conformance" / dialect;
  std::vector<fs::path> dirs;
  for (const auto& entry : fs::directory_iterator(root)) {
    if (entry.is_directory() && fs::exists(entry.path() / "snapshot.json")) dirs.push_back(entry.path());
  }
  std::sort(dirs.begin(), dirs.end());
  for (const fs::path& dir : dirs) {
    std::string name = dir.filename().string();
    Json case_json = Json::parse(ReadText(dir / "case.json"));
    CaseInput input = InputOf(dir, case_json);
    std::string failure;
    if (!input.error.empty()) {
      failure = input.error;
    } else {
      Outcome outcome = Evaluate(dir, input, build);
      if (!outcome.json) {
        failure = "no snapshot:\n" + outcome.diagnostics;
      } else {
        Json expected = Json::parse(ReadText(dir / "snapshot.json"));
        model::JsonCompareOptions compare;
        compare.check_key_order = true;
        std::optional<model::JsonDifference> diff = model::CompareJson(expected, *outcome.json, compare);
        if (diff) failure = model::ToString(*diff);
      }
    }
    if (failure.empty()) {
      ++summary.passed;
    } else {
      ++summary.failed;
      summary.failures.push_back(name + ": " + failure);
    }
  }
  std::cout << dialect << ": " << summary.passed << " passed, " << summary.failed << " failed\n";
  for (const std::string& f : summary.failures) std::cout << "  FAIL " << f << "\n";
  return summary;
}

TEST(SnapshotConformance, Postgresql) {
  Summary summary = RunDialect("postgresql", [](ts::Runtime& runtime, std::span<ts::Object* const> namespaces,
                                                dsl::Casing casing) -> std::optional<Json> {
    dsl::PgSnapshotOptions options;
    options.casing = casing;
    auto snapshot = dsl::BuildPgSnapshot(runtime.interp(), namespaces, options, runtime.diags());
    if (!snapshot) return std::nullopt;
    return model::pg::ToJson(*snapshot);
  });
  EXPECT_EQ(summary.failed, 0);
}

#ifdef DP_HAVE_SQLITE_DSL
TEST(SnapshotConformance, Sqlite) {
  Summary summary = RunDialect("sqlite", [](ts::Runtime& runtime, std::span<ts::Object* const> namespaces,
                                            dsl::Casing casing) -> std::optional<Json> {
    dsl::SqliteSnapshotOptions options;
    options.casing = casing;
    auto snapshot = dsl::BuildSqliteSnapshot(runtime.interp(), namespaces, options, runtime.diags());
    if (!snapshot) return std::nullopt;
    return model::sqlite::ToJson(*snapshot);
  });
  EXPECT_EQ(summary.failed, 0);
}
#endif

#ifdef DP_HAVE_MYSQL_DSL
TEST(SnapshotConformance, Mysql) {
  Summary summary = RunDialect("mysql", [](ts::Runtime& runtime, std::span<ts::Object* const> namespaces,
                                           dsl::Casing casing) -> std::optional<Json> {
    dsl::MysqlSnapshotOptions options;
    options.casing = casing;
    auto snapshot = dsl::BuildMysqlSnapshot(runtime.interp(), namespaces, options, runtime.diags());
    if (!snapshot) return std::nullopt;
    return model::mysql::ToJson(*snapshot);
  });
  EXPECT_EQ(summary.failed, 0);
}
#endif

}  // namespace
}  // namespace dp
