// Tests for tsconfig.json loading: JSONC, extends chains, where relative baseUrl/paths
// point, and TypeScript's choice among `paths` patterns. Expectations were checked against
// get-tsconfig 4.14 (what tsx, and so drizzle-kit, uses).
#include "ts/tsconfig.h"

#include <gtest/gtest.h>

namespace dp::ts {
namespace {

using Strings = std::vector<std::string>;

TEST(JsoncTest, CommentsAndTrailingCommas) {
  auto json = ParseJsonc(R"({
    // line comment
    "a": [1, 2, /* inline */ 3,],
    "b": { "c": "// not a comment", "d": "/* nor this */", },  /* block
    spanning lines */
    "e": "comma, inside",
  })");
  ASSERT_TRUE(json) << json.error().message;
  EXPECT_EQ((*json)["a"].size(), 3u);
  EXPECT_EQ((*json)["b"]["c"], "// not a comment");
  EXPECT_EQ((*json)["b"]["d"], "/* nor this */");
  EXPECT_EQ((*json)["e"], "comma, inside");
}

TEST(JsoncTest, EscapedQuotesAndBom) {
  auto json = ParseJsonc("\xEF\xBB\xBF{\"a\": \"x\\\"//y\", }");
  ASSERT_TRUE(json) << json.error().message;
  EXPECT_EQ((*json)["a"], "x\"//y");
}

TEST(JsoncTest, ErrorsNameTheFile) {
  auto json = ParseJsonc("{ \"a\": }", "/p/tsconfig.json");
  ASSERT_FALSE(json);
  EXPECT_NE(json.error().message.find("/p/tsconfig.json: invalid JSON"), std::string::npos)
      << json.error().message;
}

MemoryVfs ExtendsTree() {
  MemoryVfs vfs("/repo");
  vfs.AddFile(
      "/repo/node_modules/@tsconfig/base/tsconfig.json",
      R"({ "compilerOptions": { "strict": true, "baseUrl": ".", "paths": { "base/*": ["./b/*"] } } })");
  vfs.AddFile("/repo/proj/tsconfig.base.json", R"({
    // comment
    "extends": "@tsconfig/base/tsconfig.json",
    "compilerOptions": {
      "paths": { "@/*": ["./src/*", "./lib/*",], "@/exact": ["./exact.ts"], "@/db/*": ["./db/*"], "~*": ["./tilde/*"] },
    },
  })");
  vfs.AddFile("/repo/proj/sub/tsconfig.json",
              R"({ "extends": "../tsconfig.base", "compilerOptions": { "target": "es2022" } })");
  return vfs;
}

TEST(TsConfigTest, ExtendsChainMergesOptions) {
  MemoryVfs vfs = ExtendsTree();
  auto config = LoadTsConfig(vfs, "/repo/proj/sub/tsconfig.json");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->path, "/repo/proj/sub/tsconfig.json");
  EXPECT_EQ(config->compiler_options["strict"], true);
  EXPECT_EQ(config->compiler_options["target"], "es2022");
  // baseUrl comes from the package config and is relative to it; paths follow baseUrl.
  EXPECT_EQ(config->base_url, "/repo/node_modules/@tsconfig/base");
  ASSERT_EQ(config->paths.size(), 4u);  // the child's paths replace the base's
  EXPECT_EQ(config->paths[0].pattern, "@/*");
}

TEST(TsConfigTest, MatchPathsLikeGetTsconfig) {
  MemoryVfs vfs = ExtendsTree();
  auto config = LoadTsConfig(vfs, "/repo/proj/sub/tsconfig.json");
  ASSERT_TRUE(config) << config.error().message;
  const std::string b = "/repo/node_modules/@tsconfig/base";
  EXPECT_EQ(MatchPaths(*config, "@/x"), (Strings{b + "/src/x", b + "/lib/x"}));
  EXPECT_EQ(MatchPaths(*config, "@/exact"), (Strings{b + "/exact.ts"}));
  EXPECT_EQ(MatchPaths(*config, "@/db/users"), (Strings{b + "/db/users"}));  // longest prefix wins
  EXPECT_EQ(MatchPaths(*config, "~foo"), (Strings{b + "/tilde/foo"}));
  EXPECT_EQ(MatchPaths(*config, "@/"), (Strings{b + "/src", b + "/lib"}));
  EXPECT_EQ(MatchPaths(*config, "zod"), std::nullopt);
  EXPECT_EQ(MatchPaths(*config, "base/q"), std::nullopt);  // the base's paths were replaced
}

TEST(TsConfigTest, PathsWithoutBaseUrlAreRelativeToTheirConfig) {
  MemoryVfs vfs("/r");
  vfs.AddFile("/r/configs/base.json",
              R"({ "compilerOptions": { "paths": { "#db": ["../packages/db/src/index.ts"] } } })");
  vfs.AddFile("/r/app/tsconfig.json", R"({ "extends": ["../configs/base.json"], "compilerOptions": {} })");
  auto config = LoadTsConfig(vfs, "/r/app/tsconfig.json");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->base_url, std::nullopt);
  EXPECT_EQ(MatchPaths(*config, "#db"), (Strings{"/r/packages/db/src/index.ts"}));
}

TEST(TsConfigTest, ExtendsArrayLaterWins) {
  MemoryVfs vfs("/r");
  vfs.AddFile("/r/a.json", R"({ "compilerOptions": { "baseUrl": "./a", "customConditions": ["x"] } })");
  vfs.AddFile("/r/b.json", R"({ "compilerOptions": { "baseUrl": "./b" } })");
  vfs.AddFile("/r/tsconfig.json", R"({ "extends": ["./a.json", "./b.json"] })");
  auto config = LoadTsConfig(vfs, "/r/tsconfig.json");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->base_url, "/r/b");
  EXPECT_EQ(config->custom_conditions, Strings{"x"});
}

TEST(TsConfigTest, ExtendsPackageDirectoryAndTsconfigField) {
  MemoryVfs vfs("/r");
  vfs.AddFile("/r/node_modules/@tsconfig/node20/tsconfig.json",
              R"({ "compilerOptions": { "target": "es2023" } })");
  vfs.AddFile("/r/node_modules/shared-config/package.json",
              R"({ "name": "shared-config", "tsconfig": "./ts/base.json" })");
  vfs.AddFile("/r/node_modules/shared-config/ts/base.json",
              R"({ "compilerOptions": { "module": "esnext" } })");
  vfs.AddFile("/r/pkg/tsconfig.json", R"({ "extends": ["@tsconfig/node20", "shared-config"] })");
  auto config = LoadTsConfig(vfs, "/r/pkg/tsconfig.json");
  ASSERT_TRUE(config) << config.error().message;
  EXPECT_EQ(config->compiler_options["target"], "es2023");
  EXPECT_EQ(config->compiler_options["module"], "esnext");
}

TEST(TsConfigTest, BrokenBasesAreSkippedWithWarnings) {
  MemoryVfs vfs("/r");
  vfs.AddFile("/r/loop1.json", R"({ "extends": "./loop2.json", "compilerOptions": { "baseUrl": "./one" } })");
  vfs.AddFile("/r/loop2.json", R"({ "extends": "./loop1" })");
  vfs.AddFile("/r/missing.json",
              R"({ "extends": "./nope.json", "compilerOptions": { "paths": { "@/*": ["./src/*"] } } })");
  vfs.AddFile("/r/nopkg.json", R"({ "extends": "@acme/tsconfig" })");
  vfs.AddFile("/r/badbase.json", R"({ "extends": "./bad.json" })");
  vfs.AddFile("/r/bad.json", R"({ "compilerOptions": )");
  auto loop = LoadTsConfig(vfs, "/r/loop1.json");
  ASSERT_TRUE(loop) << loop.error().message;
  EXPECT_EQ(loop->base_url, "/r/one");
  EXPECT_EQ(loop->warnings, Strings{"/r/loop1.json: circular 'extends'"});
  auto missing = LoadTsConfig(vfs, "/r/missing.json");
  ASSERT_TRUE(missing) << missing.error().message;
  EXPECT_EQ(missing->warnings,
            Strings{"/r/missing.json: cannot find base config './nope.json' (/r/nope.json)"});
  EXPECT_EQ(MatchPaths(*missing, "@/x"), Strings{"/r/src/x"});  // the file's own paths still apply
  auto nopkg = LoadTsConfig(vfs, "/r/nopkg.json");
  ASSERT_TRUE(nopkg);
  EXPECT_EQ(nopkg->warnings,
            Strings{"/r/nopkg.json: cannot find base config '@acme/tsconfig' in node_modules"});
  auto badbase = LoadTsConfig(vfs, "/r/badbase.json");
  ASSERT_TRUE(badbase);
  ASSERT_EQ(badbase->warnings.size(), 1u);
  EXPECT_TRUE(badbase->warnings[0].starts_with("/r/bad.json: invalid JSON")) << badbase->warnings[0];
}

TEST(TsConfigTest, TopLevelErrorsFail) {
  MemoryVfs vfs("/r");
  vfs.AddFile("/r/bad.json", "{ nope }");
  EXPECT_FALSE(LoadTsConfig(vfs, "/r/none.json"));
  auto bad = LoadTsConfig(vfs, "/r/bad.json");
  ASSERT_FALSE(bad);
  EXPECT_TRUE(bad.error().message.starts_with("/r/bad.json: invalid JSON")) << bad.error().message;
}

TEST(TsConfigTest, FindAndCache) {
  MemoryVfs vfs("/r");
  vfs.AddFile("/r/tsconfig.json", R"({ "compilerOptions": { "baseUrl": "." } })");
  vfs.AddFile("/r/pkg/deep/x.ts", "");
  EXPECT_EQ(FindTsConfig(vfs, "/r/pkg/deep"), "/r/tsconfig.json");
  EXPECT_EQ(FindTsConfig(vfs, "/elsewhere"), std::nullopt);
  TsConfigCache cache;
  const TsConfig* first = cache.Nearest(vfs, "/r/pkg/deep");
  const TsConfig* second = cache.Nearest(vfs, "/r/pkg");
  ASSERT_NE(first, nullptr);
  EXPECT_EQ(first, second);
  size_t reads = 0;
  for (const std::string& path : vfs.files_read()) reads += path == "/r/tsconfig.json";
  EXPECT_EQ(reads, 1u);
}

}  // namespace
}  // namespace dp::ts
