// CompareJson: first differing path, ignored top-level keys, optional key-order check.
#include "model/json_compare.h"

#include <gtest/gtest.h>

namespace dp::model {
namespace {

using Json = nlohmann::ordered_json;

TEST(JsonCompare, EqualIgnoringIds) {
  Json a = Json::parse(R"({"id":"1","prevId":"0","tables":{"t":{"x":1}}})");
  Json b = Json::parse(R"({"id":"2","tables":{"t":{"x":1}}})");
  EXPECT_FALSE(CompareJson(a, b).has_value());
  auto difference = CompareJson(a, b, {.ignore_top_level_keys = {}});
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(difference->path, "id");
}

TEST(JsonCompare, IdsOnlyIgnoredAtTopLevel) {
  Json a = Json::parse(R"({"t":{"id":1}})");
  Json b = Json::parse(R"({"t":{"id":2}})");
  auto difference = CompareJson(a, b);
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(ToString(*difference), "t.id: expected 1, got 2");
}

TEST(JsonCompare, ReportsFirstDifferingPath) {
  Json a = Json::parse(R"({"tables":{"public.users":{"columns":{"id":{"notNull":true}}}}})");
  Json b = Json::parse(R"({"tables":{"public.users":{"columns":{"id":{"notNull":false}}}}})");
  auto difference = CompareJson(a, b);
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(difference->path, R"(tables["public.users"].columns.id.notNull)");
  EXPECT_EQ(difference->message, "expected true, got false");
}

TEST(JsonCompare, MissingAndUnexpectedKeys) {
  auto missing = CompareJson(Json::parse(R"({"a":1,"b":2})"), Json::parse(R"({"a":1})"));
  ASSERT_TRUE(missing.has_value());
  EXPECT_EQ(missing->path, "b");
  EXPECT_EQ(missing->message, "missing key (expected 2)");
  auto unexpected = CompareJson(Json::parse(R"({"a":1})"), Json::parse(R"({"a":1,"c":[1]})"));
  ASSERT_TRUE(unexpected.has_value());
  EXPECT_EQ(unexpected->path, "c");
  EXPECT_EQ(unexpected->message, "unexpected key (got [1])");
}

TEST(JsonCompare, ArraysAndTypes) {
  auto element = CompareJson(Json::parse(R"({"v":[1,2,3]})"), Json::parse(R"({"v":[1,5,3]})"));
  ASSERT_TRUE(element.has_value());
  EXPECT_EQ(element->path, "v[1]");
  auto length = CompareJson(Json::parse(R"([1,2])"), Json::parse(R"([1,2,3])"));
  ASSERT_TRUE(length.has_value());
  EXPECT_EQ(ToString(*length), "$: expected 2 elements, got 3");
  auto type = CompareJson(Json::parse(R"({"d":"1"})"), Json::parse(R"({"d":1})"));
  ASSERT_TRUE(type.has_value());
  EXPECT_EQ(type->message, R"(expected string "1", got number 1)");
  EXPECT_FALSE(CompareJson(Json::parse("1.0"), Json::parse("1")).has_value());
}

TEST(JsonCompare, KeyOrderOnlyWhenAsked) {
  Json a = Json::parse(R"({"x":{"a":1,"b":2}})");
  Json b = Json::parse(R"({"x":{"b":2,"a":1}})");
  EXPECT_FALSE(CompareJson(a, b).has_value());
  auto difference = CompareJson(a, b, {.check_key_order = true});
  ASSERT_TRUE(difference.has_value());
  EXPECT_EQ(difference->path, "x");
  EXPECT_EQ(difference->message, "key order differs: expected [a, b], got [b, a]");
}

}  // namespace
}  // namespace dp::model
