// The `drizzle-orm/pg-core` module namespace: column builders, tables, constraints, enums,
// schemas, sequences, roles, policies, views, the query builder, and the classes / type
// guards `is()` and user helpers look at.
#include "dsl/modules.h"
#include "dsl/pg/columns.h"
#include "dsl/pg/objects.h"
#include "dsl/pg/table.h"
#include "dsl/pg/views.h"

namespace dp::dsl {

namespace {

using ts::CallContext;
using ts::Value;

bool IsPgTable(Value v) { return pg::AsPgTable(v) != nullptr; }
bool IsPgColumn(Value v) { return pg::AsPgColumn(v) != nullptr; }
bool IsPgArray(Value v) {
  pg::PgColumnHost* c = pg::AsPgColumn(v);
  return c != nullptr && c->config.type == pg::PgType::Array;
}
bool IsPgEnumColumn(Value v) {
  pg::PgColumnHost* c = pg::AsPgColumn(v);
  return c != nullptr && c->config.type == pg::PgType::Enum;
}
bool IsPgView(Value v) {
  pg::PgViewHost* view = pg::AsPgView(v);
  return view != nullptr && !view->materialized;
}
bool IsPgMaterializedView(Value v) {
  pg::PgViewHost* view = pg::AsPgView(v);
  return view != nullptr && view->materialized;
}
bool IsPgViewBase(Value v) { return pg::AsPgView(v) != nullptr; }
bool IsPgSchema(Value v) { return HostAs<pg::PgSchemaHost>(v, HostKind::PgSchema) != nullptr; }
bool IsPgSequence(Value v) { return HostAs<pg::PgSequenceHost>(v, HostKind::PgSequence) != nullptr; }
bool IsPgRole(Value v) { return HostAs<pg::PgRoleHost>(v, HostKind::PgRole) != nullptr; }
bool IsPgPolicy(Value v) { return HostAs<pg::PgPolicyHost>(v, HostKind::PgPolicy) != nullptr; }
bool IsIndexBuilder(Value v) { return HostAs<pg::PgIndexHost>(v, HostKind::PgIndexBuilder) != nullptr; }
bool IsCheckBuilder(Value v) { return HostAs<pg::PgCheckHost>(v, HostKind::PgCheckBuilder) != nullptr; }
bool IsForeignKeyBuilder(Value v) {
  return HostAs<pg::PgForeignKeyHost>(v, HostKind::PgForeignKeyBuilder) != nullptr;
}
bool IsPrimaryKeyBuilder(Value v) {
  return HostAs<pg::PgPrimaryKeyHost>(v, HostKind::PgPrimaryKeyBuilder) != nullptr;
}
bool IsUniqueBuilder(Value v) { return HostAs<pg::PgUniqueHost>(v, HostKind::PgUniqueBuilder) != nullptr; }
bool IsColumnBuilder(Value v) { return pg::AsBuilder(v) != nullptr; }

// getTableConfig(table): the parts readable without running the extra-config callback.
Value GetTableConfig(CallContext& c) {
  pg::PgTableHost* table = pg::AsPgTable(c.Arg(0));
  if (table == nullptr) DslThrow(c.interp, "getTableConfig expects a pg table");
  ts::Object* out = c.interp.NewObject();
  std::vector<Value> columns;
  for (const auto& [key, column] : table->columns) columns.push_back(Value::Obj(column));
  out->props.Set("columns", Value::Obj(c.interp.NewArray(std::move(columns))));
  out->props.Set("name", c.interp.Str(table->name));
  out->props.Set("schema", table->schema ? c.interp.Str(*table->schema) : Value());
  out->props.Set("enableRLS", Value::Boolean(table->enable_rls));
  return Value::Obj(out);
}

}  // namespace

ts::Object* MakePgCoreModule(ts::Interp& interp) {
  DslContext& ctx = DslContext::Get(interp);
  ts::Object* ns = interp.NewObject();
  pg::AddColumnBuilders(interp, ns);
  pg::AddTableFunctions(interp, ns);
  pg::AddObjectFunctions(interp, ns);
  pg::AddViewFunctions(interp, ns);
  auto fn = [&](std::string_view name, ts::NativeFn f) {
    ns->props.Set(name, Value::Obj(interp.NewFunction(std::string(name), std::move(f))));
  };
  fn("isPgEnum", [](CallContext& c) { return Value::Boolean(pg::AsEnum(c.interp, c.Arg(0)) != nullptr); });
  fn("isPgView", [](CallContext& c) { return Value::Boolean(IsPgView(c.Arg(0))); });
  fn("isPgMaterializedView", [](CallContext& c) { return Value::Boolean(IsPgMaterializedView(c.Arg(0))); });
  fn("isPgSequence", [](CallContext& c) { return Value::Boolean(IsPgSequence(c.Arg(0))); });
  fn("isPgSchema", [](CallContext& c) { return Value::Boolean(IsPgSchema(c.Arg(0))); });
  fn("getTableConfig", GetTableConfig);
  AddClass(ctx, ns, "PgTable", IsPgTable);
  AddClass(ctx, ns, "PgColumn", IsPgColumn);
  AddClass(ctx, ns, "PgArray", IsPgArray);
  AddClass(ctx, ns, "PgEnumColumn", IsPgEnumColumn);
  AddClass(ctx, ns, "PgView", IsPgView);
  AddClass(ctx, ns, "PgMaterializedView", IsPgMaterializedView);
  AddClass(ctx, ns, "PgViewBase", IsPgViewBase);
  AddClass(ctx, ns, "PgSchema", IsPgSchema);
  AddClass(ctx, ns, "PgSequence", IsPgSequence);
  AddClass(ctx, ns, "PgRole", IsPgRole);
  AddClass(ctx, ns, "PgPolicy", IsPgPolicy);
  AddClass(ctx, ns, "IndexBuilder", IsIndexBuilder);
  AddClass(ctx, ns, "CheckBuilder", IsCheckBuilder);
  AddClass(ctx, ns, "ForeignKeyBuilder", IsForeignKeyBuilder);
  AddClass(ctx, ns, "PrimaryKeyBuilder", IsPrimaryKeyBuilder);
  AddClass(ctx, ns, "UniqueConstraintBuilder", IsUniqueBuilder);
  AddClass(ctx, ns, "PgColumnBuilder", IsColumnBuilder);
  pg::AddExtraExports(interp, ns);
  return ns;
}

}  // namespace dp::dsl
