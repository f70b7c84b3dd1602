// Schema files -> desired snapshot: expand the config's schema paths, evaluate each file
// with the TypeScript front end and the drizzle-orm modules, and build the dialect's
// snapshot from their exports.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "push/config.h"
#include "push/dialect.h"

namespace dp::push {

/// The dialect with its desired snapshot built. Source errors (syntax, evaluation, dsl)
/// come back rendered (file:line:col, excerpt, caret) in the Error's message.
base::Result<std::unique_ptr<Dialect>> LoadSchema(const Config& config, const std::string& cwd, bool color);

/// LoadSchema into an existing dialect (made for config.dialect).
base::Result<void> LoadSchemaInto(Dialect& dialect, const Config& config, const std::string& cwd, bool color);

}  // namespace dp::push
