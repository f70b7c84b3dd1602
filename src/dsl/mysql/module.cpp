// The `drizzle-orm/mysql-core` namespace: mysqlTable, mysqlTableCreator,
// mysqlTableWithSchema, mysqlSchema / mysqlDatabase, the column builders, constraint
// builders, mysqlView, QueryBuilder, getTableConfig, getViewConfig and the classes `is()`
// compares against.
#include "dsl/mysql/module.h"

#include "dsl/sqlite/lite_select.h"
#include "dsl/sqlite/lite_view.h"

namespace dp::dsl {

namespace {

using lite::Dialect;
using ts::CallContext;
using ts::Value;

constexpr Dialect kDialect = Dialect::Mysql;

struct SchemaHost : Host {
  SchemaHost() : Host(lite::kind::kMysqlSchema) {}
  std::string name;
};

char kSchemaTag;

bool IsTable(Value v) { return lite::AsLiteTable(v, kDialect) != nullptr; }
bool IsColumn(Value v) { return lite::AsLiteColumn(v, kDialect) != nullptr; }
bool IsView(Value v) { return lite::AsLiteView(v, kDialect) != nullptr; }
bool IsSchema(Value v) { return HostAs<SchemaHost>(v, lite::kind::kMysqlSchema) != nullptr; }
bool IsBuilder(Value v) {
  lite::BuilderHost* b = lite::AsBuilder(v);
  return b != nullptr && b->dialect == kDialect;
}
template <HostKind Kind, class T>
bool IsKind(Value v) {
  T* h = HostAs<T>(v, Kind);
  return h != nullptr && h->dialect == kDialect;
}

Value TableFn(CallContext& c, Value builders, std::string name, std::string base_name,
              std::optional<std::string> schema) {
  lite::TableArgs args;
  args.name = std::move(name);
  args.base_name = std::move(base_name);
  args.schema = std::move(schema);
  args.columns = c.Arg(1);
  args.extra_config = c.Arg(2);
  args.columns_builders = builders;
  return lite::MakeTable(c.interp, kDialect, std::move(args));
}

std::optional<std::string> OptName(ts::Interp& interp, Value v) {
  if (v.IsNullish()) return std::nullopt;
  return lite::Interpolate(interp, v);
}

Value GetTableConfigFn(CallContext& c) {
  lite::TableHost* table = lite::AsLiteTable(c.Arg(0), kDialect);
  if (table == nullptr) DslThrow(c.interp, "getTableConfig expects a mysql table");
  ts::Object* out = c.interp.NewObject();
  std::vector<Value> columns;
  for (const auto& [key, column] : table->columns) columns.push_back(Value::Obj(column));
  out->props.Set("columns", Value::Obj(c.interp.NewArray(std::move(columns))));
  out->props.Set("name", c.interp.Str(table->name));
  out->props.Set("schema", table->schema ? c.interp.Str(*table->schema) : Value());
  out->props.Set("baseName", c.interp.Str(table->base_name));
  return Value::Obj(out);
}

Value GetViewConfigFn(CallContext& c) {
  lite::ViewHost* view = lite::AsLiteView(c.Arg(0), kDialect);
  if (view == nullptr) DslThrow(c.interp, "getViewConfig expects a mysql view");
  ts::Object* out = c.interp.NewObject();
  out->props.Set("name", c.interp.Str(view->name));
  out->props.Set("originalName", c.interp.Str(view->original_name));
  out->props.Set("schema", view->schema ? c.interp.Str(*view->schema) : Value());
  out->props.Set("selectedFields", view->selected_fields ? Value::Obj(view->selected_fields) : Value());
  out->props.Set("isExisting", Value::Boolean(view->is_existing));
  out->props.Set("query", view->query);
  out->props.Set("isAlias", Value::Boolean(false));
  out->props.Set("algorithm", view->algorithm);
  out->props.Set("sqlSecurity", view->sql_security);
  out->props.Set("withCheckOption", view->with_check_option);
  return Value::Obj(out);
}

ts::Object* MakeSchema(ts::Interp& interp, std::string name, Value builders) {
  auto host = std::make_shared<SchemaHost>();
  host->name = name;
  host->span = interp.CurrentCallSpan();
  ts::Object* object = DslContext::Get(interp).Make(&kSchemaTag, [](DslContext&, ts::Object*) {}, host);
  object->props.Set("schemaName", interp.Str(name));
  lite::AddFunction(interp, object, "table", [name, builders](CallContext& c) {
    std::string table_name = lite::Interpolate(c.interp, c.Arg(0));
    return TableFn(c, builders, table_name, table_name, name);
  });
  lite::AddFunction(interp, object, "view", [name, builders](CallContext& c) {
    return lite::MakeViewBuilder(c, kDialect, lite::Interpolate(c.interp, c.Arg(0)), name, c.Arg(1), builders);
  });
  return object;
}

}  // namespace

ts::Object* MakeMysqlCoreModule(ts::Interp& interp) {
  DslContext& ctx = DslContext::Get(interp);
  ts::Object* ns = interp.NewObject();
  mysql::AddColumnBuilders(interp, ns);
  lite::AddConstraintBuilders(interp, ns, kDialect);

  // getMySqlColumnBuilders(): what the columns callback receives.
  ts::Object* builders = interp.NewObject();
  for (const char* name : {"bigint", "binary", "boolean", "char", "customType", "date", "datetime", "decimal",
                           "double", "mysqlEnum", "float", "int", "json", "mediumint", "real", "serial", "smallint",
                           "text", "time", "timestamp", "tinyint", "varbinary", "varchar", "year", "longtext",
                           "mediumtext", "tinytext"}) {
    builders->props.Set(name, ns->props.Find(name)->value);
  }
  Value builders_value = Value::Obj(builders);

  lite::AddFunction(interp, ns, "mysqlTable", [builders_value](CallContext& c) {
    std::string name = lite::Interpolate(c.interp, c.Arg(0));
    return TableFn(c, builders_value, name, name, std::nullopt);
  });
  lite::AddFunction(interp, ns, "mysqlTableWithSchema", [builders_value](CallContext& c) {
    std::string name = lite::Interpolate(c.interp, c.Arg(0));
    Value base = c.Arg(4);
    return TableFn(c, builders_value, name, base.IsUndefined() ? name : lite::Interpolate(c.interp, base),
                   OptName(c.interp, c.Arg(3)));
  });
  lite::AddFunction(interp, ns, "mysqlTableCreator", [builders_value](CallContext& c) {
    Value customize = c.Arg(0);
    if (!c.interp.IsCallable(customize)) DslThrow(c.interp, "mysqlTableCreator expects a function");
    return Value::Obj(c.interp.NewFunction("mysqlTable", [builders_value, customize](CallContext& inner) {
      std::string base = lite::Interpolate(inner.interp, inner.Arg(0));
      Value args[1] = {inner.Arg(0)};
      std::string name = lite::Interpolate(inner.interp, inner.interp.Call(customize, Value(), args));
      return TableFn(inner, builders_value, name, base, std::nullopt);
    }));
  });
  auto schema_fn = [builders_value](CallContext& c) {
    return Value::Obj(MakeSchema(c.interp, lite::Interpolate(c.interp, c.Arg(0)), builders_value));
  };
  lite::AddFunction(interp, ns, "mysqlSchema", schema_fn);
  lite::AddFunction(interp, ns, "mysqlDatabase", schema_fn);
  lite::AddFunction(interp, ns, "isMySqlSchema", [](CallContext& c) { return Value::Boolean(IsSchema(c.Arg(0))); });
  lite::AddFunction(interp, ns, "mysqlView", [builders_value](CallContext& c) {
    return lite::MakeViewBuilder(c, kDialect, lite::Interpolate(c.interp, c.Arg(0)), std::nullopt, c.Arg(1),
                                 builders_value);
  });
  lite::AddFunction(interp, ns, "mysqlViewWithSchema", [builders_value](CallContext& c) {
    return lite::MakeViewBuilder(c, kDialect, lite::Interpolate(c.interp, c.Arg(0)), OptName(c.interp, c.Arg(2)),
                                 c.Arg(1), builders_value);
  });
  lite::AddFunction(interp, ns, "getTableConfig", GetTableConfigFn);
  lite::AddFunction(interp, ns, "alias", [](CallContext& c) {
    lite::TableHost* table = lite::AsLiteTable(c.Arg(0), kDialect);
    if (table == nullptr) DslThrow(c.interp, "alias() expects a table of this dialect");
    return lite::AliasTable(c.interp, *table, lite::Interpolate(c.interp, c.Arg(1)));
  });
  lite::AddFunction(interp, ns, "getViewConfig", GetViewConfigFn);
  lite::AddFunction(interp, ns, "uniqueKeyName", [](CallContext& c) {
    lite::TableHost* table = lite::AsLiteTable(c.Arg(0), kDialect);
    if (table == nullptr) DslThrow(c.interp, "uniqueKeyName expects a mysql table");
    std::vector<std::string> columns;
    for (Value v : ArrayElements(c.interp, c.Arg(1))) columns.push_back(c.interp.ToString(v));
    return c.interp.Str(lite::UniqueKeyName(table->name, columns));
  });
  ts::Object* qb = interp.NewFunction("QueryBuilder", [](CallContext& c) {
    return Value::Obj(lite::NewQueryBuilder(c.interp, kDialect));
  });
  qb->is_constructor = true;
  ns->props.Set("QueryBuilder", Value::Obj(qb));

  lite::AddClass(ctx, ns, "MySqlTable", IsTable);
  lite::AddClass(ctx, ns, "MySqlColumn", IsColumn);
  lite::AddClass(ctx, ns, "MySqlView", IsView);
  lite::AddClass(ctx, ns, "MySqlViewBase", IsView);
  lite::AddClass(ctx, ns, "MySqlSchema", IsSchema);
  lite::AddClass(ctx, ns, "MySqlColumnBuilder", IsBuilder);
  lite::AddClass(ctx, ns, "IndexBuilder", IsKind<lite::kind::kIndexBuilder, lite::IndexBuilderHost>);
  lite::AddClass(ctx, ns, "IndexBuilderOn", IsKind<lite::kind::kIndexBuilderOn, lite::IndexBuilderOnHost>);
  lite::AddClass(ctx, ns, "CheckBuilder", IsKind<lite::kind::kCheckBuilder, lite::CheckBuilderHost>);
  lite::AddClass(ctx, ns, "PrimaryKeyBuilder", IsKind<lite::kind::kPrimaryKeyBuilder, lite::PrimaryKeyBuilderHost>);
  lite::AddClass(ctx, ns, "ForeignKeyBuilder", IsKind<lite::kind::kForeignKeyBuilder, lite::ForeignKeyBuilderHost>);
  lite::AddClass(ctx, ns, "UniqueConstraintBuilder", IsKind<lite::kind::kUniqueBuilder, lite::UniqueBuilderHost>);
  lite::AddClass(ctx, ns, "UniqueOnConstraintBuilder",
                 IsKind<lite::kind::kUniqueOnBuilder, lite::UniqueOnBuilderHost>);
  lite::AddExportStubs(ctx, ns, kDialect);
  return ns;
}

}  // namespace dp::dsl
