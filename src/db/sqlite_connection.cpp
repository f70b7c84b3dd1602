// Local SQLite through libsqlite3, opened the way drizzle-kit's better-sqlite3 driver opens
// it: the file is created when missing, foreign keys are enforced.
#include <sqlite3.h>

#include <memory>
#include <utility>

#include "db/drivers.h"

namespace dp::db {

namespace {

constexpr int kBusyTimeoutMs = 5000;

class SqliteConnection final : public Connection {
 public:
  explicit SqliteConnection(sqlite3* db) : db_(db) {}
  ~SqliteConnection() override { sqlite3_close_v2(db_); }

  std::string_view Dialect() const override { return "sqlite"; }
  std::string_view Driver() const override { return "sqlite3"; }
  bool SupportsTransactionalDdl() const override { return true; }

  base::Result<QueryResult> Query(std::string_view sql) override {
    CountQuery();
    last_error_ = {};
    sqlite3_stmt* raw = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, sql.data(), static_cast<int>(sql.size()), &raw, &tail) != SQLITE_OK) {
      return Error();
    }
    std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> stmt(raw, &sqlite3_finalize);
    if (HasMoreStatements(sql, tail)) {
      last_error_.message = "expected exactly one SQL statement, got several";
      return base::Fail("{}", last_error_.message);
    }
    QueryResult out;
    if (!stmt) return out;  // only whitespace or comments
    int columns = sqlite3_column_count(stmt.get());
    for (int column_idx = 0; column_idx < columns; ++column_idx) {
      const char* name = sqlite3_column_name(stmt.get(), column_idx);
      out.columns.emplace_back(name ? name : "");
    }
    while (true) {
      int rc = sqlite3_step(stmt.get());
      if (rc == SQLITE_DONE) break;
      if (rc != SQLITE_ROW) return Error();
      std::vector<std::optional<std::string>> row;
      row.reserve(columns);
      for (int column_idx = 0; column_idx < columns; ++column_idx) {
        if (sqlite3_column_type(stmt.get(), column_idx) == SQLITE_NULL) {
          row.emplace_back(std::nullopt);
        } else {
          const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(stmt.get(), column_idx));
          int bytes = sqlite3_column_bytes(stmt.get(), column_idx);
          row.emplace_back(std::string(text ? text : "", static_cast<size_t>(bytes)));
        }
      }
      out.rows.push_back(std::move(row));
    }
    return out;
  }

 private:
  /// True when the text after the first statement holds another statement (not just
  /// whitespace and comments).
  bool HasMoreStatements(std::string_view sql, const char* tail) {
    if (tail == nullptr) return false;
    size_t offset = static_cast<size_t>(tail - sql.data());
    if (offset >= sql.size()) return false;
    sqlite3_stmt* next = nullptr;
    int rc = sqlite3_prepare_v2(db_, tail, static_cast<int>(sql.size() - offset), &next, nullptr);
    sqlite3_finalize(next);
    return rc != SQLITE_OK || next != nullptr;
  }

  tl::unexpected<base::Error> Error() {
    last_error_.code = sqlite3_errstr(sqlite3_extended_errcode(db_));
    last_error_.message = sqlite3_errmsg(db_);
    return base::Fail("{}", last_error_.message);
  }

  sqlite3* db_;
};

}  // namespace

base::Result<std::unique_ptr<Connection>> ConnectSqlite(const SqliteCredentials& credentials) {
  const std::string& url = credentials.url;
  int flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE;
  // `file:` URIs (libsql's form) are SQLite URIs; plain paths and ":memory:" are used as is.
  if (url.rfind("file:", 0) == 0) flags |= SQLITE_OPEN_URI;
  sqlite3* db = nullptr;
  int rc = sqlite3_open_v2(url.c_str(), &db, flags, nullptr);
  if (rc != SQLITE_OK) {
    std::string message = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
    sqlite3_close_v2(db);
    return base::Fail("cannot open SQLite database '{}': {}", base::RedactSecrets(url), message);
  }
  sqlite3_busy_timeout(db, kBusyTimeoutMs);
  sqlite3_extended_result_codes(db, 1);
  char* error = nullptr;
  if (sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, &error) != SQLITE_OK) {
    std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    sqlite3_close_v2(db);
    return base::Fail("cannot open SQLite database '{}': {}", base::RedactSecrets(url), message);
  }
  return std::unique_ptr<Connection>(new SqliteConnection(db));
}

}  // namespace dp::db
