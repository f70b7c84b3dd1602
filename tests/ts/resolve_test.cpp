// Tests for module resolution over an in-memory file system: builtins, relative imports
// with TypeScript's extension rules, tsconfig paths/baseUrl, node_modules packages,
// monorepo workspace packages (installed as symlinks or only declared), and #imports.
#include "ts/resolve.h"

#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

namespace dp::ts {
namespace {

ResolveContext Context(std::string cwd = "/app") {
  ResolveContext context;
  context.builtins = {"drizzle-orm",
                      "drizzle-orm/pg-core",
                      "drizzle-orm/sqlite-core",
                      "drizzle-orm/mysql-core",
                      "drizzle-kit",
                      "dotenv",
                      "dotenv/config",
                      "path",
                      "node:path"};
  context.cwd = std::move(cwd);
  return context;
}

std::string R(Vfs& vfs, const ResolveContext& context, std::string_view from, std::string_view spec) {
  return DescribeResolution(ResolveImport(vfs, context, from, spec));
}

TEST(PathTest, LexicalHelpers) {
  EXPECT_EQ(NormalizePath("/a//b/./c/../d/"), "/a/b/d");
  EXPECT_EQ(NormalizePath("/../x"), "/x");
  EXPECT_EQ(NormalizePath("../a/../../b"), "../../b");
  EXPECT_EQ(NormalizePath(""), ".");
  EXPECT_EQ(JoinPath("/a/b", "../c"), "/a/c");
  EXPECT_EQ(JoinPath("/a/b", "/abs"), "/abs");
  EXPECT_EQ(ResolvePath("/cwd", "./src/schema.ts"), "/cwd/src/schema.ts");
  EXPECT_EQ(DirName("/a/b.ts"), "/a");
  EXPECT_EQ(DirName("/a"), "/");
  EXPECT_EQ(DirName("a"), ".");
  EXPECT_EQ(BaseName("/a/b.d.ts"), "b.d.ts");
  EXPECT_EQ(Extension("/a/b.d.ts"), ".ts");
  EXPECT_EQ(Extension("/a/.env"), "");
  EXPECT_TRUE(PathIsWithin("/a/b", "/a"));
  EXPECT_FALSE(PathIsWithin("/ab", "/a"));
  EXPECT_TRUE(PathHasNodeModules("/r/node_modules/x"));
  EXPECT_FALSE(PathHasNodeModules("/r/my_node_modules/x"));
}

TEST(MemoryVfsTest, SymlinksAndListing) {
  MemoryVfs vfs("/w");
  vfs.AddFile("/w/real/a.ts", "A");
  vfs.AddFile("b.ts", "B");  // relative to the cwd
  vfs.AddSymlink("/w/link", "real");
  vfs.AddSymlink("/w/abs", "/w/real/a.ts");
  vfs.AddSymlink("/w/chain", "link/a.ts");
  vfs.AddSymlink("/w/dangling", "nowhere");
  vfs.AddSymlink("/w/loop1", "loop2");
  vfs.AddSymlink("/w/loop2", "loop1");
  EXPECT_EQ(vfs.ReadFile("/w/chain").value(), "A");
  EXPECT_EQ(vfs.ReadFile("/w/b.ts").value(), "B");
  EXPECT_EQ(vfs.RealPath("/w/link/../link/a.ts").value(), "/w/real/a.ts");
  EXPECT_EQ(vfs.Stat("/w/link"), FileKind::Directory);
  EXPECT_EQ(vfs.Stat("/w/abs"), FileKind::File);
  EXPECT_EQ(vfs.Stat("/w/dangling"), FileKind::Missing);
  EXPECT_EQ(vfs.Stat("/w/loop1"), FileKind::Missing);
  EXPECT_TRUE(vfs.IsSymlink("/w/dangling"));
  EXPECT_FALSE(vfs.IsSymlink("/w/real"));
  EXPECT_FALSE(vfs.ReadFile("/w/real"));
  EXPECT_FALSE(vfs.ReadFile("/w/real/a.ts/x"));
  auto entries = vfs.ListDirectory("/w");
  ASSERT_TRUE(entries);
  std::vector<std::string> names;
  for (const DirEntry& entry : *entries) names.push_back(entry.name);
  EXPECT_EQ(names,
            (std::vector<std::string>{"abs", "b.ts", "chain", "dangling", "link", "loop1", "loop2", "real"}));
  EXPECT_EQ((*entries)[4].kind, FileKind::Directory);
  EXPECT_TRUE((*entries)[4].is_symlink);
  EXPECT_FALSE(vfs.ListDirectory("/w/b.ts"));
}

TEST(RealVfsTest, ReadsTheDisk) {
  namespace fs = std::filesystem;
  fs::path root = fs::temp_directory_path() / ("dp_vfs_test_" + std::to_string(::getpid()));
  fs::remove_all(root);
  fs::create_directories(root / "dir");
  std::ofstream(root / "dir" / "b.ts") << "export const b = 1;";
  std::ofstream(root / "a.ts") << "x";
  fs::create_directory_symlink("dir", root / "link");
  RealVfs vfs(root.string());
  EXPECT_EQ(vfs.Cwd(), root.string());
  EXPECT_EQ(vfs.ReadFile("link/b.ts").value(), "export const b = 1;");  // relative to the Vfs cwd
  EXPECT_EQ(vfs.Stat((root / "link").string()), FileKind::Directory);
  EXPECT_TRUE(vfs.IsSymlink((root / "link").string()));
  EXPECT_EQ(vfs.RealPath((root / "link" / "b.ts").string()).value(),
            fs::canonical(root / "dir" / "b.ts").string());
  auto entries = vfs.ListDirectory(root.string());
  ASSERT_TRUE(entries);
  ASSERT_EQ(entries->size(), 3u);
  EXPECT_EQ((*entries)[0].name, "a.ts");
  EXPECT_FALSE(vfs.ReadFile((root / "missing.ts").string()));
  fs::remove_all(root);
}

TEST(ResolveTest, Builtins) {
  MemoryVfs vfs("/app");
  ResolveContext context = Context();
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "drizzle-orm"), "builtin drizzle-orm");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "drizzle-orm/pg-core"), "builtin drizzle-orm/pg-core");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "drizzle-orm/node-postgres"),
            "builtin (unregistered) drizzle-orm/node-postgres");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "dotenv/config"), "builtin dotenv/config");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "drizzle-kit/api"), "builtin (unregistered) drizzle-kit/api");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "node:path"), "builtin node:path");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "fs"), "builtin (unregistered) node:fs");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "node:fs/promises"), "builtin (unregistered) node:fs/promises");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "node:test"), "builtin (unregistered) node:test");
  context.builtins.erase("node:path");
  EXPECT_EQ(R(vfs, context, "/app/s.ts", "node:path"), "builtin path");  // the other spelling
  auto builtin = std::get<BuiltinModule>(ResolveImport(vfs, context, "/app/s.ts", "drizzle-orm/pg-core"));
  EXPECT_TRUE(builtin.registered);
}

