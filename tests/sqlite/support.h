// Helpers for the SQLite tests: file reading, SQL splitting, a resolver scripted from
// drizzle-kit 1.0 hints, applying statements the way push should (one transaction,
// foreign keys checked before COMMIT), and the conformance corpus's schema dump.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "base/result.h"
#include "db/connection.h"
#include "diff/resolver.h"
#include "model/sqlite/snapshot.h"
#include "sqlgen/statement.h"

namespace dp::sqlite_test {

std::string ReadFile(const std::string& path);
void WriteFile(const std::string& path, const std::string& text);
bool FileExists(const std::string& path);
std::string Trim(const std::string& text);

/// Splits SQL text into statements on ';' outside quotes and comments (trimmed, non-empty).
std::vector<std::string> SplitSql(const std::string& text);

/// expected.sql: statements separated by "--> statement-breakpoint" lines, trimmed.
std::vector<std::string> SplitBreakpoints(const std::string& text);

/// Opens (creating) a SQLite database file, the way push connects.
std::unique_ptr<db::Connection> OpenSqlite(const std::string& path);

/// Runs every statement of `text` (split with SplitSql or on breakpoints).
base::Result<void> RunScript(db::Connection& connection, const std::string& text);

/// Applies statements in one transaction: PRAGMA foreign_keys=OFF before BEGIN when it is
/// on (inside a transaction the pragma is a no-op), PRAGMA foreign_key_check before
/// COMMIT, the pragma restored afterwards. On failure everything is rolled back.
base::Result<void> ApplyInTransaction(db::Connection& connection,
                                      const std::vector<sqlgen::Statement>& statements);

/// `SELECT type, name, tbl_name, sql FROM sqlite_schema ...` rendered like after.sql;
/// with `row_counts`, "-- rows t: N" for every table.
std::string DumpSchema(db::Connection& connection, bool row_counts);

/// Answers rename-or-create questions from drizzle-kit 1.0 hints
/// ({"type":"rename","kind":"table","from":[..],"to":[..]} / {"type":"create",...}).
class ScriptedResolver final : public diff::Resolver {
 public:
  explicit ScriptedResolver(const nlohmann::json& hints);
  std::vector<diff::Rename> Resolve(diff::EntityKind kind, std::span<const diff::EntityPath> deleted,
                                    std::span<const diff::EntityPath> created) override;

 private:
  nlohmann::json hints_;
};

/// A snapshot from JSON where omitted keys take the obvious defaults (golden files stay
/// short): tables get empty indexes/foreignKeys/...; columns primaryKey/notNull false.
base::Result<model::sqlite::Snapshot> LenientSnapshot(const nlohmann::ordered_json& json);

}  // namespace dp::sqlite_test
