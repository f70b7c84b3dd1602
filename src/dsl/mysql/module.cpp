// The `drizzle-orm/mysql-core` namespace: mysqlTable, mysqlTableCreator,
// mysqlTableWithSchema, mysqlSchema / mysqlDatabase, the column builders, constraint
// builders, mysqlView, QueryBuilder, getTableConfig, getViewConfig and the classes `is()`
// compares against.
#include "dsl/mysql/module.h"

#include "dsl/sqlite/lite_module.h"
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

bool IsSchema(Value v) { return HostAs<SchemaHost>(v, lite::kind::kMysqlSchema) != nullptr; }

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
  Value builders_value = lite::PickExports(
      interp, ns,
      {"bigint", "binary", "boolean", "char", "customType", "date", "datetime", "decimal", "double", "mysqlEnum",
       "float", "int", "json", "mediumint", "real", "serial", "smallint", "text", "time", "timestamp", "tinyint",
       "varbinary", "varchar", "year", "longtext", "mediumtext", "tinytext"});

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
  lite::AddTableCreator(interp, ns, "mysqlTableCreator", "mysqlTable",
                        [builders_value](CallContext& c, std::string name, std::string base) {
                          return TableFn(c, builders_value, std::move(name), std::move(base), std::nullopt);
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
  lite::AddTableHelpers(interp, ns, kDialect);

  lite::AddClass(ctx, ns, "MySqlTable", lite::IsTableOf<kDialect>);
  lite::AddClass(ctx, ns, "MySqlColumn", lite::IsColumnOf<kDialect>);
  lite::AddClass(ctx, ns, "MySqlView", lite::IsViewOf<kDialect>);
  lite::AddClass(ctx, ns, "MySqlViewBase", lite::IsViewOf<kDialect>);
  lite::AddClass(ctx, ns, "MySqlSchema", IsSchema);
  lite::AddClass(ctx, ns, "MySqlColumnBuilder", lite::IsBuilderOf<kDialect>);
  lite::AddBuilderClassesAndStubs(ctx, ns, kDialect);
  return ns;
}

}  // namespace dp::dsl
