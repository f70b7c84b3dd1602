// Helpers for the PostgreSQL introspection and push-planner tests (real server): SQL
// script splitting, fresh databases with a connection, pg_dump in the conformance
// corpus's normalized form, a resolver answering from drizzle-kit 1.0 hints, applying a
// plan in one transaction, and role cleanup (roles are server-wide).
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "base/result.h"
#include "db/connection.h"
#include "diff/resolver.h"
#include "introspect/filters.h"
#include "sqlgen/statement.h"
#include "support/servers.h"

namespace dp::pgpush_test {

std::string ReadFile(const std::string& path);
bool FileExists(const std::string& path);
std::string Trim(const std::string& text);

/// Splits SQL text into statements on ';' outside quotes, dollar quotes and comments.
std::vector<std::string> SplitSql(const std::string& text);
/// Statements separated by "--> statement-breakpoint" lines (trimmed, non-empty).
std::vector<std::string> SplitBreakpoints(const std::string& text);
/// Runs a script: breakpoint-separated when it has breakpoints, else split with SplitSql.
base::Result<void> RunScript(db::Connection& connection, const std::string& text);

/// A fresh database and a connection to it (ok() false: skipped or failed, see message()).
class FreshDb {
 public:
  FreshDb();
  bool ok() const { return connection_ != nullptr; }
  bool skipped() const { return db_.skipped(); }
  const std::string& message() const { return message_; }
  db::Connection& conn() { return *connection_; }
  const std::string& url() const { return db_.url(); }

 private:
  test::TestDatabase db_;
  std::unique_ptr<db::Connection> connection_;
  std::string message_;
};

/// Declares `FreshDb db;` in a test body: skips the test without a server, fails it when
/// the database cannot be made.
#define DP_FRESH_DB(db)                                 \
  FreshDb db;                                           \
  do {                                                  \
    if ((db).skipped()) GTEST_SKIP() << (db).message(); \
    ASSERT_TRUE((db).ok()) << (db).message();           \
  } while (0)

/// `pg_dump --schema-only --no-owner --no-privileges`, normalized (NormalizeDump).
std::string PgDump(const std::string& url);
/// Drops comment lines, SET lines, `SELECT pg_catalog.set_config`, \restrict lines and
/// blank lines.
std::string NormalizeDump(const std::string& text);

/// Roles on the test server (needs DP_TEST_PG_URL).
std::set<std::string> ServerRoles();
/// Roles on the server that are not in `baseline` and whose name occurs in `mentioned_in`
/// (roles are server-wide: other tests' roles are left alone).
std::set<std::string> NewRoles(const std::set<std::string>& baseline, const std::string& mentioned_in);
/// The conformance corpus's role section: `pg_dumpall --roles-only` lines (CREATE ROLE /
/// ALTER ROLE) of `roles`, sorted.
std::string RoleDump(const std::set<std::string>& roles);
/// Drops `roles` (after the databases using them are gone).
void DropRoles(const std::set<std::string>& roles);

/// Answers rename questions from drizzle-kit 1.0 hints; a question no hint answers is
/// recorded in missing() and treated as a create.
class HintResolver final : public diff::Resolver {
 public:
  explicit HintResolver(const nlohmann::json& hints);
  std::vector<diff::Rename> Resolve(diff::EntityKind kind, std::span<const diff::EntityPath> deleted,
                                    std::span<const diff::EntityPath> created) override;

 private:
  nlohmann::json hints_;
};

/// Filters from a case.json `config` object (tablesFilter, schemaFilter, extensionsFilters,
/// entities.roles), with drizzle-kit's defaults (schemaFilter ["public"]).
introspect::Filters FiltersFromConfig(const nlohmann::json& config);

/// Applies statements in one transaction (statements marked outside_transaction after
/// COMMIT); on failure everything in the transaction is rolled back.
base::Result<void> ApplyInTransaction(db::Connection& connection,
                                      const std::vector<sqlgen::Statement>& statements);

/// Statement texts, trimmed.
std::vector<std::string> Texts(const std::vector<sqlgen::Statement>& statements);
/// Texts joined with breakpoint lines (for failure messages).
std::string Join(const std::vector<std::string>& texts);

}  // namespace dp::pgpush_test
