// The `drizzle-orm` module: sql, the condition operators, ordering and aggregate helpers,
// vector distance functions, relations() (accepted and ignored), is(), getTableColumns,
// getTableName and the class objects `is` compares against.
#include <string>

#include "dsl/common/entities.h"
#include "dsl/common/sql.h"
#include "dsl/modules.h"

namespace dp::dsl {

namespace {

using ts::CallContext;
using ts::Value;

struct RelationsHost : Host {
  RelationsHost() : Host(HostKind::Relations) {}
  ts::Value table;
  ts::Value config;
};

char kRelationsTag;
void InitRelationsProto(DslContext&, ts::Object*) {}

Value SqlOf(CallContext& c, std::vector<SqlChunk> chunks) { return Value::Obj(NewSql(c.interp, std::move(chunks))); }

// sql`${left} <op> ${bindIfParam(right, left)}`
template <const char* Op>
Value Binary(CallContext& c) {
  Value left = c.Arg(0);
  return SqlOf(c, {Text(""), Val(left), Text(Op), Val(BindIfParam(c.interp, c.Arg(1), left)), Text("")});
}

// sql`${left} <op> ${right}` (like/ilike: no binding)
template <const char* Op>
Value Unbound(CallContext& c) {
  return SqlOf(c, {Text(""), Val(c.Arg(0)), Text(Op), Val(c.Arg(1)), Text("")});
}

// sql`<prefix>${value}<suffix>`
template <const char* Prefix, const char* Suffix>
Value Wrap(CallContext& c) {
  return SqlOf(c, {Text(Prefix), Val(c.Arg(0)), Text(Suffix)});
}

constexpr char kEq[] = " = ", kNe[] = " <> ", kGt[] = " > ", kGte[] = " >= ", kLt[] = " < ", kLte[] = " <= ";
constexpr char kLike[] = " like ", kNotLike[] = " not like ", kIlike[] = " ilike ", kNotIlike[] = " not ilike ";
constexpr char kEmpty[] = "", kNot[] = "not ", kIsNull[] = " is null", kIsNotNull[] = " is not null";
constexpr char kExists[] = "exists ", kNotExists[] = "not exists ", kAsc[] = " asc", kDesc[] = " desc";
constexpr char kL2[] = " <-> ", kL1[] = " <+> ", kInner[] = " <#> ", kCosine[] = " <=> ", kHamming[] = " <~> ",
               kJaccard[] = " <%> ";

// and(...) / or(...): undefined conditions dropped; one condition wraps it; several are
// joined inside parentheses.
Value Logical(CallContext& c, const char* separator) {
  std::vector<Value> conditions;
  for (Value v : c.args) {
    if (!v.IsUndefined()) conditions.push_back(v);
  }
  if (conditions.empty()) return Value();
  if (conditions.size() == 1) return SqlOf(c, {Val(conditions[0])});
  std::vector<SqlChunk> joined;
  for (size_t i = 0; i < conditions.size(); ++i) {
    if (i > 0) joined.push_back(Text(separator));
    joined.push_back(Val(conditions[i]));
  }
  return SqlOf(c, {Text("("), Val(Value::Obj(NewSql(c.interp, std::move(joined)))), Text(")")});
}

Value InArray(CallContext& c, bool negate) {
  Value column = c.Arg(0);
  Value values = c.Arg(1);
  const char* op = negate ? " not in " : " in ";
  if (c.interp.IsArray(values)) {
    std::vector<Value> elements = ArrayElements(c.interp, values);
    if (elements.empty()) return SqlOf(c, {Text(negate ? "true" : "false")});
    std::vector<Value> bound;
    for (Value v : elements) bound.push_back(BindIfParam(c.interp, v, column));
    return SqlOf(c, {Text(""), Val(column), Text(op), Val(Value::Obj(c.interp.NewArray(std::move(bound)))), Text("")});
  }
  return SqlOf(c, {Text(""), Val(column), Text(op), Val(BindIfParam(c.interp, values, column)), Text("")});
}

Value Between(CallContext& c, bool negate) {
  Value column = c.Arg(0);
  return SqlOf(c, {Text(""), Val(column), Text(negate ? " not between " : " between "),
                   Val(BindIfParam(c.interp, c.Arg(1), column)), Text(" and "),
                   Val(BindIfParam(c.interp, c.Arg(2), column)), Text("")});
}

Value ArrayOp(CallContext& c, const char* op, const char* fn) {
  Value column = c.Arg(0);
  Value values = c.Arg(1);
  if (c.interp.IsArray(values)) {
    if (values.AsObject()->elements.empty()) DslThrow(c.interp, std::string(fn) + " requires at least one value");
    Value array = Value::Obj(NewSql(c.interp, {Text(""), Val(BindIfParam(c.interp, values, column)), Text("")}));
    return SqlOf(c, {Text(""), Val(column), Text(op), Val(array), Text("")});
  }
  return SqlOf(c, {Text(""), Val(column), Text(op), Val(BindIfParam(c.interp, values, column)), Text("")});
}

// count(expr?) etc.: sql`fn(${expression})`.
Value Aggregate(CallContext& c, const char* prefix) {
  Value expr = c.Arg(0);
  if (expr.IsUndefined()) return SqlOf(c, {Text(std::string(prefix) + "*)")});
  return SqlOf(c, {Text(prefix), Val(expr), Text(")")});
}

// l2Distance(column, value): arrays become their JSON text.
template <const char* Op>
Value Distance(CallContext& c) {
  Value value = c.Arg(1);
  if (c.interp.IsArray(value)) {
    std::optional<std::string> json = c.interp.JsonStringify(value);
    value = c.interp.Str(json ? *json : "");
  }
  return SqlOf(c, {Text(""), Val(c.Arg(0)), Text(Op), Val(value), Text("")});
}

bool IsSqlValue(Value v) { return AsSql(v) != nullptr; }
bool IsAliasedValue(Value v) { return AsAliased(v) != nullptr; }
bool IsTableValue(Value v) { return AsTable(v) != nullptr; }
bool IsColumnValue(Value v) { return AsColumn(v) != nullptr; }
bool IsViewValue(Value v) { return AsView(v) != nullptr; }
bool IsRelationsValue(Value v) { return HostAs<RelationsHost>(v, HostKind::Relations) != nullptr; }
bool IsNameValue(Value v) { return HostAs<NameHost>(v, HostKind::Name) != nullptr; }
bool IsParamValue(Value v) { return HostAs<ParamHost>(v, HostKind::Param) != nullptr; }
bool IsPlaceholderValue(Value v) { return HostAs<PlaceholderHost>(v, HostKind::Placeholder) != nullptr; }

}  // namespace

/// Adds a class object `name` to `ns` whose `is()` test is `test`.
void AddClass(DslContext& ctx, ts::Object* ns, std::string_view name, bool (*test)(ts::Value)) {
  std::string message = std::string(name) +
                        " belongs to drizzle-orm's query runtime, which drizzle-push does not provide "
                        "(it only builds schemas)";
  ts::Object* cls = ctx.interp().NewFunction(std::string(name), [message](CallContext& c) -> Value {
    DslThrow(c.interp, message);
  });
  ctx.class_tests[cls] = test;
  ns->props.Set(name, Value::Obj(cls));
}

ts::Object* MakeDrizzleOrmModule(ts::Interp& interp) {
  DslContext& ctx = DslContext::Get(interp);
  ts::Object* ns = interp.NewObject();
  auto fn = [&](std::string_view name, ts::NativeFn f) {
    ns->props.Set(name, Value::Obj(interp.NewFunction(std::string(name), std::move(f))));
  };
  ns->props.Set("sql", Value::Obj(MakeSqlTag(interp)));
  fn("eq", Binary<kEq>);
  fn("ne", Binary<kNe>);
  fn("gt", Binary<kGt>);
  fn("gte", Binary<kGte>);
  fn("lt", Binary<kLt>);
  fn("lte", Binary<kLte>);
  fn("and", [](CallContext& c) { return Logical(c, " and "); });
  fn("or", [](CallContext& c) { return Logical(c, " or "); });
  fn("not", Wrap<kNot, kEmpty>);
  fn("isNull", Wrap<kEmpty, kIsNull>);
  fn("isNotNull", Wrap<kEmpty, kIsNotNull>);
  fn("exists", Wrap<kExists, kEmpty>);
  fn("notExists", Wrap<kNotExists, kEmpty>);
  fn("inArray", [](CallContext& c) { return InArray(c, false); });
  fn("notInArray", [](CallContext& c) { return InArray(c, true); });
  fn("between", [](CallContext& c) { return Between(c, false); });
  fn("notBetween", [](CallContext& c) { return Between(c, true); });
  fn("like", Unbound<kLike>);
  fn("notLike", Unbound<kNotLike>);
  fn("ilike", Unbound<kIlike>);
  fn("notIlike", Unbound<kNotIlike>);
  fn("arrayContains", [](CallContext& c) { return ArrayOp(c, " @> ", "arrayContains"); });
  fn("arrayContained", [](CallContext& c) { return ArrayOp(c, " <@ ", "arrayContained"); });
  fn("arrayOverlaps", [](CallContext& c) { return ArrayOp(c, " && ", "arrayOverlaps"); });
  fn("asc", Wrap<kEmpty, kAsc>);
  fn("desc", Wrap<kEmpty, kDesc>);
  fn("count", [](CallContext& c) { return Aggregate(c, "count("); });
  fn("countDistinct", [](CallContext& c) { return Aggregate(c, "count(distinct "); });
  fn("avg", [](CallContext& c) { return Aggregate(c, "avg("); });
  fn("avgDistinct", [](CallContext& c) { return Aggregate(c, "avg(distinct "); });
  fn("sum", [](CallContext& c) { return Aggregate(c, "sum("); });
  fn("sumDistinct", [](CallContext& c) { return Aggregate(c, "sum(distinct "); });
  fn("max", [](CallContext& c) { return Aggregate(c, "max("); });
  fn("min", [](CallContext& c) { return Aggregate(c, "min("); });
  fn("l2Distance", Distance<kL2>);
  fn("l1Distance", Distance<kL1>);
  fn("innerProduct", Distance<kInner>);
  fn("cosineDistance", Distance<kCosine>);
  fn("hammingDistance", Distance<kHamming>);
  fn("jaccardDistance", Distance<kJaccard>);
  fn("name", [](CallContext& c) { return Value::Obj(NewName(c.interp, c.interp.ToString(c.Arg(0)))); });
  fn("param", [](CallContext& c) { return Value::Obj(NewParam(c.interp, c.Arg(0), c.Arg(1))); });
  ts::Value sql_tag = ns->props.Find("sql")->value;
  ns->props.Set("placeholder", interp.Get(sql_tag, "placeholder"));
  fn("relations", [](CallContext& c) {
    auto host = std::make_shared<RelationsHost>();
    host->table = c.Arg(0);
    host->config = c.Arg(1);
    host->span = c.call_span;
    return Value::Obj(DslContext::Get(c.interp).Make(&kRelationsTag, InitRelationsProto, std::move(host)));
  });
  fn("is", [](CallContext& c) {
    Value type = c.Arg(1);
    if (!type.IsObject()) return Value::Boolean(false);
    DslContext& context = DslContext::Get(c.interp);
    auto it = context.class_tests.find(type.AsObject());
    if (it == context.class_tests.end()) return Value::Boolean(false);
    return Value::Boolean(it->second(c.Arg(0)));
  });
  fn("isTable", [](CallContext& c) { return Value::Boolean(AsTable(c.Arg(0)) != nullptr); });
  fn("isView", [](CallContext& c) { return Value::Boolean(AsView(c.Arg(0)) != nullptr); });
  fn("isSQLWrapper", [](CallContext& c) { return Value::Boolean(IsSqlWrapper(c.interp, c.Arg(0))); });
  fn("getTableName", [](CallContext& c) {
    TableBase* table = AsTable(c.Arg(0));
    if (table == nullptr) DslThrow(c.interp, "getTableName expects a table");
    return c.interp.Str(table->name);
  });
  fn("getTableUniqueName", [](CallContext& c) {
    TableBase* table = AsTable(c.Arg(0));
    if (table == nullptr) DslThrow(c.interp, "getTableUniqueName expects a table");
    return c.interp.Str(table->schema.value_or("public") + "." + table->name);
  });
  fn("getViewName", [](CallContext& c) {
    ViewBase* view = AsView(c.Arg(0));
    if (view == nullptr) DslThrow(c.interp, "getViewName expects a view");
    return c.interp.Str(view->name);
  });
  fn("getTableColumns", [](CallContext& c) {
    TableBase* table = AsTable(c.Arg(0));
    if (table == nullptr) DslThrow(c.interp, "getTableColumns expects a table");
    ts::Object* out = c.interp.NewObject();
    for (const auto& [key, column] : table->columns) out->props.Set(key, Value::Obj(column));
    return Value::Obj(out);
  });
  fn("getViewSelectedFields", [](CallContext& c) {
    ViewBase* view = AsView(c.Arg(0));
    if (view == nullptr) DslThrow(c.interp, "getViewSelectedFields expects a view");
    return view->selected_fields != nullptr ? Value::Obj(view->selected_fields) : Value();
  });
  fn("bindIfParam", [](CallContext& c) { return BindIfParam(c.interp, c.Arg(0), c.Arg(1)); });
  for (const char* name : {"ColumnAliasProxyHandler", "ColumnBuilder", "ConsoleLogWriter", "DefaultLogger",
                           "DrizzleError", "DrizzleQueryError", "FakePrimitiveParam", "Many", "NoopLogger", "One",
                           "QueryPromise", "Relation", "RelationTableAliasProxyHandler", "StringChunk", "Subquery",
                           "TableAliasProxyHandler", "TransactionRollbackError", "WithSubquery", "aliasedRelation",
                           "aliasedTable", "aliasedTableColumn", "applyMixins", "createMany", "createOne",
                           "createTableRelationsHelpers", "extractTablesRelationalConfig", "fillPlaceholders",
                           "getColumnNameAndConfig", "getOperators", "getOrderByOperators", "getTableLikeName",
                           "hasOwnEntityKind", "haveSameKeys", "isConfig", "isDriverValueEncoder",
                           "mapColumnsInAliasedSQLToAlias", "mapColumnsInSQLToAlias", "mapRelationalRow",
                           "mapResultRow", "mapUpdateSet", "normalizeRelation", "orderSelectedFields", "textDecoder"}) {
    AddClass(ctx, ns, name, [](Value) { return false; });
  }
  for (const char* name : {"BaseName", "Columns", "ExtraConfigBuilder", "ExtraConfigColumns", "IsAlias",
                           "OriginalName", "Schema", "ViewBaseConfig", "entityKind"}) {
    ns->props.Set(name, interp.Str(std::string("drizzle:") + name));
  }
  for (const char* name : {"noopDecoder", "noopEncoder", "noopMapper"}) ns->props.Set(name, Value::Obj(interp.NewObject()));
  AddClass(ctx, ns, "SQL", IsSqlValue);
  AddClass(ctx, ns, "Table", IsTableValue);
  AddClass(ctx, ns, "Column", IsColumnValue);
  AddClass(ctx, ns, "View", IsViewValue);
  AddClass(ctx, ns, "Relations", IsRelationsValue);
  AddClass(ctx, ns, "Name", IsNameValue);
  AddClass(ctx, ns, "Param", IsParamValue);
  AddClass(ctx, ns, "Placeholder", IsPlaceholderValue);
  // SQL.Aliased as `is(x, SQL.Aliased)`.
  ts::Object* sql_class = ns->props.Find("SQL")->value.AsObject();
  {
    ts::Object* tmp = interp.NewObject();
    AddClass(ctx, tmp, "Aliased", IsAliasedValue);
    sql_class->props.Set("Aliased", tmp->props.Find("Aliased")->value);
  }
  return ns;
}

}  // namespace dp::dsl
