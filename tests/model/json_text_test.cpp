// JsStringify / JsNumberToString match JavaScript's JSON.stringify and String(number).
#include "model/json_text.h"

#include <gtest/gtest.h>

namespace dp::model {
namespace {

using Json = nlohmann::ordered_json;

TEST(JsNumber, FormatsLikeJavaScript) {
  EXPECT_EQ(JsNumberToString(0), "0");
  EXPECT_EQ(JsNumberToString(-0.0), "0");
  EXPECT_EQ(JsNumberToString(5), "5");
  EXPECT_EQ(JsNumberToString(-42), "-42");
  EXPECT_EQ(JsNumberToString(0.1), "0.1");
  EXPECT_EQ(JsNumberToString(1.5), "1.5");
  EXPECT_EQ(JsNumberToString(3.14159), "3.14159");
  EXPECT_EQ(JsNumberToString(123456789.125), "123456789.125");
  EXPECT_EQ(JsNumberToString(1e21), "1e+21");
  EXPECT_EQ(JsNumberToString(1e20), "100000000000000000000");
  EXPECT_EQ(JsNumberToString(1.5e-7), "1.5e-7");
  EXPECT_EQ(JsNumberToString(0.000001), "0.000001");
  EXPECT_EQ(JsNumberToString(1.7976931348623157e308), "1.7976931348623157e+308");
  EXPECT_EQ(JsNumberToString(0.1 + 0.2), "0.30000000000000004");
}

TEST(JsNumber, IntegralValuesBecomeIntegers) {
  EXPECT_TRUE(JsNumber(70.0).is_number_integer());
  EXPECT_TRUE(JsNumber(0.5).is_number_float());
  EXPECT_EQ(JsStringify(JsNumber(70.0)), "70");
}

TEST(JsStringify, CompactAndIndented) {
  Json value = Json::object();
  value["b"] = 1;
  value["a"] = Json::array({true, nullptr, "x"});
  value["e"] = Json::object();
  value["f"] = Json::array();
  EXPECT_EQ(JsStringify(value), R"({"b":1,"a":[true,null,"x"],"e":{},"f":[]})");
  EXPECT_EQ(
      JsStringify(value, 2),
      "{\n  \"b\": 1,\n  \"a\": [\n    true,\n    null,\n    \"x\"\n  ],\n  \"e\": {},\n  \"f\": []\n}");
}

TEST(JsStringify, EscapesStrings) {
  EXPECT_EQ(JsStringify(Json("a\"b\\c\n\t\x01/é")), R"("a\"b\\c\n\t\u0001/é")");
  EXPECT_EQ(JsStringify(Json(1.25)), "1.25");
}

}  // namespace
}  // namespace dp::model
