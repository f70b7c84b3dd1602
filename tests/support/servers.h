// Test access to the private servers started by tests/support/servers.sh: their URLs from
// the environment, and a fresh database per test case (PostgreSQL, MariaDB) or a fresh
// SQLite file, dropped/removed when the test ends.
//
//   TEST(Introspect, Tables) {
//     auto db = dp::test::TestDatabase::Postgres();
//     DP_REQUIRE_DB(db);                       // skips when DP_TEST_PG_URL is unset
//     auto conn = db.Connect();                // base::Result<unique_ptr<db::Connection>>
//     ...
//   }
#pragma once

#include <gtest/gtest.h>

#include <memory>
#include <optional>
#include <string>

#include "base/result.h"
#include "db/connection.h"

namespace dp::test {

/// DP_TEST_PG_URL: postgres://dp:<pw>@127.0.0.1:<port>/postgres (a superuser).
std::optional<std::string> PgUrl();
/// DP_TEST_MYSQL_URL: mysql://dp:<pw>@127.0.0.1:<port>/dp_test (all privileges).
std::optional<std::string> MysqlUrl();
/// Replaces the database (path) of a postgres:// or mysql:// URL, keeping the query string.
std::string WithDatabase(const std::string& url, const std::string& database);
/// A name unique to this process and call: "<prefix>_<pid>_<n>_<random>".
std::string UniqueName(const std::string& prefix);

/// One database for one test case.
class TestDatabase {
 public:
  enum class State { kReady, kSkipped, kFailed };

  /// CREATE DATABASE on the DP_TEST_PG_URL server; dropped (WITH (FORCE)) by the destructor.
  static TestDatabase Postgres();
  /// CREATE DATABASE on the DP_TEST_MYSQL_URL server; dropped by the destructor.
  static TestDatabase Mysql();
  /// A new SQLite file path in a private temp dir (the file itself is created on connect).
  static TestDatabase Sqlite();

  TestDatabase(TestDatabase&& other) noexcept;
  TestDatabase& operator=(TestDatabase&&) = delete;
  ~TestDatabase();

  State state() const { return state_; }
  bool ready() const { return state_ == State::kReady; }
  bool skipped() const { return state_ == State::kSkipped; }
  /// Why it is skipped or failed.
  const std::string& message() const { return message_; }

  /// "postgresql" | "mysql" | "sqlite".
  const std::string& dialect() const { return dialect_; }
  /// The database name (the file path for SQLite).
  const std::string& name() const { return name_; }
  /// A URL for this database (the file path for SQLite).
  const std::string& url() const { return url_; }
  /// The password in url() ("" for SQLite), for redaction assertions.
  std::string password() const;
  /// Drizzle config options for it: {dialect, dbCredentials: {url}}.
  db::ConnectOptions options() const;
  /// A new connection to it.
  base::Result<std::unique_ptr<db::Connection>> Connect() const;

 private:
  TestDatabase() = default;
  void Drop();

  State state_ = State::kFailed;
  std::string message_;
  std::string dialect_;
  std::string name_;
  std::string url_;
  std::string admin_url_;  // where DROP DATABASE runs
  std::string temp_dir_;   // SQLite
};

}  // namespace dp::test

/// In a TEST body: skip when the server's env var is missing (fail instead when
/// DP_TEST_REQUIRE_SERVERS=1, as scripts/test.sh sets), fail when creation failed.
#define DP_REQUIRE_DB(db)                               \
  do {                                                  \
    if ((db).skipped()) GTEST_SKIP() << (db).message(); \
    ASSERT_TRUE((db).ready()) << (db).message();        \
  } while (0)
