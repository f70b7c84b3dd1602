// libsql/Turso HTTP driver through a local Hrana-over-HTTP server on a real SQLite file:
// queries, errors, batons across a transaction, tokens kept out of messages.
#include <gtest/gtest.h>

#include "db/connection.h"
#include "support/hrana_server.h"
#include "support/servers.h"

namespace dp::db {
namespace {

using test::HranaServer;
using test::TestDatabase;

constexpr const char* kToken = "tok-Secret-123";

base::Result<std::unique_ptr<Connection>> ConnectTurso(const std::string& url,
                                                       const std::string& token = kToken) {
  return Connect(ConnectOptions{"turso", std::nullopt, {{"url", url}, {"authToken", token}}, "push"});
}

/// The same file, opened directly, to see what the server committed.
std::unique_ptr<Connection> Direct(const TestDatabase& file) {
  auto conn = file.Connect();
  EXPECT_TRUE(conn);
  return conn ? std::move(*conn) : nullptr;
}

TEST(LibsqlTest, QueriesOverHttp) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  HranaServer server(file.url(), kToken);
  auto conn = ConnectTurso(server.url());
  ASSERT_TRUE(conn) << conn.error().message;
  Connection& c = **conn;
  EXPECT_EQ(c.Dialect(), "sqlite");
  EXPECT_EQ(c.Driver(), "libsql-http");
  EXPECT_TRUE(c.SupportsTransactionalDdl());
  EXPECT_EQ(c.query_count(), 0u);  // the connect probe is not counted
  auto result = c.Query("SELECT 7 AS i, 1.5 AS f, 2.0 AS g, 'txt' AS t, NULL AS n, x'00ff41' AS b");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->columns, (std::vector<std::string>{"i", "f", "g", "t", "n", "b"}));
  EXPECT_EQ(result->rows[0][0], "7");
  EXPECT_EQ(result->rows[0][1], "1.5");
  EXPECT_EQ(result->rows[0][2], "2.0");
  EXPECT_EQ(result->rows[0][3], "txt");
  EXPECT_EQ(result->rows[0][4], std::nullopt);
  EXPECT_EQ(result->rows[0][5], std::string("\x00\xff"
                                            "A",
                                            3));
  ASSERT_TRUE(c.Exec("CREATE TABLE t (id integer)"));
  EXPECT_EQ(Direct(file)->Query("SELECT name FROM sqlite_master")->rows[0][0], "t");
  EXPECT_EQ(c.query_count(), 2u);
  EXPECT_EQ(server.open_streams(), 0u);  // one-shot streams outside transactions
}

TEST(LibsqlTest, LibsqlSchemeWithTlsOff) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  HranaServer server(file.url(), kToken);
  auto conn = ConnectTurso("libsql://127.0.0.1:" + std::to_string(server.port()) + "?tls=0");
  ASSERT_TRUE(conn) << conn.error().message;
  EXPECT_EQ((*conn)->Query("SELECT 1")->rows[0][0], "1");
}

TEST(LibsqlTest, ErrorsCarryServerText) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  HranaServer server(file.url(), kToken);
  auto conn = ConnectTurso(server.url());
  ASSERT_TRUE(conn);
  auto missing = (*conn)->Query("SELECT * FROM missing_table");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "no such table: missing_table");
  EXPECT_EQ((*conn)->last_error().code, "SQLITE_ERROR");
  auto twice = (*conn)->Exec("SELECT 1; SELECT 2");
  ASSERT_FALSE(twice);
}

TEST(LibsqlTest, TransactionKeepsBatonAndRollsBack) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  HranaServer server(file.url(), kToken);
  auto conn = ConnectTurso(server.url());
  ASSERT_TRUE(conn);
  Connection& c = **conn;
  size_t before = server.pipeline_count();
  {
    Transaction tx(c);
    ASSERT_TRUE(tx.ok()) << tx.status().error().message;
    EXPECT_EQ(server.open_streams(), 1u);
    ASSERT_TRUE(c.Exec("CREATE TABLE ghost (id integer)"));
    ASSERT_TRUE(c.Exec("INSERT INTO ghost VALUES (1)"));
    // Inside the transaction the stream sees its own work; another connection does not.
    EXPECT_EQ(c.Query("SELECT count(*) FROM ghost")->rows[0][0], "1");
    EXPECT_TRUE(Direct(file)->Query("SELECT name FROM sqlite_master WHERE name = 'ghost'")->rows.empty());
  }
  EXPECT_EQ(server.open_streams(), 0u);
  EXPECT_TRUE(Direct(file)->Query("SELECT name FROM sqlite_master WHERE name = 'ghost'")->rows.empty());
  // BEGIN opened a stream without a baton; every later request carried the previous baton.
  auto requests = server.requests();
  ASSERT_EQ(requests.size(), before + 5);  // BEGIN, CREATE, INSERT, SELECT, ROLLBACK
  EXPECT_TRUE(requests[before]["baton"].is_null());
  for (size_t i = before + 1; i < requests.size(); ++i) EXPECT_TRUE(requests[i]["baton"].is_string()) << i;
  EXPECT_EQ(requests.back()["requests"].back()["type"], "close");

  {
    Transaction tx(c);
    ASSERT_TRUE(c.Exec("CREATE TABLE kept (id integer)"));
    ASSERT_TRUE(tx.Commit());
  }
  EXPECT_EQ(server.open_streams(), 0u);
  EXPECT_EQ(Direct(file)->Query("SELECT count(*) FROM sqlite_master WHERE name = 'kept'")->rows[0][0], "1");
}

TEST(LibsqlTest, FailedBeginLeavesNoStreamOpen) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  HranaServer server(file.url(), kToken);
  auto conn = ConnectTurso(server.url());
  ASSERT_TRUE(conn);
  ASSERT_FALSE((*conn)->Exec("BEGIN NONSENSE"));
  EXPECT_EQ(server.open_streams(), 0u);
  EXPECT_TRUE(server.requests().back()["baton"].is_string());  // the close went to that stream
  EXPECT_EQ((*conn)->Query("SELECT 1")->rows[0][0], "1");
}

TEST(LibsqlTest, WrongTokenIsRefusedAndNotEchoed) {
  auto file = TestDatabase::Sqlite();
  DP_REQUIRE_DB(file);
  HranaServer server(file.url(), kToken);
  const std::string wrong = "wrong-Token-456";
  auto conn = ConnectTurso(server.url(), wrong);
  ASSERT_FALSE(conn);
  EXPECT_NE(conn.error().message.find("401"), std::string::npos) << conn.error().message;
  EXPECT_NE(conn.error().message.find("127.0.0.1"), std::string::npos) << conn.error().message;
  EXPECT_EQ(conn.error().message.find(wrong), std::string::npos) << conn.error().message;
}

TEST(LibsqlTest, UnreachableServer) {
  auto conn = ConnectTurso("http://127.0.0.1:1");
  ASSERT_FALSE(conn);
  EXPECT_NE(conn.error().message.find("127.0.0.1:1"), std::string::npos) << conn.error().message;
  EXPECT_EQ(conn.error().message.find(kToken), std::string::npos);
}

}  // namespace
}  // namespace dp::db
