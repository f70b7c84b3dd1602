// The select query builder of pg-core (QueryBuilder, PgSelectBuilder, PgSelect, subqueries and
// $with), enough for views: select/selectDistinct/selectDistinctOn, from, joins, where,
// having, groupBy, orderBy, limit, offset, set operators, .as(). getSQL() builds the chunk
// tree drizzle-orm's PgDialect.buildSelectQuery builds.
#include "dsl/pg/columns.h"
#include "dsl/pg/table.h"
#include "dsl/pg/views.h"

namespace dp::dsl::pg {

namespace {

using ts::CallContext;
using ts::Value;

char kQueryBuilderTag, kSelectBuilderTag, kSelectTag, kSubqueryTag;

struct QueryBuilderHost : Host {
  QueryBuilderHost() : Host(HostKind::PgQueryBuilder) {}
  std::vector<Value> with_list;
};

struct SelectBuilderHost : Host {
  SelectBuilderHost() : Host(HostKind::PgSelectBuilder) {}
  Value fields;
  std::vector<Value> with_list;
  int distinct = 0;  // 0 none, 1 distinct, 2 distinct on
  Value distinct_on;
};

struct Join {
  Value on;
  Value table;
  std::string type;
  std::optional<std::string> alias;
  bool lateral = false;
};

struct SetOperator {
  std::string type;
  bool all = false;
  Value right;
  std::vector<Value> order_by;
  Value limit;
  Value offset;
};

struct SubqueryHost : Host {
  SubqueryHost() : Host(HostKind::Subquery) {}
  Value sql;
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

struct SelectHost : Host {
  SelectHost() : Host(HostKind::PgSelect) {}
  Value table;
  ts::Object* fields = nullptr;  // config.fields (nested per table after joins without a selection)
  bool partial = false;
  std::optional<std::string> table_name;
  std::vector<std::string> nullability_names;
  std::vector<Join> joins;
  Value where, having, limit, offset;
  std::vector<Value> group_by, order_by;
  int distinct = 0;
  Value distinct_on;
  std::vector<Value> with_list;
  std::vector<SetOperator> set_operators;

  bool RenderSql(SqlRenderer& renderer, ts::Object* self) override;
};

SelectHost& SelectSelf(CallContext& c, const char* method) { return ThisAs<SelectHost>(c, HostKind::PgSelect, method); }

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

Value BuildSelectSql(ts::Interp& interp, SelectHost& select);

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

// Arguments of groupBy/orderBy: a callback of the fields or the values themselves.
std::vector<Value> ListArgs(CallContext& c, SelectHost& self) {
  if (c.args.size() >= 1 && c.interp.IsCallable(c.args[0])) {
    Value fields[1] = {ProxyFields(c.interp, self.fields, true)};
    Value result = c.interp.Call(c.args[0], Value(), fields);
    if (c.interp.IsArray(result)) return ArrayElements(c.interp, result);
    return {result};
  }
  return std::vector<Value>(c.args.begin(), c.args.end());
}

Value Condition(CallContext& c, SelectHost& self) {
  Value arg = c.Arg(0);
  if (c.interp.IsCallable(arg)) {
    Value fields[1] = {ProxyFields(c.interp, self.fields, false)};
    return c.interp.Call(arg, Value(), fields);
  }
  return arg;
}

void AddJoin(DslContext& ctx, ts::Object* proto, const char* method, const char* type, bool lateral) {
  ctx.Method(proto, method, [method, type, lateral](CallContext& c) {
    SelectHost& self = SelectSelf(c, method);
    Value table = c.Arg(0);
    std::optional<std::string> name = TableLikeName(table);
    for (const Join& join : self.joins) {
      if (name && join.alias == name) DslThrow(c.interp, "Alias \"" + *name + "\" is already used in this query");
    }
    if (!self.partial) {
      if (self.nullability_names.size() == 1 && self.table_name) {
        ts::Object* nested = c.interp.NewObject();
        nested->props.Set(*self.table_name, Value::Obj(self.fields));
        self.fields = nested;
      }
      if (name && AsSql(table) == nullptr) self.fields->props.Set(*name, Value::Obj(SourceFields(c.interp, table)));
    }
    Value on = c.Arg(1);
    if (c.interp.IsCallable(on)) {
      Value fields[1] = {ProxyFields(c.interp, self.fields, false)};
      on = c.interp.Call(on, Value(), fields);
    }
    self.joins.push_back(Join{on, table, type, name, lateral});
    if (name) {
      bool seen = false;
      for (const std::string& n : self.nullability_names) seen = seen || n == *name;
      if (!seen) self.nullability_names.push_back(*name);
    }
    return c.this_value;
  });
}

void AddSetOperator(DslContext& ctx, ts::Object* proto, const char* method, const char* type, bool all) {
  ctx.Method(proto, method, [method, type, all](CallContext& c) {
    SelectHost& self = SelectSelf(c, method);
    Value right = c.Arg(0);
    if (c.interp.IsCallable(right)) {
      Value helpers[1] = {Value::Obj(c.interp.NewObject())};
      right = c.interp.Call(right, Value(), helpers);
    }
    self.set_operators.push_back(SetOperator{type, all, right, {}, Value(), Value()});
    return c.this_value;
  });
}

ts::Object* NewSubquery(ts::Interp& interp, Value sql, ts::Object* fields, std::string alias, bool is_with);

void InitSubqueryProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) { return Value::Obj(NewSql(c.interp, {Val(c.this_value)})); });
}

