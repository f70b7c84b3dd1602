// The lite query builder: QueryBuilder -> select builder -> select, with the select's SQL built
// chunk by chunk as SQLiteDialect / MySqlDialect buildSelectQuery does (selection, from,
// joins, where, group by, having, order by, limit, offset, set operators).
#include "dsl/sqlite/lite_select.h"

namespace dp::dsl::lite {

namespace {

using ts::CallContext;
using ts::Value;

char kQueryBuilderTag, kSelectBuilderTag, kSelectTag, kSubqueryTag;

struct QueryBuilderHost : Host {
  QueryBuilderHost() : Host(kind::kQueryBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  std::vector<Value> with_list;
};

struct SelectBuilderHost : Host {
  SelectBuilderHost() : Host(kind::kSelectBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  Value fields;
  bool distinct = false;
  std::vector<Value> with_list;
};

SubqueryHost* AsSubquery(Value v) { return HostAs<SubqueryHost>(v, kind::kSubquery); }

/// getTableLikeName(table).
std::optional<std::string> TableLikeName(Value table) {
  if (SubqueryHost* sq = AsSubquery(table)) return sq->alias;
  if (ViewBase* view = AsView(table)) return view->name;
  if (AsSql(table) != nullptr) return std::nullopt;
  if (TableBase* t = AsTable(table)) return t->is_alias ? t->name : t->base_name;
  return std::nullopt;
}

/// A shallow object copy.
ts::Object* CopyObject(ts::Interp& interp, ts::Object* from) {
  ts::Object* out = interp.NewObject();
  if (from == nullptr) return out;
  for (const std::string& key : interp.OwnKeys(from)) out->props.Set(key, interp.Get(Value::Obj(from), key));
  return out;
}

/// The fields a select-proxy hands to where/orderBy callbacks: aliased SQL becomes its SQL
/// ("sql" behaviour) or a selection-field alias ("alias" behaviour); nested objects recurse.
Value ProxyFields(ts::Interp& interp, Value fields, bool alias_behavior) {
  if (!fields.IsObject() || HostOf(fields) != nullptr || interp.IsArray(fields)) return fields;
  ts::Object* out = interp.NewObject();
  for (const std::string& key : interp.OwnKeys(fields.AsObject())) {
    Value v = interp.Get(fields, key);
    if (SqlAliasedHost* aliased = AsAliased(v)) {
      if (!alias_behavior && !aliased->is_selection_field) {
        v = Value::Obj(aliased->sql);
      } else {
        v = Value::Obj(NewAliased(interp, aliased->sql, aliased->alias, true));
      }
    } else if (v.IsObject() && HostOf(v) == nullptr && !interp.IsCallable(v)) {
      v = ProxyFields(interp, v, alias_behavior);
    }
    out->props.Set(key, v);
  }
  return Value::Obj(out);
}

SelectHost& Self(CallContext& c, std::string_view method) { return ThisAs<SelectHost>(c, kind::kSelect, method); }

std::vector<Value> CallbackList(CallContext& c, SelectHost& self, bool alias_behavior) {
  if (c.args.size() > 0 && c.interp.IsCallable(c.args[0])) {
    Value fields = ProxyFields(c.interp, Value::Obj(self.fields), alias_behavior);
    Value args[1] = {fields};
    Value result = c.interp.Call(c.args[0], Value(), args);
    if (c.interp.IsArray(result)) return result.AsObject()->elements;
    return {result};
  }
  return std::vector<Value>(c.args.begin(), c.args.end());
}

Value Condition(CallContext& c, SelectHost& self) {
  Value w = c.Arg(0);
  if (c.interp.IsCallable(w)) {
    Value args[1] = {ProxyFields(c.interp, Value::Obj(self.fields), false)};
    w = c.interp.Call(w, Value(), args);
  }
  return w;
}

ts::Object* NewSelectObject(ts::Interp& interp, std::shared_ptr<SelectHost> host);

void InitSubqueryProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) {
    return AsSubquery(c.this_value) != nullptr ? Value::Obj(NewSql(c.interp, {Val(c.this_value)})) : Value();
  });
}

// A Subquery (select.as(alias)) or WithSubquery ($with(alias).as(...)); its fields read
// through the selection proxy, aliased to `alias`.
Value MakeSubquery(CallContext& c, ts::Object* sql, ts::Object* fields, std::string alias, bool is_with) {
  auto host = std::make_shared<SubqueryHost>();
  host->span = c.call_span;
  host->sql = sql;
  host->alias = std::move(alias);
  host->is_with = is_with;
  host->selected_fields = AliasFields(c.interp, fields, host->alias, false);
  ts::Object* selected = host->selected_fields;
  ts::Object* object = DslContext::Get(c.interp).Make(&kSubqueryTag, InitSubqueryProto, std::move(host));
  for (const std::string& key : c.interp.OwnKeys(selected)) {
    object->props.Set(key, c.interp.Get(Value::Obj(selected), key));
  }
  return Value::Obj(object);
}

ts::NativeFn JoinFn(const char* join_type) {
  return [join_type](CallContext& c) {
    SelectHost& self = Self(c, "join");
    ts::Interp& interp = c.interp;
    Value table = c.Arg(0);
    std::optional<std::string> name = TableLikeName(table);
    if (name) {
      for (const JoinConfig& j : self.joins) {
        if (j.alias == name) DslThrow(interp, "Alias \"" + *name + "\" is already used in this query");
      }
    }
    if (!self.partial) {
      if (self.join_names.size() == 1 && self.table_name) {
        ts::Object* nested = interp.NewObject();
        nested->props.Set(*self.table_name, Value::Obj(self.fields));
        self.fields = nested;
      }
      if (name && AsSql(table) == nullptr) {
        Value selection;
        if (SubqueryHost* sq = AsSubquery(table)) {
          selection = Value::Obj(sq->selected_fields);
        } else if (ViewBase* view = AsView(table)) {
          selection = Value::Obj(AliasFields(interp, view->selected_fields, view->name, true));
        } else if (TableHost* t = AsLiteTable(table, self.dialect)) {
          selection = Value::Obj(t->columns_object);
        }
        self.fields->props.Set(*name, selection);
      }
    }
    Value on = c.Arg(1);
    if (interp.IsCallable(on)) {
      Value args[1] = {ProxyFields(interp, Value::Obj(self.fields), false)};
      on = interp.Call(on, Value(), args);
    }
    self.joins.push_back(JoinConfig{on, table, join_type, name});
    if (name) {
      bool known = false;
      for (const std::string& n : self.join_names) known = known || n == *name;
      if (!known) self.join_names.push_back(*name);
    }
    return c.this_value;
  };
}

ts::NativeFn SetOperatorFn(const char* type, bool is_all) {
  return [type, is_all](CallContext& c) {
    SelectHost& self = Self(c, "setOperator");
    Value right = c.Arg(0);
    if (c.interp.IsCallable(right)) DslThrow(c.interp, "set operator callbacks are not supported; pass a select");
    SelectHost* other = AsSelect(right);
    if (other == nullptr) DslThrow(c.interp, std::string(type) + "() expects a select");
    std::vector<std::string> left_keys = c.interp.OwnKeys(self.fields);
    std::vector<std::string> right_keys = c.interp.OwnKeys(other->fields);
    if (left_keys != right_keys) {
      DslThrow(c.interp,
               "Set operator error (union / intersect / except): selected fields are not the same or are in a "
               "different order");
    }
    SetOperatorConfig op;
    op.type = type;
    op.is_all = is_all;
    op.right = right;
    self.set_operators.push_back(op);
    return c.this_value;
  };
}

void InitSelectProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "where", [](CallContext& c) {
    SelectHost& self = Self(c, "where");
    self.where = Condition(c, self);
    return c.this_value;
  });
  ctx.Method(proto, "having", [](CallContext& c) {
    SelectHost& self = Self(c, "having");
    self.having = Condition(c, self);
    return c.this_value;
  });
  ctx.Method(proto, "groupBy", [](CallContext& c) {
    SelectHost& self = Self(c, "groupBy");
    self.group_by = CallbackList(c, self, true);
    return c.this_value;
  });
  ctx.Method(proto, "orderBy", [](CallContext& c) {
    SelectHost& self = Self(c, "orderBy");
    std::vector<Value> list = CallbackList(c, self, true);
    if (!self.set_operators.empty()) {
      self.set_operators.back().order_by = std::move(list);
    } else {
      self.order_by = std::move(list);
    }
    return c.this_value;
  });
  ctx.Method(proto, "limit", [](CallContext& c) {
    SelectHost& self = Self(c, "limit");
    (self.set_operators.empty() ? self.limit : self.set_operators.back().limit) = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "offset", [](CallContext& c) {
    SelectHost& self = Self(c, "offset");
    (self.set_operators.empty() ? self.offset : self.set_operators.back().offset) = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "leftJoin", JoinFn("left"));
  ctx.Method(proto, "rightJoin", JoinFn("right"));
  ctx.Method(proto, "innerJoin", JoinFn("inner"));
  ctx.Method(proto, "fullJoin", JoinFn("full"));
  ctx.Method(proto, "crossJoin", JoinFn("cross"));
  ctx.Method(proto, "union", SetOperatorFn("union", false));
  ctx.Method(proto, "unionAll", SetOperatorFn("union", true));
  ctx.Method(proto, "intersect", SetOperatorFn("intersect", false));
  ctx.Method(proto, "intersectAll", SetOperatorFn("intersect", true));
  ctx.Method(proto, "except", SetOperatorFn("except", false));
  ctx.Method(proto, "exceptAll", SetOperatorFn("except", true));
  ctx.Method(proto, "$dynamic", [](CallContext& c) { return c.this_value; });
  ctx.Method(proto, "getSQL", [](CallContext& c) { return Value::Obj(SelectSql(c.interp, Self(c, "getSQL"))); });
  ctx.Method(proto, "getSelectedFields", [](CallContext& c) {
    return Value::Obj(SelectedFields(Self(c, "getSelectedFields")));
  });
  ctx.Method(proto, "as", [](CallContext& c) {
    SelectHost& self = Self(c, "as");
    return MakeSubquery(c, SelectSql(c.interp, self), self.fields, c.interp.ToString(c.Arg(0)), false);
  });
}

void InitSelectBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "from", [](CallContext& c) {
    SelectBuilderHost& b = ThisAs<SelectBuilderHost>(c, kind::kSelectBuilder, "from");
    ts::Interp& interp = c.interp;
    Value source = c.Arg(0);
    auto host = std::make_shared<SelectHost>();
    host->dialect = b.dialect;
    host->span = c.call_span;
    host->table = source;
    host->distinct = b.distinct;
    host->with_list = b.with_list;
    host->partial = interp.Truthy(b.fields);
    ts::Object* fields = nullptr;
    if (host->partial) {
      if (!b.fields.IsObject()) DslThrow(interp, "select() expects an object of fields");
      fields = b.fields.AsObject();
    } else if (SubqueryHost* sq = AsSubquery(source)) {
      fields = sq->selected_fields;
    } else if (ViewBase* view = AsView(source)) {
      fields = AliasFields(interp, view->selected_fields, view->name, true);
    } else if (AsSql(source) != nullptr) {
      fields = interp.NewObject();
    } else if (TableHost* t = AsLiteTable(source, b.dialect)) {
      fields = CopyObject(interp, t->columns_object);
    } else {
      DslThrow(interp, "from() expects a table, view, subquery or sql, got " + interp.Describe(source));
    }
    host->selected_fields = fields;
    host->fields = CopyObject(interp, fields);
    host->table_name = TableLikeName(source);
    if (host->table_name) host->join_names.push_back(*host->table_name);
    return Value::Obj(NewSelectObject(interp, std::move(host)));
  });
}

