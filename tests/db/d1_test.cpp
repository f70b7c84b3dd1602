// Cloudflare D1 HTTP driver through a local stand-in of the D1 API on a real SQLite file.
#include <gtest/gtest.h>

#include <cstdlib>

#include "db/connection.h"
#include "support/d1_server.h"
#include "support/servers.h"

namespace dp::db {
namespace {

using test::D1Server;
using test::TestDatabase;

constexpr const char* kToken = "cf-Secret-789";

base::Result<std::unique_ptr<Connection>> ConnectD1(const D1Server& server,
                                                    const std::string& token = kToken) {
  ::setenv("DP_D1_BASE_URL", server.base_url().c_str(), 1);
  auto options = ConnectOptions::FromConfig(
      {{"dialect", "sqlite"},
       {"driver", "d1-http"},
       {"dbCredentials", {{"accountId", "acc1"}, {"databaseId", "db-uuid"}, {"token", token}}}});
  auto conn = Connect(options);
  ::unsetenv("DP_D1_BASE_URL");
  return conn;
}

TEST(D1Test, QueriesOverHttp) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  D1Server server(file.url(), "acc1", "db-uuid", kToken);
  auto conn = ConnectD1(server);
  ASSERT_TRUE(conn) << conn.error().message;
  Connection& c = **conn;
  EXPECT_EQ(c.Dialect(), "sqlite");
  EXPECT_EQ(c.Driver(), "d1-http");
  EXPECT_FALSE(c.SupportsTransactionalDdl());
  EXPECT_EQ(c.query_count(), 0u);
  ASSERT_TRUE(c.Exec("CREATE TABLE t (id integer, name text, score real)"));
  ASSERT_TRUE(c.Exec("INSERT INTO t VALUES (1, 'a', 1.5), (2, NULL, 2.25)"));
  auto result = c.Query("SELECT id, name, score FROM t ORDER BY id");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->columns, (std::vector<std::string>{"id", "name", "score"}));
  ASSERT_EQ(result->rows.size(), 2u);
  EXPECT_EQ(result->rows[0][0], "1");
  EXPECT_EQ(result->rows[0][1], "a");
  EXPECT_EQ(result->rows[0][2], "1.5");
  EXPECT_EQ(result->rows[1][1], std::nullopt);
  auto empty = c.Query("SELECT id FROM t WHERE id > 10");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->columns, (std::vector<std::string>{"id"}));  // columns even without rows
  EXPECT_EQ(c.query_count(), 4u);
  auto requests = server.requests();
  EXPECT_EQ(requests.back()["endpoint"], "raw");
  EXPECT_EQ(requests[requests.size() - 3]["endpoint"], "query");
}

TEST(D1Test, ErrorsLikeDrizzleKit) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  D1Server server(file.url(), "acc1", "db-uuid", kToken);
  auto conn = ConnectD1(server);
  ASSERT_TRUE(conn);
  auto missing = (*conn)->Query("SELECT * FROM missing_table");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "7500: no such table: missing_table: SQLITE_ERROR");
  EXPECT_EQ((*conn)->last_error().code, "7500");
}

TEST(D1Test, NoInteractiveTransactionsButAtomicBatches) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  D1Server server(file.url(), "acc1", "db-uuid", kToken);
  auto conn = ConnectD1(server);
  ASSERT_TRUE(conn);
  Connection& c = **conn;
  Transaction tx(c);
  EXPECT_FALSE(tx.ok());
  EXPECT_NE(tx.status().error().message.find("no interactive transactions"), std::string::npos);

  auto failed =
      c.ExecBatch({"CREATE TABLE a (x);", "INSERT INTO a VALUES (1)", "INSERT INTO missing VALUES (1)"});
  ASSERT_FALSE(failed);
  EXPECT_TRUE(c.Query("SELECT name FROM sqlite_master WHERE name = 'a'")->rows.empty());
  ASSERT_TRUE(c.ExecBatch({"CREATE TABLE a (x);", "INSERT INTO a VALUES (1)"}));
  EXPECT_EQ(c.Query("SELECT count(*) FROM a")->rows[0][0], "1");
}

TEST(D1Test, WrongTokenIsRefusedAndNotEchoed) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  D1Server server(file.url(), "acc1", "db-uuid", kToken);
  const std::string wrong = "cf-Wrong-000";
  auto conn = ConnectD1(server, wrong);
  ASSERT_FALSE(conn);
  EXPECT_NE(conn.error().message.find("10000: Authentication error"), std::string::npos)
      << conn.error().message;
  EXPECT_NE(conn.error().message.find("db-uuid"), std::string::npos) << conn.error().message;
  EXPECT_EQ(conn.error().message.find(wrong), std::string::npos) << conn.error().message;
}

}  // namespace
}  // namespace dp::db
