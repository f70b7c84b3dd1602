// Views of the lite dialects: sqliteView / mysqlView (and mysqlSchema(...).view) in their two
// forms: view(name).as(qb => ...) from the query builder, and view(name, columns).as(sql`...`)
// or .existing(); mysql views also take algorithm / sqlSecurity / withCheckOption.
#include "dsl/sqlite/lite_view.h"

#include "dsl/sqlite/lite_select.h"

namespace dp::dsl::lite {

namespace {

using ts::CallContext;
using ts::Value;

char kSqliteViewBuilderTag, kMysqlViewBuilderTag, kViewTag;

struct ViewBuilderHost : Host {
  ViewBuilderHost() : Host(kind::kViewBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  std::string name;
  std::optional<std::string> schema;
  ts::Object* columns = nullptr;  // manual views: the built columns
  Value algorithm, sql_security, with_check_option;
  bool has_mysql_config = false;  // a mysql option method was called or the builder had config
};

ViewBuilderHost& Self(CallContext& c, std::string_view method) {
  return ThisAs<ViewBuilderHost>(c, kind::kViewBuilder, method);
}

void InitViewProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) { return Value::Obj(NewSql(c.interp, {Val(c.this_value)})); });
}

Value MakeView(CallContext& c, ViewBuilderHost& b, ts::Object* selected_fields, Value query, bool mysql_config) {
  auto host = std::make_shared<ViewHost>();
  host->span = c.call_span;
  host->lite_dialect = b.dialect;
  host->dialect = DialectName(b.dialect);
  host->name = b.name;
  host->original_name = b.name;
  host->schema = b.schema;
  host->selected_fields = selected_fields;
  host->query = query;
  host->is_existing = query.IsUndefined();
  if (mysql_config) {
    host->algorithm = b.algorithm;
    host->sql_security = b.sql_security;
    host->with_check_option = b.with_check_option;
  }
  ts::Object* object = DslContext::Get(c.interp).Make(&kViewTag, InitViewProto, host);
  host->object = object;
  // view.x reads through drizzle's selection proxy: columns aliased to the view's name.
  ts::Object* aliased = AliasFields(c.interp, selected_fields, b.name, true);
  for (const std::string& key : c.interp.OwnKeys(aliased)) object->props.Set(key, c.interp.Get(Value::Obj(aliased), key));
  return Value::Obj(object);
}

void InitViewBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "as", [](CallContext& c) {
    ViewBuilderHost& b = Self(c, "as");
    Value arg = c.Arg(0);
    if (b.columns != nullptr) {
      SqlHost* sql = AsSql(arg);
      if (sql == nullptr) DslThrow(c.interp, "view '" + b.name + "' with columns expects .as(sql`...`)");
      sql->inline_params = true;
      return MakeView(c, b, b.columns, arg, true);
    }
    if (c.interp.IsCallable(arg)) {
      Value args[1] = {Value::Obj(NewQueryBuilder(c.interp, b.dialect))};
      arg = c.interp.Call(arg, Value(), args);
    }
    SelectHost* select = AsSelect(arg);
    if (select == nullptr) {
      DslThrow(c.interp, "view '" + b.name + "' expects .as(qb => qb.select()...) or a select, got " +
                             c.interp.Describe(arg) + " (pass columns to use sql`...`)");
    }
    ts::Object* fields = SelectedFields(*select);
    ts::Object* query = SelectSql(c.interp, *select);
    AsSql(Value::Obj(query))->inline_params = true;
    Value view = MakeView(c, b, fields, Value::Obj(query), true);
    static_cast<ViewHost*>(AsView(view))->raw_sql_fields_throw = true;
    return view;
  });
  ctx.Method(proto, "existing", [](CallContext& c) {
    ViewBuilderHost& b = Self(c, "existing");
    if (b.columns == nullptr) DslThrow(c.interp, "view '" + b.name + "'.existing() needs the view's columns");
    return MakeView(c, b, b.columns, Value(), false);
  });
}

void InitMysqlViewBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "algorithm", [](CallContext& c) {
    Self(c, "algorithm").algorithm = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "sqlSecurity", [](CallContext& c) {
    Self(c, "sqlSecurity").sql_security = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "withCheckOption", [](CallContext& c) {
    Value option = c.Arg(0);
    Self(c, "withCheckOption").with_check_option = option.IsNullish() ? c.interp.Str("cascaded") : option;
    return c.this_value;
  });
}

}  // namespace

Value MakeViewBuilder(CallContext& c, Dialect dialect, std::string name, std::optional<std::string> schema,
                      Value columns, Value columns_builders) {
  DslContext& ctx = DslContext::Get(c.interp);
  auto host = std::make_shared<ViewBuilderHost>();
  host->dialect = dialect;
  host->span = c.call_span;
  host->name = name;
  host->schema = std::move(schema);
  if (c.interp.Truthy(columns)) {
    TableArgs args;
    args.name = name;
    args.base_name = name;
    args.columns = columns;
    args.columns_builders = columns_builders;
    Value table = MakeTable(c.interp, dialect, std::move(args));
    ts::Object* fields = c.interp.NewObject();
    for (const auto& [key, column] : AsTable(table)->columns) fields->props.Set(key, Value::Obj(column));
    host->columns = fields;
  }
  ts::Object* base = ctx.Proto(&kSqliteViewBuilderTag, InitViewBuilderProto);
  if (dialect == Dialect::Sqlite) return Value::Obj(c.interp.NewHost(base, std::move(host)));
  ts::Object* proto = ctx.Proto(&kMysqlViewBuilderTag, InitMysqlViewBuilderProto, base);
  return Value::Obj(c.interp.NewHost(proto, std::move(host)));
}

}  // namespace dp::dsl::lite
