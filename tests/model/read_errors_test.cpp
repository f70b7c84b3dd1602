// Snapshot readers: zod defaults for missing keys, clear errors with JSON paths for
// wrong types / unknown / missing keys, order-insensitive equality, default output.
#include <gtest/gtest.h>

#include "model/mysql/json.h"
#include "model/pg/json.h"
#include "model/sqlite/json.h"

namespace dp::model {
namespace {

constexpr const char* kMinimalPg = R"({
  "version": "7", "dialect": "postgresql",
  "tables": {"public.users": {"name": "users", "schema": "", "columns": {
      "id": {"name": "id", "type": "serial", "primaryKey": true, "notNull": true}},
    "indexes": {"users_idx": {"name": "users_idx", "isUnique": false,
      "columns": [{"expression": "id", "isExpression": false, "asc": true, "nulls": "last"}]}},
    "foreignKeys": {}, "compositePrimaryKeys": {}}},
  "enums": {}, "schemas": {},
  "_meta": {"schemas": {}, "tables": {}, "columns": {}}
})";

TEST(PgRead, FillsZodDefaults) {
  auto snapshot = pg::FromJsonText(kMinimalPg);
  ASSERT_TRUE(snapshot) << snapshot.error().message;
  EXPECT_FALSE(snapshot->id.has_value());
  EXPECT_TRUE(snapshot->views.empty());
  EXPECT_TRUE(snapshot->roles.empty());
  const pg::Table* users = snapshot->tables.Get("public.users");
  ASSERT_NE(users, nullptr);
  EXPECT_FALSE(users->is_rls_enabled);
  EXPECT_TRUE(users->policies.empty());
  const pg::Index* index = users->indexes.Get("users_idx");
  ASSERT_NE(index, nullptr);
  EXPECT_EQ(index->method, "btree");
  EXPECT_FALSE(index->concurrently);
  EXPECT_FALSE(index->with.has_value());
  EXPECT_TRUE(users->columns.Get("id")->not_null);
  EXPECT_FALSE(users->columns.Get("id")->default_value.has_value());
}

void ExpectError(const base::Result<pg::Snapshot>& result, const std::string& message) {
  ASSERT_FALSE(result.has_value());
  EXPECT_EQ(result.error().message, message);
}

std::string Replace(std::string text, const std::string& from, const std::string& to) {
  auto pos = text.find(from);
  EXPECT_NE(pos, std::string::npos) << from;
  if (pos != std::string::npos) text.replace(pos, from.size(), to);
  return text;
}

TEST(PgRead, WrongTypeNamesThePath) {
  ExpectError(
      pg::FromJsonText(Replace(kMinimalPg, R"("notNull": true)", R"("notNull": "yes")")),
      R"(postgresql snapshot: tables["public.users"].columns.id.notNull: expected boolean, got string)");
  ExpectError(
      pg::FromJsonText(Replace(kMinimalPg, R"("asc": true)", R"("asc": 1)")),
      R"(postgresql snapshot: tables["public.users"].indexes.users_idx.columns[0].asc: expected boolean, got number)");
}

TEST(PgRead, UnknownAndMissingKeys) {
  ExpectError(pg::FromJsonText(Replace(kMinimalPg, R"("notNull": true)", R"("notNull": true, "bogus": 1)")),
              R"(postgresql snapshot: tables["public.users"].columns.id.bogus: unknown key)");
  ExpectError(pg::FromJsonText(Replace(kMinimalPg, R"("type": "serial", )", "")),
              R"(postgresql snapshot: tables["public.users"].columns.id.type: missing required key)");
  ExpectError(pg::FromJsonText(Replace(kMinimalPg, R"("enums": {}, )", "")),
              "postgresql snapshot: enums: missing required key");
}

TEST(PgRead, VersionDialectAndSyntax) {
  ExpectError(pg::FromJsonText(Replace(kMinimalPg, R"("version": "7")", R"("version": "6")")),
              R"(postgresql snapshot: version: expected "7" (drizzle-kit postgresql snapshot v7), got "6")");
  ExpectError(pg::FromJsonText(Replace(kMinimalPg, R"("dialect": "postgresql")", R"("dialect": "pg")")),
              R"(postgresql snapshot: dialect: expected "postgresql", got "pg")");
  auto bad = pg::FromJsonText("{ nope");
  ASSERT_FALSE(bad.has_value());
  EXPECT_NE(bad.error().message.find("postgresql snapshot: "), std::string::npos);
  ExpectError(pg::FromJsonText("[]"), "postgresql snapshot: expected object, got array");
}

TEST(PgSnapshot, EqualityIgnoresEntityOrder) {
  pg::Snapshot a;
  pg::Table t1{.name = "a"};
  pg::Table t2{.name = "b"};
  t1.columns["x"] = pg::Column{.name = "x", .type = "integer"};
  t1.columns["y"] = pg::Column{.name = "y", .type = "text"};
  a.tables["public.a"] = t1;
  a.tables["public.b"] = t2;
  pg::Snapshot b;
  pg::Table t1_reordered{.name = "a"};
  t1_reordered.columns["y"] = pg::Column{.name = "y", .type = "text"};
  t1_reordered.columns["x"] = pg::Column{.name = "x", .type = "integer"};
  b.tables["public.b"] = t2;
  b.tables["public.a"] = t1_reordered;
  b.id = "some-id";
  EXPECT_NE(a, b);  // id differs
  EXPECT_TRUE(pg::SameSchema(a, b));
  b.id.reset();
  EXPECT_EQ(a, b);
  b.tables.Get("public.a")->columns.Get("x")->not_null = true;
  EXPECT_NE(a, b);
}

