// The built-in drizzle modules the dsl provides, listed for the runtime to register
// (ts::Runtime::RegisterBuiltinModule). Each dialect folder adds its factory here.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ts/value.h"

namespace dp::dsl {

/// `drizzle-orm`: sql, operators, relations, is(), getTableColumns, ... (dsl/common).
ts::Object* MakeDrizzleOrmModule(ts::Interp& interp);
/// `drizzle-orm/pg-core` (dsl/pg).
ts::Object* MakePgCoreModule(ts::Interp& interp);

// dsl-lite: declare the sqlite-core / mysql-core factories here.

/// Every drizzle module name with its factory, for RegisterBuiltinModule.
inline std::vector<std::pair<std::string, ts::BuiltinModuleFactory>> DrizzleModules() {
  return {
      {"drizzle-orm", &MakeDrizzleOrmModule},
      {"drizzle-orm/pg-core", &MakePgCoreModule},
      // dsl-lite: {"drizzle-orm/sqlite-core", ...}, {"drizzle-orm/mysql-core", ...}
  };
}

}  // namespace dp::dsl
