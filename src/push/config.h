// The settings a push (or snapshot/export) runs with: drizzle-kit's config keys, merged
// from drizzle.config.* or the command line by cli/.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

namespace dp::push {

struct Config {
  std::string dialect;  // "postgresql" | "mysql" | "sqlite" | "turso" | "singlestore"
  std::optional<std::string> driver;
  std::vector<std::string> schema;    // paths, folders or globs, relative to the cwd
  std::optional<std::string> casing;  // "camelCase" | "snake_case"
  std::vector<std::string> tables_filter;
  std::vector<std::string> schema_filter;  // empty: drizzle-kit's default ["public"] applies
  std::vector<std::string> extensions_filters;
  nlohmann::json entities;        // the config's `entities` (roles), or null
  nlohmann::json db_credentials;  // flattened credentials: url, host, authToken, ...
  bool verbose = false;
  bool strict = false;
  bool force = false;
  std::string config_path;  // the file read ("" when from the command line)
};

}  // namespace dp::push
