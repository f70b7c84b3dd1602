// pgTable/pgTableCreator entry points and the extra-config builders: index/uniqueIndex
// (.on .onOnly .using .where .with .concurrently), primaryKey, foreignKey (.onUpdate
// .onDelete), unique (.on .nullsNotDistinct) and check.
#include "dsl/common/sql.h"
#include "dsl/pg/table.h"

namespace dp::dsl::pg {

void InitIndexProto(DslContext& ctx, ts::Object* proto);

namespace {

using ts::CallContext;
using ts::Value;

char kIndexOnTag, kIndexTag, kPrimaryKeyTag, kForeignKeyTag, kUniqueOnTag, kUniqueTag, kCheckTag;

void NoMethods(DslContext&, ts::Object*) {}

// The columns given to .on()/.onOnly()/.using(): SQL expressions or ExtraConfigColumns.
std::vector<PgIndexedColumn> IndexColumns(CallContext& c, size_t first, bool only, const char* method) {
  std::vector<PgIndexedColumn> out;
  for (size_t i = first; i < c.args.size(); ++i) {
    Value v = c.args[i];
    PgIndexedColumn entry;
    if (AsSql(v) != nullptr) {
      entry.sql = v;
      out.push_back(std::move(entry));
      continue;
    }
    PgColumnHost* column = AsPgColumn(v);
    if (column == nullptr) {
      DslThrow(c.interp, std::string("index().") + method + "() expects columns or sql`...` expressions (got " +
                             c.interp.Describe(v) + ")");
    }
    entry.name = column->name;
    entry.key_as_name = column->key_as_name;
    entry.column_type = column->column_type;
    entry.column = column;
    if (column->extra) {
      entry.has_index_config = true;
      entry.index_config = column->index_config;
      column->index_config = PgIndexConfig{};
    } else if (!only) {
      // drizzle-orm resets `it.indexConfig` with JSON.parse(JSON.stringify(undefined)) here,
      // which throws: only the columns of the extra-config callback's parameter work.
      DslThrow(c.interp, std::string("index().") + method + "() was given the column \"" + column->name +
                             "\" of the table object itself; use the columns of the table callback's parameter "
                             "(drizzle-orm fails here with: \"undefined\" is not valid JSON)");
    }
    out.push_back(std::move(entry));
  }
  return out;
}

ts::Object* MakeIndex(CallContext& c, PgIndexOnHost& on, std::vector<PgIndexedColumn> columns, bool only,
                      std::string method) {
  auto host = std::make_shared<PgIndexHost>();
  host->span = on.span;
  host->name = on.name;
  host->unique = on.unique;
  host->only = only;
  host->columns = std::move(columns);
  host->method = std::move(method);
  return DslContext::Get(c.interp).Make(&kIndexTag, InitIndexProto, std::move(host));
}

void InitIndexOnProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "on", [](CallContext& c) {
    PgIndexOnHost& on = ThisAs<PgIndexOnHost>(c, HostKind::PgIndexBuilderOn, "on");
    return Value::Obj(MakeIndex(c, on, IndexColumns(c, 0, false, "on"), false, "btree"));
  });
  ctx.Method(proto, "onOnly", [](CallContext& c) {
    PgIndexOnHost& on = ThisAs<PgIndexOnHost>(c, HostKind::PgIndexBuilderOn, "onOnly");
    return Value::Obj(MakeIndex(c, on, IndexColumns(c, 0, true, "onOnly"), true, "btree"));
  });
  ctx.Method(proto, "using", [](CallContext& c) {
    PgIndexOnHost& on = ThisAs<PgIndexOnHost>(c, HostKind::PgIndexBuilderOn, "using");
    Value method = c.Arg(0);
    std::string text = method.IsUndefined() ? std::string("btree") : c.interp.ToString(method);
    return Value::Obj(MakeIndex(c, on, IndexColumns(c, 1, false, "using"), true, text));
  });
}

Value IndexOn(CallContext& c, bool unique) {
  auto host = std::make_shared<PgIndexOnHost>();
  host->span = c.call_span;
  host->unique = unique;
  host->name = c.Arg(0);
  return Value::Obj(DslContext::Get(c.interp).Make(&kIndexOnTag, InitIndexOnProto, std::move(host)));
}

void InitForeignKeyProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "onUpdate", [](CallContext& c) {
    auto& fk = ThisAs<PgForeignKeyHost>(c, HostKind::PgForeignKeyBuilder, "onUpdate");
    fk.on_update = c.Arg(0).IsUndefined() ? c.interp.Str("no action") : c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "onDelete", [](CallContext& c) {
    auto& fk = ThisAs<PgForeignKeyHost>(c, HostKind::PgForeignKeyBuilder, "onDelete");
    fk.on_delete = c.Arg(0).IsUndefined() ? c.interp.Str("no action") : c.Arg(0);
    return c.this_value;
  });
}

