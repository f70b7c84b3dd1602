// The TypeScript runtime as push and the config loader need it: process.env from the
// environment plus the cwd's .env (as drizzle-kit loads it), and the built-in modules
// drizzle-orm/* (dsl/) and drizzle-kit (defineConfig).
#pragma once

#include <memory>
#include <string>

#include "base/result.h"
#include "ts/runtime.h"

namespace dp::push {

base::Result<std::unique_ptr<ts::Runtime>> MakeRuntime(const std::string& cwd);

}  // namespace dp::push
