// SQLite introspection: a fixed number of catalog queries whatever the schema size, the
// DDL-text reader (checks, generated columns, index expressions and WHERE, views),
// drizzle-kit's default and type mapping, tablesFilter matching, and the snapshot shape.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <iostream>

#include "introspect/sqlite/ddl_text.h"
#include "introspect/sqlite/inspect.h"
#include "introspect/sqlite/queries.h"
#include "introspect/sqlite/tables_filter.h"
#include "model/sqlite/json.h"
#include "support.h"

namespace dp::sqlite_test {
namespace {

namespace is = introspect::sqlite;

std::unique_ptr<db::Connection> Memory() {
  auto connection = OpenSqlite(":memory:");
  EXPECT_TRUE(connection);
  return connection;
}

std::string SchemaWithTables(int count) {
  std::string sql;
  for (int table_idx = 0; table_idx < count; ++table_idx) {
    std::string name = "t" + std::to_string(table_idx);
    sql += "CREATE TABLE `" + name +
           "` (`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL, `v` text DEFAULT 'x', "
           "`parent` integer REFERENCES `t0`(`id`) ON DELETE cascade, CONSTRAINT \"" +
           name + "_v\" CHECK(length(v) > (1)));\n";
    sql += "CREATE INDEX `" + name + "_v_idx` ON `" + name + "` (`v`) WHERE v IS NOT NULL;\n";
  }
  sql += "CREATE VIEW `all_ids` AS SELECT id FROM t0;\n";
  return sql;
}

TEST(SqliteIntrospect, QueryCountDoesNotDependOnTableCount) {
  for (int count : {1, 50}) {
    auto connection = Memory();
    ASSERT_TRUE(RunScript(*connection, SchemaWithTables(count)));
    connection->reset_query_count();
    auto snapshot = is::Inspect(*connection, {});
    ASSERT_TRUE(snapshot) << snapshot.error().message;
    EXPECT_EQ(connection->query_count(), static_cast<size_t>(is::kInspectQueryCount)) << count << " tables";
    EXPECT_EQ(snapshot->tables.size(), static_cast<size_t>(count));
    EXPECT_EQ(snapshot->views.size(), 1u);
  }
}

TEST(SqliteIntrospect, ReadsEveryObjectKind) {
  auto connection = Memory();
  ASSERT_TRUE(RunScript(*connection, R"sql(
    CREATE TABLE `users` (`id` integer PRIMARY KEY autoincrement NOT NULL, `email` varchar(64) NOT NULL);
    CREATE TABLE `pairs` (`a` text NOT NULL, `b` text NOT NULL, `n` numeric DEFAULT (1 + 2),
      `at` integer DEFAULT CURRENT_TIMESTAMP, `g` integer GENERATED ALWAYS AS (coalesce(a, (b))) STORED,
      `owner` integer, PRIMARY KEY(`b`, `a`),
      FOREIGN KEY (`owner`) REFERENCES `users` ON UPDATE cascade,
      CONSTRAINT "pairs_a_b" CHECK(a != b AND (length(a) > 0)), CHECK (n > 0));
    CREATE UNIQUE INDEX `pairs_expr` ON `pairs` (lower("a"), `b`) WHERE "pairs"."n" > 1;
    CREATE VIEW `v` AS
      SELECT a,
             b FROM pairs;
  )sql"));
  auto snapshot = is::Inspect(*connection, {});
  ASSERT_TRUE(snapshot) << snapshot.error().message;
  const auto& users = *snapshot->tables.Get("users");
  EXPECT_TRUE(users.columns.Get("id")->primary_key);
  EXPECT_TRUE(users.columns.Get("id")->autoincrement.value_or(false));
  EXPECT_EQ(users.columns.Get("email")->type, "text(64)");
  const auto& pairs = *snapshot->tables.Get("pairs");
  ASSERT_EQ(pairs.composite_primary_keys.size(), 1u);
  EXPECT_EQ(pairs.composite_primary_keys.begin()->first, "pairs_b_a_pk");
  EXPECT_EQ(pairs.composite_primary_keys.begin()->second.columns, (std::vector<std::string>{"b", "a"}));
  EXPECT_FALSE(pairs.columns.Get("a")->autoincrement.value_or(false));
  EXPECT_EQ(*pairs.columns.Get("n")->default_value, "(1 + 2)");
  EXPECT_EQ(*pairs.columns.Get("at")->default_value, "(CURRENT_TIMESTAMP)");
  ASSERT_TRUE(pairs.columns.Get("g")->generated);
  EXPECT_EQ(pairs.columns.Get("g")->generated->as, "(coalesce(a, (b)))");
  EXPECT_EQ(pairs.columns.Get("g")->generated->type, "stored");
  ASSERT_EQ(pairs.foreign_keys.size(), 1u);
  const auto& fk = pairs.foreign_keys.begin()->second;
  EXPECT_EQ(fk.name, "pairs_owner_users_id_fk");  // parent columns omitted: the parent's primary key
  EXPECT_EQ(fk.on_update, "cascade");
  EXPECT_EQ(fk.on_delete, "no action");
  ASSERT_EQ(pairs.check_constraints.size(), 2u);
  EXPECT_EQ(pairs.check_constraints.Get("pairs_a_b")->value, "a != b AND (length(a) > 0)");
  EXPECT_EQ(pairs.check_constraints.Get("pairs_check_1")->value, "n > 0");
  const auto& index = *pairs.indexes.Get("pairs_expr");
  EXPECT_TRUE(index.is_unique);
  EXPECT_EQ(index.columns, (std::vector<std::string>{"lower(\"a\")", "b"}));
  EXPECT_EQ(index.where, "\"pairs\".\"n\" > 1");
  const auto& view = *snapshot->views.Get("v");
  EXPECT_EQ(view.definition, "SELECT a,\n             b FROM pairs");
  EXPECT_EQ(view.columns.size(), 2u);
}

TEST(SqliteIntrospect, AppliesTablesFilterAndSkipsInternalTables) {
  auto connection = Memory();
  ASSERT_TRUE(RunScript(*connection, R"sql(
    CREATE TABLE keep_a (id integer); CREATE TABLE drop_b (id integer); CREATE TABLE __drizzle_migrations (id integer);
    CREATE TABLE _cf_KV (id integer); CREATE TABLE libsql_wasm (id integer);
  )sql"));
  introspect::Filters filters;
  filters.tables = {"*", "!drop_*"};
  auto snapshot = is::Inspect(*connection, filters);
  ASSERT_TRUE(snapshot) << snapshot.error().message;
  EXPECT_EQ(snapshot->tables.Keys(), (std::vector<std::string>{"keep_a"}));
}

TEST(SqliteIntrospect, BrokenViewStillReadable) {
  auto connection = Memory();
  ASSERT_TRUE(RunScript(*connection,
                        "CREATE TABLE a (id integer); CREATE VIEW v AS SELECT id FROM a; "
                        "PRAGMA legacy_alter_table=ON; DROP TABLE a; CREATE TABLE b (id integer);"));
  auto snapshot = is::Inspect(*connection, {});
  ASSERT_TRUE(snapshot) << snapshot.error().message;
  EXPECT_EQ(snapshot->tables.Keys(), (std::vector<std::string>{"b"}));
  ASSERT_TRUE(snapshot->views.Get("v"));
  EXPECT_EQ(snapshot->views.Get("v")->definition, "SELECT id FROM a");
}

TEST(SqliteIntrospect, TablesFilterMatchesLikeMinimatch) {
  EXPECT_TRUE(is::PassesTablesFilter("anything", {}));
  EXPECT_TRUE(is::PassesTablesFilter("x_a", {"x_*"}));
  EXPECT_FALSE(is::PassesTablesFilter("y_b", {"x_*"}));
  EXPECT_TRUE(is::PassesTablesFilter("users", {"!audit_*"}));
  EXPECT_FALSE(is::PassesTablesFilter("audit_log", {"!audit_*"}));
  EXPECT_FALSE(is::PassesTablesFilter("users", {"users", "!users"}));
  EXPECT_TRUE(is::PassesTablesFilter("post2", {"{user,post}[0-9]"}));
  EXPECT_FALSE(is::PassesTablesFilter("postx", {"{user,post}[0-9]"}));
  EXPECT_TRUE(is::PassesTablesFilter("a?c", {"a\\?c"}));
  EXPECT_FALSE(is::PassesTablesFilter(".hidden", {"*"}));
  EXPECT_FALSE(is::PassesTablesFilter("users", {"#users"}));
}

TEST(SqliteIntrospect, DefaultsLikeDrizzleKit) {
  EXPECT_EQ(is::ParseDefault("42"), 42);
  EXPECT_EQ(is::ParseDefault("-1.5"), -1.5);
  EXPECT_EQ(is::ParseDefault("1.5e3"), 1500);
  EXPECT_EQ(is::ParseDefault("true"), true);
  EXPECT_EQ(is::ParseDefault("'it''s'"), "'it''s'");
  EXPECT_EQ(is::ParseDefault("CURRENT_DATE"), "(CURRENT_DATE)");
  EXPECT_EQ(is::ParseDefault("unixepoch()"), "(unixepoch())");
  EXPECT_EQ(is::ParseDefault("1.2.3"), "(1.2.3)");
}

// DP_SQLITE_INSPECT=<database file> prints that database's snapshot (a debugging aid).
TEST(SqliteIntrospect, DumpWhenAsked) {
  const char* path = std::getenv("DP_SQLITE_INSPECT");
  if (path == nullptr) GTEST_SKIP() << "set DP_SQLITE_INSPECT to a database file";
  auto connection = OpenSqlite(path);
  ASSERT_TRUE(connection);
  auto snapshot = is::Inspect(*connection, {});
  ASSERT_TRUE(snapshot) << snapshot.error().message;
  std::cout << model::sqlite::ToJsonText(*snapshot) << "\n";
}

TEST(SqliteDdlText, ParsesConstraintsAndExpressions) {
  is::ParsedTable table = is::ParseCreateTable(
      "CREATE TABLE \"t\" (\n\t`a` integer CONSTRAINT \"a_pos\" CHECK(a > (0)) -- comment )\n, `s` text "
      "DEFAULT ')'"
      " CHECK (s <> ')'), b AS (a * 2), CONSTRAINT [weird name] CHECK(\"t\".\"a\" < 10))");
  ASSERT_EQ(table.checks.size(), 3u);
  EXPECT_EQ(table.checks[0].name, "a_pos");
  EXPECT_EQ(table.checks[0].value, "a > (0)");
  EXPECT_FALSE(table.checks[1].name);
  EXPECT_EQ(table.checks[1].value, "s <> ')'");
  EXPECT_EQ(table.checks[2].name, "weird name");
  ASSERT_EQ(table.generated.size(), 1u);
  EXPECT_EQ(table.generated[0].column, "b");
  EXPECT_EQ(table.generated[0].expression, "(a * 2)");
  EXPECT_FALSE(table.generated[0].stored);
  EXPECT_FALSE(table.autoincrement);
  EXPECT_FALSE(is::ParseCreateTable("CREATE TABLE t (a text DEFAULT 'AUTOINCREMENT')").autoincrement);

  auto index =
      is::ParseCreateIndex("CREATE INDEX IF NOT EXISTS `i` ON `t` (lower(\"a\"), `b` DESC) WHERE a > 1;");
  ASSERT_TRUE(index);
  EXPECT_EQ(index->items, (std::vector<std::string>{"lower(\"a\")", "`b` DESC"}));
  EXPECT_EQ(index->where, "a > 1");

  EXPECT_EQ(is::ParseViewDefinition("CREATE VIEW `v` (x) AS WITH c AS (SELECT 1) SELECT * FROM c"),
            "WITH c AS (SELECT 1) SELECT * FROM c");
}

}  // namespace
}  // namespace dp::sqlite_test
