// The rest of drizzle-orm/pg-core's runtime exports: column and builder classes (usable with
// is()), the *WithSchema factories, uniqueKeyName, and placeholders for query-runtime
// classes (PgDialect, PgDatabase, ...) so that importing them works; calling those fails
// with a message saying drizzle-push does not run queries.
#include "dsl/pg/columns.h"
#include "dsl/pg/objects.h"
#include "dsl/pg/table.h"
#include "dsl/pg/views.h"

namespace dp::dsl::pg {

namespace {

using ts::CallContext;
using ts::Value;

// Exports that exist at run time in drizzle-orm but only matter for running queries.
constexpr const char* kRuntimeOnly[] = {
    "Check", "DefaultViewBuilderCore", "ExtraConfigColumn", "ForeignKey", "Index", "IndexBuilderOn",
    "IndexedColumn", "ManualMaterializedViewBuilder", "ManualViewBuilder", "MaterializedViewBuilder",
    "MaterializedViewBuilderCore", "PgDatabase", "PgDeleteBase", "PgDialect", "PgInsertBase", "PgInsertBuilder",
    "PgIntColumnBaseBuilder", "PgPreparedQuery", "PgRefreshMaterializedView", "PgSelectBase", "PgSelectBuilder",
    "PgSelectQueryBuilderBase", "PgSession", "PgTransaction", "PgUpdateBase", "PgUpdateBuilder", "PrimaryKey",
    "UniqueConstraint", "UniqueOnConstraintBuilder", "ViewBuilder", "withReplicas", "except", "exceptAll",
    "intersect", "intersectAll", "union", "unionAll", "extractUsedTable", "getMaterializedViewConfig",
    "getViewConfig", "makePgArray", "parsePgArray", "parsePgNestedArray",
};

// Symbol-keyed names drizzle exports (drizzle-push has no symbols; they are plain strings).
constexpr const char* kSymbolNames[] = {"EnableRLS", "InlineForeignKeys", "PgMaterializedViewConfig", "PgViewConfig"};

bool Never(Value) { return false; }

// is(column, PgInteger) and is(builder, PgIntegerBuilder) for every column class.
template <PgType Type>
bool IsColumnOf(Value v) {
  PgColumnHost* c = AsPgColumn(v);
  return c != nullptr && c->config.type == Type;
}
template <PgType Type>
bool IsBuilderOf(Value v) {
  PgBuilderHost* b = AsBuilder(v);
  return b != nullptr && b->config.type == Type;
}

template <PgType Type>
void AddColumnClasses(DslContext& ctx, ts::Object* ns) {
  std::string name = ColumnTypeName(Type);
  if (ns->props.Find(name) == nullptr) AddClass(ctx, ns, name, IsColumnOf<Type>);
  if (ns->props.Find(name + "Builder") == nullptr) AddClass(ctx, ns, name + "Builder", IsBuilderOf<Type>);
}

template <size_t... I>
void AddAllColumnClasses(DslContext& ctx, ts::Object* ns, std::index_sequence<I...>) {
  (AddColumnClasses<static_cast<PgType>(I)>(ctx, ns), ...);
}

std::optional<std::string> OptSchema(CallContext& c, size_t index) {
  Value v = c.Arg(index);
  if (v.IsNullish()) return std::nullopt;
  return c.interp.ToString(v);
}

}  // namespace

void AddExtraExports(ts::Interp& interp, ts::Object* ns) {
  DslContext& ctx = DslContext::Get(interp);
  AddAllColumnClasses(ctx, ns, std::make_index_sequence<static_cast<size_t>(PgType::Array) + 1>{});
  // The line/point tuple classes drizzle names differently from their columnType.
  if (ns->props.Find("PgLineTuple") == nullptr) AddClass(ctx, ns, "PgLineTuple", IsColumnOf<PgType::Line>);
  auto fn = [&](std::string_view name, ts::NativeFn f) {
    ns->props.Set(name, Value::Obj(interp.NewFunction(std::string(name), std::move(f))));
  };
  fn("uniqueKeyName", [](CallContext& c) {
    TableBase* table = AsTable(c.Arg(0));
    if (table == nullptr) DslThrow(c.interp, "uniqueKeyName expects a table");
    std::vector<std::string> columns;
    for (Value v : ArrayElements(c.interp, c.Arg(1))) columns.push_back(c.interp.ToString(v));
    return c.interp.Str(UniqueKeyName(table->name, columns));
  });
  fn("pgTableWithSchema", [](CallContext& c) {
    std::string name = c.interp.ToString(c.Arg(0));
    std::string base = c.Arg(4).IsUndefined() ? name : c.interp.ToString(c.Arg(4));
    return Value::Obj(MakeTable(c, name, c.Arg(1), c.Arg(2), OptSchema(c, 3), base));
  });
  fn("pgEnumWithSchema", [](CallContext& c) { return MakeEnum(c, OptSchema(c, 2)); });
  fn("pgEnumObjectWithSchema", [](CallContext& c) { return MakeEnum(c, OptSchema(c, 2)); });
  fn("pgSequenceWithSchema", [](CallContext& c) { return MakeSequence(c, OptSchema(c, 2)); });
  fn("pgViewWithSchema", [](CallContext& c) { return MakeViewBuilder(c, OptSchema(c, 2), false); });
  fn("pgMaterializedViewWithSchema", [](CallContext& c) { return MakeViewBuilder(c, OptSchema(c, 2), true); });
  for (const char* name : kRuntimeOnly) {
    if (ns->props.Find(name) == nullptr) AddClass(ctx, ns, name, Never);
  }
  for (const char* name : kSymbolNames) ns->props.Set(name, interp.Str(std::string("drizzle:") + name));
}

}  // namespace dp::dsl::pg
