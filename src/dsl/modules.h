// The built-in drizzle modules the dsl provides, listed for the runtime to register
// (ts::Runtime::RegisterBuiltinModule). Each dialect folder adds its factory here.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "ts/runtime.h"
#include "ts/value.h"

namespace dp::dsl {

/// `drizzle-orm`: sql, operators, relations, is(), getTableColumns, ... (dsl/common).
ts::Object* MakeDrizzleOrmModule(ts::Interp& interp);
/// `drizzle-orm/pg-core` (dsl/pg).
ts::Object* MakePgCoreModule(ts::Interp& interp);

// dsl-lite: declare the sqlite-core / mysql-core factories here.
/// `drizzle-orm/sqlite-core` (dsl/sqlite).
ts::Object* MakeSqliteCoreModule(ts::Interp& interp);
/// `drizzle-orm/mysql-core` (dsl/mysql).
ts::Object* MakeMysqlCoreModule(ts::Interp& interp);

/// Every drizzle module name with its factory, for RegisterBuiltinModule.
inline std::vector<std::pair<std::string, ts::BuiltinModuleFactory>> DrizzleModules() {
  return {
      {"drizzle-orm", &MakeDrizzleOrmModule},
      {"drizzle-orm/pg-core", &MakePgCoreModule},
      {"drizzle-orm/sqlite-core", &MakeSqliteCoreModule},
      {"drizzle-orm/mysql-core", &MakeMysqlCoreModule},
  };
}

/// Registers every drizzle module with a runtime (before the first ImportFile).
inline void RegisterDrizzle(ts::Runtime& runtime) {
  for (auto& [name, factory] : DrizzleModules()) runtime.RegisterBuiltinModule(name, factory);
}

}  // namespace dp::dsl
