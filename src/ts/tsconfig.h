// tsconfig.json as module resolution needs it: JSONC parsing (comments, trailing commas),
// `extends` chains (relative files and packages in node_modules, a string or an array), and
// the compilerOptions that change how imports resolve (baseUrl, paths, customConditions).
#pragma once

#include <map>
#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ts/vfs.h"

namespace dp::ts {

/// One `compilerOptions.paths` entry: "@/*": ["./src/*", "./lib/*"].
struct PathMapping {
  std::string pattern;               // at most one '*'
  std::vector<std::string> targets;  // absolute (made absolute against TsConfig::paths_base)
};

/// The merged result of a tsconfig file and everything it extends.
struct TsConfig {
  std::string path;                            // absolute path of the file that was loaded
  std::optional<std::string> base_url;         // absolute; from the config that set it
  std::string paths_base;                      // directory `paths` targets are relative to
  std::vector<PathMapping> paths;              // declaration order, from the config that set it
  std::vector<std::string> custom_conditions;  // compilerOptions.customConditions
  nlohmann::ordered_json compiler_options;     // merged compilerOptions, raw
  std::vector<std::string> warnings;           // bases that could not be loaded and were skipped
};

/// Parses JSON with comments (// and /* */) and trailing commas, as TypeScript reads
/// tsconfig.json. `name` prefixes error messages.
base::Result<nlohmann::ordered_json> ParseJsonc(std::string_view text, std::string_view name = "json");

/// Loads `path` (absolute) and merges its `extends` chain. compilerOptions merge key by key
/// (the extending file wins); relative baseUrl/paths are taken against the file that
/// declares them. Fails when `path` itself cannot be read or parsed; a base that is missing,
/// broken or circular is skipped and reported in TsConfig::warnings.
base::Result<TsConfig> LoadTsConfig(Vfs& vfs, std::string_view path);

/// The nearest `file_name` in `start_dir` or a parent directory (absolute), if any.
std::optional<std::string> FindTsConfig(Vfs& vfs, std::string_view start_dir,
                                        std::string_view file_name = "tsconfig.json");

/// Finds the `paths` pattern for `specifier` the way TypeScript does: an exact pattern
/// wins, otherwise the wildcard pattern with the longest prefix. Returns the candidate
/// paths (the mapping's targets with '*' substituted), or nothing when no pattern matches.
std::optional<std::vector<std::string>> MatchPaths(const TsConfig& config, std::string_view specifier);

/// Loads tsconfig files once per path and remembers the nearest tsconfig per directory.
class TsConfigCache {
 public:
  /// The config at `path` (cached, including failures).
  const base::Result<TsConfig>& Load(Vfs& vfs, const std::string& path);
  /// The nearest tsconfig.json above `dir`, loaded; nullptr when there is none.
  /// A tsconfig that fails to load is reported through `error` (when not null).
  const TsConfig* Nearest(Vfs& vfs, const std::string& dir, std::string* error = nullptr);

 private:
  std::map<std::string, std::unique_ptr<base::Result<TsConfig>>> by_path_;
  std::map<std::string, std::optional<std::string>> nearest_;  // dir -> tsconfig path
};

}  // namespace dp::ts