TEST(ResolveTest, RelativeFiles) {
  MemoryVfs vfs("/app");
  vfs.AddFile("/app/src/schema.ts", "");
  vfs.AddFile("/app/src/users.ts", "");
  vfs.AddFile("/app/src/users/index.ts", "");  // the file wins over the directory
  vfs.AddFile("/app/src/enums.mts", "");
  vfs.AddFile("/app/src/legacy.js", "");
  vfs.AddFile("/app/src/both.ts", "");
  vfs.AddFile("/app/src/both.js", "");  // TypeScript prefers the .ts behind a .js import
  vfs.AddFile("/app/src/columns/index.ts", "");
  vfs.AddFile("/app/src/data.json", "{}");
  vfs.AddFile("/app/src/users.schema.ts", "");
  vfs.AddFile("/app/src/types.d.ts", "");
  vfs.AddFile("/app/shared/helpers.tsx", "");
  ResolveContext context = Context();
  const char* from = "/app/src/schema.ts";
  EXPECT_EQ(R(vfs, context, from, "./users"), "file /app/src/users.ts");
  EXPECT_EQ(R(vfs, context, from, "./users.js"), "file /app/src/users.ts");
  EXPECT_EQ(R(vfs, context, from, "./users.ts"), "file /app/src/users.ts");
  EXPECT_EQ(R(vfs, context, from, "./users/"), "file /app/src/users/index.ts");
  EXPECT_EQ(R(vfs, context, from, "./enums.mjs"), "file /app/src/enums.mts");
  EXPECT_EQ(R(vfs, context, from, "./enums"), "file /app/src/enums.mts");
  EXPECT_EQ(R(vfs, context, from, "./legacy.js"), "file /app/src/legacy.js");
  EXPECT_EQ(R(vfs, context, from, "./legacy"), "file /app/src/legacy.js");
  EXPECT_EQ(R(vfs, context, from, "./both.js"), "file /app/src/both.ts");
  EXPECT_EQ(R(vfs, context, from, "./columns"), "file /app/src/columns/index.ts");
  EXPECT_EQ(R(vfs, context, from, "./columns/index.js"), "file /app/src/columns/index.ts");
  EXPECT_EQ(R(vfs, context, from, "./data.json"), "file /app/src/data.json");
  EXPECT_EQ(R(vfs, context, from, "./users.schema"), "file /app/src/users.schema.ts");
  EXPECT_EQ(R(vfs, context, from, "./types"), "file /app/src/types.d.ts");
  EXPECT_EQ(R(vfs, context, from, "../shared/helpers.js"), "file /app/shared/helpers.tsx");
  EXPECT_EQ(R(vfs, context, from, "/app/src/users"), "file /app/src/users.ts");
  vfs.AddFile("/app/src/index.ts", "");
  vfs.AddFile("/app/src.ts", "");  // never chosen for "..": a directory is meant
  EXPECT_EQ(R(vfs, context, "/app/src/columns/index.ts", ".."), "file /app/src/index.ts");
  EXPECT_EQ(R(vfs, context, "/app/src/columns/index.ts", "../"), "file /app/src/index.ts");
  EXPECT_EQ(R(vfs, context, "/app/src/columns/x.ts", "."), "file /app/src/columns/index.ts");
  EXPECT_EQ(R(vfs, context, "/app/src/columns/x.ts", "./../."), "file /app/src/index.ts");
}

