// generateSqliteSnapshot: tables (columns with defaults and generated expressions, column
// uniques as unique indexes, foreign keys, indexes with expression columns recorded in
// `internal`, unique constraints, primary keys, checks) and views, in drizzle-kit's order.
#include "dsl/sqlite/snapshot.h"

#include "dsl/sqlite/lite_snapshot.h"

namespace dp::dsl {

namespace {

using lite::ColumnHost;
using lite::Dialect;
using ts::Value;
namespace m = model::sqlite;

constexpr Dialect kDialect = Dialect::Sqlite;

class Builder {
 public:
  Builder(ts::Interp& interp, Casing casing) : interp_(interp), casing_(casing) {}

  void AddTable(lite::TableHost& table);
  void AddView(lite::ViewHost& view);
  m::Snapshot Take() { return std::move(snapshot_); }

 private:
  const SqlDialect& dialect() const { return lite::SqliteSqlDialect(); }
  std::string Name(const ColumnHost& column) const { return lite::KitColumnName(column, casing_); }
  m::Column ColumnEntry(const ColumnHost& column, std::string name, bool escape_strings);
  std::string IndexColumn(const std::string& index_name, Value column, base::Span span);

  ts::Interp& interp_;
  Casing casing_;
  m::Snapshot snapshot_;
};

m::Column Builder::ColumnEntry(const ColumnHost& column, std::string name, bool escape_strings) {
  const lite::ColumnConfig& config = column.config;
  m::Column out;
  out.name = std::move(name);
  out.type = column.sql_type;
  out.primary_key = config.primary_key;
  out.not_null = config.not_null;
  out.autoincrement = config.has_auto_increment ? config.auto_increment : false;
  if (config.has_generated) {
    Value as = config.generated_as;
    std::string text;
    if (AsSql(as) != nullptr) {
      text = lite::SqlText(interp_, as, dialect(), casing_, true);
    } else if (interp_.IsCallable(as)) {
      text = lite::SqlText(interp_, interp_.Call(as, Value(), {}), dialect(), casing_, true);
    } else {
      text = lite::Interpolate(interp_, as);
    }
    out.generated = m::Generated{config.generated_mode.empty() ? "virtual" : config.generated_mode, "(" + text + ")"};
  }
  Value def = config.default_value;
  if (def.IsUndefined()) return out;
  if (AsSql(def) != nullptr) {
    out.default_value = lite::SqlDefaultText(interp_, def, dialect(), casing_);
  } else if (def.IsString()) {
    out.default_value = "'" + (escape_strings ? lite::EscapeSingleQuotes(def.AsString()) : def.AsString()) + "'";
  } else if (def.IsNull() || (def.IsObject() && !interp_.IsCallable(def))) {
    out.default_value = "'" + lite::JsonText(interp_, def) + "'";
  } else if (std::optional<nlohmann::ordered_json> json = lite::PrimitiveJson(interp_, def)) {
    out.default_value = std::move(*json);
  }
  return out;
}

std::string Builder::IndexColumn(const std::string& index_name, Value column, base::Span span) {
  if (AsSql(column) != nullptr) {
    std::string sql = lite::SqlText(interp_, column, dialect(), casing_, true);
    auto& indexes = *snapshot_.internal->indexes;
    indexes[index_name].columns[sql].is_expression = true;
    return sql;
  }
  ColumnHost* c = lite::AsLiteColumn(column, kDialect);
  if (c == nullptr) lite::Refuse("index '" + index_name + "' expects columns or sql, got " + interp_.Describe(column), span);
  return Name(*c);
}

void Builder::AddTable(lite::TableHost& table) {
  lite::TableConfig config = lite::GetTableConfig(interp_, table);
  const std::string& table_name = table.name;
  m::Table out;
  out.name = table_name;

  for (ColumnHost* column : config.columns) {
    std::string name = Name(*column);
    m::Column entry = ColumnEntry(*column, name, true);
    out.columns.insert_or_assign(name, entry);
    if (column->config.is_unique) {
      std::string unique_name = lite::Interpolate(interp_, column->config.unique_name);
      if (out.indexes.contains(unique_name)) {
        lite::Refuse("We've found duplicated unique constraint names in " + table_name + " table. The unique constraint " +
                         unique_name + " on the " + name + " column is conflicting with a unique constraint name already "
                         "defined for " + out.indexes.Get(unique_name)->columns.at(0) + " columns",
                     column->span);
      }
      m::Index index;
      index.name = unique_name;
      index.columns = {entry.name};
      index.is_unique = true;
      out.indexes.insert_or_assign(unique_name, index);
    }
  }

  for (lite::ForeignKeyBuilderHost* fk : config.foreign_keys) {
    lite::ResolvedForeignKey ref = lite::ResolveForeignKey(interp_, *fk, kDialect);
    m::ForeignKey entry;
    entry.table_from = table_name;
    entry.table_to = ref.foreign_table->name;
    std::string name = lite::ForeignKeyName(table, ref);
    for (ColumnHost* c : ref.columns) {
      entry.columns_from.push_back(Name(*c));
      if (casing_ != Casing::None) name = lite::ReplaceFirst(name, c->name, entry.columns_from.back());
    }
    for (ColumnHost* c : ref.foreign_columns) {
      entry.columns_to.push_back(Name(*c));
      if (casing_ != Casing::None) name = lite::ReplaceFirst(name, c->name, entry.columns_to.back());
    }
    entry.name = name;
    entry.on_delete = fk->on_delete.IsNullish() ? "no action" : lite::Interpolate(interp_, fk->on_delete);
    entry.on_update = fk->on_update.IsNullish() ? "no action" : lite::Interpolate(interp_, fk->on_update);
    out.foreign_keys.insert_or_assign(name, entry);
  }

  for (lite::IndexBuilderHost* index : config.indexes) {
    m::Index entry;
    entry.name = lite::Interpolate(interp_, index->name);
    for (Value column : index->columns) entry.columns.push_back(IndexColumn(entry.name, column, index->span));
    if (AsSql(index->where) != nullptr) entry.where = lite::SqlText(interp_, index->where, dialect(), casing_);
    entry.is_unique = index->unique;
    out.indexes.insert_or_assign(entry.name, entry);
  }

  for (lite::UniqueBuilderHost* unique : config.uniques) {
    std::vector<ColumnHost*> columns = lite::ConstraintColumns(interp_, unique->columns, kDialect, "unique().on()");
    m::Index entry;
    std::vector<std::string> raw;
    for (ColumnHost* c : columns) {
      entry.columns.push_back(Name(*c));
      raw.push_back(c->name);
    }
    entry.name = unique->name.IsNullish() ? lite::UniqueKeyName(table_name, raw) : lite::Interpolate(interp_, unique->name);
    if (out.indexes.contains(entry.name)) {
      lite::Refuse("We've found duplicated unique constraint names in " + table_name + " table. The unique constraint " +
                       entry.name + " is conflicting with a unique constraint name already defined",
                   unique->span);
    }
    entry.is_unique = true;
    out.indexes.insert_or_assign(entry.name, entry);
  }

  for (lite::PrimaryKeyBuilderHost* pk : config.primary_keys) {
    std::vector<ColumnHost*> columns = lite::ConstraintColumns(interp_, pk->columns, kDialect, "primaryKey()");
    if (columns.empty()) lite::Refuse("primaryKey() of table '" + table_name + "' has no columns", pk->span);
    if (columns.size() > 1) {
      std::string name;
      if (!pk->name.IsNullish()) {
        name = lite::Interpolate(interp_, pk->name);
      } else {
        name = table_name;
        for (ColumnHost* c : columns) name += "_" + c->name;
        name += "_pk";
      }
      m::CompositePk entry;
      for (ColumnHost* c : columns) {
        entry.columns.push_back(Name(*c));
        if (casing_ != Casing::None) name = lite::ReplaceFirst(name, c->name, entry.columns.back());
      }
      entry.name = name;
      out.composite_primary_keys.insert_or_assign(name, entry);
    } else {
      m::Column* column = out.columns.Get(Name(*columns[0]));
      if (column == nullptr) {
        lite::Refuse("primaryKey() of table '" + table_name + "' names a column of another table", pk->span);
      }
      column->primary_key = true;
    }
  }

  for (lite::CheckBuilderHost* check : config.checks) {
    std::string name = lite::Interpolate(interp_, check->name);
    if (out.check_constraints.contains(name)) {
      lite::Refuse("We've found duplicated check constraint name in " + table_name +
                       ". Please rename your check constraint in the " + table_name + " table",
                   check->span);
    }
    out.check_constraints.insert_or_assign(name, m::CheckConstraint{name, lite::SqlText(interp_, check->value, dialect(), casing_)});
  }

  snapshot_.tables.insert_or_assign(table_name, std::move(out));
}

void Builder::AddView(lite::ViewHost& view) {
  if (snapshot_.views.contains(view.name)) {
    lite::Refuse("We've found duplicated view name across public schema. Please rename your view", view.span);
  }
  m::View out;
  out.name = view.name;
  for (ColumnHost* column : lite::ViewColumns(interp_, view, kDialect)) {
    out.columns.insert_or_assign(column->name, ColumnEntry(*column, column->name, false));
  }
  out.is_existing = view.is_existing;
  if (!view.is_existing) out.definition = lite::SqlText(interp_, view.query, dialect(), casing_);
  snapshot_.views.insert_or_assign(view.name, std::move(out));
}

}  // namespace

base::Result<model::sqlite::Snapshot> BuildSqliteSnapshot(ts::Interp& interp,
                                                          std::span<ts::Object* const> schema_module_namespaces,
                                                          const SqliteSnapshotOptions& options,
                                                          base::DiagSink& diags) {
  Builder builder(interp, options.casing);
  lite::Exports exports;
  bool ok = lite::Guarded(interp, diags, {}, "", [&] {
    exports = lite::CollectExports(interp, schema_module_namespaces, kDialect);
  });
  for (lite::TableHost* table : exports.tables) {
    ok = ok && lite::Guarded(interp, diags, table->span, "table '" + table->name + "'", [&] { builder.AddTable(*table); });
  }
  for (lite::ViewHost* view : exports.views) {
    ok = ok && lite::Guarded(interp, diags, view->span, "view '" + view->name + "'", [&] { builder.AddView(*view); });
  }
  if (!ok) return base::Fail("sqlite snapshot: the schema has errors");
  return builder.Take();
}

}  // namespace dp::dsl
