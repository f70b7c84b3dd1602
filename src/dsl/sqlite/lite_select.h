// The query-builder subset views use in the lite dialects: QueryBuilder.select /
// selectDistinct, .from, joins, where, groupBy, having, orderBy, limit, offset, set operators
// and .as(alias) subqueries, rendered to SQL chunks the way SQLiteDialect / MySqlDialect's
// buildSelectQuery builds them.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "dsl/sqlite/lite_core.h"

namespace dp::dsl::lite {

struct JoinConfig {
  ts::Value on;
  ts::Value table;
  std::string join_type;  // "left", "inner", ...
  std::optional<std::string> alias;
};

struct SetOperatorConfig {
  std::string type;  // "union", "intersect", "except"
  bool is_all = false;
  ts::Value right;   // a select
  std::vector<ts::Value> order_by;
  ts::Value limit, offset;
};

/// A select (SQLiteSelect / MySqlSelect) in its query-builder form.
struct SelectHost : Host {
  SelectHost() : Host(kind::kSelect) {}
  Dialect dialect = Dialect::Sqlite;
  ts::Value table;
  ts::Object* fields = nullptr;           // config.fields (nested after joins)
  ts::Object* selected_fields = nullptr;  // _.selectedFields
  bool partial = false;
  bool distinct = false;
  std::optional<std::string> table_name;  // getTableLikeName(table)
  std::vector<std::string> join_names;    // keys of joinsNotNullableMap
  std::vector<JoinConfig> joins;
  ts::Value where, having;
  std::vector<ts::Value> group_by, order_by;
  ts::Value limit, offset;
  std::vector<SetOperatorConfig> set_operators;
  std::vector<ts::Value> with_list;  // CTEs from qb.with(...)

  bool RenderSql(SqlRenderer& renderer, ts::Object* self) override;
};

/// A subquery (`select.as("alias")`).
struct SubqueryHost : Host {
  SubqueryHost() : Host(kind::kSubquery) {}
  ts::Object* sql = nullptr;              // the select's SQL
  ts::Object* selected_fields = nullptr;  // the select's fields
  std::string alias;
  bool is_with = false;  // a CTE from $with(): referenced by its name

  bool RenderSql(SqlRenderer& renderer, ts::Object* self) override;
};

/// A new QueryBuilder object of `dialect`.
ts::Object* NewQueryBuilder(ts::Interp& interp, Dialect dialect);
/// The select of a value (a SelectHost), or nullptr.
SelectHost* AsSelect(ts::Value v);
/// select.getSQL(): the SQL object buildSelectQuery makes.
ts::Object* SelectSql(ts::Interp& interp, SelectHost& select);
/// select.getSelectedFields() (config.fields).
ts::Object* SelectedFields(SelectHost& select);

}  // namespace dp::dsl::lite