TEST(ResolveTest, RelativeNotFoundListsCandidates) {
  MemoryVfs vfs("/app");
  vfs.AddFile("/app/src/schema.ts", "");
  auto result = ResolveImport(vfs, Context(), "/app/src/schema.ts", "./missing");
  auto* not_found = std::get_if<NotFound>(&result);
  ASSERT_NE(not_found, nullptr);
  EXPECT_EQ(not_found->message, "cannot find module './missing' imported from /app/src/schema.ts");
  ASSERT_FALSE(not_found->tried.empty());
  EXPECT_EQ(not_found->tried.front(), "/app/src/missing.ts");
}

TEST(ResolveTest, DirectoryPackageJson) {
  MemoryVfs vfs("/app");
  vfs.AddFile("/app/src/db/package.json", R"({ "main": "./lib/entry" })");
  vfs.AddFile("/app/src/db/lib/entry.ts", "");
  vfs.AddFile("/app/src/typed/package.json",
              R"({ "types": "./dist/index.d.ts", "main": "./dist/index.js" })");
  vfs.AddFile("/app/src/typed/dist/index.d.ts", "");
  vfs.AddFile("/app/src/typed/dist/index.js", "");
  ResolveContext context = Context();
  EXPECT_EQ(R(vfs, context, "/app/src/schema.ts", "./db"), "file /app/src/db/lib/entry.ts");
  // A declaration file is never the module to evaluate when a runnable entry exists.
  EXPECT_EQ(R(vfs, context, "/app/src/schema.ts", "./typed"), "file /app/src/typed/dist/index.js");
}