TEST(PgSnapshot, ViewWithKeepsKeyOrderButComparesValues) {
  pg::ViewWith a;
  a.security_barrier = true;
  a.check_option = "local";
  a.key_order = {"securityBarrier", "checkOption"};
  EXPECT_EQ(a.Entries().dump(), R"({"securityBarrier":true,"checkOption":"local"})");
  pg::ViewWith b = a;
  b.key_order.clear();
  EXPECT_EQ(b.Entries().dump(), R"({"checkOption":"local","securityBarrier":true})");
  EXPECT_EQ(a, b);
  b.fillfactor = 70;
  EXPECT_NE(a, b);
  EXPECT_EQ(b.Entries().dump(), R"({"checkOption":"local","securityBarrier":true,"fillfactor":70})");
}

TEST(PgSnapshot, DefaultSnapshotPrintsLikeGenerate) {
  EXPECT_EQ(
      pg::ToJsonText(pg::Snapshot{}),
      "{\n  \"version\": \"7\",\n  \"dialect\": \"postgresql\",\n  \"tables\": {},\n  \"enums\": {},\n"
      "  \"schemas\": {},\n  \"sequences\": {},\n  \"roles\": {},\n  \"policies\": {},\n  \"views\": {},\n"
      "  \"_meta\": {\n    \"columns\": {},\n    \"schemas\": {},\n    \"tables\": {}\n  }\n}");
}

TEST(SqliteSnapshot, DefaultSnapshotPrintsLikeGenerate) {
  EXPECT_EQ(sqlite::ToJsonText(sqlite::Snapshot{}),
            "{\n  \"version\": \"6\",\n  \"dialect\": \"sqlite\",\n  \"tables\": {},\n  \"views\": {},\n"
            "  \"enums\": {},\n  \"_meta\": {\n    \"schemas\": {},\n    \"tables\": {},\n    \"columns\": "
            "{}\n  },\n"
            "  \"internal\": {\n    \"indexes\": {}\n  }\n}");
}

TEST(MysqlSnapshot, DefaultSnapshotPrintsLikeGenerate) {
  EXPECT_EQ(mysql::ToJsonText(mysql::Snapshot{}),
            "{\n  \"version\": \"5\",\n  \"dialect\": \"mysql\",\n  \"tables\": {},\n  \"views\": {},\n"
            "  \"_meta\": {\n    \"schemas\": {},\n    \"tables\": {},\n    \"columns\": {}\n  },\n"
            "  \"internal\": {\n    \"tables\": {},\n    \"indexes\": {}\n  }\n}");
}

TEST(SqliteRead, ErrorsAndDefaults) {
  auto ok = sqlite::FromJsonText(R"({"version":"6","dialect":"sqlite","tables":{"t":{"name":"t","columns":{},
      "indexes":{},"foreignKeys":{},"compositePrimaryKeys":{}}},"enums":{},"_meta":{"tables":{},"columns":{}}})");
  ASSERT_TRUE(ok) << ok.error().message;
  EXPECT_FALSE(ok->internal.has_value());
  EXPECT_FALSE(ok->meta.schemas.has_value());
  EXPECT_TRUE(ok->tables.Get("t")->check_constraints.empty());
  auto bad =
      sqlite::FromJsonText(R"({"version":"6","dialect":"sqlite","tables":{"t":{"name":"t","columns":{"c":
      {"name":"c","type":"text","primaryKey":false,"notNull":"no"}},"indexes":{},"foreignKeys":{},
      "compositePrimaryKeys":{}}},"enums":{},"_meta":{"tables":{},"columns":{}}})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "sqlite snapshot: tables.t.columns.c.notNull: expected boolean, got string");
}

TEST(MysqlRead, CheckConstraintKeyIsSingular) {
  auto ok = mysql::FromJsonText(R"({"version":"5","dialect":"mysql","tables":{"t":{"name":"t","columns":{},
      "indexes":{},"foreignKeys":{},"compositePrimaryKeys":{},"checkConstraint":{"c":{"name":"c","value":"x > 1"}}}},
      "views":{},"_meta":{"tables":{},"columns":{}}})");
  ASSERT_TRUE(ok) << ok.error().message;
  ASSERT_NE(ok->tables.Get("t")->check_constraints.Get("c"), nullptr);
  auto bad = mysql::FromJsonText(R"({"version":"5","dialect":"mysql","tables":{"t":{"name":"t","columns":{},
      "indexes":{},"foreignKeys":{},"compositePrimaryKeys":{},"checkConstraints":{}}},"_meta":{"tables":{},"columns":{}}})");
  ASSERT_FALSE(bad);
  EXPECT_EQ(bad.error().message, "mysql snapshot: tables.t.checkConstraints: unknown key");
}

}  // namespace
}  // namespace dp::model

namespace dp::model {
namespace {

TEST(PgRead, AcceptsPlainJson) {
  // A plain (sorted) nlohmann::json converts implicitly; only key order is lost.
  auto snapshot = pg::FromJson(nlohmann::json::parse(kMinimalPg));
  ASSERT_TRUE(snapshot) << snapshot.error().message;
  EXPECT_EQ(snapshot->tables.size(), 1u);
}

}  // namespace
}  // namespace dp::model
