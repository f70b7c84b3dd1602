// Tables of the lite dialects: sqliteTable / mysqlTable construction (columns object or
// callback, setName from the key, inline foreign keys), getTableConfig (the extra-config
// callback run at snapshot time, array or object form) and foreign-key reference resolution.
#include "dsl/sqlite/lite_core.h"

namespace dp::dsl::lite {

namespace {

using ts::CallContext;
using ts::Value;

char kTableTag;

void InitTableProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) { return Value::Obj(NewSql(c.interp, {Val(c.this_value)})); });
}

std::string DescribeDialect(Dialect dialect) {
  return dialect == Dialect::Sqlite ? "drizzle-orm/sqlite-core" : "drizzle-orm/mysql-core";
}

// Flattens the extra-config result like drizzle: arrays `.flat(1)`, objects `Object.values`.
std::vector<Value> ExtraValues(ts::Interp& interp, Value result, const std::string& table) {
  std::vector<Value> out;
  if (result.IsNullish()) {
    DslThrow(interp, "the extra config callback of table '" + table +
                         "' returned " + interp.Describe(result) + "; return an array of indexes and constraints");
  }
  if (!result.IsObject()) return out;
  if (interp.IsArray(result)) {
    for (Value v : result.AsObject()->elements) {
      if (v.IsObject() && interp.IsArray(v)) {
        for (Value inner : v.AsObject()->elements) out.push_back(inner);
      } else {
        out.push_back(v);
      }
    }
    return out;
  }
  for (const std::string& key : interp.OwnKeys(result.AsObject())) out.push_back(interp.Get(result, key));
  return out;
}

ColumnHost* RequireColumn(ts::Interp& interp, Value v, Dialect dialect, std::string_view what) {
  ColumnHost* column = AsLiteColumn(v, dialect);
  if (column == nullptr) {
    DslThrow(interp, std::string(what) + " expects " + DialectName(dialect) + " columns, got " + interp.Describe(v));
  }
  return column;
}

}  // namespace

TableHost* AsLiteTable(ts::Value v, Dialect dialect) {
  TableBase* t = AsTable(v);
  return t != nullptr && t->dialect == DialectName(dialect) ? static_cast<TableHost*>(t) : nullptr;
}

ViewHost* AsLiteView(ts::Value v, Dialect dialect) {
  ViewBase* view = AsView(v);
  return view != nullptr && view->dialect == DialectName(dialect) ? static_cast<ViewHost*>(view) : nullptr;
}

ts::Value MakeTable(ts::Interp& interp, Dialect dialect, TableArgs args) {
  DslContext& ctx = DslContext::Get(interp);
  const std::string name = args.name;
  auto host = std::make_shared<TableHost>();
  host->span = interp.CurrentCallSpan();
  host->lite_dialect = dialect;
  host->dialect = DialectName(dialect);
  host->name = name;
  host->original_name = name;
  host->base_name = std::move(args.base_name);
  host->schema = std::move(args.schema);
  TableHost* table = host.get();
  ts::Object* object = ctx.Make(&kTableTag, InitTableProto, host);
  table->object = object;
  table->columns_object = interp.NewObject();

  Value columns = args.columns;
  if (interp.IsCallable(columns)) {
    Value call_args[1] = {args.columns_builders};
    columns = interp.Call(columns, Value(), call_args);
  }
  if (!columns.IsObject()) {
    DslThrow(interp, "table '" + name + "' expects an object of columns, got " + interp.Describe(columns));
  }
  std::vector<std::string> keys = interp.OwnKeys(columns.AsObject());
  table->columns.reserve(keys.size());
  for (const std::string& key : keys) {
    Value value = interp.Get(columns, key);
    BuilderHost* builder = AsBuilder(value);
    if (builder == nullptr || builder->dialect != dialect) {
      DslThrow(interp, "column '" + key + "' of table '" + name + "' is not a " + DescribeDialect(dialect) +
                           " column builder (got " + interp.Describe(value) + ")");
    }
    if (builder->config.name.empty()) builder->config.name = key;  // setName(key)
    std::shared_ptr<ColumnHost> column = BuildColumn(interp, *builder, table);
    ts::Object* column_object = ColumnObject(interp, column);
    for (const Reference& ref : builder->references) {
      auto fk = std::make_shared<ForeignKeyBuilderHost>();
      fk->dialect = dialect;
      fk->span = ref.span;
      fk->inline_column = column_object;
      fk->inline_ref = ref.ref;
      if (interp.Truthy(ref.on_update)) fk->on_update = ref.on_update;
      if (interp.Truthy(ref.on_delete)) fk->on_delete = ref.on_delete;
      table->inline_fks.push_back(std::move(fk));
    }
    table->columns.emplace_back(key, column_object);
    object->props.Set(key, Value::Obj(column_object));
    table->columns_object->props.Set(key, Value::Obj(column_object));
  }
  if (interp.Truthy(args.extra_config)) table->extra_config = args.extra_config;
  return Value::Obj(object);
}

