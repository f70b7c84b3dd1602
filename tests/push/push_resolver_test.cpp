// Rename-or-create: hints first, then the prompt, else recorded as missing.
#include "push/push_resolver.h"

#include <gtest/gtest.h>

namespace dp::push {
namespace {

using diff::EntityKind;
using diff::EntityPath;

const std::vector<EntityPath> kDeleted = {{"public", "items"}, {"public", "old"}};
const std::vector<EntityPath> kCreated = {{"public", "products"}};

TEST(PushResolverTest, RenameHintAnswers) {
  auto hints = ParseHints(R"([{"type":"rename","kind":"table","from":["public","items"],"to":["public","products"]}])");
  ASSERT_TRUE(hints);
  PushResolver resolver(*hints, nullptr);
  auto renames = resolver.Resolve(EntityKind::Table, kDeleted, kCreated);
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].from, 0u);
  EXPECT_EQ(renames[0].to, 0u);
  EXPECT_TRUE(resolver.missing().empty());
}

TEST(PushResolverTest, CreateHintAnswers) {
  auto hints = ParseHints(R"([{"type":"create","kind":"table","entity":["public","products"]}])");
  PushResolver resolver(*hints, nullptr);
  EXPECT_TRUE(resolver.Resolve(EntityKind::Table, kDeleted, kCreated).empty());
  EXPECT_TRUE(resolver.missing().empty());
}

TEST(PushResolverTest, NoTerminalRecordsMissing) {
  Hints none;
  PushResolver resolver(none, nullptr);
  EXPECT_TRUE(resolver.Resolve(EntityKind::Table, kDeleted, kCreated).empty());
  ASSERT_EQ(resolver.missing().size(), 1u);
  EXPECT_EQ(resolver.missing()[0].created, (EntityPath{"public", "products"}));
  EXPECT_EQ(resolver.missing()[0].deleted.size(), 2u);
}

TEST(PushResolverTest, NothingToAskWithoutCandidates) {
  Hints none;
  PushResolver resolver(none, nullptr);
  EXPECT_TRUE(resolver.Resolve(EntityKind::Table, {}, kCreated).empty());
  EXPECT_TRUE(resolver.missing().empty());
}

TEST(PushResolverTest, PromptShowsDrizzleKitQuestion) {
  Hints none;
  ScriptedPrompter prompter({2});  // the second candidate
  PushResolver resolver(none, &prompter);
  auto renames = resolver.Resolve(EntityKind::Table, kDeleted, kCreated);
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].from, 1u);
  ASSERT_EQ(prompter.titles().size(), 1u);
  EXPECT_EQ(prompter.titles()[0], "Is products table created or renamed from another table?");
  ASSERT_EQ(prompter.item_lists()[0].size(), 3u);
  EXPECT_EQ(prompter.item_lists()[0][0].rfind("+ products", 0), 0u);
  EXPECT_NE(prompter.item_lists()[0][1].find("items › products"), std::string::npos);
  EXPECT_NE(prompter.item_lists()[0][2].find("rename table"), std::string::npos);
}

TEST(PushResolverTest, ColumnQuestionNamesTable) {
  Hints none;
  ScriptedPrompter prompter({0});
  PushResolver resolver(none, &prompter);
  std::vector<EntityPath> deleted = {{"public", "users", "name"}};
  std::vector<EntityPath> created = {{"public", "users", "full_name"}};
  EXPECT_TRUE(resolver.Resolve(EntityKind::Column, deleted, created).empty());
  EXPECT_EQ(prompter.titles()[0], "Is full_name column in users table created or renamed from another column?");
}

TEST(PushResolverTest, EachDeletedRenamedOnce) {
  auto hints = ParseHints(R"([
    {"type":"rename","kind":"table","from":["public","items"],"to":["public","a"]},
    {"type":"rename","kind":"table","from":["public","items"],"to":["public","b"]}])");
  PushResolver resolver(*hints, nullptr);
  std::vector<EntityPath> deleted = {{"public", "items"}};
  std::vector<EntityPath> created = {{"public", "a"}, {"public", "b"}};
  auto renames = resolver.Resolve(EntityKind::Table, deleted, created);
  ASSERT_EQ(renames.size(), 1u);
  EXPECT_EQ(renames[0].to, 0u);
}

}  // namespace
}  // namespace dp::push
