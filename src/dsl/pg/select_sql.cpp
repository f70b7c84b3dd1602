// Rendering a select to SQL chunks exactly as drizzle-orm's PgDialect does: buildSelection
// (bare names for single-table selects), from/joins, where/group/having/order/limit/offset,
// CTEs, distinct (on) and set operators.
#include "dsl/pg/select.h"

namespace dp::dsl::pg {

using ts::Value;

std::optional<std::string> TableLikeName(Value table) {
  if (auto* sq = HostAs<SubqueryHost>(table, HostKind::Subquery)) return sq->alias;
  if (ViewBase* view = AsView(table)) return view->name;
  if (AsSql(table) != nullptr) return std::nullopt;
  if (TableBase* t = AsTable(table)) return t->is_alias ? t->name : t->base_name;
  return std::nullopt;
}

// The columns/fields a from()/join() source contributes.
ts::Object* SourceFields(ts::Interp& interp, Value source) {
  if (TableBase* table = AsTable(source)) {
    ts::Object* out = interp.NewObject();
    for (const auto& [key, column] : table->columns) out->props.Set(key, Value::Obj(column));
    return out;
  }
  if (AsView(source) != nullptr || HostAs<SubqueryHost>(source, HostKind::Subquery) != nullptr) {
    ts::Object* out = interp.NewObject();
    ts::Object* object = source.AsObject();
    for (const std::string& key : interp.OwnKeys(object)) out->props.Set(key, interp.Get(source, key));
    return out;
  }
  return interp.NewObject();
}

// A shallow view of `fields` as SelectionProxyHandler shows it: aliased SQL becomes its inner
// SQL (mode "sql") or a selection-field alias (mode "alias"); nested objects recurse.
Value ProxyFields(ts::Interp& interp, ts::Object* fields, bool alias_mode) {
  ts::Object* out = interp.NewObject();
  for (const std::string& key : interp.OwnKeys(fields)) {
    Value v = interp.Get(Value::Obj(fields), key);
    if (SqlAliasedHost* aliased = AsAliased(v)) {
      if (!alias_mode && !aliased->is_selection_field) {
        v = Value::Obj(aliased->sql);
      } else {
        v = Value::Obj(NewAliased(interp, aliased->sql, aliased->alias, true));
      }
    } else if (v.IsObject() && HostOf(v) == nullptr && !interp.IsArray(v) && !interp.IsCallable(v)) {
      v = ProxyFields(interp, v.AsObject(), alias_mode);
    }
    out->props.Set(key, v);
  }
  return Value::Obj(out);
}

namespace {

struct OrderedField {
  std::string path;
  Value field;
};

// orderSelectedFields: columns, SQL, aliased SQL and subqueries in order; tables and plain
// objects flattened.
void OrderSelectedFields(ts::Interp& interp, ts::Object* fields, const std::string& prefix,
                         std::vector<OrderedField>& out) {
  for (const std::string& key : interp.OwnKeys(fields)) {
    Value field = interp.Get(Value::Obj(fields), key);
    std::string path = prefix.empty() ? key : prefix + "->" + key;
    Host* host = HostOf(field);
    if (host != nullptr && (host->kind == HostKind::Column || host->kind == HostKind::Sql ||
                            host->kind == HostKind::SqlAliased || host->kind == HostKind::Subquery)) {
      out.push_back({path, field});
    } else if (TableBase* table = AsTable(field)) {
      ts::Object* columns = interp.NewObject();
      for (const auto& [k, column] : table->columns) columns->props.Set(k, Value::Obj(column));
      OrderSelectedFields(interp, columns, path, out);
    } else if (field.IsObject()) {
      OrderSelectedFields(interp, field.AsObject(), path, out);
    }
  }
}

void AppendJoined(std::vector<SqlChunk>& chunks, const std::vector<Value>& values) {
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) chunks.push_back(Text(", "));
    chunks.push_back(Val(values[i]));
  }
}

