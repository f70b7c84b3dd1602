// Test helpers for the sqlite and mysql dsl (dsl-lite): evaluate schema files with the drizzle
// modules, build the dialect's snapshot JSON and collect rendered diagnostics; read expected
// JSON files; list conformance cases.
#pragma once

#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "dsl/modules.h"
#include "dsl/mysql/snapshot.h"
#include "dsl/sqlite/snapshot.h"
#include "model/mysql/json.h"
#include "model/sqlite/json.h"
#include "ts/runtime.h"
#include "ts/vfs.h"

namespace dp::dsl::testing {

enum class LiteDialect { Sqlite, Mysql };

/// The outcome of evaluating schema files.
struct LiteResult {
  bool ok = false;
  nlohmann::ordered_json json;  // the snapshot as drizzle-kit writes it
  std::string text;             // ToJsonText
  std::string diagnostics;      // rendered
};

inline void BuildInto(ts::Runtime& runtime, const std::vector<std::string>& paths, LiteDialect dialect, Casing casing,
                      LiteResult& result) {
  RegisterDrizzle(runtime);
  std::vector<ts::Object*> namespaces;
  for (const std::string& path : paths) {
    ts::Object* ns = runtime.ImportFile(path);
    if (ns == nullptr) {
      result.diagnostics = runtime.RenderDiagnostics();
      return;
    }
    namespaces.push_back(ns);
  }
  runtime.Run([&] {
    if (dialect == LiteDialect::Sqlite) {
      auto built = BuildSqliteSnapshot(runtime.interp(), namespaces, {casing}, runtime.diags());
      if (built) {
        result.ok = true;
        result.json = model::sqlite::ToJson(*built);
        result.text = model::sqlite::ToJsonText(*built);
      }
    } else {
      auto built = BuildMysqlSnapshot(runtime.interp(), namespaces, {casing}, runtime.diags());
      if (built) {
        result.ok = true;
        result.json = model::mysql::ToJson(*built);
        result.text = model::mysql::ToJsonText(*built);
      }
    }
  });
  result.diagnostics = runtime.RenderDiagnostics();
}

/// Evaluates in-memory files (path -> text; the first `entries` count are schema modules).
inline LiteResult BuildLite(const std::vector<std::pair<std::string, std::string>>& files, LiteDialect dialect,
                            Casing casing = Casing::None, size_t entries = 1) {
  ts::MemoryVfs vfs("/project");
  for (const auto& [path, text] : files) vfs.AddFile(path, text);
  ts::RuntimeOptions options;
  options.vfs = &vfs;
  options.cwd = "/project";
  options.console = [](std::string_view) {};
  ts::Runtime runtime(options);
  std::vector<std::string> paths;
  for (size_t i = 0; i < entries && i < files.size(); ++i) paths.push_back(files[i].first);
  LiteResult result;
  BuildInto(runtime, paths, dialect, casing, result);
  return result;
}

inline LiteResult BuildSqlite(const std::string& text, Casing casing = Casing::None) {
  return BuildLite({{"/project/schema.ts", text}}, LiteDialect::Sqlite, casing);
}
inline LiteResult BuildMysql(const std::string& text, Casing casing = Casing::None) {
  return BuildLite({{"/project/schema.ts", text}}, LiteDialect::Mysql, casing);
}

/// Evaluates real files (absolute paths) with the real file system, cwd `dir`.
inline LiteResult BuildLiteFiles(const std::string& dir, const std::vector<std::string>& paths, LiteDialect dialect,
                                 Casing casing) {
  ts::RuntimeOptions options;
  options.cwd = dir;
  options.console = [](std::string_view) {};
  options.fixed_now_ms = 1700000000000;
  ts::Runtime runtime(options);
  LiteResult result;
  BuildInto(runtime, paths, dialect, casing, result);
  return result;
}

inline std::string ReadFile(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

/// Conformance case folders of a dialect ("sqlite" / "mysql"), sorted.
inline std::vector<std::filesystem::path> ConformanceCases(const std::string& dialect) {
  std::vector<std::filesystem::path> out;
  std::filesystem::path root = std::filesystem::path(DP_SHARED_DIR) / "conformance" / dialect;
  if (!std::filesystem::exists(root)) return out;
  for (const auto& entry : std::filesystem::directory_iterator(root)) {
    if (entry.is_directory() && std::filesystem::exists(entry.path() / "snapshot.json")) out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

/// The schema files and casing of a conformance case (case.json config.schema / schema_files).
struct CaseInput {
  std::vector<std::string> files;
  Casing casing = Casing::None;
};
inline CaseInput ReadCaseInput(const std::filesystem::path& dir) {
  CaseInput input;
  nlohmann::json config = nlohmann::json::parse(ReadFile(dir / "case.json"), nullptr, false);
  if (config.is_object() && config.contains("config") && config["config"].contains("casing")) {
    input.casing = ParseCasing(config["config"]["casing"].get<std::string>());
  }
  if (config.is_object() && config.contains("schema_files")) {
    for (const auto& f : config["schema_files"]) input.files.push_back((dir / f.get<std::string>()).string());
  } else {
    input.files.push_back((dir / "schema.ts").string());
  }
  return input;
}

}  // namespace dp::dsl::testing
