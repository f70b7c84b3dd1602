// Schema files -> desired snapshot: expand the config's schema paths, evaluate each file
// with the TypeScript front end and the drizzle-orm modules, and build the dialect's
// snapshot from their exports.
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "push/config.h"
#include "push/dialect.h"
#include "ts/runtime.h"

namespace dp::push {

/// The TypeScript runtime that evaluated the schema files. Freeing its heap takes ~10 ms
/// for 1000 tables; a caller that exits right away (the CLI) takes it instead and never
/// frees it.
using SchemaRuntime = std::unique_ptr<ts::Runtime>;

/// The dialect with its desired snapshot built. Source errors (syntax, evaluation, dsl)
/// come back rendered (file:line:col, excerpt, caret) in the Error's message. With
/// `keep_runtime`, the runtime is moved there instead of being freed.
base::Result<std::unique_ptr<Dialect>> LoadSchema(const Config& config, const std::string& cwd, bool color,
                                                  SchemaRuntime* keep_runtime = nullptr);

/// LoadSchema into an existing dialect (made for config.dialect).
base::Result<void> LoadSchemaInto(Dialect& dialect, const Config& config, const std::string& cwd, bool color,
                                  SchemaRuntime* keep_runtime = nullptr);

}  // namespace dp::push
