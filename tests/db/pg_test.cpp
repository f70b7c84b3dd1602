// PostgreSQL driver against the real server from tests/support/servers.sh: values as text,
// one statement per call, SQLSTATE in errors, transactions, redaction, SSL modes.
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

/// Host-form credentials for the test server (its URL split up).
nlohmann::json HostForm(const TestDatabase& db) {
  auto url = ParseUrl(db.url());
  EXPECT_TRUE(url);
  return {{"host", url->host},
          {"port", *url->port},
          {"user", url->user},
          {"password", url->password.value_or("")},
          {"database", db.name()}};
}

TEST(PgTest, QueryReturnsTextAndNulls) {
  auto db = TestDatabase::Postgres();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  EXPECT_EQ(conn->Dialect(), "postgresql");
  EXPECT_EQ(conn->Driver(), "libpq");
  EXPECT_TRUE(conn->SupportsTransactionalDdl());
  auto result = conn->Query(
      "SELECT 1 AS one, 'x'::text AS two, NULL::int AS three, true AS four, 1.50::numeric AS five");
  ASSERT_TRUE(result) << result.error().message;
  EXPECT_EQ(result->columns, (std::vector<std::string>{"one", "two", "three", "four", "five"}));
  ASSERT_EQ(result->rows.size(), 1u);
  EXPECT_EQ(result->rows[0][0], "1");
  EXPECT_EQ(result->rows[0][1], "x");
  EXPECT_EQ(result->rows[0][2], std::nullopt);
  EXPECT_EQ(result->rows[0][3], "t");
  EXPECT_EQ(result->rows[0][4], "1.50");
  auto empty = conn->Query("SELECT 1 WHERE false");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->columns.size(), 1u);
  EXPECT_TRUE(empty->rows.empty());
}

TEST(PgTest, ExecRunsExactlyOneStatement) {
  auto db = TestDatabase::Postgres();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  ASSERT_TRUE(conn->Exec("CREATE TABLE t (id int)"));
  auto twice = conn->Exec("INSERT INTO t VALUES (1); INSERT INTO t VALUES (2)");
  ASSERT_FALSE(twice);
  EXPECT_NE(twice.error().message.find("[42601]"), std::string::npos) << twice.error().message;
  EXPECT_EQ(conn->Query("SELECT count(*) FROM t")->rows[0][0], "0");
}

TEST(PgTest, ErrorsCarryServerTextAndSqlstate) {
  auto db = TestDatabase::Postgres();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  auto missing = conn->Query("SELECT * FROM missing_table");
  ASSERT_FALSE(missing);
  EXPECT_EQ(missing.error().message, "relation \"missing_table\" does not exist [42P01]");
  EXPECT_EQ(conn->last_error().code, "42P01");
  ASSERT_TRUE(conn->Exec("CREATE TABLE u (email text UNIQUE)"));
  ASSERT_TRUE(conn->Exec("INSERT INTO u VALUES ('a')"));
  auto duplicate = conn->Exec("INSERT INTO u VALUES ('a')");
  ASSERT_FALSE(duplicate);
  EXPECT_EQ(duplicate.error().message,
            "duplicate key value violates unique constraint \"u_email_key\" [23505]");
  EXPECT_EQ(conn->last_error().detail, "Key (email)=(a) already exists.");
}

TEST(PgTest, TransactionRollbackLeavesNoTrace) {
  auto db = TestDatabase::Postgres();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  {
    Transaction tx(*conn);
    ASSERT_TRUE(tx.ok()) << tx.status().error().message;
    ASSERT_TRUE(conn->Exec("CREATE TABLE ghost (id int)"));
    ASSERT_TRUE(conn->Exec("INSERT INTO ghost VALUES (1)"));
    // no Commit: the destructor rolls back
  }
  auto exists = conn->Query("SELECT to_regclass('public.ghost')");
  ASSERT_TRUE(exists);
  EXPECT_EQ(exists->rows[0][0], std::nullopt);
  {
    Transaction tx(*conn);
    ASSERT_TRUE(conn->Exec("CREATE TABLE kept (id int)"));
    ASSERT_TRUE(tx.Commit());
  }
  EXPECT_EQ(conn->Query("SELECT to_regclass('public.kept')::text")->rows[0][0], "kept");
}

TEST(PgTest, CommitAfterFailedStatementIsAnError) {
  auto db = TestDatabase::Postgres();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  Transaction tx(*conn);
  ASSERT_TRUE(conn->Exec("CREATE TABLE half (id int)"));
  ASSERT_FALSE(conn->Exec("SELECT * FROM nope"));
  auto committed = tx.Commit();
  ASSERT_FALSE(committed);
  EXPECT_NE(committed.error().message.find("rolled back"), std::string::npos);
  EXPECT_EQ(conn->Query("SELECT to_regclass('public.half')")->rows[0][0], std::nullopt);
}

TEST(PgTest, QueryCountCountsEveryCall) {
  auto db = TestDatabase::Postgres();
  DP_REQUIRE_DB(db);
  auto conn = MustConnect(db);
  ASSERT_TRUE(conn);
  EXPECT_EQ(conn->query_count(), 0u);
  (void)conn->Query("SELECT 1");
  (void)conn->Query("SELECT nonsense FROM nowhere");  // failures count too
  {
    Transaction tx(*conn);  // BEGIN
    (void)conn->Exec("CREATE TABLE c (id int)");
    (void)tx.Commit();  // COMMIT
  }
  EXPECT_EQ(conn->query_count(), 5u);
  conn->reset_query_count();
  EXPECT_EQ(conn->query_count(), 0u);
}