ts::NativeFn SelectFn(bool distinct) {
  return [distinct](CallContext& c) {
    QueryBuilderHost& qb = ThisAs<QueryBuilderHost>(c, kind::kQueryBuilder, "select");
    auto host = std::make_shared<SelectBuilderHost>();
    host->dialect = qb.dialect;
    host->span = c.call_span;
    host->fields = c.Arg(0);
    host->distinct = distinct;
    host->with_list = qb.with_list;
    return Value::Obj(DslContext::Get(c.interp).Make(&kSelectBuilderTag, InitSelectBuilderProto, std::move(host)));
  };
}

void InitQueryBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "select", SelectFn(false));
  ctx.Method(proto, "selectDistinct", SelectFn(true));
  // with(...ctes): a builder whose selects start with `with ... `.
  ctx.Method(proto, "with", [](CallContext& c) {
    QueryBuilderHost& qb = ThisAs<QueryBuilderHost>(c, kind::kQueryBuilder, "with");
    auto host = std::make_shared<QueryBuilderHost>();
    host->dialect = qb.dialect;
    host->span = c.call_span;
    host->with_list.assign(c.args.begin(), c.args.end());
    return Value::Obj(DslContext::Get(c.interp).Make(&kQueryBuilderTag, InitQueryBuilderProto, std::move(host)));
  });
  // $with(alias, selection?).as(select | qb => select | sql).
  ctx.Method(proto, "$with", [](CallContext& c) {
    ThisAs<QueryBuilderHost>(c, kind::kQueryBuilder, "$with");
    Value qb = c.this_value;
    std::string alias = c.interp.ToString(c.Arg(0));
    Value selection = c.Arg(1);
    ts::Object* out = c.interp.NewObject();
    out->props.Set("as", Value::Obj(c.interp.NewFunction("as", [qb, alias, selection](CallContext& inner) {
      Value query = inner.Arg(0);
      if (inner.interp.IsCallable(query)) {
        Value args[1] = {qb};
        query = inner.interp.Call(query, Value(), args);
      }
      ts::Object* sql = nullptr;
      ts::Object* fields = selection.IsObject() ? selection.AsObject() : nullptr;
      if (SelectHost* select = AsSelect(query)) {
        sql = SelectSql(inner.interp, *select);
        if (fields == nullptr) fields = select->fields;
      } else if (AsSql(query) != nullptr) {
        sql = query.AsObject();
      } else {
        DslThrow(inner.interp, "$with().as() expects a select or sql");
      }
      if (fields == nullptr) fields = inner.interp.NewObject();
      return MakeSubquery(inner, sql, fields, alias, true);
    })));
    return Value::Obj(out);
  });
}

