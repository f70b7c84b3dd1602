// drizzle.config.* discovery, evaluation and validation, with drizzle-kit's messages.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "base/result.h"
#include "cli/args.h"
#include "push/config.h"

namespace dp::cli {

using push::Config;

/// Finds the config file like drizzle-kit: --config, else drizzle.config.ts, .js, .json
/// in `cwd`. Returns an absolute path, or drizzle-kit's "<path> file does not exist".
base::Result<std::string> FindConfigFile(const std::string& cwd, const std::optional<std::string>& config);

/// Turns the evaluated config object (the file's default export, as JSON) or the
/// command-line options into a Config, validating like drizzle-kit's zod schemas.
/// `command` names the command in messages ("push").
base::Result<Config> ConfigFromJson(const nlohmann::json& raw, const std::string& command);

/// The whole resolution: collisions between --config and other options, reading and
/// evaluating the file (TypeScript through our front end; .env loaded first), merging flags.
/// Source errors in the config are rendered into the returned error's message.
base::Result<Config> LoadConfig(const CommandLine& line, const std::string& cwd);

}  // namespace dp::cli
