// Round-trips every recorded drizzle-kit snapshot.json (all three dialects) through
// FromJsonText and ToJsonText: the output must be the same bytes, ids included.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "model/json_compare.h"
#include "model/mysql/json.h"
#include "model/pg/json.h"
#include "model/sqlite/json.h"

namespace dp::model {
namespace {

namespace fs = std::filesystem;

std::string ReadFile(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<fs::path> SnapshotFiles(const std::string& dialect) {
  std::vector<fs::path> files;
  fs::path dir = fs::path(DP_SHARED_DIR) / "conformance" / dialect;
  if (!fs::is_directory(dir)) return files;
  for (const auto& entry : fs::directory_iterator(dir)) {
    fs::path snapshot = entry.path() / "snapshot.json";
    if (fs::is_regular_file(snapshot)) files.push_back(snapshot);
  }
  std::sort(files.begin(), files.end());
  return files;
}

/// "line N: expected `...`, got `...`" for the first differing line.
std::string FirstLineDifference(const std::string& expected, const std::string& actual) {
  std::istringstream a(expected);
  std::istringstream b(actual);
  std::string line_a;
  std::string line_b;
  for (int line_number = 1;; ++line_number) {
    bool has_a = static_cast<bool>(std::getline(a, line_a));
    bool has_b = static_cast<bool>(std::getline(b, line_b));
    if (!has_a && !has_b) return "texts differ only in line endings";
    if (!has_a || !has_b || line_a != line_b) {
      return "line " + std::to_string(line_number) + ": expected `" + (has_a ? line_a : "<eof>") +
             "`, got `" + (has_b ? line_b : "<eof>") + "`";
    }
  }
}

/// Round-trips one file; an empty string on success, else the reason.
template <class FromText, class ToText>
std::string RoundTrip(const fs::path& path, FromText from_text, ToText to_text) {
  std::string text = ReadFile(path);
  auto snapshot = from_text(text);
  if (!snapshot) return "read failed: " + snapshot.error().message;
  std::string written = to_text(*snapshot);
  if (written == text) {
    // Reading our own output gives an equal snapshot.
    auto again = from_text(written);
    if (!again) return "re-read failed: " + again.error().message;
    if (!(*again == *snapshot)) return "re-read snapshot differs from the first read";
    return "";
  }
  std::string reason = FirstLineDifference(text, written);
  auto expected_json = nlohmann::ordered_json::parse(text);
  auto actual_json = nlohmann::ordered_json::parse(written);
  if (auto difference =
          CompareJson(expected_json, actual_json, {.ignore_top_level_keys = {}, .check_key_order = true})) {
    reason += "; first JSON difference: " + ToString(*difference);
  }
  return reason;
}

template <class FromText, class ToText>
void RunDialect(const std::string& dialect, FromText from_text, ToText to_text) {
  std::vector<fs::path> files = SnapshotFiles(dialect);
  ASSERT_FALSE(files.empty()) << "no snapshot.json under " << DP_SHARED_DIR << "/conformance/" << dialect;
  int passed = 0;
  int failed = 0;
  for (const auto& file : files) {
    std::string reason = RoundTrip(file, from_text, to_text);
    if (reason.empty()) {
      ++passed;
    } else {
      ++failed;
      ADD_FAILURE() << file.parent_path().filename().string() << ": " << reason;
    }
  }
  std::printf("[model] %s snapshot round-trip: %d passed, %d failed\n", dialect.c_str(), passed, failed);
  EXPECT_EQ(failed, 0);
}

TEST(SnapshotRoundTrip, Postgresql) {
  RunDialect(
      "postgresql", [](const std::string& text) { return pg::FromJsonText(text); },
      [](const pg::Snapshot& snapshot) { return pg::ToJsonText(snapshot); });
}

TEST(SnapshotRoundTrip, Sqlite) {
  RunDialect(
      "sqlite", [](const std::string& text) { return sqlite::FromJsonText(text); },
      [](const sqlite::Snapshot& snapshot) { return sqlite::ToJsonText(snapshot); });
}

TEST(SnapshotRoundTrip, Mysql) {
  RunDialect(
      "mysql", [](const std::string& text) { return mysql::FromJsonText(text); },
      [](const mysql::Snapshot& snapshot) { return mysql::ToJsonText(snapshot); });
}

}  // namespace
}  // namespace dp::model