ts::Object* NewSelectObject(ts::Interp& interp, std::shared_ptr<SelectHost> host) {
  return DslContext::Get(interp).Make(&kSelectTag, InitSelectProto, std::move(host));
}

}  // namespace

SelectHost* AsSelect(ts::Value v) { return HostAs<SelectHost>(v, kind::kSelect); }

ts::Object* SelectedFields(SelectHost& select) { return select.fields; }

ts::Object* NewQueryBuilder(ts::Interp& interp, Dialect dialect) {
  auto host = std::make_shared<QueryBuilderHost>();
  host->dialect = dialect;
  host->span = interp.CurrentCallSpan();
  return DslContext::Get(interp).Make(&kQueryBuilderTag, InitQueryBuilderProto, std::move(host));
}

bool SelectHost::RenderSql(SqlRenderer& renderer, ts::Object* self) {
  (void)self;
  renderer.Append("(");
  renderer.Render(Value::Obj(SelectSql(renderer.interp(), *this)));
  renderer.Append(")");
  return true;
}

bool SubqueryHost::RenderSql(SqlRenderer& renderer, ts::Object* self) {
  (void)self;
  if (is_with) {
    renderer.Append(renderer.EscapeName(alias));
    return true;
  }
  renderer.Append("(");
  renderer.Render(Value::Obj(sql));
  renderer.Append(") ");
  renderer.Append(renderer.EscapeName(alias));
  return true;
}

}  // namespace dp::dsl::lite
