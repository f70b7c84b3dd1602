// pgView / pgMaterializedView builders and view objects (drizzle-orm pg-core/view.ts).
#include "dsl/pg/views.h"

#include <map>

#include "dsl/pg/columns.h"
#include "dsl/pg/table.h"

namespace dp::dsl::pg {

namespace {

using ts::CallContext;
using ts::Value;

char kViewBuilderTag, kMatViewBuilderTag, kViewTag, kAliasTableTag;

PgViewBuilderHost& BuilderSelf(CallContext& c, const char* method) {
  return ThisAs<PgViewBuilderHost>(c, HostKind::PgViewBuilder, method);
}

void NoMethods(DslContext&, ts::Object*) {}

void InitViewProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) { return Value::Obj(NewSql(c.interp, {Val(c.this_value)})); });
}

// Makes the view object of a builder.
Value FinishView(CallContext& c, PgViewBuilderHost& builder, ts::Object* fields, Value query, bool existing) {
  auto host = std::make_shared<PgViewHost>();
  host->dialect = "pg";
  host->span = builder.span;
  host->name = builder.name;
  host->original_name = builder.name;
  host->schema = builder.schema;
  host->selected_fields = fields;
  host->query = query;
  host->is_existing = existing;
  host->materialized = builder.materialized;
  host->has_pg_config = builder.materialized || !existing;
  host->with = builder.with;
  if (builder.materialized) {
    host->using_ = builder.using_;
    host->tablespace = builder.tablespace;
    host->with_no_data = builder.with_no_data;
  }
  PgViewHost* view = host.get();
  ts::Object* object = DslContext::Get(c.interp).Make(&kViewTag, InitViewProto, std::move(host));
  view->object = object;
  if (fields != nullptr) AddAliasedFields(c.interp, object, fields, view->name);
  return Value::Obj(object);
}

void InitCommonBuilderMethods(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "with", [](CallContext& c) {
    BuilderSelf(c, "with").with = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "as", [](CallContext& c) {
    PgViewBuilderHost& self = BuilderSelf(c, "as");
    Value arg = c.Arg(0);
    if (self.columns != nullptr) {
      SqlHost* sql = AsSql(arg);
      if (sql == nullptr) DslThrow(c.interp, "a view with declared columns takes sql`...` in .as()");
      sql->inline_params = true;
      return FinishView(c, self, self.columns, arg, false);
    }
    if (c.interp.IsCallable(arg)) {
      Value qb[1] = {Value::Obj(NewQueryBuilder(c.interp))};
      arg = c.interp.Call(arg, Value(), qb);
    }
    ts::Object* fields = SelectedFieldsOf(c.interp, arg);
    if (fields == nullptr) {
      DslThrow(c.interp, "view \"" + self.name +
                             "\": .as() takes a query builder (or a function of one); a raw sql`...` view needs its "
                             "columns declared: pgView(name, { ...columns }).as(sql`...`)");
    }
    Value query = SelectSql(c.interp, arg);
    AsSql(query)->inline_params = true;
    return FinishView(c, self, fields, query, false);
  });
  ctx.Method(proto, "existing", [](CallContext& c) {
    PgViewBuilderHost& self = BuilderSelf(c, "existing");
    if (self.columns == nullptr) DslThrow(c.interp, "view \"" + self.name + "\": .existing() needs declared columns");
    return FinishView(c, self, self.columns, Value(), true);
  });
}

void InitViewBuilderProto(DslContext& ctx, ts::Object* proto) { InitCommonBuilderMethods(ctx, proto); }