TEST(ResolveTest, SymlinkedFilesResolveToTheirRealPath) {
  MemoryVfs vfs("/app");
  vfs.AddFile("/shared/common.ts", "");
  vfs.AddSymlink("/app/src/common", "/shared");
  EXPECT_EQ(R(vfs, Context(), "/app/src/schema.ts", "./common/common"), "file /shared/common.ts");
}

MemoryVfs PathsTree() {
  MemoryVfs vfs("/app");
  vfs.AddFile("/app/tsconfig.json", R"({
    "compilerOptions": {
      "baseUrl": ".",
      "paths": {
        "@/*": ["./generated/*", "./src/*"],
        "~db": ["./src/db/index.ts"],
        "@missing/*": ["./nowhere/*"]
      }
    }
  })");
  vfs.AddFile("/app/src/db/schema.ts", "");
  vfs.AddFile("/app/src/db/index.ts", "");
  vfs.AddFile("/app/lib/helpers.ts", "");
  vfs.AddFile("/app/src/schema.ts", "");
  return vfs;
}

TEST(ResolveTest, TsconfigPathsAndBaseUrl) {
  MemoryVfs vfs = PathsTree();
  ResolveContext context = Context();
  EXPECT_EQ(R(vfs, context, "/app/src/schema.ts", "@/db/schema"), "file /app/src/db/schema.ts");
  EXPECT_EQ(R(vfs, context, "/app/src/schema.ts", "@/db/schema.js"), "file /app/src/db/schema.ts");
  EXPECT_EQ(R(vfs, context, "/app/src/schema.ts", "~db"), "file /app/src/db/index.ts");
  EXPECT_EQ(R(vfs, context, "/app/src/schema.ts", "lib/helpers"), "file /app/lib/helpers.ts");  // baseUrl
  EXPECT_EQ(R(vfs, context, "/app/src/schema.ts", "zod"), "external zod (not installed)");
  auto missing = ResolveImport(vfs, context, "/app/src/schema.ts", "@missing/x");
  ASSERT_TRUE(std::holds_alternative<NotFound>(missing));
  EXPECT_EQ(std::get<NotFound>(missing).tried.front(), "/app/nowhere/x.ts");
}

