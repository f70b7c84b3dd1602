// Unit tests of the pg dsl: column types, naming rules, defaults, sql rendering and the
// error cases, each checked against what drizzle-kit 0.31.11 writes.
#include <gtest/gtest.h>

#include "tests/dsl/pg_test_util.h"

namespace dp::dsl {
namespace {

using testing::BuildPg;
using Json = nlohmann::ordered_json;

const char* kImports =
    "import { pgTable, pgSchema, pgEnum, pgView, integer, text, varchar, serial, timestamp, jsonb, uuid, "
    "index, uniqueIndex, unique, primaryKey, foreignKey, check, vector } from 'drizzle-orm/pg-core';\n"
    "import { sql, eq, and } from 'drizzle-orm';\n";

Json Table(const testing::PgResult& r, const std::string& key) { return r.json["tables"][key]; }

TEST(PgDsl, ColumnTypesAndFlags) {
  auto r = BuildPg(std::string(kImports) +
                   "export const t = pgTable('t', { id: serial().primaryKey(), name: varchar({ length: 20 }).notNull(),"
                   " at: timestamp({ precision: 3, withTimezone: true }), tags: text().array() });");
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  Json cols = Table(r, "public.t")["columns"];
  EXPECT_EQ(cols["id"]["type"], "serial");
  EXPECT_EQ(cols["id"]["primaryKey"], true);
  EXPECT_EQ(cols["id"]["notNull"], true);
  EXPECT_EQ(cols["name"]["type"], "varchar(20)");
  EXPECT_EQ(cols["name"]["notNull"], true);
  EXPECT_EQ(cols["at"]["type"], "timestamp (3) with time zone");
  EXPECT_EQ(cols["tags"]["type"], "text[]");
}

TEST(PgDsl, OnlyExportedValuesCount) {
  auto r = BuildPg(std::string(kImports) + "const hidden = pgTable('hidden', { id: integer() });\n"
                                           "export const shown = pgTable('shown', { id: integer() });");
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  EXPECT_EQ(r.json["tables"].size(), 1u);
  EXPECT_TRUE(r.json["tables"].contains("public.shown"));
}

TEST(PgDsl, ExportsAreTakenInNameOrder) {
  auto r = BuildPg(std::string(kImports) + "export const zeta = pgTable('zeta', { id: integer() });\n"
                                           "export const alpha = pgTable('alpha', { id: integer() });");
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  auto it = r.json["tables"].begin();
  EXPECT_EQ(it.key(), "public.alpha");
}

TEST(PgDsl, GeneratedNames) {
  auto r = BuildPg(std::string(kImports) +
                   "export const a = pgTable('a', { id: integer().primaryKey(), code: text().unique() });\n"
                   "export const b = pgTable('b', { x: integer().references(() => a.id), y: integer(), z: text() },"
                   " (t) => [primaryKey({ columns: [t.x, t.y] }), unique().on(t.y, t.z), index().on(t.z, t.y)]);");
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  EXPECT_TRUE(Table(r, "public.a")["uniqueConstraints"].contains("a_code_unique"));
  Json b = Table(r, "public.b");
  EXPECT_TRUE(b["foreignKeys"].contains("b_x_a_id_fk"));
  EXPECT_EQ(b["foreignKeys"]["b_x_a_id_fk"]["onDelete"], "no action");
  EXPECT_TRUE(b["compositePrimaryKeys"].contains("b_x_y_pk"));
  EXPECT_TRUE(b["uniqueConstraints"].contains("b_y_z_unique"));
  EXPECT_TRUE(b["indexes"].contains("b_z_y_index"));
}

TEST(PgDsl, SnakeCaseKeepsRawNamesInGeneratedUniqueNames) {
  PgSnapshotOptions options;
  options.casing = Casing::SnakeCase;
  auto r = BuildPg(std::string(kImports) +
                   "export const u = pgTable('u', { firstName: text(), lastName: text() },"
                   " (t) => [unique().on(t.firstName, t.lastName), primaryKey({ columns: [t.firstName] })]);",
                   options);
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  Json u = Table(r, "public.u");
  EXPECT_TRUE(u["columns"].contains("first_name"));
  EXPECT_TRUE(u["uniqueConstraints"].contains("u_firstName_lastName_unique"));
  EXPECT_TRUE(u["compositePrimaryKeys"].contains("u_first_name_pk"));
}

TEST(PgDsl, Defaults) {
  auto r = BuildPg(std::string(kImports) +
                   "export const d = pgTable('d', { s: text().default(\"it's\"), n: integer().default(5),"
                   " j: jsonb().default({ a: 1 }), u: uuid().defaultRandom(), at: timestamp().defaultNow(),"
                   " arr: integer().array().default([1, 2]) });");
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  Json cols = Table(r, "public.d")["columns"];
  EXPECT_EQ(cols["s"]["default"], "'it''s'");
  EXPECT_EQ(cols["n"]["default"], 5);
  EXPECT_EQ(cols["j"]["default"], "'{\"a\":1}'::jsonb");
  EXPECT_EQ(cols["u"]["default"], "gen_random_uuid()");
  EXPECT_EQ(cols["at"]["default"], "now()");
  EXPECT_EQ(cols["arr"]["default"], "'{1,2}'");
}

TEST(PgDsl, SqlRenderingInChecksAndIndexes) {
  auto r = BuildPg(std::string(kImports) +
                   "export const t = pgTable('t', { a: integer(), b: text() }, (t) => [\n"
                   "  check('a_pos', sql`${t.a} > 0`),\n"
                   "  index('t_expr').on(sql`lower(${t.b})`).where(and(eq(t.a, 1), sql`${t.b} is not null`)),\n"
                   "]);");
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  Json t = Table(r, "public.t");
  EXPECT_EQ(t["checkConstraints"]["a_pos"]["value"], "\"t\".\"a\" > 0");
  EXPECT_EQ(t["indexes"]["t_expr"]["columns"][0]["expression"], "lower(\"b\")");
  EXPECT_EQ(t["indexes"]["t_expr"]["where"], "(\"t\".\"a\" = $1 and \"t\".\"b\" is not null)");
}

TEST(PgDsl, EnumsAndSchemas) {
  auto r = BuildPg(std::string(kImports) +
                   "export const s = pgSchema('s');\n"
                   "export const e = s.enum('e', ['x', 'y']);\n"
                   "export const t = s.table('t', { v: e().array() });");
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  EXPECT_EQ(r.json["schemas"]["s"], "s");
  EXPECT_EQ(r.json["enums"]["s.e"]["values"], Json::array({"x", "y"}));
  Json col = Table(r, "s.t")["columns"]["v"];
  EXPECT_EQ(col["type"], "e[]");
  EXPECT_EQ(col["typeSchema"], "s");
}

TEST(PgDsl, QueryBuilderView) {
  auto r = BuildPg(std::string(kImports) +
                   "export const users = pgTable('users', { id: integer(), name: text() });\n"
                   "export const v = pgView('v').as((qb) => qb.select({ id: users.id }).from(users)"
                   ".where(eq(users.name, \"o'k\")));");
  ASSERT_TRUE(r.ok()) << r.diagnostics;
  Json v = r.json["views"]["public.v"];
  EXPECT_EQ(v["definition"], "select \"id\" from \"users\" where \"users\".\"name\" = 'o''k'");
  EXPECT_TRUE(v["columns"].contains("id"));
}

TEST(PgDslErrors, DuplicateIndexName) {
  auto r = BuildPg(std::string(kImports) +
                   "export const a = pgTable('a', { x: integer() }, (t) => [index('dup').on(t.x)]);\n"
                   "export const b = pgTable('b', { x: integer() }, (t) => [index('dup').on(t.x)]);");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.diagnostics.find("duplicated index name across public schema"), std::string::npos) << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("schema.ts:4:"), std::string::npos) << r.diagnostics;
}

