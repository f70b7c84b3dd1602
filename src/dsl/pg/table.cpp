// pgTable / pgTableCreator: building the columns of a table from its builders, the inline
// foreign keys of .references(), and the lazily built ExtraConfigColumns.
#include "dsl/pg/table.h"

#include "dsl/common/sql.h"

namespace dp::dsl::pg {

namespace {

using ts::CallContext;
using ts::Value;

char kTableTag, kColumnBuildersSlot;

void InitTableProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "enableRLS", [](CallContext& c) {
    PgTableHost* table = AsPgTable(c.this_value);
    if (table == nullptr) DslThrow(c.interp, "enableRLS called on an incompatible receiver");
    table->enable_rls = true;
    return c.this_value;
  });
  ctx.Method(proto, "getSQL", [](CallContext& c) { return Value::Obj(NewSql(c.interp, {Val(c.this_value)})); });
}

// getPgColumnBuilders(): the object given to pgTable's column callback.
Value ColumnBuildersObject(ts::Interp& interp) {
  std::shared_ptr<void>& slot = DslContext::Get(interp).Slot(&kColumnBuildersSlot);
  if (!slot) {
    ts::Object* object = interp.NewObject();
    AddColumnBuilders(interp, object);
    for (const char* name : {"decimal"}) object->props.Remove(name);
    slot = std::make_shared<ts::Object*>(object);
  }
  return Value::Obj(*static_cast<ts::Object**>(slot.get()));
}

}  // namespace

ts::Object* MakeTable(ts::CallContext& call, std::string name, ts::Value columns, ts::Value extra_config,
                      std::optional<std::string> schema, std::string base_name) {
  ts::Interp& interp = call.interp;
  DslContext& ctx = DslContext::Get(interp);
  auto host = std::make_shared<PgTableHost>();
  PgTableHost* table = host.get();
  table->dialect = "pg";
  table->span = call.call_span;
  table->name = name;
  table->original_name = std::move(name);
  table->base_name = std::move(base_name);
  table->schema = std::move(schema);
  ts::Object* object = interp.NewHost(ctx.Proto(&kTableTag, InitTableProto), std::move(host));
  table->object = object;

  if (interp.IsCallable(columns)) {
    Value builders[1] = {ColumnBuildersObject(interp)};
    columns = interp.Call(columns, Value(), builders);
  }
  if (!columns.IsObject()) {
    DslThrow(interp, "pgTable(\"" + table->name + "\") expects an object of columns as its second argument");
  }
  std::vector<std::string> keys = interp.OwnKeys(columns.AsObject());
  table->columns.reserve(keys.size());
  for (const std::string& key : keys) {
    Value value = interp.Get(columns, key);
    PgBuilderHost* builder = AsBuilder(value);
    if (builder == nullptr) {
      DslThrow(interp, "column \"" + key + "\" of table \"" + table->name + "\" is not a pg column builder (got " +
                           interp.Describe(value) + ")");
    }
    if (builder->config.name.empty()) builder->config.name = key;  // setName
    std::shared_ptr<PgColumnHost> column = BuildColumn(interp, *builder, table, object);
    ts::Object* column_object = ColumnObject(interp, column);
    for (const PgReference& ref : builder->references) {
      table->inline_foreign_keys.push_back(NewInlineForeignKey(interp, Value::Obj(column_object), ref));
    }
    table->columns.emplace_back(key, column_object);
    object->props.Set(key, Value::Obj(column_object));
  }
  if (interp.Truthy(extra_config)) table->extra_config = extra_config;
  return object;
}

ts::Object* ExtraConfigColumns(ts::Interp& interp, PgTableHost& table) {
  if (table.extra_columns != nullptr) return table.extra_columns;
  ts::Object* object = interp.NewObject();
  for (const auto& [key, column_object] : table.columns) {
    const auto& column = *static_cast<const PgColumnHost*>(column_object->host.get());
    object->props.Set(key, Value::Obj(ColumnObject(interp, BuildExtraColumn(column))));
  }
  table.extra_columns = object;
  return object;
}

}  // namespace dp::dsl::pg
