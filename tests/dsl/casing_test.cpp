// drizzle-orm casing.ts word splitting (expected values taken from drizzle-orm 0.45.4).
#include <gtest/gtest.h>

#include "dsl/common/casing.h"

namespace dp::dsl {
namespace {

struct Case {
  const char* input;
  const char* snake;
  const char* camel;
};

constexpr Case kCases[] = {
    {"firstName", "first_name", "firstName"},
    {"HTTPStatus", "http_status", "httpStatus"},
    {"version2Field", "version2_field", "version2Field"},
    {"user_id", "user_id", "userId"},
    {"XMLHttpRequest", "xml_http_request", "xmlHttpRequest"},
    {"already_snake", "already_snake", "alreadySnake"},
    {"ABC", "abc", "abc"},
    {"aB", "a_b", "aB"},
    {"it's", "its", "its"},
    {"A1b2C3", "a_1b2_c_3", "a1b2C3"},
    {"__x__y", "x_y", "xY"},
    {"getHTTPResponseCode", "get_http_response_code", "getHTTPResponseCode"},
    {"DisplayName", "display_name", "displayName"},
    {"weird-key", "weird_key", "weirdKey"},
    {"Already_Mixed", "already_mixed", "alreadyMixed"},
    {"x", "x", "x"},
    {"", "", ""},
};

TEST(Casing, MatchesDrizzle) {
  for (const Case& c : kCases) {
    EXPECT_EQ(ToSnakeCase(c.input), c.snake) << c.input;
    EXPECT_EQ(ToCamelCase(c.input), c.camel) << c.input;
  }
}

TEST(Casing, ParseCasing) {
  EXPECT_EQ(ParseCasing("snake_case"), Casing::SnakeCase);
  EXPECT_EQ(ParseCasing("camelCase"), Casing::CamelCase);
  EXPECT_EQ(ParseCasing("kebab"), Casing::None);
}

TEST(Casing, CacheConvertsOnlyKeyNames) {
  CasingCache cache(Casing::SnakeCase);
  EXPECT_EQ(cache.Convert("createdAt"), "created_at");
  CasingCache none;
  EXPECT_EQ(none.Convert("createdAt"), "createdAt");
}

}  // namespace
}  // namespace dp::dsl