TEST(ResolveTest, NearestTsconfigThenCwd) {
  MemoryVfs vfs = PathsTree();
  vfs.AddFile("/app/packages/db/tsconfig.json",
              R"({ "compilerOptions": { "paths": { "#lib/*": ["./lib/*"] } } })");
  vfs.AddFile("/app/packages/db/lib/util.ts", "");
  vfs.AddFile("/app/packages/db/schema.ts", "");
  ResolveContext context = Context();
  // The package's own tsconfig maps #lib; the cwd's tsconfig still maps @/*.
  EXPECT_EQ(R(vfs, context, "/app/packages/db/schema.ts", "#lib/util"), "file /app/packages/db/lib/util.ts");
  EXPECT_EQ(R(vfs, context, "/app/packages/db/schema.ts", "@/db/schema"), "file /app/src/db/schema.ts");
  // An explicit tsconfig replaces the lookup.
  context.tsconfig_path = "/app/packages/db/tsconfig.json";
  EXPECT_EQ(R(vfs, context, "/app/src/schema.ts", "#lib/util"), "file /app/packages/db/lib/util.ts");
  EXPECT_EQ(
      R(vfs, context, "/app/src/schema.ts", "@/db/schema"),
      "not found: cannot find module '@/db/schema' imported from /app/src/schema.ts: no tsconfig \"paths\" "
      "entry maps it and it is not a package name");
}

TEST(ResolveTest, BrokenTsconfigIsReported) {
  MemoryVfs vfs("/app");
  vfs.AddFile("/app/tsconfig.json", R"({ "compilerOptions": { "paths": )");
  auto result = ResolveImport(vfs, Context(), "/app/s.ts", "@/x");
  ASSERT_TRUE(std::holds_alternative<NotFound>(result));
  EXPECT_NE(std::get<NotFound>(result).message.find("/app/tsconfig.json: invalid JSON"), std::string::npos)
      << std::get<NotFound>(result).message;
  // Packages stay opaque even so.
  EXPECT_EQ(R(vfs, Context(), "/app/s.ts", "zod"), "external zod (not installed)");
}

MemoryVfs PackagesTree() {
  MemoryVfs vfs("/repo/apps/api");
  // Third-party packages: compiled JS, opaque.
  vfs.AddFile(
      "/repo/node_modules/zod/package.json",
      R"({ "name": "zod", "exports": { ".": { "types": "./index.d.ts", "import": "./index.mjs", "require": "./index.js" }, "./v4": { "import": "./v4/index.mjs" } } })");
  vfs.AddFile("/repo/node_modules/zod/index.mjs", "");
  vfs.AddFile("/repo/node_modules/zod/index.d.ts", "");
  vfs.AddFile("/repo/node_modules/@paralleldrive/cuid2/package.json",
              R"({ "name": "@paralleldrive/cuid2", "main": "index.js" })");
  vfs.AddFile("/repo/node_modules/@paralleldrive/cuid2/index.js", "");
  // A published package whose entry is TypeScript source: evaluated.
  vfs.AddFile("/repo/node_modules/ts-only/package.json",
              R"({ "name": "ts-only", "main": "./src/index.ts" })");
  vfs.AddFile("/repo/node_modules/ts-only/src/index.ts", "");
  // Workspace packages, linked into node_modules like npm/yarn/pnpm do.
  vfs.AddFile("/repo/packages/db/package.json", R"({
    "name": "@acme/db",
    "exports": {
      ".": { "types": "./src/index.ts", "import": "./dist/index.js" },
      "./schema": "./src/schema/index.ts",
      "./tables/*": "./src/tables/*.ts",
      "./internal/*": null
    }
  })");
  vfs.AddFile("/repo/packages/db/src/index.ts", "");
  vfs.AddFile("/repo/packages/db/src/schema/index.ts", "");
  vfs.AddFile("/repo/packages/db/src/tables/users.ts", "");
  vfs.AddSymlink("/repo/node_modules/@acme/db", "../../packages/db");
  vfs.AddFile("/repo/packages/built/package.json",
              R"({ "name": "@acme/built", "main": "./dist/index.js", "types": "./dist/index.d.ts" })");
  vfs.AddFile("/repo/packages/built/dist/index.js", "");
  vfs.AddFile("/repo/packages/built/dist/index.d.ts", "");
  vfs.AddSymlink("/repo/node_modules/@acme/built", "../../packages/built");
  vfs.AddFile("/repo/packages/unbuilt/package.json",
              R"({ "name": "@acme/unbuilt", "main": "./dist/index.js" })");
  vfs.AddSymlink("/repo/node_modules/@acme/unbuilt", "../../packages/unbuilt");
  vfs.AddFile("/repo/apps/api/src/schema.ts", "");
  return vfs;
}

TEST(ResolveTest, ThirdPartyPackagesAreExternal) {
  MemoryVfs vfs = PackagesTree();
  ResolveContext context = Context("/repo/apps/api");
  const char* from = "/repo/apps/api/src/schema.ts";
  auto zod = ResolveImport(vfs, context, from, "zod");
  ASSERT_TRUE(std::holds_alternative<ExternalPackage>(zod)) << DescribeResolution(zod);
  EXPECT_EQ(std::get<ExternalPackage>(zod).name, "zod");
  EXPECT_EQ(std::get<ExternalPackage>(zod).package_dir, "/repo/node_modules/zod");
  EXPECT_EQ(R(vfs, context, from, "zod/v4"), "external zod/v4");
  auto cuid = std::get<ExternalPackage>(ResolveImport(vfs, context, from, "@paralleldrive/cuid2"));
  EXPECT_EQ(cuid.name, "@paralleldrive/cuid2");
  EXPECT_EQ(R(vfs, context, from, "uuid"), "external uuid (not installed)");
  EXPECT_EQ(R(vfs, context, from, "ts-only"), "file /repo/node_modules/ts-only/src/index.ts");
}