void InitSelectProto(DslContext& ctx, ts::Object* proto) {
  AddJoin(ctx, proto, "leftJoin", "left", false);
  AddJoin(ctx, proto, "leftJoinLateral", "left", true);
  AddJoin(ctx, proto, "rightJoin", "right", false);
  AddJoin(ctx, proto, "innerJoin", "inner", false);
  AddJoin(ctx, proto, "innerJoinLateral", "inner", true);
  AddJoin(ctx, proto, "fullJoin", "full", false);
  AddJoin(ctx, proto, "crossJoin", "cross", false);
  AddJoin(ctx, proto, "crossJoinLateral", "cross", true);
  AddSetOperator(ctx, proto, "union", "union", false);
  AddSetOperator(ctx, proto, "unionAll", "union", true);
  AddSetOperator(ctx, proto, "intersect", "intersect", false);
  AddSetOperator(ctx, proto, "intersectAll", "intersect", true);
  AddSetOperator(ctx, proto, "except", "except", false);
  AddSetOperator(ctx, proto, "exceptAll", "except", true);
  ctx.Method(proto, "where", [](CallContext& c) {
    SelectHost& self = SelectSelf(c, "where");
    self.where = Condition(c, self);
    return c.this_value;
  });
  ctx.Method(proto, "having", [](CallContext& c) {
    SelectHost& self = SelectSelf(c, "having");
    self.having = Condition(c, self);
    return c.this_value;
  });
  ctx.Method(proto, "groupBy", [](CallContext& c) {
    SelectHost& self = SelectSelf(c, "groupBy");
    self.group_by = ListArgs(c, self);
    return c.this_value;
  });
  ctx.Method(proto, "orderBy", [](CallContext& c) {
    SelectHost& self = SelectSelf(c, "orderBy");
    std::vector<Value> list = ListArgs(c, self);
    if (!self.set_operators.empty()) {
      self.set_operators.back().order_by = std::move(list);
    } else {
      self.order_by = std::move(list);
    }
    return c.this_value;
  });
  ctx.Method(proto, "limit", [](CallContext& c) {
    SelectHost& self = SelectSelf(c, "limit");
    (self.set_operators.empty() ? self.limit : self.set_operators.back().limit) = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "offset", [](CallContext& c) {
    SelectHost& self = SelectSelf(c, "offset");
    (self.set_operators.empty() ? self.offset : self.set_operators.back().offset) = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "$dynamic", [](CallContext& c) { return c.this_value; });
  ctx.Method(proto, "getSQL", [](CallContext& c) { return BuildSelectSql(c.interp, SelectSelf(c, "getSQL")); });
  ctx.Method(proto, "getSelectedFields", [](CallContext& c) {
    return Value::Obj(SelectSelf(c, "getSelectedFields").fields);
  });
  ctx.Method(proto, "as", [](CallContext& c) {
    SelectHost& self = SelectSelf(c, "as");
    return Value::Obj(NewSubquery(c.interp, BuildSelectSql(c.interp, self), self.fields,
                                  c.interp.ToString(c.Arg(0)), false));
  });
}

void InitSelectBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "from", [](CallContext& c) {
    auto& builder = ThisAs<SelectBuilderHost>(c, HostKind::PgSelectBuilder, "from");
    Value source = c.Arg(0);
    auto host = std::make_shared<SelectHost>();
    host->span = c.call_span;
    host->table = source;
    host->partial = c.interp.Truthy(builder.fields);
    ts::Object* fields = nullptr;
    if (host->partial && builder.fields.IsObject()) {
      fields = builder.fields.AsObject();
    } else if (AsSql(source) != nullptr) {
      fields = c.interp.NewObject();
    } else {
      fields = SourceFields(c.interp, source);
    }
    host->fields = c.interp.NewObject();
    for (const std::string& key : c.interp.OwnKeys(fields)) {
      host->fields->props.Set(key, c.interp.Get(Value::Obj(fields), key));
    }
    host->table_name = TableLikeName(source);
    if (host->table_name) host->nullability_names.push_back(*host->table_name);
    host->distinct = builder.distinct;
    host->distinct_on = builder.distinct_on;
    host->with_list = builder.with_list;
    return Value::Obj(DslContext::Get(c.interp).Make(&kSelectTag, InitSelectProto, std::move(host)));
  });
}

