// Unit tests of the PostgreSQL diff's building blocks: canonical SQL comparison, the
// difflib-compatible enum value diff, normalization of introspected shapes, resolver
// question order, and export (GenerateCreateAll).
#include <gtest/gtest.h>

#include "diff/pg/diff.h"
#include "diff/pg/normalize.h"
#include "diff/pg/sequence_matcher.h"
#include "diff/pg/sql_text.h"
#include "diff_test_support.h"
#include "sqlgen/pg/generate.h"

namespace dp::pgtest {
namespace {

using diff::pg::SameSql;

TEST(PgSqlText, DeparsedChecksEqualWrittenOnes) {
  EXPECT_TRUE(SameSql("\"products\".\"price\" > 0", "(price > 0)"));
  EXPECT_TRUE(SameSql("\"products\".\"discount\" <= \"products\".\"price\"", "(discount <= price)"));
  EXPECT_TRUE(SameSql("\"t\".\"sku\" ~ '^[A-Z]{3}$'", "((sku)::text ~ '^[A-Z]{3}$'::text)"));
  EXPECT_TRUE(SameSql("status in ('a', 'b')", "(status = ANY (ARRAY['a'::text, 'b'::text]))"));
  EXPECT_TRUE(SameSql("name like 'x%'", "((name)::text ~~ 'x%'::text)"));
  EXPECT_TRUE(SameSql("n != 1", "(n <> 1)"));
  EXPECT_TRUE(SameSql("n > -1", "(n > '-1'::integer)"));
  EXPECT_TRUE(SameSql("lower(\"email\")", "lower(email)"));
  EXPECT_TRUE(SameSql("select \"id\" from \"users\" where \"users\".\"active\" = true",
                      " SELECT users.id FROM users WHERE users.active = true;"));
}

TEST(PgSqlText, RealChangesDiffer) {
  EXPECT_FALSE(SameSql("price > 0", "price > 1"));
  EXPECT_FALSE(SameSql("\"Name\" = 'a'", "name = 'a'"));
  EXPECT_FALSE(SameSql("name = 'A'", "name = 'a'"));
  EXPECT_FALSE(SameSql("a >= b", "a > b"));
}

TEST(PgEnumValues, AddedValuesGoBeforeTheNextUnchangedOne) {
  auto diff = diff::pg::DiffEnumValues({"a", "b"}, {"z", "a", "x", "b", "y"});
  ASSERT_EQ(diff.added.size(), 3u);
  EXPECT_EQ(diff.added[0].value, "z");
  EXPECT_EQ(diff.added[0].before, "a");
  EXPECT_EQ(diff.added[1].value, "x");
  EXPECT_EQ(diff.added[1].before, "b");
  EXPECT_EQ(diff.added[2].value, "y");
  EXPECT_EQ(diff.added[2].before, "");
  EXPECT_TRUE(diff.removed.empty());
}

TEST(PgEnumValues, ReorderRemovesValues) {
  auto diff = diff::pg::DiffEnumValues({"low", "medium", "high"}, {"high", "medium", "low"});
  EXPECT_FALSE(diff.removed.empty());
}

TEST(PgNormalize, IntrospectedShapesMatchGenerated) {
  auto introspected = ReadCompactSnapshot(R"js({
    "tables": {"public.t": {"schema": "public", "columns": {
      "name": {"type": "character varying(20)", "default": "'x'::character varying"},
      "n": {"type": "numeric(10,2)"},
      "m": {"type": "s.mood[]", "typeSchema": "s"},
      "id": {"type": "integer", "notNull": true, "identity": {"type": "always", "name": "app.t_id_seq", "schema": "",
             "increment": "1", "minValue": "1", "maxValue": "2147483647", "startWith": "1"}}},
      "indexes": {"i": {"columns": [{"expression": "n", "opclass": "numeric_ops"}], "with": {"fillfactor": "50"}}},
      "foreignKeys": {"f": {"tableTo": "u", "columnsFrom": ["n"], "columnsTo": ["id"], "onDelete": "CASCADE", "onUpdate": "NO ACTION"}}}}})js");
  ASSERT_TRUE(introspected.has_value()) << introspected.error().message;
  diff::pg::Normalize(*introspected);
  const auto& table = *introspected->tables.Get("public.t");
  EXPECT_EQ(table.schema, "");
  EXPECT_EQ(table.columns.Get("name")->type, "varchar(20)");
  EXPECT_EQ(*table.columns.Get("name")->default_value, "'x'");
  EXPECT_EQ(table.columns.Get("n")->type, "numeric(10, 2)");
  EXPECT_EQ(table.columns.Get("m")->type, "mood[]");
  EXPECT_EQ(table.columns.Get("id")->identity->name, "t_id_seq");
  EXPECT_EQ(table.columns.Get("id")->identity->schema, "public");
  EXPECT_EQ(table.columns.Get("id")->identity->cache, "1");
  EXPECT_EQ(*table.foreign_keys.Get("f")->on_delete, "cascade");
  EXPECT_EQ(*table.foreign_keys.Get("f")->schema_to, "public");
}

TEST(PgNormalize, DefaultOpclassAndWithStringsAreNotChanges) {
  auto current = ReadCompactSnapshot(R"js({"tables": {"public.t": {"columns": {"n": {"type": "integer"}},
    "indexes": {"i": {"columns": [{"expression": "n", "opclass": "int4_ops"}], "with": {"fillfactor": "50"}}}}}})js");
  auto desired = ReadCompactSnapshot(R"js({"tables": {"public.t": {"columns": {"n": {"type": "integer"}},
    "indexes": {"i": {"columns": ["n"], "with": {"fillfactor": 50}}}}}})js");
  ASSERT_TRUE(current && desired);
  diff::CreateAllResolver resolver;
  auto plan = diff::pg::Diff(*current, *desired, resolver);
  ASSERT_TRUE(plan.has_value());
  EXPECT_TRUE(plan->changes.empty()) << DumpPlan(*plan);
}

