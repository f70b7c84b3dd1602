// db::Connection: the one interface introspection and push use to talk to a database,
// whatever the driver (libpq, MariaDB client, libsqlite3, libsql/Hrana HTTP, D1 HTTP).
// Values come back as text, exactly as the server renders them; NULL is nullopt.
#pragma once

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "db/credentials.h"

namespace dp::db {

/// Rows of a query, every value as text (nullopt = SQL NULL).
struct QueryResult {
  std::vector<std::string> columns;
  std::vector<std::vector<std::optional<std::string>>> rows;
};

/// Structured detail of the last server error (the Error message already carries the text).
struct ServerError {
  std::string code;  ///< PostgreSQL SQLSTATE ("42P01"), MySQL errno ("1146"), SQLite code name or Hrana code.
  std::string message;  ///< The server's primary message.
  std::string detail;   ///< PostgreSQL DETAIL, when present.
  std::string hint;     ///< PostgreSQL HINT, when present.
};

/// A live database session. Not thread-safe; one statement at a time.
class Connection {
 public:
  virtual ~Connection() = default;

  /// "postgresql" | "sqlite" | "mysql" (libsql/turso and D1 are "sqlite").
  virtual std::string_view Dialect() const = 0;
  /// Which implementation: "libpq", "mariadb", "sqlite3", "libsql-http", "d1-http" ("" for fakes).
  virtual std::string_view Driver() const { return {}; }

  /// Runs exactly one statement and returns its rows (empty for statements without rows).
  virtual base::Result<QueryResult> Query(std::string_view sql) = 0;
  /// Runs exactly one statement, discarding rows. Several statements in one string are an error.
  /// By default Query() with the rows dropped.
  virtual base::Result<void> Exec(std::string_view sql);

  /// Transaction control; by default Exec("BEGIN" / "COMMIT" / "ROLLBACK").
  virtual base::Result<void> Begin();
  virtual base::Result<void> Commit();
  virtual base::Result<void> Rollback();

  /// True where DDL takes part in transactions: PostgreSQL, SQLite, libsql. Not MySQL, not D1.
  virtual bool SupportsTransactionalDdl() const;

  /// Runs statements in order. D1 sends them as one batch, which D1 applies atomically;
  /// elsewhere this is a loop over Exec (wrap it in a Transaction for atomicity).
  virtual base::Result<void> ExecBatch(const std::vector<std::string>& statements);

  /// How many Query/Exec calls reached the driver (Begin/Commit/Rollback included;
  /// session setup done by Connect is not). Tests pin introspection query counts with it.
  size_t query_count() const { return query_count_; }
  void reset_query_count() { query_count_ = 0; }

  /// Detail of the server error behind the last failed call (reset when a call starts).
  const ServerError& last_error() const { return last_error_; }

 protected:
  /// Implementations call this once per Query/Exec they run.
  void CountQuery() { ++query_count_; }
  ServerError last_error_;

 private:
  size_t query_count_ = 0;
};

/// RAII transaction: Begin in the constructor (check ok()), Commit() to keep the work;
/// the destructor rolls back when Commit() was not called or failed.
class Transaction {
 public:
  explicit Transaction(Connection& connection);
  ~Transaction();
  Transaction(const Transaction&) = delete;
  Transaction& operator=(const Transaction&) = delete;

  /// Whether BEGIN succeeded.
  bool ok() const { return begin_status_.has_value(); }
  /// BEGIN's result, to propagate with DP_TRY.
  const base::Result<void>& status() const { return begin_status_; }
  /// Commits; after a failed COMMIT the destructor still attempts ROLLBACK.
  base::Result<void> Commit();
  /// Rolls back now (the destructor then does nothing).
  base::Result<void> Rollback();

 private:
  Connection& connection_;
  base::Result<void> begin_status_;
  bool open_ = false;
};

/// Opens a connection for drizzle config's dialect/driver/dbCredentials: validates them like
/// drizzle-kit (its messages on failure), then connects. Connection failures name the
/// host, port and database, never the password.
base::Result<std::unique_ptr<Connection>> Connect(const ConnectOptions& options);

/// Opens a connection for already-validated credentials.
base::Result<std::unique_ptr<Connection>> Connect(const Credentials& credentials);

}  // namespace dp::db
