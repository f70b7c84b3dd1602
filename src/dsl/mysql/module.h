// drizzle-orm/mysql-core: the module factory and its pieces.
#pragma once

#include "dsl/sqlite/lite_core.h"
#include "ts/value.h"

namespace dp::dsl::mysql {

/// Adds int, tinyint, ..., mysqlEnum and customType to `ns`.
void AddColumnBuilders(ts::Interp& interp, ts::Object* ns);

}  // namespace dp::dsl::mysql

namespace dp::dsl {

/// `drizzle-orm/mysql-core`.
ts::Object* MakeMysqlCoreModule(ts::Interp& interp);

}  // namespace dp::dsl