TEST(PgResolver, AsksInDrizzleKitOrderOnlyWhenBothSidesExist) {
  auto current = ReadCompactSnapshot(R"js({"schemas": {"a": "a"}, "enums": {"public.e1": {"values": ["x"]}},
    "tables": {"public.t1": {"columns": {"c1": {"type": "text"}}}, "public.keep": {"columns": {"old": {"type": "text"}}}},
    "roles": {"r1": {}}})js");
  auto desired = ReadCompactSnapshot(R"js({"schemas": {"b": "b"}, "enums": {"public.e2": {"values": ["x"]}},
    "tables": {"public.t2": {"columns": {"c1": {"type": "text"}}}, "public.keep": {"columns": {"new": {"type": "text"}}}},
    "roles": {"r2": {}}})js");
  ASSERT_TRUE(current && desired);
  HintResolver resolver(nlohmann::json::parse(
      R"js([{"type":"rename","kind":"table","from":["public","t1"],"to":["public","t2"]}])js"));
  auto plan = diff::pg::Diff(*current, *desired, resolver);
  ASSERT_TRUE(plan.has_value());
  std::vector<std::string> expected = {"schema: a -> b", "enum: public.e1 -> public.e2", "role: r1 -> r2",
                                       "table: public.t1 -> public.t2", "column: public.keep.old -> public.keep.new"};
  EXPECT_EQ(resolver.questions(), expected);
}

TEST(PgExport, CreateAllMatchesDrizzleKitExport) {
  auto snapshot = ReadCompactSnapshot(R"js({"schemas": {"s": "s"}, "enums": {"s.mood": {"values": ["a", "b"]}},
    "tables": {"s.t": {"columns": {"id": {"type": "serial", "primaryKey": true, "notNull": true},
                                   "m": {"type": "mood", "typeSchema": "s", "default": "'a'"}},
      "indexes": {"t_m_idx": {"columns": ["m"]}},
      "policies": {"p": {"as": "PERMISSIVE", "for": "SELECT", "to": ["public"], "using": "true"}}}}})js");
  ASSERT_TRUE(snapshot.has_value()) << snapshot.error().message;
  std::vector<sqlgen::Statement> statements = sqlgen::pg::GenerateCreateAll(*snapshot);
  EXPECT_EQ(JoinStatements(statements),
            "CREATE SCHEMA \"s\";\n"
            "--> statement-breakpoint\n"
            "CREATE TYPE \"s\".\"mood\" AS ENUM('a', 'b');\n"
            "--> statement-breakpoint\n"
            "CREATE TABLE \"s\".\"t\" (\n\t\"id\" serial PRIMARY KEY NOT NULL,\n\t\"m\" \"s\".\"mood\" DEFAULT 'a'\n);\n"
            "--> statement-breakpoint\n"
            "ALTER TABLE \"s\".\"t\" ENABLE ROW LEVEL SECURITY;\n"
            "--> statement-breakpoint\n"
            "CREATE INDEX \"t_m_idx\" ON \"s\".\"t\" USING btree (\"m\");\n"
            "--> statement-breakpoint\n"
            "CREATE POLICY \"p\" ON \"s\".\"t\" AS PERMISSIVE FOR SELECT TO public USING (true);\n");
}

}  // namespace
}  // namespace dp::pgtest
