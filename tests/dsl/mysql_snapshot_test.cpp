// mysql-core API and snapshot behaviour beyond the golden files: schemas, drizzle-kit's
// refusals and builder misuse as diagnostics.
#include <gtest/gtest.h>

#include "lite_test_util.h"

namespace dp::dsl::testing {
namespace {

constexpr const char* kImports =
    "import { sql, is, getTableName } from 'drizzle-orm';\n"
    "import { mysqlTable, mysqlSchema, mysqlView, int, bigint, varchar, index, uniqueIndex, unique, foreignKey, "
    "MySqlTable, MySqlSchema, isMySqlSchema } from 'drizzle-orm/mysql-core';\n";

LiteResult Build(const std::string& body) { return BuildMysql(std::string(kImports) + body); }

TEST(MysqlSnapshot, ColumnPrimaryKeyBecomesCompositeEntry) {
  LiteResult r = Build("export const t = mysqlTable('t', { id: int('id').primaryKey() });");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  EXPECT_EQ(r.json["tables"]["t"]["columns"]["id"]["primaryKey"], false);
  EXPECT_EQ(r.json["tables"]["t"]["compositePrimaryKeys"]["t_id"]["columns"][0], "id");
  EXPECT_EQ(r.json["internal"], nlohmann::ordered_json::parse(R"({"tables":{},"indexes":{}})"));
}

TEST(MysqlSnapshot, SchemaTablesAreLeftOut) {
  LiteResult r = Build(
      "const s = mysqlSchema('other');\n"
      "export const inOther = s.table('in_other', { id: int('id') });\n"
      "export const main = mysqlTable('main', { id: int('id'), o: int('o').references(() => inOther.id) });\n"
      "export const flags = mysqlTable(`${is(inOther, MySqlTable)}_${isMySqlSchema(s)}_${is(s, MySqlSchema)}_${getTableName(inOther)}`, { id: int() });");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  EXPECT_FALSE(r.json["tables"].contains("in_other"));
  EXPECT_EQ(r.json["tables"]["main"]["foreignKeys"]["main_o_in_other_id_fk"]["tableTo"], "in_other");
  EXPECT_TRUE(r.json["tables"].contains("true_true_true_in_other")) << r.json["tables"].dump();
}

TEST(MysqlSnapshot, UniqueIndexNamedLikeUniqueConstraintIsRefused) {
  LiteResult r = Build(
      "export const t = mysqlTable('t', { a: int('a').unique('dup'), b: int('b') }, (t) => [uniqueIndex('dup').on(t.b)]);");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("The unique index dup"), std::string::npos) << r.diagnostics;
}

TEST(MysqlSnapshot, IndexNamedLikeForeignKeyIsRefused) {
  LiteResult r = Build(
      "export const p = mysqlTable('p', { id: int('id') });\n"
      "export const t = mysqlTable('t', { a: int('a') }, (t) => [\n"
      "  foreignKey({ name: 'same', columns: [t.a], foreignColumns: [p.id] }), index('same').on(t.a)]);");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("In MySQL, when creating a foreign key"), std::string::npos) << r.diagnostics;
}

TEST(MysqlSnapshot, BigintNeedsAConfig) {
  LiteResult r = Build("export const t = mysqlTable('t', { a: bigint('a') });");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("bigint() requires a config object"), std::string::npos) << r.diagnostics;
}

TEST(MysqlSnapshot, VarcharNeedsAConfig) {
  LiteResult r = Build("export const t = mysqlTable('t', { a: varchar('a') });");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("varchar() requires a config object"), std::string::npos) << r.diagnostics;
}

TEST(MysqlSnapshot, EmptyEnumIsAnError) {
  LiteResult r = BuildMysql(
      "import { mysqlTable, mysqlEnum } from 'drizzle-orm/mysql-core';\n"
      "export const t = mysqlTable('t', { e: mysqlEnum('e', []) });");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("You have an empty array for \"e\" enum values"), std::string::npos) << r.diagnostics;
}

TEST(MysqlSnapshot, ViewOptionDefaults) {
  LiteResult r = Build(
      "export const t = mysqlTable('t', { id: int('id') });\n"
      "export const v = mysqlView('v').as((qb) => qb.select().from(t));");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  const auto& v = r.json["views"]["v"];
  EXPECT_EQ(v["definition"], "select `id` from `t`");
  EXPECT_EQ(v["algorithm"], "undefined");
  EXPECT_EQ(v["sqlSecurity"], "definer");
  EXPECT_FALSE(v.contains("withCheckOption"));
}

}  // namespace
}  // namespace dp::dsl::testing
