// The test-support helpers themselves: URL database swapping, unique names, and the
// skip-or-fail rule when a server URL is missing.
#include <gtest/gtest.h>

#include <cstdlib>
#include <optional>
#include <string>

#include "support/servers.h"

namespace dp::test {
namespace {

/// Sets (or unsets, with nullopt) an environment variable for one scope.
class ScopedEnv {
 public:
  ScopedEnv(const char* name, std::optional<std::string> value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) {
      ::setenv(name, value->c_str(), 1);
    } else {
      ::unsetenv(name);
    }
  }
  ~ScopedEnv() {
    if (old_) {
      ::setenv(name_, old_->c_str(), 1);
    } else {
      ::unsetenv(name_);
    }
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

TEST(SupportTest, WithDatabase) {
  EXPECT_EQ(WithDatabase("postgres://u:p@127.0.0.1:5432/postgres", "dp_t_1"), "postgres://u:p@127.0.0.1:5432/dp_t_1");
  EXPECT_EQ(WithDatabase("postgres://u:p@h:1/postgres?sslmode=disable", "x"), "postgres://u:p@h:1/x?sslmode=disable");
  EXPECT_EQ(WithDatabase("mysql://u:p@h:3306", "x"), "mysql://u:p@h:3306/x");
  EXPECT_EQ(WithDatabase("mysql://u:p@h:3306?ssl=1", "x"), "mysql://u:p@h:3306/x?ssl=1");
}

TEST(SupportTest, UniqueNames) {
  std::string a = UniqueName("dp_t");
  std::string b = UniqueName("dp_t");
  EXPECT_NE(a, b);
  EXPECT_EQ(a.rfind("dp_t_", 0), 0u);
  EXPECT_LE(a.size(), 63u);  // PostgreSQL identifier limit
}

TEST(SupportTest, MissingServerSkipsOrFails) {
  ScopedEnv no_pg("DP_TEST_PG_URL", std::nullopt);
  {
    ScopedEnv optional("DP_TEST_REQUIRE_SERVERS", std::nullopt);
    auto db = TestDatabase::Postgres();
    EXPECT_TRUE(db.skipped());
    EXPECT_NE(db.message().find("DP_TEST_PG_URL is not set"), std::string::npos);
  }
  {
    ScopedEnv required("DP_TEST_REQUIRE_SERVERS", "1");
    auto db = TestDatabase::Postgres();
    EXPECT_EQ(db.state(), TestDatabase::State::kFailed);
    EXPECT_FALSE(db.Connect());
  }
}

TEST(SupportTest, FreshDatabasesAreDropped) {
  std::string name;
  {
    auto db = TestDatabase::Postgres();
    DP_REQUIRE_DB(db);
    name = db.name();
    auto conn = db.Connect();
    ASSERT_TRUE(conn) << conn.error().message;
    EXPECT_EQ((*conn)->Query("SELECT current_database()")->rows[0][0], name);
  }
  db::ConnectOptions admin{"postgresql", std::nullopt, {{"url", *PgUrl()}}, "push"};
  auto conn = db::Connect(admin);
  ASSERT_TRUE(conn);
  auto left = (*conn)->Query("SELECT count(*) FROM pg_database WHERE datname = '" + name + "'");
  ASSERT_TRUE(left);
  EXPECT_EQ(left->rows[0][0], "0");
}

}  // namespace
}  // namespace dp::test
