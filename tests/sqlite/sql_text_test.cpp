// The SQL-text helpers introspection and diff share (model/sqlite/sql_text.h): tokens,
// unquoting, drizzle-kit's type names, numeric default text; and the diff's comparison
// forms built on them (diff/sqlite/normalize.h).
#include "model/sqlite/sql_text.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "diff/sqlite/normalize.h"

namespace dp::sqlite_test {
namespace {

namespace ms = model::sqlite;

std::vector<std::string> Texts(std::string_view sql) {
  std::vector<std::string> texts;
  for (const ms::SqlToken& token : ms::TokenizeSql(sql)) texts.emplace_back(ms::TokenText(sql, token));
  return texts;
}

TEST(SqliteSqlText, TokenizesStringsNamesCommentsAndDepth) {
  std::string_view sql = "a.\"b c\" -- x )\n/* ( */ ('it''s', [d])";
  EXPECT_EQ(Texts(sql), (std::vector<std::string>{"a", ".", "\"b c\"", "(", "'it''s'", ",", "[d]", ")"}));
  std::vector<ms::SqlToken> tokens = ms::TokenizeSql(sql);
  EXPECT_EQ(tokens[2].kind, ms::SqlTokenKind::kQuotedName);
  EXPECT_EQ(tokens[4].kind, ms::SqlTokenKind::kString);
  EXPECT_EQ(tokens[4].depth, 1);
  EXPECT_EQ(tokens[7].depth, 1);
  EXPECT_EQ(Texts("x 'open"), (std::vector<std::string>{"x", "'open"}));
}

TEST(SqliteSqlText, UnquotesLikeSqlite) {
  EXPECT_EQ(ms::UnquoteIdentifier("\"a\"\"b\""), "a\"b");
  EXPECT_EQ(ms::UnquoteIdentifier("[x y]"), "x y");
  EXPECT_EQ(ms::UnquoteIdentifier("'it''s'"), "it's");
  EXPECT_EQ(ms::UnquoteIdentifier("'open"), "open");
  EXPECT_EQ(ms::UnquoteIdentifier("plain"), "plain");
}

TEST(SqliteSqlText, TypeNamesLikeDrizzleKit) {
  EXPECT_EQ(ms::TypeAffinityName("BIGINT"), "integer");
  EXPECT_EQ(ms::TypeAffinityName("int8"), "integer");
  EXPECT_EQ(ms::TypeAffinityName("varchar(255)"), "text(255)");
  EXPECT_EQ(ms::TypeAffinityName("VARCHAR (8)"), "text(8)");
  EXPECT_EQ(ms::TypeAffinityName("double precision"), "real");
  EXPECT_EQ(ms::TypeAffinityName("BLOB"), "blob");
  EXPECT_EQ(ms::TypeAffinityName("decimal(10,2)"), "numeric");
  EXPECT_EQ(ms::TypeAffinityName(""), "numeric");
}

TEST(SqliteSqlText, NumericLiterals) {
  EXPECT_EQ(ms::NumericLiteral("42"), 42.0);
  EXPECT_EQ(ms::NumericLiteral("-1.5e3"), -1500.0);
  EXPECT_FALSE(ms::NumericLiteral("1.2.3"));
  EXPECT_FALSE(ms::NumericLiteral("0x10"));
  EXPECT_FALSE(ms::NumericLiteral(""));
}

TEST(SqliteNormalize, ComparisonFormsIgnoreQuotingCaseAndParens) {
  namespace ds = diff::sqlite;
  EXPECT_EQ(ds::CanonicalExpression("(\"T\".c = 'A''b' /* x */);"), "t . c = 'A'b'");
  EXPECT_EQ(ds::CanonicalExpression("((a))"), ds::CanonicalExpression("`A`"));
  EXPECT_EQ(ds::CanonicalDefault(nlohmann::ordered_json("(42)")), "n:42");
  EXPECT_EQ(ds::CanonicalDefault(nlohmann::ordered_json(42)), "n:42");
  EXPECT_EQ(ds::CanonicalDefault(nlohmann::ordered_json("'42'")), "s:'42'");
  EXPECT_EQ(ds::CanonicalDefault(nlohmann::ordered_json("(CURRENT_TIMESTAMP)")), "e:current_timestamp");
  EXPECT_FALSE(ds::CanonicalDefault(nlohmann::ordered_json("(NULL)")));
}

}  // namespace
}  // namespace dp::sqlite_test
