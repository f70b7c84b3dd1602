// All-or-nothing application of statements (see apply.h).
#include "push/apply.h"

#include <fmt/format.h>

#include <cstdint>

namespace dp::push {

namespace {

constexpr size_t kNoStatement = SIZE_MAX;

ApplyReport ApplyInOrder(db::Connection& connection, const std::vector<sqlgen::Statement>& statements) {
  ApplyReport report;
  for (size_t i = 0; i < statements.size(); ++i) {
    auto done = connection.Exec(statements[i].sql);
    if (!done) {
      report.failure = ApplyFailure{i, statements[i].sql, done.error().message};
      return report;
    }
    report.applied.push_back(i);
  }
  return report;
}

ApplyReport ApplyBatch(db::Connection& connection, const std::vector<sqlgen::Statement>& statements) {
  ApplyReport report;
  std::vector<std::string> sql;
  for (const sqlgen::Statement& statement : statements) sql.push_back(statement.sql);
  if (auto done = connection.ExecBatch(sql); !done) {
    report.failure = ApplyFailure{kNoStatement, "(batch)", done.error().message};
    report.rolled_back = true;  // the server applies a batch all or nothing
    return report;
  }
  for (size_t i = 0; i < statements.size(); ++i) report.applied.push_back(i);
  return report;
}

ApplyReport ApplyInTransaction(db::Connection& connection, const std::vector<sqlgen::Statement>& statements,
                               const ApplyPolicy& policy) {
  ApplyReport report;
  {
    // RAII: any early return below rolls back (db::Transaction's destructor).
    db::Transaction transaction(connection);
    auto fail = [&](size_t index, std::string sql, std::string message) {
      report.failure = ApplyFailure{index, std::move(sql), std::move(message)};
      report.rolled_back = transaction.ok();
      report.applied.clear();
      return report;
    };
    if (!transaction.ok()) return fail(kNoStatement, "BEGIN", transaction.status().error().message);
    for (const std::string& sql : policy.after_begin) {
      if (auto done = connection.Exec(sql); !done) return fail(kNoStatement, sql, done.error().message);
    }
    for (size_t i = 0; i < statements.size(); ++i) {
      if (statements[i].outside_transaction) {
        report.after_commit.push_back(i);
        continue;
      }
      if (auto done = connection.Exec(statements[i].sql); !done) return fail(i, statements[i].sql, done.error().message);
      report.applied.push_back(i);
    }
    if (policy.before_commit_check) {
      auto rows = connection.Query(*policy.before_commit_check);
      if (!rows) return fail(kNoStatement, *policy.before_commit_check, rows.error().message);
      if (!rows->rows.empty()) {
        const auto& row = rows->rows.front();
        std::string table = !row.empty() && row[0] ? *row[0] : "?";
        std::string parent = row.size() > 2 && row[2] ? *row[2] : "?";
        return fail(kNoStatement, *policy.before_commit_check,
                    fmt::format("foreign key violation: {} row(s) of table \"{}\" reference missing rows of \"{}\"",
                                rows->rows.size(), table, parent));
      }
    }
    if (auto committed = transaction.Commit(); !committed) return fail(kNoStatement, "COMMIT", committed.error().message);
  }
  // Statements that cannot run inside a transaction, in order, after the commit.
  for (size_t i : report.after_commit) {
    if (auto done = connection.Exec(statements[i].sql); !done) {
      report.failure = ApplyFailure{i, statements[i].sql, done.error().message};
      return report;
    }
    report.applied.push_back(i);
  }
  return report;
}

}  // namespace

ApplyReport Apply(db::Connection& connection, const std::vector<sqlgen::Statement>& statements,
                  const ApplyPolicy& policy) {
  if (policy.batch) return ApplyBatch(connection, statements);
  if (!policy.transactional) return ApplyInOrder(connection, statements);
  for (const std::string& sql : policy.before_begin) {
    if (auto done = connection.Exec(sql); !done) {
      ApplyReport report;
      report.failure = ApplyFailure{kNoStatement, sql, done.error().message};
      return report;
    }
  }
  ApplyReport report = ApplyInTransaction(connection, statements, policy);
  for (const std::string& sql : policy.after_end) (void)connection.Exec(sql);
  return report;
}

}  // namespace dp::push