void InitMatViewBuilderProto(DslContext& ctx, ts::Object* proto) {
  InitCommonBuilderMethods(ctx, proto);
  ctx.Method(proto, "using", [](CallContext& c) {
    BuilderSelf(c, "using").using_ = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "tablespace", [](CallContext& c) {
    BuilderSelf(c, "tablespace").tablespace = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "withNoData", [](CallContext& c) {
    BuilderSelf(c, "withNoData").with_no_data = Value::Boolean(true);
    return c.this_value;
  });
}

}  // namespace

ts::Value MakeViewBuilder(ts::CallContext& c, std::optional<std::string> schema, bool materialized) {
  auto host = std::make_shared<PgViewBuilderHost>();
  host->span = c.call_span;
  host->name = c.interp.ToString(c.Arg(0));
  host->schema = std::move(schema);
  host->materialized = materialized;
  Value columns = c.Arg(1);
  if (c.interp.Truthy(columns)) {
    ts::Object* table = MakeTable(c, host->name, columns, Value(), std::nullopt, host->name);
    ts::Object* fields = c.interp.NewObject();
    for (const auto& [key, column] : AsTable(Value::Obj(table))->columns) fields->props.Set(key, Value::Obj(column));
    host->columns = fields;
  }
  DslContext& ctx = DslContext::Get(c.interp);
  if (materialized) return Value::Obj(ctx.Make(&kMatViewBuilderTag, InitMatViewBuilderProto, std::move(host)));
  return Value::Obj(ctx.Make(&kViewBuilderTag, InitViewBuilderProto, std::move(host)));
}

void AddAliasedFields(ts::Interp& interp, ts::Object* target, ts::Object* fields, const std::string& alias) {
  std::map<const TableBase*, TableBase*> alias_tables;
  for (const std::string& key : interp.OwnKeys(fields)) {
    Value field = interp.Get(Value::Obj(fields), key);
    if (PgColumnHost* column = AsPgColumn(field)) {
      TableBase*& alias_table = alias_tables[column->table];
      if (alias_table == nullptr) {
        auto table = std::make_shared<PgTableHost>();
        table->dialect = "pg";
        table->name = alias;
        table->original_name = alias;
        table->base_name = column->table != nullptr ? column->table->base_name : alias;
        table->schema = column->table != nullptr ? column->table->schema : std::nullopt;
        table->is_alias = true;
        PgTableHost* raw = table.get();
        alias_table = raw;
        ts::Object* object = DslContext::Get(interp).Make(&kAliasTableTag, NoMethods, std::move(table));
        raw->object = object;
      }
      auto copy = std::make_shared<PgColumnHost>(*column);
      copy->table = alias_table;
      copy->table_object = alias_table->object;
      target->props.Set(key, Value::Obj(ColumnObject(interp, std::move(copy))));
    } else if (SqlAliasedHost* aliased = AsAliased(field)) {
      target->props.Set(key, Value::Obj(NewAliased(interp, aliased->sql, aliased->alias, true)));
    }
  }
}

namespace {

// alias(table, name): the table seen under another name (drizzle's TableAliasProxyHandler
// without replaceOriginalName): its columns render as "name"."column".
Value MakeTableAlias(CallContext& c) {
  PgTableHost* table = AsPgTable(c.Arg(0));
  if (table == nullptr) DslThrow(c.interp, "alias() expects a pg table");
  auto host = std::make_shared<PgTableHost>();
  PgTableHost* raw = host.get();
  raw->dialect = "pg";
  raw->span = c.call_span;
  raw->name = c.interp.ToString(c.Arg(1));
  raw->original_name = table->original_name;
  raw->base_name = table->base_name;
  raw->schema = table->schema;
  raw->is_alias = true;
  raw->enable_rls = table->enable_rls;
  ts::Object* object = DslContext::Get(c.interp).Make(&kAliasTableTag, NoMethods, std::move(host));
  raw->object = object;
  for (const auto& [key, column_object] : table->columns) {
    auto copy = std::make_shared<PgColumnHost>(*static_cast<PgColumnHost*>(column_object->host.get()));
    copy->table = raw;
    copy->table_object = object;
    ts::Object* aliased = ColumnObject(c.interp, std::move(copy));
    raw->columns.emplace_back(key, aliased);
    object->props.Set(key, Value::Obj(aliased));
  }
  return Value::Obj(object);
}

}  // namespace

void AddViewFunctions(ts::Interp& interp, ts::Object* ns) {
  auto fn = [&](std::string_view name, ts::NativeFn f) {
    ns->props.Set(name, Value::Obj(interp.NewFunction(std::string(name), std::move(f))));
  };
  fn("pgView", [](CallContext& c) { return MakeViewBuilder(c, std::nullopt, false); });
  fn("pgMaterializedView", [](CallContext& c) { return MakeViewBuilder(c, std::nullopt, true); });
  fn("alias", MakeTableAlias);
  fn("QueryBuilder", [](CallContext& c) { return Value::Obj(NewQueryBuilder(c.interp)); });
  ns->props.Find("QueryBuilder")->value.AsObject()->is_constructor = true;  // `new QueryBuilder()`
}

}  // namespace dp::dsl::pg
