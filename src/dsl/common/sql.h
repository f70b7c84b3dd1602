// drizzle's SQL value model: the `sql` template tag's result (a list of chunks), SQL.Aliased,
// Name (sql.identifier), Param and Placeholder, and the rendering of a chunk tree to text
// exactly as drizzle-orm's SQL.toQuery / buildQueryFromSourceParams does.
#pragma once

#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/common/casing.h"
#include "dsl/common/entities.h"
#include "dsl/common/host.h"

namespace dp::dsl {

/// One query chunk: literal text (StringChunk) or any value (rendered by its kind).
struct SqlChunk {
  bool is_text = false;
  std::string text;  // is_text
  ts::Value value;   // otherwise
};

/// drizzle's SQL.
struct SqlHost : Host {
  SqlHost() : Host(HostKind::Sql) {}
  std::vector<SqlChunk> chunks;
  bool inline_params = false;  // .inlineParams()
};

/// drizzle's SQL.Aliased: `sql`...`.as("alias")`.
struct SqlAliasedHost : Host {
  SqlAliasedHost() : Host(HostKind::SqlAliased) {}
  ts::Object* sql = nullptr;  // SqlHost object
  std::string alias;
  bool is_selection_field = false;
};

/// drizzle's Name (sql.identifier).
struct NameHost : Host {
  NameHost() : Host(HostKind::Name) {}
  std::string value;
};

/// drizzle's Param: a value bound to an optional encoder (a column).
struct ParamHost : Host {
  ParamHost() : Host(HostKind::Param) {}
  ts::Value value;
  ts::Value encoder;  // column object or undefined (noop encoder)
};

/// drizzle's Placeholder.
struct PlaceholderHost : Host {
  PlaceholderHost() : Host(HostKind::Placeholder) {}
  std::string name;
};

// --- construction (hosts as JS objects with the shared prototypes)

/// A new SQL object holding `chunks`.
ts::Object* NewSql(ts::Interp& interp, std::vector<SqlChunk> chunks);
/// SQL for a text chunk (sql.raw).
ts::Object* NewRawSql(ts::Interp& interp, std::string text);
ts::Object* NewName(ts::Interp& interp, std::string value);
ts::Object* NewParam(ts::Interp& interp, ts::Value value, ts::Value encoder);
ts::Object* NewAliased(ts::Interp& interp, ts::Object* sql, std::string alias, bool is_selection_field = false);
/// A text chunk / a value chunk.
inline SqlChunk Text(std::string text) { return SqlChunk{true, std::move(text), {}}; }
inline SqlChunk Val(ts::Value v) { return SqlChunk{false, {}, v}; }

/// The SqlHost of a value, or nullptr.
inline SqlHost* AsSql(ts::Value v) { return HostAs<SqlHost>(v, HostKind::Sql); }
inline SqlAliasedHost* AsAliased(ts::Value v) { return HostAs<SqlAliasedHost>(v, HostKind::SqlAliased); }

/// drizzle's bindIfParam(value, column): wraps plain values in a Param encoded by `column`
/// when `column` is a column; returns SQL-like values unchanged.
ts::Value BindIfParam(ts::Interp& interp, ts::Value value, ts::Value column);
/// True for values drizzle treats as SQLWrapper (SQL, columns, tables, views, params, ...).
bool IsSqlWrapper(ts::Interp& interp, ts::Value v);

// --- rendering

/// How a dialect renders names, params and strings (drizzle's BuildQueryConfig).
struct SqlDialect {
  std::string (*escape_name)(std::string_view name);
  std::string (*escape_param)(size_t index);  // index is 0-based
  std::string (*escape_string)(std::string_view text);
};

/// The PostgreSQL dialect: "name", $1, 'text'.
const SqlDialect& PgSqlDialect();

/// Options of one rendering (drizzle's toQuery config).
struct RenderOptions {
  const SqlDialect* dialect = nullptr;
  CasingCache* casing = nullptr;
  bool inline_params = false;
  bool indexes_source = false;  // invokeSource === 'indexes': bare column names
  /// When set, names/params/strings are not allowed and rendering fails with this message
  /// (drizzle-kit's sqlToStr for defaults: "we don't support params for `sql` default values").
  const char* forbid_escapes = nullptr;
};

/// Renders chunk trees to text: drizzle's buildQueryFromSourceParams. Dialect hosts that are
/// SQL wrappers (pg enums, schemas, subqueries, select builders) render themselves through
/// Host::RenderSql and call back into Render for their parts.
class SqlRenderer {
 public:
  SqlRenderer(ts::Interp& interp, const RenderOptions& options);

  /// Renders one chunk value with the current inline-params state.
  void Render(ts::Value chunk);
  /// Renders an SQL object's chunks (its own inlineParams flag ORed in).
  void RenderSqlObject(const SqlHost& sql);
  /// Renders a list of chunks with the current state.
  void RenderChunks(const std::vector<SqlChunk>& chunks);
  void Append(std::string_view text) { out_.append(text); }
  std::string EscapeName(std::string_view name);
  std::string EscapeParam();
  std::string EscapeString(std::string_view text);
  ts::Interp& interp() { return interp_; }
  const RenderOptions& options() const { return options_; }
  bool inline_params() const { return inline_; }
  std::string Take() { return std::move(out_); }

 private:
  void RenderColumn(const ColumnBase& column);
  void RenderParam(const ParamHost& param);
  void RenderInline(ts::Value value);
  void Forbidden();

  ts::Interp& interp_;
  const RenderOptions& options_;
  bool inline_ = false;
  size_t param_index_ = 0;
  std::string out_;
};

/// Renders an SQL object (or any chunk value) to text. Script errors (a throwing getSQL or
/// encoder) propagate as ts::ScriptException; rendering errors throw a TypeError.
std::string RenderSql(ts::Interp& interp, ts::Value sql, const RenderOptions& options);

/// The `sql` tag function object with raw/join/empty/identifier/placeholder/param.
ts::Object* MakeSqlTag(ts::Interp& interp);

}  // namespace dp::dsl