TEST(ResolveTest, WorkspacePackagesResolveToSources) {
  MemoryVfs vfs = PackagesTree();
  ResolveContext context = Context("/repo/apps/api");
  const char* from = "/repo/apps/api/src/schema.ts";
  EXPECT_EQ(R(vfs, context, from, "@acme/db"), "file /repo/packages/db/src/index.ts");
  EXPECT_EQ(R(vfs, context, from, "@acme/db/schema"), "file /repo/packages/db/src/schema/index.ts");
  EXPECT_EQ(R(vfs, context, from, "@acme/db/tables/users"), "file /repo/packages/db/src/tables/users.ts");
  EXPECT_EQ(R(vfs, context, from, "@acme/built"), "file /repo/packages/built/dist/index.js");
  auto hidden = ResolveImport(vfs, context, from, "@acme/db/internal/x");
  ASSERT_TRUE(std::holds_alternative<NotFound>(hidden)) << DescribeResolution(hidden);
  auto unexported = ResolveImport(vfs, context, from, "@acme/db/other");
  ASSERT_TRUE(std::holds_alternative<NotFound>(unexported));
  EXPECT_EQ(std::get<NotFound>(unexported).message,
            "workspace package '@acme/db' (/repo/packages/db) does not export './other'");
  auto unbuilt = ResolveImport(vfs, context, from, "@acme/unbuilt");
  ASSERT_TRUE(std::holds_alternative<NotFound>(unbuilt));
  EXPECT_NE(std::get<NotFound>(unbuilt).message.find("entry point of workspace package '@acme/unbuilt'"),
            std::string::npos);
}