// buildSelection: the select list.
void AppendSelection(ts::Interp& interp, std::vector<SqlChunk>& chunks, const std::vector<OrderedField>& fields,
                     bool single_table) {
  for (size_t i = 0; i < fields.size(); ++i) {
    Value field = fields[i].field;
    SqlAliasedHost* aliased = AsAliased(field);
    if (aliased != nullptr && aliased->is_selection_field) {
      chunks.push_back(Val(Value::Obj(NewName(interp, aliased->alias))));
    } else if (aliased != nullptr || AsSql(field) != nullptr) {
      Value query = aliased != nullptr ? Value::Obj(aliased->sql) : field;
      if (single_table) {
        std::vector<SqlChunk> mapped;
        for (const SqlChunk& chunk : AsSql(query)->chunks) {
          ColumnBase* column = chunk.is_text ? nullptr : AsColumn(chunk.value);
          if (column != nullptr) {
            mapped.push_back(Val(Value::Obj(NewName(interp, column->name))));
          } else {
            mapped.push_back(chunk);
          }
        }
        chunks.push_back(Val(Value::Obj(NewSql(interp, std::move(mapped)))));
      } else {
        chunks.push_back(Val(query));
      }
      if (aliased != nullptr) {
        chunks.push_back(Text(" as "));
        chunks.push_back(Val(Value::Obj(NewName(interp, aliased->alias))));
      }
    } else if (ColumnBase* column = AsColumn(field)) {
      chunks.push_back(single_table ? Val(Value::Obj(NewName(interp, column->name))) : Val(field));
    } else {
      chunks.push_back(Val(field));
    }
    if (i + 1 < fields.size()) chunks.push_back(Text(", "));
  }
}

void AppendFromTable(ts::Interp& interp, std::vector<SqlChunk>& chunks, Value table) {
  TableBase* t = AsTable(table);
  if (t != nullptr && t->is_alias) {
    if (t->schema) {
      chunks.push_back(Val(Value::Obj(NewName(interp, *t->schema))));
      chunks.push_back(Text("."));
    }
    chunks.push_back(Val(Value::Obj(NewName(interp, t->original_name))));
    chunks.push_back(Text(" "));
    chunks.push_back(Val(Value::Obj(NewName(interp, t->name))));
    return;
  }
  chunks.push_back(Val(table));
}

void AppendJoins(ts::Interp& interp, std::vector<SqlChunk>& chunks, const std::vector<Join>& joins) {
  for (size_t i = 0; i < joins.size(); ++i) {
    const Join& join = joins[i];
    chunks.push_back(Text(" " + join.type + " join" + (join.lateral ? " lateral" : "") + " "));
    TableBase* table = AsTable(join.table);
    ViewBase* view = AsView(join.table);
    if (table != nullptr || view != nullptr) {
      const std::optional<std::string>& schema = table != nullptr ? table->schema : view->schema;
      const std::string& name = table != nullptr ? table->name : view->name;
      const std::string& original = table != nullptr ? table->original_name : view->original_name;
      if (schema) {
        chunks.push_back(Val(Value::Obj(NewName(interp, *schema))));
        chunks.push_back(Text("."));
      }
      chunks.push_back(Val(Value::Obj(NewName(interp, original))));
      if (name != original && join.alias) {
        chunks.push_back(Text(" "));
        chunks.push_back(Val(Value::Obj(NewName(interp, *join.alias))));
      }
    } else {
      chunks.push_back(Val(join.table));
    }
    if (!join.on.IsUndefined()) {
      chunks.push_back(Text(" on "));
      chunks.push_back(Val(join.on));
    }
  }
}

bool LimitApplies(Value limit) { return limit.IsObject() || (limit.IsNumber() && limit.AsNumber() >= 0); }

Value SetOperatorSql(ts::Interp& interp, Value left, const SetOperator& op) {
  std::vector<SqlChunk> chunks{Text("("), Val(left), Text(") "), Text(op.type + " " + (op.all ? "all " : "")),
                               Text("(")};
  if (auto* right = HostAs<SelectHost>(op.right, HostKind::PgSelect)) {
    chunks.push_back(Val(BuildSelectSql(interp, *right)));
  } else {
    chunks.push_back(Val(op.right));
  }
  chunks.push_back(Text(")"));
  if (!op.order_by.empty()) {
    std::vector<Value> values;
    for (Value v : op.order_by) {
      if (ColumnBase* column = AsColumn(v)) v = Value::Obj(NewName(interp, column->name));
      values.push_back(v);
    }
    chunks.push_back(Text(" order by "));
    AppendJoined(chunks, values);
    chunks.push_back(Text(" "));
  }
  if (LimitApplies(op.limit)) {
    chunks.push_back(Text(" limit "));
    chunks.push_back(Val(op.limit));
  }
  if (interp.Truthy(op.offset)) {
    chunks.push_back(Text(" offset "));
    chunks.push_back(Val(op.offset));
  }
  return Value::Obj(NewSql(interp, std::move(chunks)));
}

}  // namespace

