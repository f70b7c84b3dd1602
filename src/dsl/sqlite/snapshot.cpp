// generateSqliteSnapshot: tables (columns with defaults and generated expressions, column
// uniques as unique indexes, foreign keys, indexes with expression columns recorded in
// `internal`, unique constraints, primary keys, checks) and views, in drizzle-kit's order.
#include "dsl/sqlite/snapshot.h"

#include "dsl/sqlite/lite_builder.h"

namespace dp::dsl {

namespace {

using lite::ColumnHost;
using lite::Dialect;
using ts::Value;
namespace m = model::sqlite;

constexpr Dialect kDialect = Dialect::Sqlite;

class Builder : public lite::BuilderBase {
 public:
  Builder(ts::Interp& interp, Casing casing) : BuilderBase(interp, casing, kDialect) {}

  m::Snapshot Take() { return std::move(snapshot_); }

 private:
  void AddTable(lite::TableHost& table) override;
  void AddView(lite::ViewHost& view) override;
  m::Column ColumnEntry(const ColumnHost& column, std::string name, bool escape_strings);

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
    std::string text = GeneratedText(config.generated_as, true);
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
    m::ForeignKey entry = ForeignKeyEntry(table, *fk);
    out.foreign_keys.insert_or_assign(entry.name, entry);
  }

  for (lite::IndexBuilderHost* index : config.indexes) {
    m::Index entry;
    entry.name = lite::Interpolate(interp_, index->name);
    for (Value column : index->columns) {
      entry.columns.push_back(IndexColumn(entry.name, column, index->span, *snapshot_.internal->indexes));
    }
    if (AsSql(index->where) != nullptr) entry.where = lite::SqlText(interp_, index->where, dialect(), casing_);
    entry.is_unique = index->unique;
    out.indexes.insert_or_assign(entry.name, entry);
  }

  for (lite::UniqueBuilderHost* unique : config.uniques) {
    lite::NamedColumns named = UniqueEntry(table_name, *unique);
    if (out.indexes.contains(named.name)) RefuseDuplicateUnique(table_name, named.name, unique->span);
    m::Index entry;
    entry.name = named.name;
    entry.columns = std::move(named.columns);
    entry.is_unique = true;
    out.indexes.insert_or_assign(entry.name, entry);
  }

  for (lite::PrimaryKeyBuilderHost* pk : config.primary_keys) {
    std::vector<ColumnHost*> columns = lite::ConstraintColumns(interp_, pk->columns, kDialect, "primaryKey()");
    if (columns.empty()) lite::Refuse("primaryKey() of table '" + table_name + "' has no columns", pk->span);
    if (columns.size() > 1) {
      lite::NamedColumns named = PrimaryKeyEntry(table_name, *pk, columns);
      out.composite_primary_keys.insert_or_assign(named.name, m::CompositePk{std::move(named.columns), named.name});
    } else {
      m::Column* column = out.columns.Get(Name(*columns[0]));
      if (column == nullptr) {
        lite::Refuse("primaryKey() of table '" + table_name + "' names a column of another table", pk->span);
      }
      column->primary_key = true;
    }
  }

  AddChecks(table_name, config.checks, out.check_constraints);

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
  if (!builder.AddExports(schema_module_namespaces, diags)) return base::Fail("sqlite snapshot: the schema has errors");
  return builder.Take();
}

}  // namespace dp::dsl
