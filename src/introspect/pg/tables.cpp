// Tables from the constraint and index queries, assembled like drizzle-kit's fromDatabase:
// a one-column primary key marks its column, a longer one becomes a composite primary
// key; unique constraints (with NULLS NOT DISTINCT, which drizzle-kit never reads),
// foreign keys with their actions, check constraints and indexes (drizzle-kit's
// column / expression / order / nulls / operator class / with / where).
#include <algorithm>

#include "introspect/pg/builders.h"

namespace dp::introspect::pg {

namespace mpg = model::pg;

namespace {

std::string FkAction(const std::string& code) {
  if (code == "r") return "restrict";
  if (code == "n") return "set null";
  if (code == "c") return "cascade";
  if (code == "d") return "set default";
  return "no action";
}

std::vector<std::string> Deduplicated(std::vector<std::string> names) {
  std::vector<std::string> out;
  for (std::string& name : names) {
    if (std::find(out.begin(), out.end(), name) == out.end()) out.push_back(std::move(name));
  }
  return out;
}

/// True when text[open] is '(' and its matching ')' is the last character.
bool WrappedInParens(std::string_view text) {
  if (text.size() < 2 || text.front() != '(' || text.back() != ')') return false;
  int depth = 0;
  bool in_quote = false;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char c = text[pos];
    if (in_quote) {
      if (c == '\'') in_quote = false;
      continue;
    }
    if (c == '\'') {
      in_quote = true;
    } else if (c == '(') {
      ++depth;
    } else if (c == ')') {
      --depth;
      if (depth == 0 && pos + 1 < text.size()) return false;
    }
  }
  return depth == 0;
}

std::string Trim(std::string_view text) {
  size_t start = text.find_first_not_of(" \t\n\r");
  if (start == std::string_view::npos) return "";
  size_t end = text.find_last_not_of(" \t\n\r");
  return std::string(text.substr(start, end - start + 1));
}

}  // namespace

std::string CheckValue(const std::string& definition) {
  std::string text = Trim(definition);
  constexpr std::string_view kNotValid = " NOT VALID";
  if (text.size() > kNotValid.size() &&
      text.compare(text.size() - kNotValid.size(), kNotValid.size(), kNotValid) == 0) {
    text.resize(text.size() - kNotValid.size());
  }
  if (text.rfind("CHECK", 0) == 0) text = Trim(std::string_view(text).substr(5));
  // Two layers, as drizzle-kit strips "CHECK ((" and "))".
  for (int layer = 0; layer < 2 && WrappedInParens(text); ++layer)
    text = Trim(std::string_view(text).substr(1, text.size() - 2));
  return text;
}

base::Result<void> ReadConstraints(const Rows& rows, const std::map<long long, const Relation*>& tables,
                                   const AttributeNames& names, std::map<long long, TableParts>& parts) {
  for (Rows::Row row : rows) {
    long long relid = row.Int("relid");
    auto table = tables.find(relid);
    if (table == tables.end()) continue;
    TableParts& part = parts[relid];
    const std::string& type = row.Text("type");
    const std::string name = row.Text("name");
    auto columns = [&]() { return names.Names(relid, row.Ints("attnums")); };
    if (type == "p") {
      auto key = columns();
      if (!key) return tl::unexpected(key.error());
      part.primary_key = std::move(*key);
      part.primary_key_name = name;
    } else if (type == "u") {
      mpg::UniqueConstraint unique;
      unique.name = name;
      auto unique_columns = columns();
      if (!unique_columns) return tl::unexpected(unique_columns.error());
      unique.columns = std::move(*unique_columns);
      unique.nulls_not_distinct = row.Text("definition").find("NULLS NOT DISTINCT") != std::string::npos;
      part.uniques.insert_or_assign(name, std::move(unique));
    } else if (type == "f") {
      mpg::ForeignKey fk;
      fk.name = name;
      fk.table_from = table->second->name;
      auto from = columns();
      if (!from) return tl::unexpected(from.error());
      fk.columns_from = Deduplicated(std::move(*from));
      fk.table_to = row.Text("foreign_table");
      fk.schema_to = row.Text("foreign_schema");
      if (row.IsNull("foreign_columns")) {
        // The referenced table is one the columns query read.
        auto to = names.Names(row.Int("foreign_relid"), row.Ints("foreign_attnums"));
        if (!to) return tl::unexpected(to.error());
        fk.columns_to = Deduplicated(std::move(*to));
      } else {
        fk.columns_to = Deduplicated(row.Strings("foreign_columns"));
      }
      fk.on_update = FkAction(row.Text("on_update"));
      fk.on_delete = FkAction(row.Text("on_delete"));
      part.foreign_keys.insert_or_assign(name, std::move(fk));
    } else if (type == "c") {
      part.checks.insert_or_assign(name, mpg::CheckConstraint{name, CheckValue(row.Text("definition"))});
    }
  }
  return {};
}

base::Result<void> ReadIndexes(const Rows& rows, const AttributeNames& names, std::map<long long, TableParts>& parts) {
  for (Rows::Row row : rows) {
    long long relid = row.Int("relid");
    auto part = parts.find(relid);
    if (part == parts.end()) continue;
    const std::string name = row.Text("name");
    auto [entry, inserted] = part->second.indexes.try_emplace(name);
    mpg::Index& index = entry->second;
    if (inserted) {
      index.name = name;
      index.is_unique = row.Bool("is_unique");
      index.method = row.Text("method");
      index.where = row.Opt("predicate");
      index.concurrently = false;
      model::OrderedMap<nlohmann::ordered_json> with;
      for (const std::string& option : row.Strings("options")) {
        size_t eq = option.find('=');
        if (eq == std::string::npos) continue;
        with.insert_or_assign(option.substr(0, eq), nlohmann::ordered_json(option.substr(eq + 1)));
      }
      index.with = std::move(with);
    }
    mpg::IndexColumn column;
    const long long attnum = row.Int("attnum");
    column.is_expression = attnum == 0;
    if (column.is_expression) {
      column.expression = row.Text("expression");
    } else {
      auto name = names.Names(relid, {attnum});
      if (!name) return tl::unexpected(name.error());
      column.expression = std::move(name->front());
    }
    column.asc = !row.Bool("descending");
    column.nulls = row.Bool("nulls_first") ? "first" : "last";
    column.opclass = row.Opt("opclass");
    index.columns.push_back(std::move(column));
  }
  return {};
}

mpg::Table BuildTable(const Relation& relation, std::vector<mpg::Column> columns, TableParts parts,
                      model::OrderedMap<mpg::Policy> policies) {
  mpg::Table table;
  table.name = relation.name;
  table.schema = relation.schema == "public" ? "" : relation.schema;
  const bool single_pk = parts.primary_key.size() == 1;
  for (mpg::Column& column : columns) {
    column.primary_key = single_pk && parts.primary_key.front() == column.name;
    if (column.identity) column.identity->schema = relation.schema;
    std::string name = column.name;
    table.columns.insert_or_assign(name, std::move(column));
  }
  if (parts.primary_key.size() > 1) {
    table.composite_primary_keys.insert_or_assign(
        parts.primary_key_name, mpg::CompositePk{parts.primary_key_name, parts.primary_key});
  }
  table.indexes = std::move(parts.indexes);
  table.foreign_keys = std::move(parts.foreign_keys);
  table.unique_constraints = std::move(parts.uniques);
  table.check_constraints = std::move(parts.checks);
  table.policies = std::move(policies);
  table.is_rls_enabled = relation.rls;
  return table;
}

}  // namespace dp::introspect::pg
