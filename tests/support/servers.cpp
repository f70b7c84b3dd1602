// TestDatabase: fresh per-test databases on the servers.sh servers, and temp SQLite files.
#include "support/servers.h"

#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <filesystem>
#include <random>

#include "db/url.h"

namespace dp::test {

namespace {

std::optional<std::string> Env(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr || *value == '\0') return std::nullopt;
  return std::string(value);
}

bool ServersRequired() {
  auto value = Env("DP_TEST_REQUIRE_SERVERS");
  return value && *value == "1";
}

std::string MissingMessage(const char* variable) {
  return fmt::format(
      "{} is not set: start the test servers with `eval \"$(bash tests/support/servers.sh start)\"` "
      "or run scripts/test.sh",
      variable);
}

base::Result<std::unique_ptr<db::Connection>> ConnectUrl(const std::string& dialect, const std::string& url) {
  db::ConnectOptions options;
  options.dialect = dialect;
  options.credentials = {{"url", url}};
  return db::Connect(options);
}

}  // namespace

std::optional<std::string> PgUrl() {
  return Env("DP_TEST_PG_URL");
}
std::optional<std::string> MysqlUrl() {
  return Env("DP_TEST_MYSQL_URL");
}

std::string WithDatabase(const std::string& url, const std::string& database) {
  size_t scheme = url.find("://");
  size_t authority = scheme == std::string::npos ? 0 : scheme + 3;
  size_t query = url.find('?', authority);
  size_t path = url.find('/', authority);
  if (path != std::string::npos && query != std::string::npos && path > query) path = std::string::npos;
  std::string head =
      url.substr(0, path != std::string::npos ? path : (query != std::string::npos ? query : url.size()));
  std::string tail = query != std::string::npos ? url.substr(query) : "";
  return head + "/" + db::PercentEncode(database) + tail;
}

std::string UniqueName(const std::string& prefix) {
  static std::atomic<int> counter{0};
  std::random_device random;
  return fmt::format("{}_{}_{}_{:04x}", prefix, ::getpid(), counter++, random() & 0xFFFF);
}

TestDatabase TestDatabase::Postgres() {
  TestDatabase db;
  db.dialect_ = "postgresql";
  auto admin = PgUrl();
  if (!admin) {
    db.state_ = ServersRequired() ? State::kFailed : State::kSkipped;
    db.message_ = MissingMessage("DP_TEST_PG_URL");
    return db;
  }
  db.admin_url_ = *admin;
  db.name_ = UniqueName("dp_t");
  auto conn = ConnectUrl("postgresql", *admin);
  if (!conn) {
    db.message_ = "cannot connect to the test PostgreSQL server: " + conn.error().message;
    return db;
  }
  if (auto created = (*conn)->Exec(fmt::format("CREATE DATABASE \"{}\"", db.name_)); !created) {
    db.message_ = "CREATE DATABASE failed: " + created.error().message;
    return db;
  }
  db.url_ = WithDatabase(*admin, db.name_);
  db.state_ = State::kReady;
  return db;
}

TestDatabase TestDatabase::Mysql() {
  TestDatabase db;
  db.dialect_ = "mysql";
  auto admin = MysqlUrl();
  if (!admin) {
    db.state_ = ServersRequired() ? State::kFailed : State::kSkipped;
    db.message_ = MissingMessage("DP_TEST_MYSQL_URL");
    return db;
  }
  db.admin_url_ = *admin;
  db.name_ = UniqueName("dp_t");
  auto conn = ConnectUrl("mysql", *admin);
  if (!conn) {
    db.message_ = "cannot connect to the test MariaDB server: " + conn.error().message;
    return db;
  }
  if (auto created = (*conn)->Exec(fmt::format("CREATE DATABASE `{}`", db.name_)); !created) {
    db.message_ = "CREATE DATABASE failed: " + created.error().message;
    return db;
  }
  db.url_ = WithDatabase(*admin, db.name_);
  db.state_ = State::kReady;
  return db;
}

TestDatabase TestDatabase::Sqlite() {
  TestDatabase db;
  db.dialect_ = "sqlite";
  std::error_code error;
  auto base = std::filesystem::temp_directory_path(error);
  if (error) base = "/tmp";
  std::filesystem::path dir = base / UniqueName("dp-sqlite");
  if (!std::filesystem::create_directories(dir, error)) {
    db.message_ = "cannot create " + dir.string() + ": " + error.message();
    return db;
  }
  db.temp_dir_ = dir.string();
  db.name_ = (dir / "test.db").string();
  db.url_ = db.name_;
  db.state_ = State::kReady;
  return db;
}

TestDatabase::TestDatabase(TestDatabase&& other) noexcept
    : state_(other.state_),
      message_(std::move(other.message_)),
      dialect_(std::move(other.dialect_)),
      name_(std::move(other.name_)),
      url_(std::move(other.url_)),
      admin_url_(std::move(other.admin_url_)),
      temp_dir_(std::move(other.temp_dir_)) {
  other.state_ = State::kFailed;
  other.temp_dir_.clear();
}

TestDatabase::~TestDatabase() {
  Drop();
}

void TestDatabase::Drop() {
  if (state_ != State::kReady) return;
  state_ = State::kFailed;
  if (dialect_ == "sqlite") {
    std::error_code error;
    if (!temp_dir_.empty()) std::filesystem::remove_all(temp_dir_, error);
    return;
  }
  auto conn = ConnectUrl(dialect_, admin_url_);
  if (!conn) return;
  if (dialect_ == "postgresql") {
    (void)(*conn)->Exec(fmt::format("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", name_));
  } else {
    (void)(*conn)->Exec(fmt::format("DROP DATABASE IF EXISTS `{}`", name_));
  }
}

std::string TestDatabase::password() const {
  if (dialect_ == "sqlite") return "";
  auto parsed = db::ParseUrl(url_);
  return parsed && parsed->password ? *parsed->password : "";
}

db::ConnectOptions TestDatabase::options() const {
  db::ConnectOptions options;
  options.dialect = dialect_;
  options.credentials = {{"url", url_}};
  return options;
}

base::Result<std::unique_ptr<db::Connection>> TestDatabase::Connect() const {
  if (state_ != State::kReady) return base::Fail("test database is not ready: {}", message_);
  return db::Connect(options());
}

}  // namespace dp::test
