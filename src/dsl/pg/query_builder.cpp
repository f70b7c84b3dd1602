// The select query builder of pg-core (QueryBuilder, PgSelectBuilder, PgSelect, subqueries and
// $with), enough for views: select/selectDistinct/selectDistinctOn, from, joins, where,
// having, groupBy, orderBy, limit, offset, set operators, .as(). getSQL() builds the chunk
// tree drizzle-orm's PgDialect.buildSelectQuery builds.
#include "dsl/pg/columns.h"
#include "dsl/pg/table.h"
#include "dsl/pg/select.h"
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

SelectHost& SelectSelf(CallContext& c, const char* method) { return ThisAs<SelectHost>(c, HostKind::PgSelect, method); }

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