// drizzle-orm/sqlite-core: the module factory and its pieces.
#pragma once

#include "dsl/sqlite/lite_core.h"
#include "ts/value.h"

namespace dp::dsl::sqlite {

/// Adds integer, int, text, real, numeric, blob and customType to `ns`.
void AddColumnBuilders(ts::Interp& interp, ts::Object* ns);

}  // namespace dp::dsl::sqlite

namespace dp::dsl {

/// `drizzle-orm/sqlite-core`.
ts::Object* MakeSqliteCoreModule(ts::Interp& interp);

}  // namespace dp::dsl