ts::Object* NewForeignKeyHost(ts::Interp& interp, std::shared_ptr<PgForeignKeyHost> host) {
  host->on_update = interp.Str("no action");
  host->on_delete = interp.Str("no action");
  return DslContext::Get(interp).Make(&kForeignKeyTag, InitForeignKeyProto, std::move(host));
}

void InitUniqueProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "nullsNotDistinct", [](CallContext& c) {
    ThisAs<PgUniqueHost>(c, HostKind::PgUniqueBuilder, "nullsNotDistinct").nulls_not_distinct = true;
    return c.this_value;
  });
}

void InitUniqueOnProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "on", [](CallContext& c) {
    auto& on = ThisAs<PgUniqueOnHost>(c, HostKind::PgUniqueOnBuilder, "on");
    auto host = std::make_shared<PgUniqueHost>();
    host->span = on.span;
    host->name = on.name;
    host->columns.assign(c.args.begin(), c.args.end());
    return Value::Obj(DslContext::Get(c.interp).Make(&kUniqueTag, InitUniqueProto, std::move(host)));
  });
}

}  // namespace

void InitIndexProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "concurrently", [](CallContext& c) {
    ThisAs<PgIndexHost>(c, HostKind::PgIndexBuilder, "concurrently").concurrently = true;
    return c.this_value;
  });
  ctx.Method(proto, "with", [](CallContext& c) {
    ThisAs<PgIndexHost>(c, HostKind::PgIndexBuilder, "with").with = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "where", [](CallContext& c) {
    ThisAs<PgIndexHost>(c, HostKind::PgIndexBuilder, "where").where = c.Arg(0);
    return c.this_value;
  });
}

ts::Object* NewInlineForeignKey(ts::Interp& interp, ts::Value column, const PgReference& ref) {
  auto host = std::make_shared<PgForeignKeyHost>();
  host->span = ref.span;
  host->inline_column = column;
  host->inline_ref = ref.ref;
  ts::Object* object = NewForeignKeyHost(interp, host);
  if (interp.Truthy(ref.on_update)) host->on_update = ref.on_update;
  if (interp.Truthy(ref.on_delete)) host->on_delete = ref.on_delete;
  return object;
}

void AddTableFunctions(ts::Interp& interp, ts::Object* ns) {
  auto fn = [&](std::string_view name, ts::NativeFn f) {
    ns->props.Set(name, Value::Obj(interp.NewFunction(std::string(name), std::move(f))));
  };
  fn("pgTable", [](CallContext& c) {
    std::string name = c.interp.ToString(c.Arg(0));
    return Value::Obj(MakeTable(c, name, c.Arg(1), c.Arg(2), std::nullopt, name));
  });
  fn("pgTableCreator", [](CallContext& c) {
    Value customize = c.Arg(0);
    return Value::Obj(c.interp.NewFunction("pgTable", [customize](CallContext& inner) {
      Value args[1] = {inner.Arg(0)};
      std::string name = inner.interp.ToString(inner.interp.Call(customize, Value(), args));
      return Value::Obj(MakeTable(inner, name, inner.Arg(1), inner.Arg(2), std::nullopt,
                                  inner.interp.ToString(inner.Arg(0))));
    }));
  });
  fn("index", [](CallContext& c) { return IndexOn(c, false); });
  fn("uniqueIndex", [](CallContext& c) { return IndexOn(c, true); });
  fn("primaryKey", [](CallContext& c) {
    auto host = std::make_shared<PgPrimaryKeyHost>();
    host->span = c.call_span;
    Value first = c.Arg(0);
    Value columns = first.IsObject() && !c.interp.IsArray(first) && AsColumn(first) == nullptr
                        ? c.interp.Get(first, "columns")
                        : Value();
    if (c.interp.Truthy(columns)) {
      host->columns = ArrayElements(c.interp, columns);
      host->name = c.interp.Get(first, "name");
    } else {
      host->columns.assign(c.args.begin(), c.args.end());
    }
    return Value::Obj(DslContext::Get(c.interp).Make(&kPrimaryKeyTag, NoMethods, std::move(host)));
  });
  fn("foreignKey", [](CallContext& c) {
    auto host = std::make_shared<PgForeignKeyHost>();
    host->span = c.call_span;
    host->config = c.Arg(0);
    return Value::Obj(NewForeignKeyHost(c.interp, std::move(host)));
  });
  fn("unique", [](CallContext& c) {
    auto host = std::make_shared<PgUniqueOnHost>();
    host->span = c.call_span;
    host->name = c.Arg(0);
    return Value::Obj(DslContext::Get(c.interp).Make(&kUniqueOnTag, InitUniqueOnProto, std::move(host)));
  });
  fn("check", [](CallContext& c) {
    auto host = std::make_shared<PgCheckHost>();
    host->span = c.call_span;
    host->name = c.Arg(0);
    host->value = c.Arg(1);
    return Value::Obj(DslContext::Get(c.interp).Make(&kCheckTag, NoMethods, std::move(host)));
  });
}

}  // namespace dp::dsl::pg