TEST(PgDslErrors, ExpressionIndexNeedsName) {
  auto r = BuildPg(std::string(kImports) +
                   "export const a = pgTable('a', { x: text() }, (t) => [index().on(sql`lower(${t.x})`)]);");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.diagnostics.find("Please specify an index name in a table that has \"lower(\"a\".\"x\")\" expression"),
            std::string::npos)
      << r.diagnostics;
}

TEST(PgDslErrors, SqlDefaultWithParam) {
  auto r = BuildPg(std::string(kImports) + "export const a = pgTable('a', { x: text().default(sql`${'v'}`) });");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.diagnostics.find("we don't support params for `sql` default values"), std::string::npos)
      << r.diagnostics;
}

TEST(PgDslErrors, VectorIndexWithoutOpclass) {
  auto r = BuildPg(std::string(kImports) +
                   "export const a = pgTable('a', { v: vector({ dimensions: 3 }) },"
                   " (t) => [index('a_v').using('hnsw', t.v)]);");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.diagnostics.find("without specifying an operator class"), std::string::npos) << r.diagnostics;
}

TEST(PgDslErrors, NotABuilder) {
  auto r = BuildPg(std::string(kImports) + "export const a = pgTable('a', { x: 5 });");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.diagnostics.find("column \"x\" of table \"a\" is not a pg column builder"), std::string::npos)
      << r.diagnostics;
}

TEST(PgDslErrors, OpaqueDefault) {
  auto r = BuildPg(std::string(kImports) +
                   "import { nanoid } from 'nanoid';\n"
                   "export const a = pgTable('a', { x: text().default(nanoid()) });");
  EXPECT_FALSE(r.ok());
  EXPECT_NE(r.diagnostics.find("nanoid"), std::string::npos) << r.diagnostics;
}

TEST(PgDslErrors, RuntimeDefaultFromPackageIsFine) {
  auto r = BuildPg(std::string(kImports) +
                   "import { createId } from '@paralleldrive/cuid2';\n"
                   "export const a = pgTable('a', { x: text().$defaultFn(() => createId()) });");
  EXPECT_TRUE(r.ok()) << r.diagnostics;
}

}  // namespace
}  // namespace dp::dsl
