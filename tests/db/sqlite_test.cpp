// Local SQLite driver on real temp files: creation, URI forms, one statement per call,
// transactional DDL, foreign keys on (as better-sqlite3), value text.
#include <gtest/gtest.h>

#include <filesystem>

#include "db/connection.h"
#include "support/servers.h"

namespace dp::db {
namespace {

using test::TestDatabase;

base::Result<std::unique_ptr<Connection>> Open(const std::string& url,
                                               const std::string& dialect = "sqlite") {
  return Connect(ConnectOptions{dialect, std::nullopt, {{"url", url}}, "push"});
}

TEST(SqliteTest, MissingFileIsCreated) {
  auto db = TestDatabase::Sqlite();
  DP_REQUIRE_DB(db);
  ASSERT_FALSE(std::filesystem::exists(db.url()));
  auto conn = db.Connect();
  ASSERT_TRUE(conn) << conn.error().message;
  ASSERT_TRUE((*conn)->Exec("CREATE TABLE t (id integer)"));
  EXPECT_TRUE(std::filesystem::exists(db.url()));
  EXPECT_EQ((*conn)->Dialect(), "sqlite");
  EXPECT_EQ((*conn)->Driver(), "sqlite3");
}

TEST(SqliteTest, FileUrlAndMemory) {
  auto db = TestDatabase::Sqlite();
  DP_REQUIRE_DB(db);
  {
    auto conn = Open("file:" + db.url());
    ASSERT_TRUE(conn) << conn.error().message;
    ASSERT_TRUE((*conn)->Exec("CREATE TABLE via_uri (id integer)"));
  }
  auto plain = Open(db.url(), "turso");  // turso dialect with a file path is local too
  ASSERT_TRUE(plain) << plain.error().message;
  EXPECT_EQ((*plain)->Query("SELECT name FROM sqlite_master")->rows[0][0], "via_uri");
  auto memory = Open(":memory:");
  ASSERT_TRUE(memory);
  EXPECT_EQ((*memory)->Query("SELECT 40 + 2")->rows[0][0], "42");
}

TEST(SqliteTest, UnopenablePathNamesIt) {
  auto conn = Open("/nonexistent-dir-dp/sub/x.db");
  ASSERT_FALSE(conn);
  EXPECT_NE(conn.error().message.find("/nonexistent-dir-dp/sub/x.db"), std::string::npos)
      << conn.error().message;
}

TEST(SqliteTest, ValuesAsText) {
  auto db = TestDatabase::Sqlite();
  DP_REQUIRE_DB(db);
  auto conn = db.Connect();
  ASSERT_TRUE(conn);
  auto result = (*conn)->Query("SELECT 1 AS i, 1.0 AS r, 0.1 AS r2, 'x' AS t, NULL AS n, x'4142' AS b");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->columns, (std::vector<std::string>{"i", "r", "r2", "t", "n", "b"}));
  EXPECT_EQ(result->rows[0][0], "1");
  EXPECT_EQ(result->rows[0][1], "1.0");
  EXPECT_EQ(result->rows[0][2], "0.1");
  EXPECT_EQ(result->rows[0][3], "x");
  EXPECT_EQ(result->rows[0][4], std::nullopt);
  EXPECT_EQ(result->rows[0][5], "AB");
}

TEST(SqliteTest, ExecRunsExactlyOneStatement) {
  auto db = TestDatabase::Sqlite();
  DP_REQUIRE_DB(db);
  auto conn = db.Connect();
  ASSERT_TRUE(conn);
  ASSERT_TRUE((*conn)->Exec("CREATE TABLE t (id integer);  -- trailing comment is fine\n"));
  auto twice = (*conn)->Exec("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("exactly one"), std::string::npos);
  EXPECT_EQ((*conn)->Query("SELECT count(*) FROM t")->rows[0][0], "0");
}

TEST(SqliteTest, ErrorsCarrySqliteText) {
  auto db = TestDatabase::Sqlite();
  DP_REQUIRE_DB(db);
  auto conn = db.Connect();
  ASSERT_TRUE(conn);
  auto missing = (*conn)->Query("SELECT * FROM missing_table");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "no such table: missing_table");
  ASSERT_TRUE((*conn)->Exec("CREATE TABLE p (id integer PRIMARY KEY)"));
  ASSERT_TRUE((*conn)->Exec("CREATE TABLE c (p integer REFERENCES p(id))"));
  auto fk = (*conn)->Exec("INSERT INTO c VALUES (7)");
  ASSERT_FALSE(fk);
  EXPECT_EQ(fk.error().message, "FOREIGN KEY constraint failed");
}

TEST(SqliteTest, TransactionRollbackLeavesNoTrace) {
  auto db = TestDatabase::Sqlite();
  DP_REQUIRE_DB(db);
  auto conn = db.Connect();
  ASSERT_TRUE(conn);
  Connection& c = **conn;
  EXPECT_TRUE(c.SupportsTransactionalDdl());
  {
    Transaction tx(c);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(c.Exec("CREATE TABLE ghost (id integer)"));
    ASSERT_TRUE(c.Exec("INSERT INTO ghost VALUES (1)"));
  }
  EXPECT_TRUE(c.Query("SELECT name FROM sqlite_master WHERE name = 'ghost'")->rows.empty());
  {
    Transaction tx(c);
    ASSERT_TRUE(c.Exec("CREATE TABLE kept (id integer)"));
    ASSERT_TRUE(tx.Commit());
  }
  EXPECT_EQ(c.Query("SELECT count(*) FROM sqlite_master WHERE name = 'kept'")->rows[0][0], "1");
}

TEST(SqliteTest, QueryCountCountsEveryCall) {
  auto db = TestDatabase::Sqlite();
  DP_REQUIRE_DB(db);
  auto conn = db.Connect();
  ASSERT_TRUE(conn);
  EXPECT_EQ((*conn)->query_count(), 0u);  // PRAGMA foreign_keys at connect is not counted
  (void)(*conn)->Query("SELECT 1");
  (void)(*conn)->Query("SELECT * FROM nope");
  EXPECT_TRUE((*conn)->ExecBatch({"CREATE TABLE a (x)", "CREATE TABLE b (x)"}));
  EXPECT_EQ((*conn)->query_count(), 4u);
}

}  // namespace
}  // namespace dp::db
