// Command-line parsing compatible with drizzle-kit: every option may be written
// `--key=value`, `--key value` or `key=value`, booleans as `--force` or `--force=false`.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"

namespace dp::cli {

struct CommandLine {
  std::string command;  // "push" | "snapshot" | "export"
  std::optional<std::string> config;
  /// drizzle-kit options given on the command line, by their config key ("dialect",
  /// "schema" (array), "tablesFilter", "schemaFilter", "url", ...), excluding config and
  /// the behaviour flags below. Used instead of a config file when non-empty.
  nlohmann::json options = nlohmann::json::object();
  bool verbose = false;
  bool strict = false;
  std::optional<bool> force;  // unset: the config decides
  bool explain = false;
  std::string output = "text";  // "text" | "json"
  std::optional<std::string> hints;
  std::optional<std::string> hints_file;
  bool help = false;
  bool version = false;
};

/// Parses argv. Errors are drizzle-kit style messages ready to print.
base::Result<CommandLine> ParseCommandLine(int argc, const char* const* argv);

/// The usage text for `drizzle-push --help`.
std::string UsageText();

}  // namespace dp::cli
