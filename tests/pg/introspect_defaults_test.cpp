// Column defaults read back the way drizzle-kit's fromDatabase reads them (no database).
#include <gtest/gtest.h>

#include "introspect/pg/builders.h"
#include "introspect/pg/defaults.h"

namespace dp::introspect::pg {
namespace {

using Json = nlohmann::ordered_json;

Json Default(std::string_view expression, std::string_view type, bool is_array = false) {
  return ReadColumnDefault({expression, type, is_array});
}

TEST(PgIntrospectDefaults, TrailingCast) {
  EXPECT_EQ(StripTrailingCast("'a'::text"), "'a'");
  EXPECT_EQ(StripTrailingCast("'x'::character varying"), "'x'");
  EXPECT_EQ(StripTrailingCast("'sad'::app.\"Mood\""), "'sad'");
  EXPECT_EQ(StripTrailingCast("'a::b'::text"), "'a::b'") << "drizzle-kit cuts inside the literal";
  EXPECT_EQ(StripTrailingCast("('now'::text)::date"), "('now'::text)");
  EXPECT_EQ(StripTrailingCast("nextval('s'::regclass)"), "nextval('s'::regclass)");
  EXPECT_EQ(StripTrailingCast("(now() + '1 day'::interval)"), "(now() + '1 day'::interval)");
  EXPECT_EQ(StripTrailingCast("'it''s'::text"), "'it''s'");
  EXPECT_EQ(StripTrailingCast("now()"), "now()");
}

TEST(PgIntrospectDefaults, Scalars) {
  EXPECT_EQ(Default("5", "integer"), Json(5));
  EXPECT_EQ(Default("1.5", "real"), Json(1.5));
  EXPECT_EQ(Default("'-1'::integer", "integer"), Json("'-1'"));
  EXPECT_EQ(Default("'9007199254740993'::bigint", "bigint"), Json("'9007199254740993'"));
  EXPECT_EQ(Default("10.5", "numeric(10,2)"), Json("'10.5'"));
  EXPECT_EQ(Default("'10.5'::numeric", "numeric"), Json("'10.5'"));
  EXPECT_EQ(Default("true", "boolean"), Json(true));
  EXPECT_EQ(Default("false", "boolean"), Json(false));
  EXPECT_EQ(Default("(1 = 1)", "boolean"), Json("(1 = 1)")) << "drizzle-kit reads false here";
  EXPECT_EQ(Default("'{\"a\": 1, \"b\": [1, 2]}'::jsonb", "jsonb"), Json("'{\"a\":1,\"b\":[1,2]}'::jsonb"));
  EXPECT_EQ(Default("'not json'::json", "json"), Json("'not json'"));
  EXPECT_EQ(Default("NULL::text", "text"), Json("NULL"));
  EXPECT_EQ(Default("'a\\b'::text", "text"), Json("'a\\b'"));
  EXPECT_EQ(Default("CURRENT_TIMESTAMP", "timestamp with time zone"), Json("CURRENT_TIMESTAMP"));
}

TEST(PgIntrospectDefaults, Arrays) {
  EXPECT_EQ(Default("'{}'::text[]", "text[]", true), Json("'{}'"));
  EXPECT_EQ(Default("'{1,2}'::integer[]", "integer[]", true), Json("'{1,2}'"));
  EXPECT_EQ(Default("'{{1,2},{3,4}}'::integer[]", "integer[]", true), Json("'{{1,2},{3,4}}'"));
  EXPECT_EQ(Default("'{{a},{b}}'::text[]", "text[]", true), Json("'{{\"a\"},{\"b\"}}'"));
  EXPECT_EQ(Default("'{\"a b\",c}'::text[]", "text[]", true), Json("'{\"a b\",\"c\"}'"));
  EXPECT_EQ(Default("'{t,f}'::boolean[]", "boolean[]", true), Json("'{true,false}'"));
  EXPECT_EQ(Default("'{sad,ok}'::mood[]", "mood[]", true), Json("'{\"sad\",\"ok\"}'"));
  EXPECT_EQ(Default("'{\"2024-01-01 00:00:00\"}'::timestamp without time zone[]",
                    "timestamp without time zone[]", true),
            Json("'{\"2024-01-01 00:00:00\"}'"));
  EXPECT_EQ(Default("'{\"{\\\"a\\\": 1}\"}'::jsonb[]", "jsonb[]", true), Json("'{\"{\\\"a\\\":1}\"}'"));
  EXPECT_EQ(Default("ARRAY[1, 2]", "integer[]", true), Json("ARRAY[1, 2]"));
}

TEST(PgIntrospectDefaults, CheckAndViewText) {
  EXPECT_EQ(CheckValue("CHECK ((a > 0))"), "a > 0");
  EXPECT_EQ(CheckValue("CHECK (((a > 0) AND (b < 10)))"), "(a > 0) AND (b < 10)");
  EXPECT_EQ(CheckValue("CHECK (f(x))"), "f(x)");
  EXPECT_EQ(CheckValue("CHECK ((a > 0)) NOT VALID"), "a > 0");
  EXPECT_EQ(ViewDefinition(" SELECT t.id,\n    t.name\n   FROM t;"), "SELECT t.id, t.name FROM t");
}

}  // namespace
}  // namespace dp::introspect::pg