Value BuildSelectSql(ts::Interp& interp, SelectHost& select) {
  std::vector<OrderedField> fields;
  OrderSelectedFields(interp, select.fields, "", fields);
  std::optional<std::string> from_name = TableLikeName(select.table);
  if (TableBase* from_table = AsTable(select.table)) from_name = from_table->name;
  for (const OrderedField& f : fields) {
    ColumnBase* column = AsColumn(f.field);
    if (column == nullptr || column->table == nullptr) continue;
    const TableBase* table = column->table;
    if (from_name && table->name == *from_name) continue;
    std::string join_key = table->is_alias ? table->name : table->base_name;
    bool joined = false;
    for (const Join& join : select.joins) joined = joined || (join.alias && *join.alias == join_key);
    if (joined) continue;
    DslThrow(interp, "Your \"" + f.path + "\" field references a column \"" + table->name + "\".\"" + column->name +
                         "\", but the table \"" + table->name + "\" is not part of the query! Did you forget to join it?");
  }
  std::vector<SqlChunk> chunks;
  if (!select.with_list.empty()) {
    chunks.push_back(Text("with "));
    for (size_t i = 0; i < select.with_list.size(); ++i) {
      auto* sq = HostAs<SubqueryHost>(select.with_list[i], HostKind::Subquery);
      if (sq == nullptr) continue;
      chunks.push_back(Val(Value::Obj(NewName(interp, sq->alias))));
      chunks.push_back(Text(" as ("));
      chunks.push_back(Val(sq->sql));
      chunks.push_back(Text(")"));
      if (i + 1 < select.with_list.size()) chunks.push_back(Text(", "));
    }
    chunks.push_back(Text(" "));
  }
  chunks.push_back(Text("select"));
  if (select.distinct == 1) {
    chunks.push_back(Text(" distinct"));
  } else if (select.distinct == 2) {
    chunks.push_back(Text(" distinct on ("));
    AppendJoined(chunks, ArrayElements(interp, select.distinct_on));
    chunks.push_back(Text(")"));
  }
  chunks.push_back(Text(" "));
  AppendSelection(interp, chunks, fields, select.joins.empty());
  chunks.push_back(Text(" from "));
  AppendFromTable(interp, chunks, select.table);
  AppendJoins(interp, chunks, select.joins);
  if (!select.where.IsUndefined()) {
    chunks.push_back(Text(" where "));
    chunks.push_back(Val(select.where));
  }
  if (!select.group_by.empty()) {
    chunks.push_back(Text(" group by "));
    AppendJoined(chunks, select.group_by);
  }
  if (!select.having.IsUndefined()) {
    chunks.push_back(Text(" having "));
    chunks.push_back(Val(select.having));
  }
  if (!select.order_by.empty()) {
    chunks.push_back(Text(" order by "));
    AppendJoined(chunks, select.order_by);
  }
  if (LimitApplies(select.limit)) {
    chunks.push_back(Text(" limit "));
    chunks.push_back(Val(select.limit));
  }
  if (interp.Truthy(select.offset)) {
    chunks.push_back(Text(" offset "));
    chunks.push_back(Val(select.offset));
  }
  Value sql = Value::Obj(NewSql(interp, std::move(chunks)));
  for (const SetOperator& op : select.set_operators) sql = SetOperatorSql(interp, sql, op);
  return sql;
}

bool SelectHost::RenderSql(SqlRenderer& renderer, ts::Object*) {
  renderer.Append("(");
  renderer.Render(BuildSelectSql(renderer.interp(), *this));
  renderer.Append(")");
  return true;
}

}  // namespace dp::dsl::pg
