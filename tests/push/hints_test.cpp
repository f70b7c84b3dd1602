// drizzle-kit 1.0 hint parsing and its error messages.
#include "push/hints.h"

#include <gtest/gtest.h>

namespace dp::push {
namespace {

TEST(HintsTest, ParsesEveryType) {
  auto hints = ParseHints(R"([
    {"type":"rename","kind":"column","from":["public","users","name"],"to":["public","users","full_name"]},
    {"type":"create","kind":"table","entity":["public","posts"]},
    {"type":"confirm_data_loss","kind":"table","entity":["public","users"]}])");
  ASSERT_TRUE(hints) << hints.error().message;
  ASSERT_EQ(hints->renames.size(), 1u);
  EXPECT_EQ(hints->renames[0].kind, diff::EntityKind::Column);
  EXPECT_EQ(hints->renames[0].to, (diff::EntityPath{"public", "users", "full_name"}));
  ASSERT_EQ(hints->creates.size(), 1u);
  EXPECT_TRUE(hints->Confirms("table", {"public", "users"}));
  EXPECT_FALSE(hints->Confirms("table", {"public", "posts"}));
}

TEST(HintsTest, SingleObjectIsAccepted) {
  auto hints = ParseHints(R"({"type":"create","kind":"schema","entity":["app"]})");
  ASSERT_TRUE(hints);
  EXPECT_EQ(hints->creates.size(), 1u);
}

TEST(HintsTest, ErrorsNameTheHint) {
  EXPECT_EQ(ParseHints("[1,").error().message, "invalid hints: not valid JSON");
  EXPECT_EQ(ParseHints(R"([{"type":"rename","kind":"column","from":["users","name"],"to":["public","users","n"]}])")
                .error()
                .message,
            "invalid hints: hint 1: \"from\" of a column must have 3 elements");
  EXPECT_EQ(ParseHints(R"([{"type":"create","kind":"table","entity":["public","a"]},{"type":"drop","kind":"table"}])")
                .error()
                .message,
            "invalid hints: hint 2: \"type\" must be \"rename\", \"create\" or \"confirm_data_loss\"");
  EXPECT_EQ(ParseHints(R"([{"type":"create","kind":"gizmo","entity":["a"]}])").error().message,
            "invalid hints: hint 1: unknown kind \"gizmo\"");
}

}  // namespace
}  // namespace dp::push