ts::Value AliasTable(ts::Interp& interp, TableHost& table, const std::string& alias) {
  auto host = std::make_shared<TableHost>(table);
  host->name = alias;
  host->is_alias = true;
  TableHost* aliased = host.get();
  ts::Object* object = DslContext::Get(interp).Make(&kTableTag, InitTableProto, host);
  aliased->object = object;
  ts::Object* columns = AliasFields(interp, table.columns_object, alias, false);
  aliased->columns_object = columns;
  aliased->columns.clear();
  for (const std::string& key : interp.OwnKeys(columns)) {
    Value column = interp.Get(Value::Obj(columns), key);
    // The aliased columns' table is a private copy; point them at this alias instead.
    if (ColumnHost* c = AsLiteColumn(column, table.lite_dialect)) {
      c->alias_table.reset();
      c->table = aliased;
      c->table_object = object;
    }
    aliased->columns.emplace_back(key, column.AsObject());
    object->props.Set(key, column);
  }
  return Value::Obj(object);
}

TableConfig GetTableConfig(ts::Interp& interp, TableHost& table) {
  TableConfig config;
  config.columns.reserve(table.columns.size());
  for (const auto& [key, object] : table.columns) {
    config.columns.push_back(static_cast<ColumnHost*>(AsColumn(Value::Obj(object))));
  }
  for (const auto& fk : table.inline_fks) config.foreign_keys.push_back(fk.get());
  if (table.extra_config.IsUndefined()) return config;
  if (!interp.IsCallable(table.extra_config)) {
    DslThrow(interp, "the third argument of table '" + table.name + "' must be a function");
  }
  Value args[1] = {Value::Obj(table.columns_object)};
  Value result = interp.Call(table.extra_config, Value(), args);
  const Dialect dialect = table.lite_dialect;
  for (Value v : ExtraValues(interp, result, table.name)) {
    Host* host = HostOf(v);
    if (host == nullptr) continue;
    auto same = [&](Dialect d) { return d == dialect; };
    if (host->kind == kind::kIndexBuilder) {
      auto* b = static_cast<IndexBuilderHost*>(host);
      if (same(b->dialect)) config.indexes.push_back(b);
    } else if (host->kind == kind::kCheckBuilder) {
      auto* b = static_cast<CheckBuilderHost*>(host);
      if (same(b->dialect)) config.checks.push_back(b);
    } else if (host->kind == kind::kUniqueBuilder) {
      auto* b = static_cast<UniqueBuilderHost*>(host);
      if (same(b->dialect)) config.uniques.push_back(b);
    } else if (host->kind == kind::kPrimaryKeyBuilder) {
      auto* b = static_cast<PrimaryKeyBuilderHost*>(host);
      if (same(b->dialect)) config.primary_keys.push_back(b);
    } else if (host->kind == kind::kForeignKeyBuilder) {
      auto* b = static_cast<ForeignKeyBuilderHost*>(host);
      if (same(b->dialect)) config.foreign_keys.push_back(b);
    }
  }
  return config;
}

ResolvedForeignKey ResolveForeignKey(ts::Interp& interp, const ForeignKeyBuilderHost& fk, Dialect dialect) {
  ResolvedForeignKey out;
  std::vector<Value> columns;
  std::vector<Value> foreign;
  if (fk.inline_column != nullptr) {
    columns.push_back(Value::Obj(fk.inline_column));
    if (!interp.IsCallable(fk.inline_ref)) DslThrow(interp, "references() expects a function returning a column");
    foreign.push_back(interp.Call(fk.inline_ref, Value(), {}));
  } else {
    Value config = fk.config;
    if (interp.IsCallable(config)) config = interp.Call(config, Value(), {});
    if (!config.IsObject()) DslThrow(interp, "foreignKey() expects { columns, foreignColumns }");
    Value name = interp.Get(config, "name");
    if (!name.IsNullish()) out.name = Interpolate(interp, name);
    columns = ArrayElements(interp, interp.Get(config, "columns"));
    foreign = ArrayElements(interp, interp.Get(config, "foreignColumns"));
  }
  out.columns = ConstraintColumns(interp, columns, dialect, "foreign key columns");
  out.foreign_columns = ConstraintColumns(interp, foreign, dialect,
                                          fk.inline_column != nullptr ? "references()" : "foreignKey foreignColumns");
  if (out.foreign_columns.empty()) DslThrow(interp, "foreign key has no foreign columns");
  out.foreign_table = out.foreign_columns[0]->table;
  return out;
}

std::string ForeignKeyName(const TableBase& table, const ResolvedForeignKey& fk) {
  if (fk.name) return *fk.name;
  std::string out = table.name;
  for (const ColumnHost* c : fk.columns) out += "_" + c->name;
  out += "_" + (fk.foreign_table != nullptr ? fk.foreign_table->name : std::string());
  for (const ColumnHost* c : fk.foreign_columns) out += "_" + c->name;
  return out + "_fk";
}

std::vector<ColumnHost*> ConstraintColumns(ts::Interp& interp, const std::vector<Value>& values, Dialect dialect,
                                           std::string_view what) {
  std::vector<ColumnHost*> out;
  out.reserve(values.size());
  for (Value v : values) out.push_back(RequireColumn(interp, v, dialect, what));
  return out;
}

}  // namespace dp::dsl::lite