TEST(ResolveTest, WorkspacesWithoutNodeModules) {
  MemoryVfs vfs("/mono/apps/web");
  vfs.AddFile("/mono/package.json",
              R"({ "name": "mono", "private": true, "workspaces": ["packages/*", "tools/cli"] })");
  vfs.AddFile("/mono/packages/db/package.json", R"({ "name": "@mono/db", "main": "./src/index.ts" })");
  vfs.AddFile("/mono/packages/db/src/index.ts", "");
  vfs.AddFile("/mono/packages/db/src/schema.ts", "");
  vfs.AddFile("/mono/tools/cli/package.json", R"({ "name": "cli", "exports": "./main.ts" })");
  vfs.AddFile("/mono/tools/cli/main.ts", "");
  vfs.AddFile("/mono/apps/web/db.ts", "");
  ResolveContext context = Context("/mono/apps/web");
  EXPECT_EQ(R(vfs, context, "/mono/apps/web/db.ts", "@mono/db"), "file /mono/packages/db/src/index.ts");
  EXPECT_EQ(R(vfs, context, "/mono/apps/web/db.ts", "@mono/db/src/schema"),
            "file /mono/packages/db/src/schema.ts");
  EXPECT_EQ(R(vfs, context, "/mono/apps/web/db.ts", "cli"), "file /mono/tools/cli/main.ts");
  EXPECT_EQ(R(vfs, context, "/mono/apps/web/db.ts", "@mono/other"), "external @mono/other (not installed)");
}

TEST(ResolveTest, PnpmWorkspaceYaml) {
  MemoryVfs vfs("/mono");
  vfs.AddFile(
      "/mono/pnpm-workspace.yaml",
      "packages:\n  # libraries\n  - 'packages/*'\n  - \"apps/*\"\n  - '!**/test/**'\ncatalog:\n  zod: ^3\n");
  vfs.AddFile("/mono/packages/db/package.json",
              R"({ "name": "@mono/db", "exports": { ".": "./index.ts" } })");
  vfs.AddFile("/mono/packages/db/index.ts", "");
  vfs.AddFile("/mono/packages/test/package.json", R"({ "name": "@mono/test" })");
  vfs.AddFile("/mono/apps/web/schema.ts", "");
  ResolveContext context = Context("/mono");
  EXPECT_EQ(R(vfs, context, "/mono/apps/web/schema.ts", "@mono/db"), "file /mono/packages/db/index.ts");
  EXPECT_EQ(R(vfs, context, "/mono/apps/web/schema.ts", "@mono/test"), "external @mono/test (not installed)");
}

TEST(ResolveTest, SubpathImports) {
  MemoryVfs vfs("/app");
  vfs.AddFile(
      "/app/package.json",
      R"({ "name": "app", "imports": { "#db/*": "./src/db/*.js", "#env": { "node": "./src/env.ts" }, "#zod": "zod" } })");
  vfs.AddFile("/app/src/db/schema.ts", "");
  vfs.AddFile("/app/src/env.ts", "");
  ResolveContext context = Context();
  EXPECT_EQ(R(vfs, context, "/app/src/index.ts", "#db/schema"), "file /app/src/db/schema.ts");
  EXPECT_EQ(R(vfs, context, "/app/src/index.ts", "#env"), "file /app/src/env.ts");
  EXPECT_EQ(R(vfs, context, "/app/src/index.ts", "#zod"), "external zod (not installed)");
  EXPECT_TRUE(std::holds_alternative<NotFound>(ResolveImport(vfs, context, "/app/src/index.ts", "#nope")));
}

TEST(ResolveTest, CustomConditionsFromContext) {
  MemoryVfs vfs("/repo");
  vfs.AddFile(
      "/repo/packages/a/package.json",
      R"({ "name": "a", "exports": { ".": { "source": "./src/index.ts", "default": "./dist/index.js" } } })");
  vfs.AddFile("/repo/packages/a/src/index.ts", "");
  vfs.AddFile("/repo/packages/a/dist/index.js", "");
  vfs.AddSymlink("/repo/node_modules/a", "../packages/a");
  ResolveContext context = Context("/repo");
  // TypeScript source is preferred among the active conditions; "source" is not active...
  EXPECT_EQ(R(vfs, context, "/repo/x.ts", "a"), "file /repo/packages/a/dist/index.js");
  // ...until it is listed.
  context.conditions = {"source"};
  EXPECT_EQ(R(vfs, context, "/repo/x.ts", "a"), "file /repo/packages/a/src/index.ts");
}

TEST(ResolveTest, CacheAvoidsRereading) {
  MemoryVfs vfs = PackagesTree();
  ResolveCache cache;
  ResolveContext context = Context("/repo/apps/api");
  context.cache = &cache;
  for (int round = 0; round < 3; ++round) {
    EXPECT_EQ(R(vfs, context, "/repo/apps/api/src/schema.ts", "@acme/db"),
              "file /repo/packages/db/src/index.ts");
  }
  size_t reads = 0;
  for (const std::string& path : vfs.files_read()) reads += path == "/repo/packages/db/package.json";
  EXPECT_EQ(reads, 1u);
}

TEST(ResolveTest, PackageNames) {
  EXPECT_EQ(PackageNameOf("zod"), "zod");
  EXPECT_EQ(PackageNameOf("zod/v4"), "zod");
  EXPECT_EQ(PackageNameOf("@a/b"), "@a/b");
  EXPECT_EQ(PackageNameOf("@a/b/c/d"), "@a/b");
  EXPECT_EQ(PackageNameOf("@a"), "");
  EXPECT_EQ(PackageNameOf("./x"), "");
  EXPECT_EQ(PackageNameOf("node:fs"), "");
  EXPECT_TRUE(IsNodeCoreModule("fs/promises"));
  EXPECT_TRUE(IsNodeCoreModule("node:anything"));
  EXPECT_FALSE(IsNodeCoreModule("test"));
  EXPECT_FALSE(IsNodeCoreModule("zod"));
}

}  // namespace
}  // namespace dp::ts
