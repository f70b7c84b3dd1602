// Evaluates a drizzle.config.{ts,js,mjs,cjs,json} file into JSON: TypeScript configs run
// through our front end with `drizzle-kit`'s defineConfig and `.env` loaded first.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

#include "base/result.h"

namespace dp::cli {

/// The config file's default export (or module.exports) as JSON. Source errors come back
/// rendered (file:line:col, excerpt, caret) in the error message.
base::Result<nlohmann::json> EvaluateConfigFile(const std::string& path, const std::string& cwd);

}  // namespace dp::cli
