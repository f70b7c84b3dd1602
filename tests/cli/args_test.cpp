// Every drizzle-kit argument form parses: --k=v, --k v, k=v.
#include "cli/args.h"

#include <gtest/gtest.h>

namespace dp::cli {
namespace {

base::Result<CommandLine> Parse(std::vector<const char*> args) {
  args.insert(args.begin(), "drizzle-push");
  return ParseCommandLine(static_cast<int>(args.size()), args.data());
}

TEST(ArgsTest, AllForms) {
  auto line = Parse({"push", "--dialect=postgresql", "--schema", "./a.ts", "schema=./b.ts", "url=postgres://x", "--force"});
  ASSERT_TRUE(line) << line.error().message;
  EXPECT_EQ(line->command, "push");
  EXPECT_EQ(line->options["dialect"], "postgresql");
  EXPECT_EQ(line->options["schema"], nlohmann::json({"./a.ts", "./b.ts"}));
  EXPECT_EQ(line->options["url"], "postgres://x");
  EXPECT_EQ(line->force, true);
  EXPECT_FALSE(line->config);
}

TEST(ArgsTest, FiltersSplitOnCommas) {
  auto line = Parse({"push", "--tablesFilter=users,!audit_*", "--schemaFilters", "public,app"});
  ASSERT_TRUE(line);
  EXPECT_EQ(line->options["tablesFilter"], nlohmann::json({"users", "!audit_*"}));
  EXPECT_EQ(line->options["schemaFilter"], nlohmann::json({"public", "app"}));
}

TEST(ArgsTest, BehaviourFlags) {
  auto line = Parse({"push", "--config=db.ts", "--verbose", "--strict", "--force=false", "--explain", "--output", "json",
                     "--hints-file", "h.json"});
  ASSERT_TRUE(line) << line.error().message;
  EXPECT_EQ(line->config, "db.ts");
  EXPECT_TRUE(line->verbose);
  EXPECT_TRUE(line->strict);
  EXPECT_EQ(line->force, false);
  EXPECT_TRUE(line->explain);
  EXPECT_EQ(line->output, "json");
  EXPECT_EQ(line->hints_file, "h.json");
  EXPECT_TRUE(line->options.empty());
}

TEST(ArgsTest, AuthTokenSpellings) {
  auto line = Parse({"push", "--auth-token=t1"});
  ASSERT_TRUE(line);
  EXPECT_EQ(line->options["authToken"], "t1");
}

TEST(ArgsTest, Errors) {
  EXPECT_FALSE(Parse({"push", "--output=yaml"}));
  EXPECT_FALSE(Parse({"push", "--nope=1"}));
}

}  // namespace
}  // namespace dp::cli
