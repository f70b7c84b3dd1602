// The `drizzle-orm/sqlite-core` namespace: sqliteTable, sqliteTableCreator, the column
// builders, constraint builders, sqliteView / view, QueryBuilder, getTableConfig,
// getViewConfig, uniqueKeyName and the classes `is()` compares against.
#include "dsl/sqlite/module.h"

#include "dsl/sqlite/lite_module.h"
#include "dsl/sqlite/lite_view.h"

namespace dp::dsl {

namespace {

using lite::Dialect;
using ts::CallContext;
using ts::Value;

constexpr Dialect kDialect = Dialect::Sqlite;

bool IsIntegerColumn(Value v) {
  lite::ColumnHost* c = lite::AsLiteColumn(v, kDialect);
  return c != nullptr && c->config.has_auto_increment;
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

}  // namespace

ts::Object* MakeSqliteCoreModule(ts::Interp& interp) {
  DslContext& ctx = DslContext::Get(interp);
  ts::Object* ns = interp.NewObject();
  sqlite::AddColumnBuilders(interp, ns);
  lite::AddConstraintBuilders(interp, ns, kDialect);

  // getSQLiteColumnBuilders(): what the columns callback receives.
  Value builders_value = lite::PickExports(interp, ns, {"blob", "customType", "integer", "numeric", "real", "text"});

  lite::AddFunction(interp, ns, "sqliteTable", [builders_value](CallContext& c) {
    std::string name = lite::Interpolate(c.interp, c.Arg(0));
    return TableFn(c, builders_value, name, name);
  });
  lite::AddTableCreator(interp, ns, "sqliteTableCreator", "sqliteTable",
                        [builders_value](CallContext& c, std::string name, std::string base) {
                          return TableFn(c, builders_value, std::move(name), std::move(base));
                        });
  auto view_fn = [builders_value](CallContext& c) {
    return lite::MakeViewBuilder(c, kDialect, lite::Interpolate(c.interp, c.Arg(0)), std::nullopt, c.Arg(1),
                                 builders_value);
  };
  lite::AddFunction(interp, ns, "sqliteView", view_fn);
  lite::AddFunction(interp, ns, "view", view_fn);
  lite::AddTableHelpers(interp, ns, kDialect);

  lite::AddClass(ctx, ns, "SQLiteTable", lite::IsTableOf<kDialect>);
  lite::AddClass(ctx, ns, "SQLiteColumn", lite::IsColumnOf<kDialect>);
  lite::AddClass(ctx, ns, "SQLiteBaseInteger", IsIntegerColumn);
  lite::AddClass(ctx, ns, "SQLiteView", lite::IsViewOf<kDialect>);
  lite::AddClass(ctx, ns, "SQLiteViewBase", lite::IsViewOf<kDialect>);
  lite::AddClass(ctx, ns, "SQLiteColumnBuilder", lite::IsBuilderOf<kDialect>);
  lite::AddBuilderClassesAndStubs(ctx, ns, kDialect);
  return ns;
}

}  // namespace dp::dsl
