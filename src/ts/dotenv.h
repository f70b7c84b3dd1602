// `.env` files as the `dotenv` package (v16) reads them: KEY=VALUE and `KEY: VALUE` lines,
// an optional `export ` prefix, `#` comments, values in single, double or back quotes
// (double-quoted values expand \n and \r and may span lines), and values that never
// override variables that are already set. drizzle.config.ts files call
// `import 'dotenv/config'` or `config()` to fill process.env this way.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"
#include "ts/vfs.h"

namespace dp::ts {

/// The KEY/VALUE pairs of a .env text, in order of first appearance; a key given twice
/// keeps its last value (dotenv's parse()).
std::vector<std::pair<std::string, std::string>> ParseDotenv(std::string_view text);

/// Options of dotenv's config().
struct DotenvOptions {
  bool override = false;  // replace variables that are already set
};

/// Reads the .env file at `path` (absolute) into `env`: keys already present are kept
/// unless options.override. Returns false (and changes nothing) when the file does not
/// exist, as dotenv's config() silently does; fails when it exists but cannot be read.
base::Result<bool> LoadDotenvFile(Vfs& vfs, std::string_view path, std::map<std::string, std::string>& env,
                                  DotenvOptions options = {});

/// LoadDotenvFile on `dir`/.env: what `import 'dotenv/config'` does with dir = cwd.
base::Result<bool> LoadDotenv(Vfs& vfs, std::string_view dir, std::map<std::string, std::string>& env,
                              DotenvOptions options = {});

}  // namespace dp::ts
