// The `drizzle-orm/sqlite-core` namespace: sqliteTable, sqliteTableCreator, the column
// builders, constraint builders, sqliteView / view, QueryBuilder, getTableConfig,
// getViewConfig, uniqueKeyName and the classes `is()` compares against.
#include "dsl/sqlite/module.h"

#include "dsl/sqlite/lite_select.h"
#include "dsl/sqlite/lite_view.h"

namespace dp::dsl {

namespace {

using lite::Dialect;
using ts::CallContext;
using ts::Value;

constexpr Dialect kDialect = Dialect::Sqlite;

bool IsTable(Value v) { return lite::AsLiteTable(v, kDialect) != nullptr; }
bool IsColumn(Value v) { return lite::AsLiteColumn(v, kDialect) != nullptr; }
bool IsView(Value v) { return lite::AsLiteView(v, kDialect) != nullptr; }
bool IsBuilder(Value v) {
  lite::BuilderHost* b = lite::AsBuilder(v);
  return b != nullptr && b->dialect == kDialect;
}
bool IsIntegerColumn(Value v) {
  lite::ColumnHost* c = lite::AsLiteColumn(v, kDialect);
  return c != nullptr && c->config.has_auto_increment;
}
template <HostKind Kind, class T>
bool IsKind(Value v) {
  T* h = HostAs<T>(v, Kind);
  return h != nullptr && h->dialect == kDialect;
}

Value TableFn(CallContext& c, Value builders, std::string name, std::string base_name) {
  lite::TableArgs args;
  args.name = std::move(name);
  args.base_name = std::move(base_name);
  args.columns = c.Arg(1);
  args.extra_config = c.Arg(2);
  args.columns_builders = builders;
  return lite::MakeTable(c.interp, kDialect, std::move(args));
}

Value GetTableConfigFn(CallContext& c) {
  lite::TableHost* table = lite::AsLiteTable(c.Arg(0), kDialect);
  if (table == nullptr) DslThrow(c.interp, "getTableConfig expects a sqlite table");
  ts::Object* out = c.interp.NewObject();
  std::vector<Value> columns;
  for (const auto& [key, column] : table->columns) columns.push_back(Value::Obj(column));
  out->props.Set("columns", Value::Obj(c.interp.NewArray(std::move(columns))));
  out->props.Set("name", c.interp.Str(table->name));
  return Value::Obj(out);
}

Value GetViewConfigFn(CallContext& c) {
  lite::ViewHost* view = lite::AsLiteView(c.Arg(0), kDialect);
  if (view == nullptr) DslThrow(c.interp, "getViewConfig expects a sqlite view");
  ts::Object* out = c.interp.NewObject();
  out->props.Set("name", c.interp.Str(view->name));
  out->props.Set("originalName", c.interp.Str(view->original_name));
  out->props.Set("schema", Value());
  out->props.Set("selectedFields", view->selected_fields ? Value::Obj(view->selected_fields) : Value());
  out->props.Set("isExisting", Value::Boolean(view->is_existing));
  out->props.Set("query", view->query);
  out->props.Set("isAlias", Value::Boolean(false));
  return Value::Obj(out);
}

}  // namespace

ts::Object* MakeSqliteCoreModule(ts::Interp& interp) {
  DslContext& ctx = DslContext::Get(interp);
  ts::Object* ns = interp.NewObject();
  sqlite::AddColumnBuilders(interp, ns);
  lite::AddConstraintBuilders(interp, ns, kDialect);

  // getSQLiteColumnBuilders(): what the columns callback receives.
  ts::Object* builders = interp.NewObject();
  for (const char* name : {"blob", "customType", "integer", "numeric", "real", "text"}) {
    builders->props.Set(name, ns->props.Find(name)->value);
  }
  Value builders_value = Value::Obj(builders);

  lite::AddFunction(interp, ns, "sqliteTable", [builders_value](CallContext& c) {
    std::string name = lite::Interpolate(c.interp, c.Arg(0));
    return TableFn(c, builders_value, name, name);
  });
  lite::AddFunction(interp, ns, "sqliteTableCreator", [builders_value](CallContext& c) {
    Value customize = c.Arg(0);
    if (!c.interp.IsCallable(customize)) DslThrow(c.interp, "sqliteTableCreator expects a function");
    return Value::Obj(c.interp.NewFunction("sqliteTable", [builders_value, customize](CallContext& inner) {
      std::string base = lite::Interpolate(inner.interp, inner.Arg(0));
      Value args[1] = {inner.Arg(0)};
      std::string name = lite::Interpolate(inner.interp, inner.interp.Call(customize, Value(), args));
      return TableFn(inner, builders_value, name, base);
    }));
  });
  auto view_fn = [builders_value](CallContext& c) {
    return lite::MakeViewBuilder(c, kDialect, lite::Interpolate(c.interp, c.Arg(0)), std::nullopt, c.Arg(1),
                                 builders_value);
  };
  lite::AddFunction(interp, ns, "sqliteView", view_fn);
  lite::AddFunction(interp, ns, "view", view_fn);
  lite::AddFunction(interp, ns, "getTableConfig", GetTableConfigFn);
  lite::AddFunction(interp, ns, "alias", [](CallContext& c) {
    lite::TableHost* table = lite::AsLiteTable(c.Arg(0), kDialect);
    if (table == nullptr) DslThrow(c.interp, "alias() expects a table of this dialect");
    return lite::AliasTable(c.interp, *table, lite::Interpolate(c.interp, c.Arg(1)));
  });
  lite::AddFunction(interp, ns, "getViewConfig", GetViewConfigFn);
  lite::AddFunction(interp, ns, "uniqueKeyName", [](CallContext& c) {
    lite::TableHost* table = lite::AsLiteTable(c.Arg(0), kDialect);
    if (table == nullptr) DslThrow(c.interp, "uniqueKeyName expects a sqlite table");
    std::vector<std::string> columns;
    for (Value v : ArrayElements(c.interp, c.Arg(1))) columns.push_back(c.interp.ToString(v));
    return c.interp.Str(lite::UniqueKeyName(table->name, columns));
  });
  ts::Object* qb = interp.NewFunction("QueryBuilder", [](CallContext& c) {
    return Value::Obj(lite::NewQueryBuilder(c.interp, kDialect));
  });
  qb->is_constructor = true;
  ns->props.Set("QueryBuilder", Value::Obj(qb));

  lite::AddClass(ctx, ns, "SQLiteTable", IsTable);
  lite::AddClass(ctx, ns, "SQLiteColumn", IsColumn);
  lite::AddClass(ctx, ns, "SQLiteBaseInteger", IsIntegerColumn);
  lite::AddClass(ctx, ns, "SQLiteView", IsView);
  lite::AddClass(ctx, ns, "SQLiteViewBase", IsView);
  lite::AddClass(ctx, ns, "SQLiteColumnBuilder", IsBuilder);
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
