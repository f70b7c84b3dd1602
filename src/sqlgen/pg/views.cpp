// Views: CREATE [MATERIALIZED] VIEW ... [USING ...] [WITH (...)] [TABLESPACE ...] AS (...)
// [WITH NO DATA], DROP, RENAME TO, SET SCHEMA, SET (...) / RESET (...), SET TABLESPACE,
// SET ACCESS METHOD.
#include "diff/pg/js_text.h"
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

namespace {

std::string Kind(bool materialized) { return materialized ? "ALTER MATERIALIZED VIEW " : "ALTER VIEW "; }

/// "key = value, ..." with snake_case keys, in drizzle-kit's (zod) option order.
std::string OptionList(const nlohmann::ordered_json& options) {
  std::string out;
  for (const auto& [key, value] : options.items()) {
    if (!out.empty()) out += ", ";
    out += SnakeCase(key) + " = " + diff::pg::JsString(value);
  }
  return out;
}

}  // namespace

void Render(const dpg::CreateView& change, Out& out) {
  const model::pg::View& view = change.view;
  std::string sql = std::string(view.materialized ? "CREATE MATERIALIZED VIEW " : "CREATE VIEW ") +
                    Qualified(view.schema, view.name);
  if (view.using_method && !view.using_method->empty()) sql += " USING " + Quote(*view.using_method);
  if (view.with) {
    model::pg::ViewWith with = *view.with;
    with.key_order.clear();
    sql += " WITH (" + OptionList(with.Entries()) + ")";
  }
  if (view.tablespace && !view.tablespace->empty()) sql += " TABLESPACE " + *view.tablespace;
  sql += " AS (" + view.definition.value_or("") + ")";
  if (view.with_no_data.value_or(false)) sql += " WITH NO DATA";
  Emit(out, sql + ";");
}

void Render(const dpg::DropView& change, Out& out) {
  Emit(out, std::string(change.materialized ? "DROP MATERIALIZED VIEW " : "DROP VIEW ") +
                Qualified(change.schema, change.name) + ";",
       change.materialized ? Hazard::DataLoss : Hazard::None);
}

void Render(const dpg::RenameView& change, Out& out) {
  Emit(out, Kind(change.materialized) + Quote(change.schema) + "." + Quote(change.from) + " RENAME TO " +
                Quote(change.to) + ";");
}

void Render(const dpg::MoveView& change, Out& out) {
  Emit(out, Kind(change.materialized) + Quote(change.from_schema) + "." + Quote(change.name) + " SET SCHEMA " +
                Quote(change.to_schema) + ";");
}

void Render(const dpg::SetViewOptions& change, Out& out) {
  Emit(out, Kind(change.materialized) + Quote(change.schema) + "." + Quote(change.name) + " SET (" +
                OptionList(change.options) + ");");
}

void Render(const dpg::ResetViewOptions& change, Out& out) {
  std::string keys;
  for (const std::string& key : change.options) {
    if (!keys.empty()) keys += ", ";
    keys += SnakeCase(key);
  }
  Emit(out, Kind(change.materialized) + Quote(change.schema) + "." + Quote(change.name) + " RESET (" + keys + ");");
}

void Render(const dpg::SetViewTablespace& change, Out& out) {
  Emit(out, "ALTER MATERIALIZED VIEW " + Quote(change.schema) + "." + Quote(change.name) + " SET TABLESPACE " +
                change.tablespace + ";");
}

void Render(const dpg::SetViewAccessMethod& change, Out& out) {
  Emit(out, "ALTER MATERIALIZED VIEW " + Quote(change.schema) + "." + Quote(change.name) + " SET ACCESS METHOD " +
                Quote(change.method) + ";");
}

}  // namespace dp::sqlgen::pg
