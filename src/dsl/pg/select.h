// Internal to the pg query builder (query_builder.cpp, select_sql.cpp): the select state and
// the SQL it renders to, as drizzle-orm's PgSelect config and PgDialect.buildSelectQuery.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/common/entities.h"
#include "dsl/common/sql.h"

namespace dp::dsl::pg {

/// A join of a select.
struct Join {
  ts::Value on;
  ts::Value table;
  std::string type;
  std::optional<std::string> alias;
  bool lateral = false;
};

/// union/intersect/except and what follows it.
struct SetOperator {
  std::string type;
  bool all = false;
  ts::Value right;
  std::vector<ts::Value> order_by;
  ts::Value limit;
  ts::Value offset;
};

/// A subquery (.as(alias)) or a $with CTE.
struct SubqueryHost : Host {
  SubqueryHost() : Host(HostKind::Subquery) {}
  ts::Value sql;
  ts::Object* fields = nullptr;
  std::string alias;
  bool is_with = false;
  bool RenderSql(SqlRenderer& renderer, ts::Object*) override {
    if (is_with) {
      renderer.Append(renderer.EscapeName(alias));
      return true;
    }
    renderer.Append("(");
    renderer.Render(sql);
    renderer.Append(") ");
    renderer.Append(renderer.EscapeName(alias));
    return true;
  }
};

/// One select under construction (PgSelect).
struct SelectHost : Host {
  SelectHost() : Host(HostKind::PgSelect) {}
  ts::Value table;
  ts::Object* fields = nullptr;  // config.fields (nested per table after joins without a selection)
  bool partial = false;
  std::optional<std::string> table_name;
  std::vector<std::string> nullability_names;
  std::vector<Join> joins;
  ts::Value where, having, limit, offset;
  std::vector<ts::Value> group_by, order_by;
  int distinct = 0;
  ts::Value distinct_on;
  std::vector<ts::Value> with_list;
  std::vector<SetOperator> set_operators;

  bool RenderSql(SqlRenderer& renderer, ts::Object* self) override;
};

/// getTableLikeName: a subquery's alias, a view's name, a table's name (alias) or base name.
std::optional<std::string> TableLikeName(ts::Value table);
/// The fields a from()/join() source contributes (table columns, view/subquery fields).
ts::Object* SourceFields(ts::Interp& interp, ts::Value source);
/// `fields` as SelectionProxyHandler shows them to callbacks ("sql" or "alias" mode).
ts::Value ProxyFields(ts::Interp& interp, ts::Object* fields, bool alias_mode);
/// PgDialect.buildSelectQuery: a new SQL object for the select.
ts::Value BuildSelectSql(ts::Interp& interp, SelectHost& select);

}  // namespace dp::dsl::pg
