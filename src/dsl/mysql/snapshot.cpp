// generateMySqlSnapshot: tables without a schema (columns with defaults, onUpdate and generated
// expressions; column primary keys and all extra-config primary keys as compositePrimaryKeys;
// column uniques and unique() as uniqueConstraints; foreign keys; indexes with expression
// columns recorded in `internal`; checks) and views with their algorithm / security options.
#include "dsl/mysql/snapshot.h"

#include "dsl/sqlite/lite_builder.h"

namespace dp::dsl {

namespace {

using lite::ColumnHost;
using lite::Dialect;
using ts::Value;
namespace m = model::mysql;

constexpr Dialect kDialect = Dialect::Mysql;

// drizzle-kit's handleEnumType: re-quotes the values of "enum('a','b')" with escaping.
std::string HandleEnumType(const std::string& type) {
  size_t open = type.find('(');
  size_t next = type.find('(', open + 1);
  std::string str = type.substr(open + 1, next == std::string::npos ? std::string::npos : next - open - 1);
  if (!str.empty()) str.pop_back();
  std::string out = "enum(";
  size_t start = 0;
  bool first = true;
  while (true) {
    size_t comma = str.find(',', start);
    std::string v = str.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    std::string inner = v.size() >= 2 ? v.substr(1, v.size() - 2) : std::string();
    out += (first ? "'" : ",'") + lite::EscapeSingleQuotes(inner) + "'";
    first = false;
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out + ")";
}

bool StartsWith(const std::string& s, std::string_view prefix) { return s.rfind(prefix, 0) == 0; }

std::string Lower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

class Builder : public lite::BuilderBase {
 public:
  Builder(ts::Interp& interp, Casing casing) : BuilderBase(interp, casing, kDialect) {}

  m::Snapshot Take() { return std::move(snapshot_); }

 private:
  void AddTable(lite::TableHost& table) override;
  void AddView(lite::ViewHost& view) override;
  m::Column ColumnEntry(const ColumnHost& column, std::string name, bool in_table);

  m::Snapshot snapshot_;
};

m::Column Builder::ColumnEntry(const ColumnHost& column, std::string name, bool in_table) {
  const lite::ColumnConfig& config = column.config;
  const std::string& sql_type = column.sql_type;
  const std::string lowered = Lower(sql_type);
  m::Column out;
  out.name = std::move(name);
  out.type = in_table && StartsWith(sql_type, "enum") ? HandleEnumType(sql_type) : sql_type;
  out.primary_key = false;
  out.not_null = config.not_null;
  out.autoincrement = config.has_auto_increment ? config.auto_increment : false;
  if (config.has_on_update_now_field && config.has_on_update_now) out.on_update = true;
  if (config.has_generated) {
    out.generated = m::Generated{config.generated_mode.empty() ? "stored" : config.generated_mode,
                                 GeneratedText(config.generated_as, false)};
  }
  Value def = config.default_value;
  if (def.IsUndefined()) return out;
  if (AsSql(def) != nullptr) {
    out.default_value = lite::SqlDefaultText(interp_, def, dialect(), casing_);
    return out;
  }
  // The default as JS would hold it: a quoted string we built, or the raw value.
  std::optional<std::string> text;
  bool has_raw = false;
  if (def.IsString()) {
    text = "'" + (in_table ? lite::EscapeSingleQuotes(def.AsString()) : def.AsString()) + "'";
  } else if (lowered == "json") {
    text = "'" + lite::JsonText(interp_, def) + "'";
  } else if (std::optional<double> ms = lite::DateValue(def)) {
    std::string iso = lite::IsoString(*ms);
    if (lowered == "date") {
      text = "'" + iso.substr(0, iso.find('T')) + "'";
    } else if (StartsWith(lowered, "datetime") || StartsWith(lowered, "timestamp")) {
      if (size_t t = iso.find('T'); t != std::string::npos) iso[t] = ' ';
      text = "'" + iso.substr(0, 23) + "'";
    }
  } else {
    has_raw = true;
  }
  if (sql_type == "blob" || sql_type == "text" || sql_type == "json") {
    std::string inner = text ? *text : has_raw ? lite::Interpolate(interp_, def) : std::string("undefined");
    out.default_value = "(" + inner + ")";
  } else if (text) {
    out.default_value = *text;
  } else if (has_raw) {
    if (std::optional<nlohmann::ordered_json> json = lite::ValueJson(interp_, def)) out.default_value = std::move(*json);
  }
  return out;
}

std::optional<std::string> OptString(ts::Interp& interp, Value v) {
  if (v.IsNullish()) return std::nullopt;
  return lite::Interpolate(interp, v);
}

void Builder::AddTable(lite::TableHost& table) {
  lite::TableConfig config = lite::GetTableConfig(interp_, table);
  const std::string& table_name = table.name;
  m::Table out;
  out.name = table_name;

  for (ColumnHost* column : config.columns) {
    std::string name = Name(*column);
    m::Column entry = ColumnEntry(*column, name, true);
    if (column->config.primary_key) {
      std::string pk_name = table_name + "_" + name;
      out.composite_primary_keys.insert_or_assign(pk_name, m::CompositePk{pk_name, {name}});
    }
    if (column->config.is_unique) {
      std::string unique_name = lite::Interpolate(interp_, column->config.unique_name);
      if (out.unique_constraints.contains(unique_name)) {
        lite::Refuse("We've found duplicated unique constraint names in " + table_name + " table. The unique constraint " +
                         unique_name + " on the " + name + " column is conflicting with a unique constraint name already "
                         "defined",
                     column->span);
      }
      out.unique_constraints.insert_or_assign(unique_name, m::UniqueConstraint{unique_name, {name}});
    }
    out.columns.insert_or_assign(name, std::move(entry));
  }

  for (lite::PrimaryKeyBuilderHost* pk : config.primary_keys) {
    std::vector<ColumnHost*> columns = lite::ConstraintColumns(interp_, pk->columns, kDialect, "primaryKey()");
    lite::NamedColumns named = PrimaryKeyEntry(table_name, *pk, columns);
    out.composite_primary_keys.insert_or_assign(named.name, m::CompositePk{named.name, std::move(named.columns)});
    for (ColumnHost* c : columns) {
      m::Column* column = out.columns.Get(Name(*c));
      if (column == nullptr) {
        lite::Refuse("primaryKey() of table '" + table_name + "' names a column of another table", pk->span);
      }
      column->not_null = true;
    }
  }

  for (lite::UniqueBuilderHost* unique : config.uniques) {
    lite::NamedColumns named = UniqueEntry(table_name, *unique);
    if (out.unique_constraints.contains(named.name)) RefuseDuplicateUnique(table_name, named.name, unique->span);
    out.unique_constraints.insert_or_assign(named.name, m::UniqueConstraint{named.name, std::move(named.columns)});
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
    if (index->unique && out.unique_constraints.contains(entry.name)) {
      lite::Refuse("We've found duplicated unique constraint names in " + table_name + " table. The unique index " +
                       entry.name + " is conflicting with a unique constraint name already defined",
                   index->span);
    }
    if (!index->unique && out.foreign_keys.contains(entry.name)) {
      lite::Refuse("In MySQL, when creating a foreign key, an index is automatically generated with the same name as "
                   "the foreign key constraint. The index " + entry.name + " collides with a foreign key of table " +
                       table_name + ". Please change either the index name or the foreign key name.",
                   index->span);
    }
    entry.is_unique = index->unique;
    entry.using_method = OptString(interp_, index->using_method);
    entry.algorithm = OptString(interp_, index->algorithm);
    entry.lock = OptString(interp_, index->lock);
    out.indexes.insert_or_assign(entry.name, entry);
  }

  AddChecks(table_name, config.checks, out.check_constraints);

  if (!table.schema || table.schema->empty()) snapshot_.tables.insert_or_assign(table_name, std::move(out));
}

void Builder::AddView(lite::ViewHost& view) {
  if (snapshot_.views.contains(view.name)) {
    lite::Refuse("We've found duplicated view name across " + view.schema.value_or("public") +
                     " schema. Please rename your view",
                 view.span);
  }
  m::View out;
  out.name = view.name;
  for (ColumnHost* column : lite::ViewColumns(interp_, view, kDialect)) {
    out.columns.insert_or_assign(column->name, ColumnEntry(*column, column->name, false));
  }
  out.is_existing = view.is_existing;
  if (!view.is_existing) out.definition = lite::SqlText(interp_, view.query, dialect(), casing_);
  out.with_check_option = OptString(interp_, view.with_check_option);
  out.algorithm = view.algorithm.IsNullish() ? "undefined" : lite::Interpolate(interp_, view.algorithm);
  out.sql_security = view.sql_security.IsNullish() ? "definer" : lite::Interpolate(interp_, view.sql_security);
  snapshot_.views.insert_or_assign(view.name, std::move(out));
}

}  // namespace

base::Result<model::mysql::Snapshot> BuildMysqlSnapshot(ts::Interp& interp,
                                                        std::span<ts::Object* const> schema_module_namespaces,
                                                        const MysqlSnapshotOptions& options, base::DiagSink& diags) {
  Builder builder(interp, options.casing);
  if (!builder.AddExports(schema_module_namespaces, diags)) return base::Fail("mysql snapshot: the schema has errors");
  return builder.Take();
}

}  // namespace dp::dsl