TEST(PgTest, WrongPasswordIsRedacted) {
  auto db = TestDatabase::Postgres();
  DP_REQUIRE_DB(db);
  const std::string wrong = "Wr0ng-Pa55word-xyz";
  std::string url = db.url();
  url.replace(url.find(db.password()), db.password().size(), wrong);
  ConnectOptions options{"postgresql", std::nullopt, {{"url", url}}, "push"};
  auto by_url = Connect(options);
  ASSERT_FALSE(by_url);
  const std::string& message = by_url.error().message;
  EXPECT_NE(message.find("password authentication failed"), std::string::npos) << message;
  EXPECT_NE(message.find("127.0.0.1"), std::string::npos) << message;
  EXPECT_NE(message.find(std::to_string(*ParseUrl(db.url())->port)), std::string::npos) << message;
  EXPECT_NE(message.find(db.name()), std::string::npos) << message;
  EXPECT_EQ(message.find(wrong), std::string::npos) << message;

  auto host_form = HostForm(db);
  host_form["password"] = wrong;
  auto by_host = Connect(ConnectOptions{"postgresql", std::nullopt, host_form, "push"});
  ASSERT_FALSE(by_host);
  EXPECT_EQ(by_host.error().message.find(wrong), std::string::npos) << by_host.error().message;
  EXPECT_NE(by_host.error().message.find("password authentication failed"), std::string::npos);
}

TEST(PgTest, UnreachableServerNamesHostPortAndDatabase) {
  auto refused = Connect(
      ConnectOptions{"postgresql",
                     std::nullopt,
                     {{"host", "127.0.0.1"}, {"port", 1}, {"password", "s3cr3t"}, {"database", "appdb"}},
                     "push"});
  ASSERT_FALSE(refused);
  EXPECT_NE(refused.error().message.find("127.0.0.1:1"), std::string::npos) << refused.error().message;
  EXPECT_NE(refused.error().message.find("appdb"), std::string::npos);
  EXPECT_EQ(refused.error().message.find("s3cr3t"), std::string::npos);
}

/// Whether the session runs over TLS, for an `ssl` option (nullopt when the connection failed).
std::optional<bool> SslInUse(const TestDatabase& db, const nlohmann::json& ssl, std::string* error) {
  auto credentials = HostForm(db);
  credentials["ssl"] = ssl;
  auto conn = Connect(ConnectOptions{"postgresql", std::nullopt, credentials, "push"});
  if (!conn) {
    *error = conn.error().message;
    return std::nullopt;
  }
  auto result = (*conn)->Query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()");
  if (!result) return std::nullopt;
  return result->rows[0][0] == "t";
}

TEST(PgTest, SslModes) {
  auto db = TestDatabase::Postgres();
  DP_REQUIRE_DB(db);
  const char* ca_path = std::getenv("DP_TEST_SSL_CA");
  if (ca_path == nullptr) GTEST_SKIP() << "DP_TEST_SSL_CA is not set: the test server has no SSL";
  std::string error;
  EXPECT_EQ(SslInUse(db, false, &error), false) << error;
  EXPECT_EQ(SslInUse(db, "require", &error), true) << error;
  EXPECT_EQ(SslInUse(db, "prefer", &error), true) << error;
  EXPECT_EQ(SslInUse(db, "allow", &error), false) << error;  // allow tries plain first
  EXPECT_EQ(SslInUse(db, {{"rejectUnauthorized", false}}, &error), true) << error;
  // Verification against the system CAs fails for the self-signed test certificate...
  EXPECT_EQ(SslInUse(db, true, &error), std::nullopt);
  EXPECT_NE(error.find("certificate"), std::string::npos) << error;
  EXPECT_EQ(SslInUse(db, "verify-full", &error), std::nullopt);
  // ...and passes with the certificate given as `ca`.
  std::ifstream file(ca_path);
  std::stringstream pem;
  pem << file.rdbuf();
  EXPECT_EQ(SslInUse(db, {{"ca", pem.str()}}, &error), true) << error;
  // URL form: libpq's sslmode, node-postgres's ssl=
  auto url_ssl = [&](const std::string& query) -> std::optional<bool> {
    auto conn = Connect(ConnectOptions{"postgresql", std::nullopt, {{"url", db.url() + query}}, "push"});
    if (!conn) {
      error = conn.error().message;
      return std::nullopt;
    }
    return (*conn)->Query("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")->rows[0][0] == "t";
  };
  EXPECT_EQ(url_ssl("?sslmode=require"), true) << error;
  EXPECT_EQ(url_ssl("?sslmode=disable"), false) << error;
  EXPECT_EQ(url_ssl("?sslmode=no-verify"), true) << error;
  EXPECT_EQ(url_ssl("?ssl=false"), false) << error;
  EXPECT_EQ(url_ssl(std::string("?sslmode=verify-full&sslrootcert=") + ca_path), true) << error;
}

}  // namespace
}  // namespace dp::db
