// Config discovery and validation (drizzle-kit's preparePushConfig and zod schemas).
#include "cli/config.h"

#include <fmt/format.h>

#include <filesystem>

#include "cli/config_eval.h"

namespace dp::cli {

namespace fs = std::filesystem;
using nlohmann::json;

namespace {

const char* const kDialects[] = {"postgresql", "mysql", "sqlite", "turso", "singlestore", "gel"};

// A config value that may be a string or an array of strings.
base::Result<std::vector<std::string>> StringOrArray(const json& raw, const char* key) {
  std::vector<std::string> out;
  auto it = raw.find(key);
  if (it == raw.end() || it->is_null()) return out;
  if (it->is_string()) {
    out.push_back(it->get<std::string>());
    return out;
  }
  if (it->is_array()) {
    for (const json& item : *it) {
      if (!item.is_string()) return base::Fail("'{}' must be a string or an array of strings", key);
      out.push_back(item.get<std::string>());
    }
    return out;
  }
  return base::Fail("'{}' must be a string or an array of strings", key);
}

base::Result<bool> OptionalBool(const json& raw, const char* key) {
  auto it = raw.find(key);
  if (it == raw.end() || it->is_null()) return false;
  if (!it->is_boolean()) return base::Fail("'{}' must be a boolean", key);
  return it->get<bool>();
}

std::string Param(const json& raw, const char* key) {
  auto it = raw.find(key);
  if (it == raw.end() || it->is_null()) return fmt::format("    {}: undefined", key);
  return fmt::format("    {}: {}", key, it->is_string() ? it->get<std::string>() : it->dump());
}

}  // namespace

base::Result<std::string> FindConfigFile(const std::string& cwd, const std::optional<std::string>& config) {
  fs::path base(cwd);
  fs::path path;
  if (config) {
    path = fs::path(*config).is_absolute() ? fs::path(*config) : base / *config;
  } else {
    path = base / "drizzle.config.json";
    for (const char* name : {"drizzle.config.ts", "drizzle.config.js"}) {
      if (fs::exists(base / name)) {
        path = base / name;
        break;
      }
    }
  }
  path = path.lexically_normal();
  if (!fs::exists(path)) return base::Fail("{} file does not exist", path.string());
  return path.string();
}

base::Result<Config> ConfigFromJson(const json& input, const std::string& command) {
  if (!input.is_object()) return base::Fail("the config must be an object");
  // drizzle-kit flattens dbCredentials into the top level before validating.
  json raw = input;
  if (auto creds = input.find("dbCredentials"); creds != input.end() && creds->is_object()) {
    for (const auto& [key, value] : creds->items()) raw[key] = value;
  }
  Config config;
  std::string dialect = raw.value("dialect", json()).is_string() ? raw["dialect"].get<std::string>() : "";
  bool known = std::find(std::begin(kDialects), std::end(kDialects), dialect) != std::end(kDialects);
  auto schema = StringOrArray(raw, "schema");
  if (!known || !schema || schema->empty()) {
    return base::Fail("Please provide required params:\n{}\n{}", Param(raw, "dialect"), Param(raw, "schema"));
  }
  if (dialect == "gel" && command == "push") return base::Fail("You can't use 'push' command with Gel dialect");
  config.dialect = dialect;
  config.schema = std::move(*schema);
  if (auto it = raw.find("driver"); it != raw.end() && it->is_string()) config.driver = it->get<std::string>();
  if (auto it = raw.find("casing"); it != raw.end() && !it->is_null()) {
    if (!it->is_string() || (*it != "camelCase" && *it != "snake_case")) {
      return base::Fail("'casing' must be 'camelCase' or 'snake_case'");
    }
    config.casing = it->get<std::string>();
  }
  auto tables = StringOrArray(raw, "tablesFilter");
  if (!tables) return tl::unexpected(tables.error());
  config.tables_filter = std::move(*tables);
  auto schemas = StringOrArray(raw, "schemaFilter");
  if (!schemas) return tl::unexpected(schemas.error());
  config.schema_filter = std::move(*schemas);
  auto extensions = StringOrArray(raw, "extensionsFilters");
  if (!extensions) return tl::unexpected(extensions.error());
  for (const std::string& extension : *extensions) {
    if (extension != "postgis") return base::Fail("'extensionsFilters' only accepts 'postgis', got '{}'", extension);
  }
  config.extensions_filters = std::move(*extensions);
  if (auto it = raw.find("entities"); it != raw.end()) config.entities = *it;
  for (auto [key, target] : {std::pair{"verbose", &config.verbose}, {"strict", &config.strict}, {"force", &config.force}}) {
    auto value = OptionalBool(raw, key);
    if (!value) return tl::unexpected(value.error());
    *target = *value;
  }
  // Everything connection-related goes to db::Connect, which validates it per dialect.
  json credentials = json::object();
  for (const char* key : {"url", "host", "port", "user", "password", "database", "ssl", "authToken", "accountId",
                          "databaseId", "token", "secretArn", "resourceArn", "tlsSecurity"}) {
    if (auto it = raw.find(key); it != raw.end() && !it->is_null()) credentials[key] = *it;
  }
  config.db_credentials = std::move(credentials);
  return config;
}

base::Result<Config> LoadConfig(const CommandLine& line, const std::string& cwd) {
  bool has_options = !line.options.empty();
  if (line.config && has_options) {
    return base::Fail("You can't use both --config and other cli options for {} command", line.command);
  }
  Config config;
  if (has_options && !line.config) {
    auto parsed = ConfigFromJson(line.options, line.command);
    if (!parsed) return parsed;
    config = std::move(*parsed);
  } else {
    auto path = FindConfigFile(cwd, line.config);
    if (!path) return tl::unexpected(path.error());
    auto raw = EvaluateConfigFile(*path, cwd);
    if (!raw) return tl::unexpected(raw.error());
    if (!raw->is_object() || !raw->contains("dialect")) {
      return base::Fail("Please specify 'dialect' param in config file");
    }
    auto parsed = ConfigFromJson(*raw, line.command);
    if (!parsed) return parsed;
    config = std::move(*parsed);
    config.config_path = *path;
  }
  // Command-line flags add to what the config says (drizzle-kit: `raw.verbose ||= options.verbose`).
  config.verbose = config.verbose || line.verbose;
  config.strict = config.strict || line.strict;
  if (line.force) config.force = *line.force;
  return config;
}

}  // namespace dp::cli
