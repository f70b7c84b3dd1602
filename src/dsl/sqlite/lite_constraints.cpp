// Constraint and index builders of the lite dialects: index / uniqueIndex (.on, sqlite .where,
// mysql .using .algorithm .lock), primaryKey, foreignKey (.onUpdate .onDelete), unique (.on)
// and check. Each is a host object the table's extra-config callback returns.
#include "dsl/sqlite/lite_core.h"

namespace dp::dsl::lite {

namespace {

using ts::CallContext;
using ts::Value;

char kSqliteIndexOnTag, kMysqlIndexOnTag, kSqliteIndexTag, kMysqlIndexTag, kPkTag, kFkTag, kUniqueOnTag,
    kUniqueTag, kCheckTag;

std::vector<Value> Args(CallContext& c) { return std::vector<Value>(c.args.begin(), c.args.end()); }

ts::Object* NewIndexBuilder(CallContext& c, IndexBuilderOnHost& on);

void InitIndexOnProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "on", [](CallContext& c) {
    return Value::Obj(NewIndexBuilder(c, ThisAs<IndexBuilderOnHost>(c, kind::kIndexBuilderOn, "index.on")));
  });
}

void InitSqliteIndexProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "where", [](CallContext& c) {
    ThisAs<IndexBuilderHost>(c, kind::kIndexBuilder, "index.where").where = c.Arg(0);
    return c.this_value;
  });
}

template <ts::Value IndexBuilderHost::*Field>
ts::NativeFn SetIndexOption(const char* method) {
  return [method](CallContext& c) {
    ThisAs<IndexBuilderHost>(c, kind::kIndexBuilder, method).*Field = c.Arg(0);
    return c.this_value;
  };
}

void InitMysqlIndexProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "using", SetIndexOption<&IndexBuilderHost::using_method>("index.using"));
  ctx.Method(proto, "algorithm", SetIndexOption<&IndexBuilderHost::algorithm>("index.algorithm"));
  ctx.Method(proto, "lock", SetIndexOption<&IndexBuilderHost::lock>("index.lock"));
}

ts::Object* NewIndexBuilder(CallContext& c, IndexBuilderOnHost& on) {
  auto host = std::make_shared<IndexBuilderHost>();
  host->dialect = on.dialect;
  host->span = c.call_span;
  host->name = on.name;
  host->unique = on.unique;
  host->columns = Args(c);
  DslContext& ctx = DslContext::Get(c.interp);
  if (on.dialect == Dialect::Sqlite) return ctx.Make(&kSqliteIndexTag, InitSqliteIndexProto, std::move(host));
  return ctx.Make(&kMysqlIndexTag, InitMysqlIndexProto, std::move(host));
}

ts::NativeFn IndexFn(Dialect dialect, bool unique) {
  return [dialect, unique](CallContext& c) {
    auto host = std::make_shared<IndexBuilderOnHost>();
    host->dialect = dialect;
    host->span = c.call_span;
    host->name = c.Arg(0);
    host->unique = unique;
    DslContext& ctx = DslContext::Get(c.interp);
    const void* tag = dialect == Dialect::Sqlite ? &kSqliteIndexOnTag : &kMysqlIndexOnTag;
    return Value::Obj(ctx.Make(tag, InitIndexOnProto, std::move(host)));
  };
}

void InitPkProto(DslContext&, ts::Object*) {}
void InitCheckProto(DslContext&, ts::Object*) {}
void InitUniqueProto(DslContext&, ts::Object*) {}

void InitFkProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "onUpdate", [](CallContext& c) {
    ThisAs<ForeignKeyBuilderHost>(c, kind::kForeignKeyBuilder, "foreignKey.onUpdate").on_update = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "onDelete", [](CallContext& c) {
    ThisAs<ForeignKeyBuilderHost>(c, kind::kForeignKeyBuilder, "foreignKey.onDelete").on_delete = c.Arg(0);
    return c.this_value;
  });
}

void InitUniqueOnProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "on", [](CallContext& c) {
    UniqueOnBuilderHost& on = ThisAs<UniqueOnBuilderHost>(c, kind::kUniqueOnBuilder, "unique.on");
    auto host = std::make_shared<UniqueBuilderHost>();
    host->dialect = on.dialect;
    host->span = c.call_span;
    host->name = on.name;
    host->columns = Args(c);
    return Value::Obj(DslContext::Get(c.interp).Make(&kUniqueTag, InitUniqueProto, std::move(host)));
  });
}

}  // namespace

void AddConstraintBuilders(ts::Interp& interp, ts::Object* ns, Dialect dialect) {
  AddFunction(interp, ns, "index", IndexFn(dialect, false));
  AddFunction(interp, ns, "uniqueIndex", IndexFn(dialect, true));
  AddFunction(interp, ns, "primaryKey", [dialect](CallContext& c) {
    auto host = std::make_shared<PrimaryKeyBuilderHost>();
    host->dialect = dialect;
    host->span = c.call_span;
    Value first = c.Arg(0);
    if (first.IsNullish()) DslThrow(c.interp, "primaryKey() expects columns or { columns, name }");
    Value columns = GetProp(c.interp, first, "columns");
    if (c.interp.Truthy(columns)) {
      host->columns = ArrayElements(c.interp, columns);
      host->name = GetProp(c.interp, first, "name");
    } else {
      host->columns = Args(c);
    }
    return Value::Obj(DslContext::Get(c.interp).Make(&kPkTag, InitPkProto, std::move(host)));
  });
  AddFunction(interp, ns, "foreignKey", [dialect](CallContext& c) {
    auto host = std::make_shared<ForeignKeyBuilderHost>();
    host->dialect = dialect;
    host->span = c.call_span;
    host->config = c.Arg(0);
    return Value::Obj(DslContext::Get(c.interp).Make(&kFkTag, InitFkProto, std::move(host)));
  });
  AddFunction(interp, ns, "unique", [dialect](CallContext& c) {
    auto host = std::make_shared<UniqueOnBuilderHost>();
    host->dialect = dialect;
    host->span = c.call_span;
    host->name = c.Arg(0);
    return Value::Obj(DslContext::Get(c.interp).Make(&kUniqueOnTag, InitUniqueOnProto, std::move(host)));
  });
  AddFunction(interp, ns, "check", [dialect](CallContext& c) {
    auto host = std::make_shared<CheckBuilderHost>();
    host->dialect = dialect;
    host->span = c.call_span;
    host->name = c.Arg(0);
    host->value = c.Arg(1);
    return Value::Obj(DslContext::Get(c.interp).Make(&kCheckTag, InitCheckProto, std::move(host)));
  });
}

}  // namespace dp::dsl::lite
