// Tables in the pg snapshot: columns (types, enum schemas, identity, generated, unique,
// defaults) and the extra-config entities (primary keys, unique constraints, foreign keys,
// indexes, policies, checks), named and checked for duplicates as generatePgSnapshot does.
#include <algorithm>

#include "dsl/pg/snapshot_internal.h"

namespace dp::dsl::pg {

namespace {

using ts::Value;

constexpr const char* kVectorOps[] = {"vector_l2_ops", "vector_ip_ops", "vector_cosine_ops", "vector_l1_ops",
                                      "bit_hamming_ops", "bit_jaccard_ops", "halfvec_l2_ops", "sparsevec_l2_ops"};

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

}  // namespace

std::optional<model::pg::Identity> SnapshotBuilder::ColumnIdentity(const PgColumnHost& column,
                                                                   const std::string& owner_name,
                                                                   const std::string& column_name,
                                                                   const std::optional<std::string>& schema) {
  if (!column.config.has_identity) return std::nullopt;
  Value options = column.config.identity_options;
  auto option = [&](const char* key) { return options.IsObject() ? interp_.Get(options, key) : Value(); };
  model::pg::Identity identity;
  identity.type = column.config.identity_type;
  Value name = column.config.identity_name;
  identity.name = name.IsNullish() ? owner_name + "_" + column_name + "_seq" : interp_.ToString(name);
  identity.schema = schema.value_or("public");
  std::string increment = IdentityProperty(interp_, option("increment")).value_or("1");
  bool negative = ParsesNegative(increment);
  // drizzle-kit compares the columnType ("PgInteger") for the minimum, so a negative identity
  // always gets the smallint minimum; the maximum uses the SQL type.
  std::string min_value =
      IdentityProperty(interp_, option("minValue")).value_or(negative ? std::string("-32768") : std::string("1"));
  std::string max_fallback = column.sql_type == "integer"  ? "2147483647"
                             : column.sql_type == "bigint" ? "9223372036854775807"
                                                           : "32767";
  std::string max_value = IdentityProperty(interp_, option("maxValue")).value_or(negative ? "-1" : max_fallback);
  std::string start_with = IdentityProperty(interp_, option("startWith")).value_or(negative ? max_value : min_value);
  identity.increment = increment;
  identity.start_with = start_with;
  identity.min_value = min_value;
  identity.max_value = max_value;
  identity.cache = IdentityProperty(interp_, option("cache")).value_or("1");
  Value cycle = option("cycle");
  identity.cycle = cycle.IsNullish() ? false : interp_.Truthy(cycle);
  return identity;
}

model::pg::Column SnapshotBuilder::TableColumn(PgTableHost& table, PgColumnHost& column) {
  model::pg::Column out;
  out.name = CasedName(column);
  out.type = column.sql_type;
  const PgColumnHost* base = &column;
  while (base->config.type == PgType::Array && base->base_column) base = base->base_column.get();
  if (base->config.type == PgType::Enum && base->config.enum_host != nullptr) {
    out.type_schema = base->config.enum_host->schema.value_or("public");
  }
  out.primary_key = column.config.primary_key;
  out.not_null = column.config.not_null;
  if (column.config.has_generated) {
    Value as = column.config.generated_as;
    model::pg::Generated generated;
    if (AsSql(as) != nullptr) {
      generated.as = Render(as);
    } else if (interp_.IsCallable(as)) {
      generated.as = Render(interp_.Call(as, Value(), {}));
    } else {
      generated.as = interp_.ToString(as);
    }
    out.generated = generated;
  }
  out.identity = ColumnIdentity(column, table.name, out.name, table.schema);
  out.default_value = SnapshotDefault(interp_, column, casing_, true);
  return out;
}

std::optional<model::pg::ForeignKey> SnapshotBuilder::ForeignKey(PgTableHost& table, PgForeignKeyHost& fk) {
  Value name;
  std::vector<Value> columns, foreign_columns;
  if (!fk.inline_column.IsUndefined()) {
    columns.push_back(fk.inline_column);
    foreign_columns.push_back(interp_.Call(fk.inline_ref, Value(), {}));
  } else {
    name = interp_.Get(fk.config, "name");
    columns = ArrayElements(interp_, interp_.Get(fk.config, "columns"));
    foreign_columns = ArrayElements(interp_, interp_.Get(fk.config, "foreignColumns"));
  }
  std::vector<PgColumnHost*> from, to;
  for (Value v : columns) {
    PgColumnHost* c = AsPgColumn(v);
    if (c == nullptr) {
      Error(fk.span, "foreign key of table \"" + table.name + "\": " + interp_.Describe(v) + " is not a column");
      return std::nullopt;
    }
    from.push_back(c);
  }
  for (Value v : foreign_columns) {
    PgColumnHost* c = AsPgColumn(v);
    if (c == nullptr) {
      Error(fk.span, "foreign key of table \"" + table.name + "\" references " + interp_.Describe(v) +
                         ", which is not a column");
      return std::nullopt;
    }
    to.push_back(c);
  }
  if (to.empty() || to[0]->table == nullptr) {
    Error(fk.span, "foreign key of table \"" + table.name + "\" has no foreign columns");
    return std::nullopt;
  }
  const TableBase& foreign_table = *to[0]->table;
  model::pg::ForeignKey out;
  out.table_from = table.name;
  out.table_to = foreign_table.name;
  out.schema_to = foreign_table.schema;
  std::vector<std::string> raw_from, raw_to;
  for (PgColumnHost* c : from) {
    raw_from.push_back(c->name);
    out.columns_from.push_back(CasedName(*c));
  }
  for (PgColumnHost* c : to) {
    raw_to.push_back(c->name);
    out.columns_to.push_back(CasedName(*c));
  }
  std::string fk_name;
  if (!name.IsNullish()) {
    fk_name = interp_.ToString(name);
  } else {
    std::vector<std::string> chunks{table.name};
    chunks.insert(chunks.end(), raw_from.begin(), raw_from.end());
    chunks.push_back(foreign_table.name);
    chunks.insert(chunks.end(), raw_to.begin(), raw_to.end());
    fk_name = Join(chunks, "_") + "_fk";
  }
  if (casing_.casing() != Casing::None) {
    for (size_t i = 0; i < raw_from.size(); ++i) fk_name = ReplaceFirst(fk_name, raw_from[i], out.columns_from[i]);
    for (size_t i = 0; i < raw_to.size(); ++i) fk_name = ReplaceFirst(fk_name, raw_to[i], out.columns_to[i]);
  }
  out.name = fk_name;
  if (!fk.on_update.IsUndefined()) out.on_update = interp_.ToString(fk.on_update);
  if (!fk.on_delete.IsUndefined()) out.on_delete = interp_.ToString(fk.on_delete);
  return out;
}

std::optional<model::pg::Index> SnapshotBuilder::Index(PgTableHost& table, PgIndexHost& index) {
  std::vector<std::string> names;
  for (const PgIndexedColumn& column : index.columns) {
    if (!column.sql.IsUndefined()) {
      if (index.name.IsUndefined()) {
        Error(index.span, "Please specify an index name in " + table.name + " table that has \"" + Render(column.sql) +
                              "\" expression. We can generate index names for indexes on columns only; for "
                              "expressions in indexes, you need to specify the name yourself.");
        return std::nullopt;
      }
      names.push_back(std::string());
      continue;
    }
    std::string name = column.name.empty() ? std::string()
                       : column.key_as_name ? casing_.Convert(column.name)
                                            : column.name;
    if (column.column_type == "PgVector" && (!column.has_index_config || column.index_config.op_class.IsUndefined())) {
      std::string ops;
      for (const char* op : kVectorOps) ops += (ops.empty() ? "" : ", ") + std::string(op);
      Error(index.span, "You are specifying an index on the " + name + " column inside the " + table.name +
                            " table with the vector type without specifying an operator class. Vector extension "
                            "doesn't have a default operator class, so you need to specify one of the available "
                            "options. Here is a list of available op classes for the vector extension: [" + ops +
                            "].\n\nYou can specify it using current syntax: index(\"" + interp_.ToString(index.name) +
                            "\").using(\"" + index.method + "\", table." + name + ".op(\"vector_l2_ops\"))");
      return std::nullopt;
    }
    names.push_back(name);
  }
  model::pg::Index out;
  out.name = !index.name.IsUndefined() && interp_.Truthy(index.name) ? interp_.ToString(index.name)
                                                                      : table.name + "_" + Join(names, "_") + "_index";
  for (const PgIndexedColumn& column : index.columns) {
    model::pg::IndexColumn entry;
    if (!column.sql.IsUndefined()) {
      entry.expression = Render(column.sql, true);
      entry.asc = true;
      entry.is_expression = true;
      entry.nulls = "last";
    } else {
      entry.expression = column.name.empty() ? std::string()
                         : column.key_as_name ? casing_.Convert(column.name)
                                              : column.name;
      entry.is_expression = false;
      const PgIndexConfig* config = column.has_index_config ? &column.index_config : nullptr;
      entry.asc = config != nullptr && config->order == "asc";
      if (config != nullptr && !config->nulls.empty()) {
        entry.nulls = config->nulls;
      } else {
        entry.nulls = config != nullptr && config->order == "desc" ? "first" : "last";
      }
      if (config != nullptr && !config->op_class.IsUndefined()) entry.opclass = interp_.ToString(config->op_class);
    }
    out.columns.push_back(std::move(entry));
  }
  out.is_unique = index.unique;
  if (!index.where.IsUndefined()) out.where = Render(index.where);
  out.concurrently = index.concurrently;
  out.method = index.method;
  model::OrderedMap<nlohmann::ordered_json> with;
  if (index.with.IsObject()) {
    for (const std::string& key : interp_.OwnKeys(index.with.AsObject())) {
      std::optional<nlohmann::ordered_json> value = ToJsonValue(interp_, interp_.Get(index.with, key));
      if (value) with.insert_or_assign(key, *value);
    }
  }
  out.with = std::move(with);
  return out;
}

}  // namespace dp::dsl::pg
