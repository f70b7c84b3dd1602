// Tests for .env parsing and loading. Expected values are what dotenv 16's parse() returns
// for the same text (checked with Node).
#include "ts/dotenv.h"

#include <gtest/gtest.h>

namespace dp::ts {
namespace {

using Pairs = std::vector<std::pair<std::string, std::string>>;

struct DotenvCase {
  const char* text;
  Pairs expected;
};

TEST(DotenvTest, ParsesLikeDotenv16) {
  const DotenvCase cases[] = {
      {"A=1\nB=2", {{"A", "1"}, {"B", "2"}}},
      {"export A=1", {{"A", "1"}}},
      {"exportA=1", {{"exportA", "1"}}},
      {"export  =1", {{"export", "1"}}},
      {"A = spaced value ", {{"A", "spaced value"}}},
      {"A: 1", {{"A", "1"}}},
      {"A:1", {}},
      {"A='single'\nB=\"double\"\nC=`back`", {{"A", "single"}, {"B", "double"}, {"C", "back"}}},
      {"A=\"multi\nline\"", {{"A", "multi\nline"}}},
      {"A=\"esc\\nnl\\r\"", {{"A", "esc\nnl\r"}}},
      {"A='noesc\\n'", {{"A", "noesc\\n"}}},
      {"A=#comment", {{"A", ""}}},
      {"A=value # comment", {{"A", "value"}}},
      {"A=value#nocomment", {{"A", "value"}}},
      {"A=\"quoted # hash\"", {{"A", "quoted # hash"}}},
      {"A=\"quoted\" # comment", {{"A", "quoted"}}},
      {"A=\"quoted\" trailing", {{"A", "\"quoted\" trailing"}}},
      {"A='it\\'s'", {{"A", "it\\'s"}}},
      {"A=\nB=2", {{"A", ""}, {"B", "2"}}},
      {"A=\n'x'", {{"A", "x"}}},
      {"# full comment\n  A=1\n\tB=2", {{"A", "1"}, {"B", "2"}}},
      {"A=1\r\nB=2\r\n", {{"A", "1"}, {"B", "2"}}},
      {"A=1\rB=2", {{"A", "1"}, {"B", "2"}}},
      {"A=1\nA=2", {{"A", "2"}}},
      {"a.b-c=1", {{"a.b-c", "1"}}},
      {"A=\"unterminated\nB=2", {{"A", "\"unterminated"}, {"B", "2"}}},
      {"A=\"open\nB=x\"", {{"A", "open\nB=x"}}},
      {"bad line\nA=1", {{"A", "1"}}},
      {"A==1", {{"A", "=1"}}},
      {"A=\"\"", {{"A", ""}}},
      {"A=  \"  x  \"  ", {{"A", "  x  "}}},
      {"A={\"json\":\"x\"}", {{"A", "{\"json\":\"x\"}"}}},
      {"DATABASE_URL=\"postgres://u:p#x@h/db\"", {{"DATABASE_URL", "postgres://u:p#x@h/db"}}},
      {"DATABASE_URL=postgres://u:p#x@h/db", {{"DATABASE_URL", "postgres://u:p"}}},
      {"\xEF\xBB\xBF"
       "A=1",
       {{"A", "1"}}},
  };
  for (const DotenvCase& c : cases) EXPECT_EQ(ParseDotenv(c.text), c.expected) << c.text;
}

TEST(DotenvTest, LoadDoesNotOverride) {
  MemoryVfs vfs("/app");
  vfs.AddFile("/app/.env", "DATABASE_URL=postgres://from-file\nNEW=1\n");
  std::map<std::string, std::string> env = {{"DATABASE_URL", "postgres://from-env"}};
  auto loaded = LoadDotenv(vfs, "/app", env);
  ASSERT_TRUE(loaded) << loaded.error().message;
  EXPECT_TRUE(*loaded);
  EXPECT_EQ(env["DATABASE_URL"], "postgres://from-env");
  EXPECT_EQ(env["NEW"], "1");

  DotenvOptions options;
  options.override = true;
  ASSERT_TRUE(LoadDotenvFile(vfs, "/app/.env", env, options));
  EXPECT_EQ(env["DATABASE_URL"], "postgres://from-file");
}

TEST(DotenvTest, MissingFileIsSilent) {
  MemoryVfs vfs("/app");
  std::map<std::string, std::string> env;
  auto loaded = LoadDotenv(vfs, "/app", env);
  ASSERT_TRUE(loaded);
  EXPECT_FALSE(*loaded);
  EXPECT_TRUE(env.empty());
  vfs.AddDirectory("/app/.env");  // exists but is not readable as a file
  EXPECT_FALSE(LoadDotenv(vfs, "/app", env));
}

}  // namespace
}  // namespace dp::ts
