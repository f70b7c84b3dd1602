// Snapshot helpers shared by the sqlite and mysql builders (see lite_snapshot.h).
#include "dsl/sqlite/lite_snapshot.h"

#include <algorithm>
#include <cstdlib>
#include <unordered_set>

#include "model/json_text.h"

namespace dp::dsl::lite {

namespace {

std::string EscapeWith(std::string_view text, char quote) {
  std::string out(1, quote);
  for (char c : text) {
    if (c == quote) out.push_back(quote);
    out.push_back(c);
  }
  out.push_back(quote);
  return out;
}

std::string SqliteEscapeName(std::string_view name) { return EscapeWith(name, '"'); }
std::string MysqlEscapeName(std::string_view name) { return EscapeWith(name, '`'); }
std::string QuestionParam(size_t) { return "?"; }
std::string SingleQuoted(std::string_view text) { return EscapeWith(text, '\''); }

}  // namespace

const SqlDialect& SqliteSqlDialect() {
  static const SqlDialect dialect{&SqliteEscapeName, &QuestionParam, &SingleQuoted};
  return dialect;
}

const SqlDialect& MysqlSqlDialect() {
  static const SqlDialect dialect{&MysqlEscapeName, &QuestionParam, &SingleQuoted};
  return dialect;
}

Exports CollectExports(ts::Interp& interp, std::span<ts::Object* const> namespaces, Dialect dialect) {
  Exports out;
  std::unordered_set<const TableHost*> seen;
  for (ts::Object* ns : namespaces) {
    if (ns == nullptr) continue;
    // The namespace lists exports as drizzle-kit sees them (esbuild's CommonJS output: the
    // module's own exports sorted by name, then what `export *` adds); Object.values follows it.
    std::vector<std::string> keys = interp.OwnKeys(ns);
    for (const std::string& key : keys) {
      ts::Value value = interp.Get(ts::Value::Obj(ns), key);
      if (TableHost* table = AsLiteTable(value, dialect)) {
        if (seen.insert(table).second) out.tables.push_back(table);
      } else if (ViewHost* view = AsLiteView(value, dialect)) {
        out.views.push_back(view);
      }
    }
  }
  return out;
}

std::vector<ColumnHost*> ViewColumns(ts::Interp& interp, const ViewHost& view, Dialect dialect) {
  std::vector<ColumnHost*> out;
  if (view.selected_fields == nullptr) return out;
  for (const std::string& key : interp.OwnKeys(view.selected_fields)) {
    ts::Value value = interp.Get(ts::Value::Obj(view.selected_fields), key);
    if (view.raw_sql_fields_throw && AsSql(value) != nullptr) {
      Refuse("You tried to reference \"" + key +
                 "\" field from a subquery, which is a raw SQL field, but it doesn't have an alias declared. Please "
                 "add an alias to the field using \".as('alias')\" method.",
             view.span);
    }
    if (ColumnHost* column = AsLiteColumn(value, dialect)) out.push_back(column);
  }
  return out;
}

std::string KitColumnName(const ColumnBase& column, Casing casing) {
  if (column.name.empty()) return "";
  if (!column.key_as_name || casing == Casing::None) return column.name;
  return casing == Casing::CamelCase ? ToCamelCase(column.name) : ToSnakeCase(column.name);
}

std::string ReplaceFirst(std::string text, const std::string& from, const std::string& to) {
  size_t pos = text.find(from);
  if (pos == std::string::npos) return text;
  text.replace(pos, from.size(), to);
  return text;
}

std::string EscapeSingleQuotes(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    if (c == '\'') out += "''";
    else out.push_back(c);
  }
  return out;
}

std::string SqlText(ts::Interp& interp, ts::Value sql, const SqlDialect& dialect, Casing casing, bool indexes) {
  CasingCache cache(casing);
  RenderOptions options;
  options.dialect = &dialect;
  options.casing = &cache;
  options.indexes_source = indexes;
  return RenderSql(interp, sql, options);
}

std::string SqlDefaultText(ts::Interp& interp, ts::Value sql, const SqlDialect& dialect, Casing casing) {
  CasingCache cache(casing);
  RenderOptions options;
  options.dialect = &dialect;
  options.casing = &cache;
  options.forbid_escapes = "we don't support params for `sql` default values";
  return RenderSql(interp, sql, options);
}

std::string JsonText(ts::Interp& interp, ts::Value value) {
  std::optional<std::string> json = interp.JsonStringify(value);
  return json ? *json : std::string("undefined");
}

std::optional<nlohmann::ordered_json> PrimitiveJson(ts::Interp& interp, ts::Value value) {
  switch (value.kind()) {
    case ts::ValueKind::Boolean:
      return nlohmann::ordered_json(value.AsBoolean());
    case ts::ValueKind::Number:
      return model::JsNumber(value.AsNumber());
    case ts::ValueKind::BigInt: {
      const std::string& digits = value.AsBigInt();
      errno = 0;
      char* end = nullptr;
      long long n = std::strtoll(digits.c_str(), &end, 10);
      if (errno == 0 && end != nullptr && *end == '\0') return nlohmann::ordered_json(n);
      return nlohmann::ordered_json(digits);
    }
    case ts::ValueKind::String:
      return nlohmann::ordered_json(value.AsString());
    default:
      (void)interp;
      return std::nullopt;
  }
}

std::optional<nlohmann::ordered_json> ValueJson(ts::Interp& interp, ts::Value value) {
  if (value.IsNull()) return nlohmann::ordered_json(nullptr);
  if (!value.IsObject()) return PrimitiveJson(interp, value);
  if (interp.IsCallable(value)) return std::nullopt;
  std::optional<std::string> text = interp.JsonStringify(value);
  if (!text) return std::nullopt;
  return nlohmann::ordered_json::parse(*text, nullptr, false);
}

void Refuse(std::string message, base::Span span) { throw SnapshotError{std::move(message), span}; }

void ReportScriptError(ts::Interp& interp, base::DiagSink& diags, const ts::ScriptException& ex, base::Span fallback,
                       const std::string& context) {
  std::string message = ThrownMessage(interp, ex.value);
  if (!context.empty()) message = context + ": " + message;
  base::DiagKind kind = ex.kind == base::DiagKind::EvalThrown ? base::DiagKind::EvalThrown : ex.kind;
  diags.Error(kind, ex.span.begin.file != 0 ? ex.span : fallback, std::move(message));
}

}  // namespace dp::dsl::lite
