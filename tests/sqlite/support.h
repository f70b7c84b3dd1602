// Helpers for the SQLite tests: file reading, SQL splitting, a fresh database loaded from a
// case folder's SQL files, a resolver scripted from drizzle-kit 1.0 hints, applying
// statements the way push should (one transaction, foreign keys checked before COMMIT),
// the convergence check, and the conformance corpus's schema dump.
#pragma once

#include <filesystem>
#include <initializer_list>
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
std::string Trim(const std::string& text);

/// Splits SQL text into statements on ';' outside quotes and comments (trimmed, non-empty).
std::vector<std::string> SplitSql(const std::string& text);

/// expected.sql: statements separated by "--> statement-breakpoint" lines, trimmed.
std::vector<std::string> SplitBreakpoints(const std::string& text);

/// Opens (creating) a SQLite database file, the way push connects.
std::unique_ptr<db::Connection> OpenSqlite(const std::string& path);

/// Opens a new database at `path`, removing any file left there by an earlier run.
std::unique_ptr<db::Connection> OpenFreshSqlite(const std::filesystem::path& path);

/// Runs every statement of `text` (split with SplitSql or on breakpoints).
base::Result<void> RunScript(db::Connection& connection, const std::string& text);

/// Runs those of `files` (e.g. before.sql, data.sql) that exist in `dir`, in order.
base::Result<void> RunScriptFiles(db::Connection& connection, const std::filesystem::path& dir,
                                  std::initializer_list<const char*> files);

/// Each statement's SQL, trimmed (the form expected.sql and kit.json compare in).
std::vector<std::string> TrimmedSql(const std::vector<sqlgen::Statement>& statements);

/// `dir`/hints.json, or no hints when the folder has none.
nlohmann::json HintsIn(const std::filesystem::path& dir);

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

/// Applies a first plan's statements in one transaction, then plans again without hints:
/// the second plan must be empty (gtest failures otherwise).
void ExpectConverges(db::Connection& connection, const model::sqlite::Snapshot& desired,
                     const std::vector<sqlgen::Statement>& statements);

/// A snapshot from JSON where omitted keys take the obvious defaults (golden files stay
/// short): tables get empty indexes/foreignKeys/...; columns primaryKey/notNull false.
base::Result<model::sqlite::Snapshot> LenientSnapshot(const nlohmann::ordered_json& json);

}  // namespace dp::sqlite_test
