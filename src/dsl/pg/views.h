// pg views: pgView / pgMaterializedView / schema.view builders (.with .using .tablespace
// .withNoData .as .existing), the view objects, and the select query builder that
// `.as((qb) => qb.select()...)` uses, rendered like drizzle-orm's PgDialect.buildSelectQuery.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/common/entities.h"
#include "dsl/common/sql.h"

namespace dp::dsl::pg {

/// pgView(name, columns?) / pgMaterializedView(name, columns?) before .as()/.existing().
struct PgViewBuilderHost : Host {
  PgViewBuilderHost() : Host(HostKind::PgViewBuilder) {}
  std::string name;
  std::optional<std::string> schema;
  bool materialized = false;
  ts::Object* columns = nullptr;  // manual views: getTableColumns(pgTable(name, columns))
  ts::Value with;
  ts::Value using_;
  ts::Value tablespace;
  ts::Value with_no_data;
};

/// A pg view or materialized view.
struct PgViewHost : ViewBase {
  bool materialized = false;
  bool has_pg_config = false;  // PgView: false for .existing() (its `with` is then undefined)
  ts::Value with;
  ts::Value using_;
  ts::Value tablespace;
  ts::Value with_no_data;
};

/// The pg view of a value, or nullptr.
inline PgViewHost* AsPgView(ts::Value v) {
  ViewBase* view = AsView(v);
  return view != nullptr && view->dialect == "pg" ? static_cast<PgViewHost*>(view) : nullptr;
}

/// pgView/pgMaterializedView(name, columns?) with a schema.
ts::Value MakeViewBuilder(ts::CallContext& call, std::optional<std::string> schema, bool materialized);

/// Adds pgView, pgMaterializedView, QueryBuilder and alias to `ns`.
void AddViewFunctions(ts::Interp& interp, ts::Object* ns);

/// A new QueryBuilder object (what `.as((qb) => ...)` receives).
ts::Object* NewQueryBuilder(ts::Interp& interp);

/// qb.getSelectedFields() of a select builder value (nullptr when `v` is not one).
ts::Object* SelectedFieldsOf(ts::Interp& interp, ts::Value v);
/// qb.getSQL() of a select builder value: a new SQL object.
ts::Value SelectSql(ts::Interp& interp, ts::Value v);

/// The fields a view or subquery exposes: its selected fields seen through `alias` (columns
/// re-tabled to the alias, aliased SQL as selection fields), as own properties of `target`.
void AddAliasedFields(ts::Interp& interp, ts::Object* target, ts::Object* fields, const std::string& alias);

}  // namespace dp::dsl::pg
