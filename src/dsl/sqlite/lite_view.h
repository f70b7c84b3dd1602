// View builders of the lite dialects (sqliteView, mysqlView, mysqlSchema(...).view).
#pragma once

#include <optional>
#include <string>

#include "dsl/sqlite/lite_core.h"

namespace dp::dsl::lite {

/// sqliteView(name, columns?) / mysqlViewWithSchema(name, columns, schema): a ViewBuilder
/// (query-builder form) or, when `columns` is given, a ManualViewBuilder.
ts::Value MakeViewBuilder(ts::CallContext& call, Dialect dialect, std::string name, std::optional<std::string> schema,
                          ts::Value columns, ts::Value columns_builders);

}  // namespace dp::dsl::lite
