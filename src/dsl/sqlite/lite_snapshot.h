// What the sqlite and mysql snapshot builders share: collecting the exported tables and views
// (drizzle-kit's prepareFromExports), drizzle-kit's column-name casing and name fix-ups,
// rendering SQL values with a dialect, default-value text, and turning script errors and
// drizzle-kit's own refusals into located diagnostics.
#pragma once

#include <nlohmann/json.hpp>

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/diag.h"
#include "dsl/common/casing.h"
#include "dsl/common/sql.h"
#include "dsl/sqlite/lite_core.h"

namespace dp::dsl::lite {

/// Tables (deduplicated, first export wins) and views (not deduplicated, as drizzle-kit) in
/// export order across the namespaces.
struct Exports {
  std::vector<TableHost*> tables;
  std::vector<ViewHost*> views;
};
Exports CollectExports(ts::Interp& interp, std::span<ts::Object* const> namespaces, Dialect dialect);

/// The columns among a view's selected fields (for key in selectedFields, is(x, Column)),
/// refusing raw sql fields where drizzle's selection proxy throws.
std::vector<ColumnHost*> ViewColumns(ts::Interp& interp, const ViewHost& view, Dialect dialect);

/// drizzle-kit's getColumnCasing: the column's name, the key converted when keyAsName.
std::string KitColumnName(const ColumnBase& column, Casing casing);
/// JS `name.replace(from, to)` with a string pattern: the first occurrence only.
std::string ReplaceFirst(std::string text, const std::string& from, const std::string& to);
/// str.replace(/'/g, "''").
std::string EscapeSingleQuotes(std::string_view text);

/// dialect.sqlToQuery(value, invokeSource).sql with the snapshot's casing.
std::string SqlText(ts::Interp& interp, ts::Value sql, const SqlDialect& dialect, Casing casing, bool indexes = false);
/// drizzle-kit's sqlToStr: an sql`` default rendered with names and params refused.
std::string SqlDefaultText(ts::Interp& interp, ts::Value sql, const SqlDialect& dialect, Casing casing);
/// JSON.stringify(value) as text ("undefined" when not serializable, as a template would print).
std::string JsonText(ts::Interp& interp, ts::Value value);
/// A JS primitive default as a snapshot JSON value (number, boolean, bigint as a number).
std::optional<nlohmann::ordered_json> PrimitiveJson(ts::Interp& interp, ts::Value value);

/// A JS value as JSON.stringify would write it into the snapshot (nullopt: the key is dropped).
std::optional<nlohmann::ordered_json> ValueJson(ts::Interp& interp, ts::Value value);

/// A refusal drizzle-kit reports (then exits): becomes an error diagnostic at `span`.
struct SnapshotError {
  std::string message;
  base::Span span;
};
[[noreturn]] void Refuse(std::string message, base::Span span);

/// Runs `body`, turning a script exception or a SnapshotError into a diagnostic; returns false
/// when one was reported. `context` prefixes the message ("table 'users'").
template <class F>
bool Guarded(ts::Interp& interp, base::DiagSink& diags, base::Span fallback, const std::string& context, F&& body);

/// Reports a caught exception (implementation detail of Guarded).
void ReportScriptError(ts::Interp& interp, base::DiagSink& diags, const ts::ScriptException& ex, base::Span fallback,
                       const std::string& context);

template <class F>
bool Guarded(ts::Interp& interp, base::DiagSink& diags, base::Span fallback, const std::string& context, F&& body) {
  try {
    body();
    return true;
  } catch (const ts::ScriptException& ex) {
    ReportScriptError(interp, diags, ex, fallback, context);
  } catch (const SnapshotError& err) {
    diags.Error(base::DiagKind::DslError, err.span.begin.file != 0 ? err.span : fallback, err.message);
  }
  return false;
}

/// The SQLite dialect's escaping: "name", ?, 'text'.
const SqlDialect& SqliteSqlDialect();
/// The MySQL dialect's escaping: `name`, ?, 'text'.
const SqlDialect& MysqlSqlDialect();

}  // namespace dp::dsl::lite
