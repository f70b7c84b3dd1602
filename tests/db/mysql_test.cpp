// MariaDB driver against the real server from tests/support/servers.sh.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "db/connection.h"
#include "db/url.h"
#include "support/servers.h"

namespace dp::db {
namespace {

using test::TestDatabase;

std::unique_ptr<Connection> MustConnect(const TestDatabase& db) {
  auto conn = db.Connect();
  EXPECT_TRUE(conn) << (conn ? "" : conn.error().message);
  return conn ? std::move(*conn) : nullptr;
}

TEST(MysqlTest, QueryReturnsTextAndNulls) {
  auto db = TestDatabase::Mysql();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  EXPECT_EQ(conn->Dialect(), "mysql");
  EXPECT_EQ(conn->Driver(), "mariadb");
  EXPECT_FALSE(conn->SupportsTransactionalDdl());
  auto result = conn->Query("SELECT 1 AS one, 'x' AS two, NULL AS three, 1.50 AS four, DATABASE() AS db");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->columns, (std::vector<std::string>{"one", "two", "three", "four", "db"}));
  ASSERT_EQ(result->rows.size(), 1u);
  EXPECT_EQ(result->rows[0][0], "1");
  EXPECT_EQ(result->rows[0][1], "x");
  EXPECT_EQ(result->rows[0][2], std::nullopt);
  EXPECT_EQ(result->rows[0][3], "1.50");
  EXPECT_EQ(result->rows[0][4], db.name());
  auto exec_result = conn->Query("CREATE TABLE t (id int PRIMARY KEY, name varchar(20))");
  ASSERT_TRUE(exec_result) << exec_result.error().message;
  EXPECT_TRUE(exec_result->columns.empty());
}

TEST(MysqlTest, ExecRunsExactlyOneStatement) {
  auto db = TestDatabase::Mysql();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  ASSERT_TRUE(conn->Exec("CREATE TABLE t (id int)"));
  auto twice = conn->Exec("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("SQL syntax"), std::string::npos) << twice.error().message;
  EXPECT_EQ(conn->Query("SELECT count(*) FROM t")->rows[0][0], "0");
}

TEST(MysqlTest, ErrorsCarryServerText) {
  auto db = TestDatabase::Mysql();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  auto missing = conn->Query("SELECT * FROM missing_table");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "Table '" + db.name() + ".missing_table' doesn't exist");
  EXPECT_EQ(conn->last_error().code, "1146");
}

TEST(MysqlTest, TransactionRollbackLeavesNoTrace) {
  auto db = TestDatabase::Mysql();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  ASSERT_TRUE(conn->Exec("CREATE TABLE t (id int) ENGINE=InnoDB"));
  {
    Transaction tx(*conn);
    ASSERT_TRUE(tx.ok());
    ASSERT_TRUE(conn->Exec("INSERT INTO t VALUES (1)"));
    ASSERT_TRUE(conn->Exec("INSERT INTO t VALUES (2)"));
  }
  EXPECT_EQ(conn->Query("SELECT count(*) FROM t")->rows[0][0], "0");
  {
    Transaction tx(*conn);
    ASSERT_TRUE(conn->Exec("INSERT INTO t VALUES (3)"));
    ASSERT_TRUE(tx.Commit());
  }
  EXPECT_EQ(conn->Query("SELECT count(*) FROM t")->rows[0][0], "1");
}

TEST(MysqlTest, QueryCountCountsEveryCall) {
  auto db = TestDatabase::Mysql();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  EXPECT_EQ(conn->query_count(), 0u);
  (void)conn->Query("SELECT 1");
  (void)conn->Exec("SELECT broken FROM");
  { Transaction tx(*conn); }  // BEGIN + ROLLBACK
  EXPECT_EQ(conn->query_count(), 4u);
}

TEST(MysqlTest, WrongPasswordIsRedacted) {
  auto db = TestDatabase::Mysql();
  DP_REQUIRE_DB(db);
  const std::string wrong = "Wr0ng-Pa55word-xyz";
  auto url = ParseUrl(db.url());
  ASSERT_TRUE(url);
  auto by_host = Connect(ConnectOptions{"mysql",
                                        std::nullopt,
                                        {{"host", url->host},
                                         {"port", *url->port},
                                         {"user", url->user},
                                         {"password", wrong},
                                         {"database", db.name()}},
                                        "push"});
  ASSERT_FALSE(by_host);
  const std::string& message = by_host.error().message;
  EXPECT_NE(message.find("Access denied"), std::string::npos) << message;
  EXPECT_NE(message.find(fmt::format("127.0.0.1:{}", *url->port)), std::string::npos) << message;
  EXPECT_NE(message.find(db.name()), std::string::npos) << message;
  EXPECT_EQ(message.find(wrong), std::string::npos) << message;

  std::string bad_url = db.url();
  bad_url.replace(bad_url.find(db.password()), db.password().size(), wrong);
  auto by_url = Connect(ConnectOptions{"mysql", std::nullopt, {{"url", bad_url}}, "push"});
  ASSERT_FALSE(by_url);
  EXPECT_EQ(by_url.error().message.find(wrong), std::string::npos) << by_url.error().message;
}

/// Whether the session runs over TLS for an `ssl` option (nullopt when the connection failed).
std::optional<bool> TlsInUse(const TestDatabase& db, const nlohmann::json& ssl, std::string* error) {
  auto url = ParseUrl(db.url());
  nlohmann::json credentials = {{"host", url->host},
                                {"port", *url->port},
                                {"user", url->user},
                                {"password", url->password.value_or("")},
                                {"database", db.name()}};
  if (!ssl.is_null()) credentials["ssl"] = ssl;
  auto conn = Connect(ConnectOptions{"mysql", std::nullopt, credentials, "push"});
  if (!conn) {
    *error = conn.error().message;
    return std::nullopt;
  }
  auto cipher = (*conn)->Query("SHOW STATUS LIKE 'Ssl_cipher'");
  if (!cipher || cipher->rows.empty()) return std::nullopt;
  return cipher->rows[0][1].value_or("") != "";
}

TEST(MysqlTest, SslOptions) {
  auto db = TestDatabase::Mysql();
  DP_REQUIRE_DB(db);
  const char* ca_path = std::getenv("DP_TEST_SSL_CA");
  if (ca_path == nullptr) GTEST_SKIP() << "DP_TEST_SSL_CA is not set: the test server has no TLS";
  std::string error;
  EXPECT_EQ(TlsInUse(db, nullptr, &error), false) << error;
  EXPECT_EQ(TlsInUse(db, "Amazon RDS", &error), true) << error;  // a profile name: TLS, no CA to check
  EXPECT_EQ(TlsInUse(db, {{"rejectUnauthorized", false}}, &error), true) << error;
  // Verifying against the system CAs fails for the self-signed certificate...
  EXPECT_EQ(TlsInUse(db, nlohmann::json::object(), &error), std::nullopt);
  // ...and passes with it as `ca`.
  std::ifstream file(ca_path);
  std::stringstream pem;
  pem << file.rdbuf();
  EXPECT_EQ(TlsInUse(db, {{"ca", pem.str()}}, &error), true) << error;
  // URL form: mysql2 JSON-decodes ?ssl=
  auto conn =
      Connect(ConnectOptions{"mysql",
                             std::nullopt,
                             {{"url", db.url() + "?ssl=" + PercentEncode(R"({"rejectUnauthorized":false})")}},
                             "push"});
  ASSERT_TRUE(conn) << conn.error().message;
  EXPECT_NE((*conn)->Query("SHOW STATUS LIKE 'Ssl_cipher'")->rows[0][1], "");
}

}  // namespace
}  // namespace dp::db
