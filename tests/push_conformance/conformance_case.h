// One recorded drizzle-kit case from ../shared/conformance/<dialect>/<case>/ (layout in
// that folder's README.md), and the helpers to compare its files with our results.
#pragma once

#include <filesystem>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace dp::conformance {

struct Case {
  std::string name;      // "175-add-not-null-column-rows"
  std::string dir;       // absolute folder
  std::string dialect;   // "postgresql" | "sqlite" | "mysql"
  nlohmann::json info;   // case.json
  nlohmann::json outcome;  // outcome.json
  std::vector<std::string> setup;  // case.json "setup" statements
  bool drizzle_failed = false;     // outcome.error is set

  std::optional<std::string> File(const std::string& name) const;  // nullopt when absent
};

/// A file's bytes; nullopt when it cannot be read.
std::optional<std::string> ReadFile(const std::filesystem::path& path);

/// Every case folder of a dialect, sorted by name.
std::vector<Case> LoadCases(const std::string& shared_dir, const std::string& dialect);

/// expected.sql split on "--> statement-breakpoint" lines, each trimmed.
std::vector<std::string> SplitStatements(const std::string& text);

/// The text's lines, without their terminators.
std::vector<std::string> Lines(const std::string& text);

/// Trims whitespace at both ends.
std::string Trim(const std::string& text);

/// The first line where two texts differ, for failure messages.
std::string FirstDifference(const std::string& expected, const std::string& actual);

}  // namespace dp::conformance
