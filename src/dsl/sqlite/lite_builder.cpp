// The shared half of the sqlite and mysql snapshot builders (see lite_builder.h).
#include "dsl/sqlite/lite_builder.h"

namespace dp::dsl::lite {

using ts::Value;

bool BuilderBase::AddExports(std::span<ts::Object* const> namespaces, base::DiagSink& diags) {
  Exports exports;
  bool ok = Guarded(interp_, diags, {}, "", [&] { exports = CollectExports(interp_, namespaces, kind_); });
  for (TableHost* table : exports.tables) {
    ok = ok && Guarded(interp_, diags, table->span, "table '" + table->name + "'", [&] { AddTable(*table); });
  }
  for (ViewHost* view : exports.views) {
    ok = ok && Guarded(interp_, diags, view->span, "view '" + view->name + "'", [&] { AddView(*view); });
  }
  return ok;
}

const SqlDialect& BuilderBase::dialect() const {
  return kind_ == Dialect::Sqlite ? SqliteSqlDialect() : MysqlSqlDialect();
}

std::string BuilderBase::GeneratedText(Value as, bool indexes_source) {
  if (AsSql(as) != nullptr) return SqlText(interp_, as, dialect(), casing_, indexes_source);
  if (interp_.IsCallable(as)) return SqlText(interp_, interp_.Call(as, Value(), {}), dialect(), casing_, indexes_source);
  return Interpolate(interp_, as);
}

std::string BuilderBase::IndexColumn(const std::string& index_name, Value column, base::Span span,
                                     model::OrderedMap<model::common::IndexInternal>& internal_indexes) {
  if (AsSql(column) != nullptr) {
    std::string sql = SqlText(interp_, column, dialect(), casing_, true);
    internal_indexes[index_name].columns[sql].is_expression = true;
    return sql;
  }
  ColumnHost* c = AsLiteColumn(column, kind_);
  if (c == nullptr) Refuse("index '" + index_name + "' expects columns or sql, got " + interp_.Describe(column), span);
  return Name(*c);
}

model::common::ForeignKey BuilderBase::ForeignKeyEntry(const TableHost& table, const ForeignKeyBuilderHost& fk) {
  ResolvedForeignKey ref = ResolveForeignKey(interp_, fk, kind_);
  model::common::ForeignKey entry;
  entry.table_from = table.name;
  entry.table_to = ref.foreign_table->name;
  std::string name = ForeignKeyName(table, ref);
  for (ColumnHost* c : ref.columns) {
    entry.columns_from.push_back(Name(*c));
    if (casing_ != Casing::None) name = ReplaceFirst(name, c->name, entry.columns_from.back());
  }
  for (ColumnHost* c : ref.foreign_columns) {
    entry.columns_to.push_back(Name(*c));
    if (casing_ != Casing::None) name = ReplaceFirst(name, c->name, entry.columns_to.back());
  }
  entry.name = name;
  entry.on_delete = fk.on_delete.IsNullish() ? "no action" : Interpolate(interp_, fk.on_delete);
  entry.on_update = fk.on_update.IsNullish() ? "no action" : Interpolate(interp_, fk.on_update);
  return entry;
}

NamedColumns BuilderBase::PrimaryKeyEntry(const std::string& table_name, const PrimaryKeyBuilderHost& pk,
                                          const std::vector<ColumnHost*>& columns) {
  std::string name;
  if (!pk.name.IsNullish()) {
    name = Interpolate(interp_, pk.name);
  } else {
    name = table_name;
    for (ColumnHost* c : columns) name += "_" + c->name;
    name += "_pk";
  }
  NamedColumns out;
  for (ColumnHost* c : columns) {
    out.columns.push_back(Name(*c));
    if (casing_ != Casing::None) name = ReplaceFirst(name, c->name, out.columns.back());
  }
  out.name = std::move(name);
  return out;
}

NamedColumns BuilderBase::UniqueEntry(const std::string& table_name, const UniqueBuilderHost& unique) {
  std::vector<ColumnHost*> columns = ConstraintColumns(interp_, unique.columns, kind_, "unique().on()");
  NamedColumns out;
  std::vector<std::string> raw;
  for (ColumnHost* c : columns) {
    out.columns.push_back(Name(*c));
    raw.push_back(c->name);
  }
  out.name = unique.name.IsNullish() ? UniqueKeyName(table_name, raw) : Interpolate(interp_, unique.name);
  return out;
}

void BuilderBase::RefuseDuplicateUnique(const std::string& table_name, const std::string& name, base::Span span) {
  Refuse("We've found duplicated unique constraint names in " + table_name + " table. The unique constraint " + name +
             " is conflicting with a unique constraint name already defined",
         span);
}

void BuilderBase::AddChecks(const std::string& table_name, const std::vector<CheckBuilderHost*>& checks,
                            model::OrderedMap<model::common::CheckConstraint>& out) {
  for (CheckBuilderHost* check : checks) {
    std::string name = Interpolate(interp_, check->name);
    if (out.contains(name)) {
      Refuse("We've found duplicated check constraint name in " + table_name +
                 ". Please rename your check constraint in the " + table_name + " table",
             check->span);
    }
    out.insert_or_assign(name, model::common::CheckConstraint{name, SqlText(interp_, check->value, dialect(), casing_)});
  }
}

}  // namespace dp::dsl::lite
