// Applying a plan: everything in ONE transaction where the database allows DDL in one
// (PostgreSQL, SQLite, libSQL), so a failing statement leaves the database exactly as it
// was. Statements that cannot run in a transaction (CREATE INDEX CONCURRENTLY) run after
// COMMIT. Without transactional DDL (MySQL, D1) statements run in order and the report
// says exactly which ones were applied.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "db/connection.h"
#include "sqlgen/statement.h"

namespace dp::push {

struct ApplyPolicy {
  bool transactional = true;
  /// Send every statement in one request that the server applies atomically (D1's HTTP
  /// query API runs a batch as one transaction); used instead of BEGIN/COMMIT.
  bool batch = false;
  /// Run before BEGIN (SQLite: "PRAGMA foreign_keys=OFF", which is a no-op inside a
  /// transaction, so a table recreation can drop and rename a referenced table).
  std::vector<std::string> before_begin;
  /// Run right after BEGIN.
  std::vector<std::string> after_begin;
  /// Run after COMMIT or ROLLBACK, whatever happened (SQLite: "PRAGMA foreign_keys=ON").
  std::vector<std::string> after_end;
  /// Run before COMMIT; any row returned is a violation and rolls back
  /// (SQLite: "PRAGMA foreign_key_check").
  std::optional<std::string> before_commit_check;
};

struct ApplyFailure {
  size_t index = 0;         // index into the statements (or SIZE_MAX for BEGIN/COMMIT/the check)
  std::string sql;          // the failing statement
  std::string message;      // the server's message
};

struct ApplyReport {
  std::vector<size_t> applied;            // indexes of statements that took effect
  std::vector<size_t> after_commit;       // indexes run after COMMIT (outside the transaction)
  std::optional<ApplyFailure> failure;
  bool rolled_back = false;               // the transaction was rolled back: nothing applied
};

/// Runs the statements under the policy. Never throws; a failure is in the report.
ApplyReport Apply(db::Connection& connection, const std::vector<sqlgen::Statement>& statements,
                  const ApplyPolicy& policy);

}  // namespace dp::push
