// The exports sqlite-core and mysql-core build alike (see lite_module.h).
#include "dsl/sqlite/lite_module.h"

#include "dsl/sqlite/lite_select.h"

namespace dp::dsl::lite {

namespace {

using ts::CallContext;
using ts::Value;

Value GetTableConfigFn(CallContext& c, Dialect dialect) {
  TableHost* table = AsLiteTable(c.Arg(0), dialect);
  if (table == nullptr) DslThrow(c.interp, std::string("getTableConfig expects a ") + DialectName(dialect) + " table");
  ts::Object* out = c.interp.NewObject();
  std::vector<Value> columns;
  for (const auto& [key, column] : table->columns) columns.push_back(Value::Obj(column));
  out->props.Set("columns", Value::Obj(c.interp.NewArray(std::move(columns))));
  out->props.Set("name", c.interp.Str(table->name));
  if (dialect == Dialect::Mysql) {
    out->props.Set("schema", table->schema ? c.interp.Str(*table->schema) : Value());
    out->props.Set("baseName", c.interp.Str(table->base_name));
  }
  return Value::Obj(out);
}

Value GetViewConfigFn(CallContext& c, Dialect dialect) {
  ViewHost* view = AsLiteView(c.Arg(0), dialect);
  if (view == nullptr) DslThrow(c.interp, std::string("getViewConfig expects a ") + DialectName(dialect) + " view");
  ts::Object* out = c.interp.NewObject();
  out->props.Set("name", c.interp.Str(view->name));
  out->props.Set("originalName", c.interp.Str(view->original_name));
  out->props.Set("schema", view->schema ? c.interp.Str(*view->schema) : Value());
  out->props.Set("selectedFields", view->selected_fields ? Value::Obj(view->selected_fields) : Value());
  out->props.Set("isExisting", Value::Boolean(view->is_existing));
  out->props.Set("query", view->query);
  out->props.Set("isAlias", Value::Boolean(false));
  if (dialect == Dialect::Mysql) {
    out->props.Set("algorithm", view->algorithm);
    out->props.Set("sqlSecurity", view->sql_security);
    out->props.Set("withCheckOption", view->with_check_option);
  }
  return Value::Obj(out);
}

template <Dialect D>
void AddBuilderClasses(DslContext& ctx, ts::Object* ns) {
  lite::AddClass(ctx, ns, "IndexBuilder", IsHostOf<D, kind::kIndexBuilder, IndexBuilderHost>);
  lite::AddClass(ctx, ns, "IndexBuilderOn", IsHostOf<D, kind::kIndexBuilderOn, IndexBuilderOnHost>);
  lite::AddClass(ctx, ns, "CheckBuilder", IsHostOf<D, kind::kCheckBuilder, CheckBuilderHost>);
  lite::AddClass(ctx, ns, "PrimaryKeyBuilder", IsHostOf<D, kind::kPrimaryKeyBuilder, PrimaryKeyBuilderHost>);
  lite::AddClass(ctx, ns, "ForeignKeyBuilder", IsHostOf<D, kind::kForeignKeyBuilder, ForeignKeyBuilderHost>);
  lite::AddClass(ctx, ns, "UniqueConstraintBuilder", IsHostOf<D, kind::kUniqueBuilder, UniqueBuilderHost>);
  lite::AddClass(ctx, ns, "UniqueOnConstraintBuilder", IsHostOf<D, kind::kUniqueOnBuilder, UniqueOnBuilderHost>);
}

}  // namespace

Value PickExports(ts::Interp& interp, ts::Object* ns, std::initializer_list<const char*> names) {
  ts::Object* picked = interp.NewObject();
  for (const char* name : names) picked->props.Set(name, ns->props.Find(name)->value);
  return Value::Obj(picked);
}

void AddTableCreator(ts::Interp& interp, ts::Object* ns, const char* creator_name, const char* table_name,
                     MakeTableFn make_table) {
  std::string creator = creator_name;
  std::string table_fn = table_name;
  AddFunction(interp, ns, creator, [creator, table_fn, make_table](CallContext& c) {
    Value customize = c.Arg(0);
    if (!c.interp.IsCallable(customize)) DslThrow(c.interp, creator + " expects a function");
    return Value::Obj(c.interp.NewFunction(table_fn, [make_table, customize](CallContext& inner) {
      std::string base = Interpolate(inner.interp, inner.Arg(0));
      Value args[1] = {inner.Arg(0)};
      std::string name = Interpolate(inner.interp, inner.interp.Call(customize, Value(), args));
      return make_table(inner, std::move(name), std::move(base));
    }));
  });
}

void AddTableHelpers(ts::Interp& interp, ts::Object* ns, Dialect dialect) {
  AddFunction(interp, ns, "getTableConfig", [dialect](CallContext& c) { return GetTableConfigFn(c, dialect); });
  AddFunction(interp, ns, "alias", [dialect](CallContext& c) {
    TableHost* table = AsLiteTable(c.Arg(0), dialect);
    if (table == nullptr) DslThrow(c.interp, "alias() expects a table of this dialect");
    return AliasTable(c.interp, *table, Interpolate(c.interp, c.Arg(1)));
  });
  AddFunction(interp, ns, "getViewConfig", [dialect](CallContext& c) { return GetViewConfigFn(c, dialect); });
  AddFunction(interp, ns, "uniqueKeyName", [dialect](CallContext& c) {
    TableHost* table = AsLiteTable(c.Arg(0), dialect);
    if (table == nullptr) DslThrow(c.interp, std::string("uniqueKeyName expects a ") + DialectName(dialect) + " table");
    std::vector<std::string> columns;
    for (Value v : ArrayElements(c.interp, c.Arg(1))) columns.push_back(c.interp.ToString(v));
    return c.interp.Str(UniqueKeyName(table->name, columns));
  });
  ts::Object* qb = interp.NewFunction("QueryBuilder", [dialect](CallContext& c) {
    return Value::Obj(NewQueryBuilder(c.interp, dialect));
  });
  qb->is_constructor = true;
  ns->props.Set("QueryBuilder", Value::Obj(qb));
}

void AddBuilderClassesAndStubs(DslContext& ctx, ts::Object* ns, Dialect dialect) {
  if (dialect == Dialect::Sqlite) {
    AddBuilderClasses<Dialect::Sqlite>(ctx, ns);
  } else {
    AddBuilderClasses<Dialect::Mysql>(ctx, ns);
  }
  AddExportStubs(ctx, ns, dialect);
}

}  // namespace dp::dsl::lite