Value NewSelectBuilder(CallContext& c, Value fields, std::vector<Value> with_list, int distinct, Value on) {
  auto host = std::make_shared<SelectBuilderHost>();
  host->span = c.call_span;
  host->fields = fields;
  host->with_list = std::move(with_list);
  host->distinct = distinct;
  host->distinct_on = on;
  return Value::Obj(DslContext::Get(c.interp).Make(&kSelectBuilderTag, InitSelectBuilderProto, std::move(host)));
}

void InitQueryBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "select", [](CallContext& c) {
    auto& qb = ThisAs<QueryBuilderHost>(c, HostKind::PgQueryBuilder, "select");
    return NewSelectBuilder(c, c.Arg(0), qb.with_list, 0, Value());
  });
  ctx.Method(proto, "selectDistinct", [](CallContext& c) {
    auto& qb = ThisAs<QueryBuilderHost>(c, HostKind::PgQueryBuilder, "selectDistinct");
    return NewSelectBuilder(c, c.Arg(0), qb.with_list, 1, Value());
  });
  ctx.Method(proto, "selectDistinctOn", [](CallContext& c) {
    auto& qb = ThisAs<QueryBuilderHost>(c, HostKind::PgQueryBuilder, "selectDistinctOn");
    return NewSelectBuilder(c, c.Arg(1), qb.with_list, 2, c.Arg(0));
  });
  ctx.Method(proto, "with", [](CallContext& c) {
    ThisAs<QueryBuilderHost>(c, HostKind::PgQueryBuilder, "with");
    auto host = std::make_shared<QueryBuilderHost>();
    host->with_list.assign(c.args.begin(), c.args.end());
    return Value::Obj(DslContext::Get(c.interp).Make(&kQueryBuilderTag, InitQueryBuilderProto, std::move(host)));
  });
  ctx.Method(proto, "$with", [](CallContext& c) {
    ThisAs<QueryBuilderHost>(c, HostKind::PgQueryBuilder, "$with");
    std::string alias = c.interp.ToString(c.Arg(0));
    Value selection = c.Arg(1);
    Value qb_value = c.this_value;
    ts::Object* builder = c.interp.NewObject();
    builder->props.Set("as", Value::Obj(c.interp.NewFunction("as", [alias, selection, qb_value](CallContext& inner) {
      Value qb = inner.Arg(0);
      if (inner.interp.IsCallable(qb)) {
        Value args[1] = {qb_value};
        qb = inner.interp.Call(qb, Value(), args);
      }
      ts::Object* fields = selection.IsObject() ? selection.AsObject() : SelectedFieldsOf(inner.interp, qb);
      if (fields == nullptr) fields = inner.interp.NewObject();
      Value sql = AsSql(qb) != nullptr ? qb : SelectSql(inner.interp, qb);
      return Value::Obj(NewSubquery(inner.interp, sql, fields, alias, true));
    })));
    return Value::Obj(builder);
  });
}

ts::Object* NewSubquery(ts::Interp& interp, Value sql, ts::Object* fields, std::string alias, bool is_with) {
  auto host = std::make_shared<SubqueryHost>();
  host->sql = sql;
  host->fields = fields;
  host->alias = alias;
  host->is_with = is_with;
  ts::Object* object = DslContext::Get(interp).Make(&kSubqueryTag, InitSubqueryProto, std::move(host));
  AddAliasedFields(interp, object, fields, alias);
  return object;
}

}  // namespace

ts::Object* NewQueryBuilder(ts::Interp& interp) {
  return DslContext::Get(interp).Make(&kQueryBuilderTag, InitQueryBuilderProto, std::make_shared<QueryBuilderHost>());
}

ts::Object* SelectedFieldsOf(ts::Interp&, ts::Value v) {
  auto* select = HostAs<SelectHost>(v, HostKind::PgSelect);
  return select != nullptr ? select->fields : nullptr;
}

ts::Value SelectSql(ts::Interp& interp, ts::Value v) {
  auto* select = HostAs<SelectHost>(v, HostKind::PgSelect);
  if (select == nullptr) return v;
  return BuildSelectSql(interp, *select);
}

}  // namespace dp::dsl::pg
