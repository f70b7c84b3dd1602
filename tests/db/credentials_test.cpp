// Credential validation against drizzle-kit 0.31's accepted shapes and messages, the
// mapping of `ssl` to libpq sslmode, and URL helpers. No server needed.
#include "db/credentials.h"

#include <gtest/gtest.h>

#include "db/connection.h"
#include "db/pg_params.h"
#include "db/url.h"

namespace dp::db {
namespace {

using Json = nlohmann::json;

base::Result<Credentials> Parse(const std::string& dialect, Json credentials,
                                std::optional<std::string> driver = std::nullopt) {
  ConnectOptions options;
  options.dialect = dialect;
  options.driver = std::move(driver);
  options.credentials = std::move(credentials);
  return ParseCredentials(options);
}

std::string ErrorOf(const base::Result<Credentials>& result) {
  return result ? "<no error>" : result.error().message;
}

PgCredentials Pg(const base::Result<Credentials>& result) {
  EXPECT_TRUE(result) << ErrorOf(result);
  EXPECT_TRUE(result && std::holds_alternative<PgCredentials>(*result));
  return result && std::holds_alternative<PgCredentials>(*result) ? std::get<PgCredentials>(*result)
                                                                  : PgCredentials{};
}

TEST(PgCredentialsTest, UrlForm) {
  auto pg = Pg(Parse("postgresql", {{"url", "postgres://u:p@h:5432/db"}}));
  ASSERT_TRUE(pg.url);
  EXPECT_EQ(*pg.url, "postgres://u:p@h:5432/db");
}

TEST(PgCredentialsTest, HostFormCoercesPort) {
  auto pg = Pg(Parse(
      "postgresql",
      {{"host", "db.local"}, {"port", "6543"}, {"user", "app"}, {"password", "pw"}, {"database", "main"}}));
  EXPECT_FALSE(pg.url);
  EXPECT_EQ(pg.host, "db.local");
  EXPECT_EQ(pg.port, 6543);
  EXPECT_EQ(pg.user, "app");
  EXPECT_EQ(pg.password, "pw");
  EXPECT_EQ(pg.database, "main");
  EXPECT_EQ(pg.ssl, PgSslMode::kDefault);
}

TEST(PgCredentialsTest, HostFormWinsOverUrl) {
  auto pg = Pg(Parse("postgresql", {{"host", "h"}, {"database", "d"}, {"url", "postgres://x/y"}}));
  EXPECT_FALSE(pg.url);
  EXPECT_EQ(pg.host, "h");
}

TEST(PgCredentialsTest, SslModes) {
  auto with_ssl = [](Json ssl) {
    return Pg(Parse("postgresql", {{"host", "h"}, {"database", "d"}, {"ssl", std::move(ssl)}}));
  };
  EXPECT_EQ(with_ssl(true).ssl, PgSslMode::kVerifyFull);
  EXPECT_EQ(with_ssl(false).ssl, PgSslMode::kDisable);
  EXPECT_EQ(with_ssl("require").ssl, PgSslMode::kRequire);
  EXPECT_EQ(with_ssl("allow").ssl, PgSslMode::kAllow);
  EXPECT_EQ(with_ssl("prefer").ssl, PgSslMode::kPrefer);
  EXPECT_EQ(with_ssl("verify-full").ssl, PgSslMode::kVerifyFull);
  EXPECT_EQ(with_ssl(Json{{"rejectUnauthorized", false}}).ssl, PgSslMode::kRequire);
  auto object = with_ssl(Json{{"ca", "-----BEGIN CERTIFICATE-----"}});
  EXPECT_EQ(object.ssl, PgSslMode::kVerifyFull);
  EXPECT_EQ(object.ssl_ca_pem, "-----BEGIN CERTIFICATE-----");
}

TEST(PgCredentialsTest, SslModesBecomeLibpqKeywords) {
  PgCredentials pg;
  pg.host = "h";
  pg.database = "d";
  pg.password = "pw";
  for (auto [mode, name] :
       {std::pair{PgSslMode::kDisable, "disable"}, std::pair{PgSslMode::kAllow, "allow"},
        std::pair{PgSslMode::kPrefer, "prefer"}, std::pair{PgSslMode::kRequire, "require"},
        std::pair{PgSslMode::kVerifyFull, "verify-full"}}) {
    pg.ssl = mode;
    auto params = PgConnectParams(pg);
    ASSERT_TRUE(params);
    EXPECT_EQ(params->Get("sslmode"), name);
    EXPECT_EQ(params->Get("host"), "h");
    EXPECT_EQ(params->Get("dbname"), "d");
    EXPECT_EQ(params->password, "pw");
  }
  pg.ssl = PgSslMode::kDefault;
  EXPECT_EQ(PgConnectParams(pg)->Get("sslmode"), "");  // libpq's own default (prefer)
}

TEST(PgCredentialsTest, UrlNodeOnlyParametersAreTranslated) {
  PgCredentials pg;
  pg.url = "postgres://u:s3cret@h:5432/db?ssl=true&schema=public&application_name=x";
  auto params = PgConnectParams(pg);
  ASSERT_TRUE(params) << params.error().message;
  EXPECT_EQ(params->Get("dbname"), "postgres://u:s3cret@h:5432/db?application_name=x");
  EXPECT_EQ(params->Get("sslmode"), "verify-full");
  EXPECT_EQ(params->password, "s3cret");

  pg.url = "postgresql://h/db?sslmode=no-verify";
  EXPECT_EQ(PgConnectParams(pg)->Get("sslmode"), "require");
  pg.url = "postgresql://h/db?sslmode=verify-ca&sslrootcert=/x.pem";
  EXPECT_EQ(PgConnectParams(pg)->Get("sslmode"), "verify-ca");
  EXPECT_FALSE(PgConnectParams(pg)->NeedsRootCert());
}

TEST(PgCredentialsTest, BadUrlErrorHasNoPassword) {
  PgCredentials pg;
  pg.url = "postgres://u:Top%zzSecret99@h/db";
  auto params = PgConnectParams(pg);
  ASSERT_FALSE(params);
  EXPECT_NE(params.error().message.find("invalid PostgreSQL url"), std::string::npos);
  EXPECT_EQ(params.error().message.find("Secret99"), std::string::npos) << params.error().message;
}

TEST(PgCredentialsTest, DrizzleKitMessages) {
  EXPECT_EQ(
      ErrorOf(Parse("postgresql", Json::object())),
      "Either connection \"url\" or \"host\", \"database\" are required for PostgreSQL database connection");
  EXPECT_EQ(ErrorOf(Parse("postgresql", {{"url", ""}})),
            "Please provide required params for Postgres driver:\n    [x] url: ''");
  EXPECT_EQ(ErrorOf(Parse("postgresql",
                          {{"host", "localhost"}, {"port", 5432}, {"password", ""}, {"database", "db"}})),
            "Please provide required params for Postgres driver:\n"
            "    [✓] host: 'localhost'\n"
            "        port?: \n"
            "        user?: \n"
            "    [x] password: ''\n"
            "    [✓] database: 'db'\n"
            "        ssl?: ");
  EXPECT_EQ(ErrorOf(Parse("postgresql",
                          {{"host", "h"}, {"database", "d"}, {"password", "hunter2"}, {"ssl", "disable"}})),
            "Please provide required params for Postgres driver:\n"
            "    [✓] host: 'h'\n"
            "        port?: \n"
            "        user?: \n"
            "    [✓] password: '*****'\n"
            "    [✓] database: 'd'\n"
            "    [✓] ssl: 'disable'");
  EXPECT_EQ(ErrorOf(Parse("postgresql", {{"database", "d"}}, "aws-data-api")),
            "Please provide required params for AWS Data API driver:\n"
            "    [✓] database: 'd'\n"
            "    [x] secretArn: undefined\n"
            "    [x] resourceArn: undefined");
}

TEST(PgCredentialsTest, UnsupportedDrivers) {
  auto aws =
      Parse("postgresql", {{"database", "d"}, {"secretArn", "s"}, {"resourceArn", "r"}}, "aws-data-api");
  ASSERT_TRUE(aws);
  EXPECT_EQ(std::get<UnsupportedCredentials>(*aws).driver, "aws-data-api");
  auto pglite = Parse("postgresql", {{"url", "./pglite"}}, "pglite");
  ASSERT_TRUE(pglite);
  EXPECT_EQ(std::get<UnsupportedCredentials>(*pglite).driver, "pglite");
  auto connected = Connect(ConnectOptions{"postgresql", "pglite", {{"url", "./x"}}, "push"});
  ASSERT_FALSE(connected);
  EXPECT_EQ(connected.error().message, "driver 'pglite' is not supported by drizzle-push");
}

TEST(WrapParamTest, MasksUrlPassword) {
  EXPECT_EQ(WrapParam({{"url", "postgres://user:secret@host:5432/db"}}, "url", false, ParamKind::kUrl),
            "    [✓] url: 'postgres://user:****@host:5432/db'");
  EXPECT_EQ(WrapParam(Json::object(), "url"), "    [x] url: undefined");
  EXPECT_EQ(WrapParam({{"port", 5432}}, "port", true), "        port?: ");
  EXPECT_EQ(WrapParam({{"token", "abc"}}, "token", false, ParamKind::kSecret), "    [✓] token: '*****'");
}

TEST(MysqlCredentialsTest, UrlForm) {
  auto parsed = Parse(
      "mysql", {{"url", "mysql://app:p%40ss@db.local:3307/shop?ssl=%7B%22rejectUnauthorized%22%3Afalse%7D"}});
  ASSERT_TRUE(parsed) << ErrorOf(parsed);
  auto mysql = std::get<MysqlCredentials>(*parsed);
  EXPECT_EQ(mysql.host, "db.local");
  EXPECT_EQ(mysql.port, 3307);
  EXPECT_EQ(mysql.user, "app");
  EXPECT_EQ(mysql.password, "p@ss");
  EXPECT_EQ(mysql.database, "shop");
  EXPECT_TRUE(mysql.ssl);
  EXPECT_FALSE(mysql.ssl_verify);
}

TEST(MysqlCredentialsTest, HostFormAndSsl) {
  auto parsed = Parse("mysql", {{"host", "h"}, {"database", "d"}, {"ssl", {{"ca", {"A", "B"}}}}});
  ASSERT_TRUE(parsed) << ErrorOf(parsed);
  auto mysql = std::get<MysqlCredentials>(*parsed);
  EXPECT_EQ(mysql.port, 3306);
  EXPECT_TRUE(mysql.ssl);
  EXPECT_TRUE(mysql.ssl_verify);
  EXPECT_EQ(mysql.ssl_ca_pem, "A\nB");
  auto profile =
      std::get<MysqlCredentials>(*Parse("mysql", {{"host", "h"}, {"database", "d"}, {"ssl", "Amazon RDS"}}));
  EXPECT_TRUE(profile.ssl);
}

TEST(MysqlCredentialsTest, DrizzleKitMessages) {
  EXPECT_EQ(
      ErrorOf(Parse("mysql", {{"url", "mysql://u:p@h:3306/"}})),
      "You should specify a database name in connection string (mysql://USER:PASSWORD@HOST:PORT/DATABASE)");
  EXPECT_EQ(ErrorOf(Parse("mysql", {{"url", ""}})),
            "Please provide required params for MySQL driver:\n    [x] url: ''");
  EXPECT_EQ(ErrorOf(Parse("mysql", {{"host", "h"}, {"password", "pw"}})),
            "Please provide required params for MySQL driver:\n"
            "    [✓] host: 'h'\n"
            "        port?: \n"
            "        user?: \n"
            "    [✓] password: '*****'\n"
            "    [x] database: undefined\n"
            "        ssl?: ");
}

TEST(SqliteCredentialsTest, Forms) {
  EXPECT_TRUE(std::holds_alternative<SqliteCredentials>(*Parse("sqlite", {{"url", "./dev.db"}})));
  EXPECT_TRUE(std::holds_alternative<SqliteCredentials>(*Parse("sqlite", {{"url", "file:dev.db"}})));
  EXPECT_TRUE(std::holds_alternative<SqliteCredentials>(*Parse("turso", {{"url", "file:local.db"}})));
  auto turso = Parse("turso", {{"url", "libsql://db-org.turso.io"}, {"authToken", "tok"}});
  ASSERT_TRUE(turso);
  EXPECT_EQ(std::get<LibsqlCredentials>(*turso).auth_token, "tok");
  auto d1 = Parse("sqlite", {{"accountId", "a"}, {"databaseId", "b"}, {"token", "t"}}, "d1-http");
  ASSERT_TRUE(d1);
  EXPECT_EQ(std::get<D1Credentials>(*d1).database_id, "b");
}

TEST(SqliteCredentialsTest, DrizzleKitMessages) {
  EXPECT_EQ(ErrorOf(Parse("sqlite", {{"url", "x.db"}}, "expo")),
            "You can't use 'push' command with Expo SQLite");
  EXPECT_EQ(ErrorOf(Parse("sqlite", {{"url", "x.db"}}, "durable-sqlite")),
            "You can't use 'push' command with SQLite Durable Objects");
  EXPECT_EQ(ErrorOf(Parse("sqlite", {{"accountId", "a"}, {"token", "t"}}, "d1-http")),
            "Please provide required params for D1 HTTP driver:\n"
            "    [✓] accountId: 'a'\n"
            "    [x] databaseId: undefined\n"
            "    [✓] token: '*****'");
  EXPECT_EQ(ErrorOf(Parse("sqlite", {{"url", ""}})), "Please provide required params:\n    [x] url: ''");
  EXPECT_EQ(ErrorOf(Parse("turso", {{"authToken", "t"}})),
            "Please provide required params:\n    [x] url: undefined");
  EXPECT_EQ(ErrorOf(Parse("gel", Json::object())), "You can't use 'push' command with Gel dialect");
}

TEST(ConnectOptionsTest, FromConfig) {
  auto options = ConnectOptions::FromConfig(
      {{"dialect", "sqlite"},
       {"driver", "d1-http"},
       {"schema", "./s.ts"},
       {"dbCredentials", {{"accountId", "a"}, {"databaseId", "b"}, {"token", "t"}}}});
  EXPECT_EQ(options.dialect, "sqlite");
  EXPECT_EQ(options.driver, "d1-http");
  EXPECT_TRUE(std::holds_alternative<D1Credentials>(*ParseCredentials(options)));
}

TEST(UrlTest, Parses) {
  auto url = ParseUrl("mysql://us%65r:p%3Aw@[::1]:3307/db%20x?a=1&b=%2F");
  ASSERT_TRUE(url);
  EXPECT_EQ(url->scheme, "mysql");
  EXPECT_EQ(url->user, "user");
  EXPECT_EQ(url->password, "p:w");
  EXPECT_EQ(url->host, "::1");
  EXPECT_EQ(url->port, 3307);
  EXPECT_EQ(url->path, "/db x");
  EXPECT_EQ(url->QueryValue("b"), "/");
  EXPECT_FALSE(ParseUrl("no-scheme"));
  EXPECT_FALSE(ParseUrl("mysql://h:99999/db"));
}

}  // namespace
}  // namespace dp::db
