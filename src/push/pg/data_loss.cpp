// drizzle-kit's PostgreSQL push data-loss analysis (pgSuggestions, pgPushUtils.ts) over a
// typed plan. For each change drizzle-kit inspects (drop table / materialized view /
// column / schema, primary key drop, NOT NULL column added without default, unique
// constraint added) it counts rows, and on a non-empty table warns with drizzle-kit's
// text, fills the drizzle-kit 1.0 confirm_data_loss kind and entity, and (NOT NULL adds)
// puts `truncate table ... cascade;` right before the change's statements. All counts run
// in one query against the database as it is before the push, so tables renamed or moved
// by the plan are counted under their current names.
//
// Deliberate differences from drizzle-kit 0.31: a NOT NULL column that PostgreSQL fills by
// itself (identity, generated, serial) does not truncate the table (drizzle-kit 1.0 skips
// identity and generated too); a unique constraint added to a non-empty table is a warning
// (kind add_unique, as in drizzle-kit 1.0) instead of a truncate-or-not question, and
// nothing is truncated for it; the truncate names the table as it is called when the
// truncate runs (after renames), where drizzle-kit names it as before the renames.
#include <fmt/format.h>

#include <map>
#include <set>

#include "push/pg/plan_push.h"
#include "sqlgen/pg/generate.h"

namespace dp::push::pg {

namespace {

namespace dpg = diff::pg;
namespace mpg = model::pg;

std::string Quote(const std::string& name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string SqlLiteral(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string PgSchema(const std::string& schema) {
  return schema.empty() ? "public" : schema;
}

/// drizzle-kit's concatSchemaAndTableName: `"schema"."table"`, or `"table"` for the
/// default schema.
std::string TableDisplay(const std::string& schema, const std::string& table) {
  return schema.empty() || schema == "public" ? Quote(table) : Quote(schema) + "." + Quote(table);
}

/// Maps names the plan uses (after renames and moves) back to the database's names.
class NameHistory {
 public:
  void Record(const dpg::Change& change) {
    if (const auto* rename = std::get_if<dpg::RenameSchema>(&change)) {
      schemas_[rename->to] = Original(schemas_, rename->from);
    } else if (const auto* rename = std::get_if<dpg::RenameTable>(&change)) {
      tables_[Key(rename->schema, rename->to)] = rename->from;
    } else if (const auto* move = std::get_if<dpg::MoveTable>(&change)) {
      moves_[Key(move->to_schema, move->name)] = move->from_schema;
    }
  }

  /// (schema, table) as the database calls them now; schema "public" for the default.
  std::pair<std::string, std::string> Original(const std::string& schema, const std::string& table) const {
    std::string name = table;
    std::string pg_schema = PgSchema(schema);
    if (auto it = tables_.find(Key(pg_schema, name)); it != tables_.end()) name = it->second;
    if (auto it = moves_.find(Key(pg_schema, name)); it != moves_.end()) pg_schema = PgSchema(it->second);
    pg_schema = Original(schemas_, pg_schema);
    return {pg_schema, name};
  }

  std::string OriginalSchema(const std::string& schema) const { return Original(schemas_, PgSchema(schema)); }

 private:
  static std::string Key(const std::string& schema, const std::string& name) {
    return PgSchema(schema) + "." + name;
  }
  static std::string Original(const std::map<std::string, std::string>& renames, const std::string& name) {
    auto it = renames.find(name);
    return it == renames.end() ? name : it->second;
  }

  std::map<std::string, std::string> schemas_;  // new -> old
  std::map<std::string, std::string> tables_;   // "schema.new" -> old name
  std::map<std::string, std::string> moves_;    // "to_schema.name" -> from schema
};

/// The row counts the analysis needs, run as one query.
class Counter {
 public:
  /// Registers a table count; nullopt when the relation does not exist (nothing to count).
  std::optional<size_t> Rows(const std::string& schema, const std::string& name) {
    return Add(fmt::format("(SELECT count(*) FROM {}.{})", Quote(schema), Quote(name)));
  }
  /// Registers drizzle-kit's count of a schema's tables.
  size_t SchemaTables(const std::string& schema) {
    return Add(fmt::format("(SELECT count(*) FROM information_schema.tables WHERE table_schema = {})",
                           SqlLiteral(schema)));
  }

  base::Result<void> Run(db::Connection& connection) {
    if (expressions_.empty()) return {};
    std::string sql = "SELECT ";
    for (size_t idx = 0; idx < expressions_.size(); ++idx) {
      if (idx > 0) sql += ", ";
      sql += fmt::format("{} AS c{}", expressions_[idx], idx);
    }
    auto result = connection.Query(sql);
    if (!result) return base::Fail(result.error().Wrap("count rows"));
    if (result->rows.size() != 1 || result->rows[0].size() != expressions_.size()) {
      return base::Fail("count rows: unexpected result shape");
    }
    for (const auto& value : result->rows[0]) counts_.push_back(value ? std::stoll(*value) : 0);
    return {};
  }

  long long Get(std::optional<size_t> index) const { return index ? counts_[*index] : 0; }

 private:
  size_t Add(const std::string& expression) {
    auto [it, inserted] = index_.try_emplace(expression, expressions_.size());
    if (inserted) expressions_.push_back(expression);
    return it->second;
  }

  std::vector<std::string> expressions_;
  std::map<std::string, size_t> index_;
  std::vector<long long> counts_;
};

enum class Check : uint8_t { DropTable, DropMatview, DropColumn, DropSchema, DropPk, AddNotNull, AddUnique };

/// One change the analysis looks at, and the count it needs.
struct Finding {
  size_t change_index = 0;
  Check check = Check::DropTable;
  std::optional<size_t> probe;
  std::string schema;  // as the plan names it ("" for the default schema of tables)
  std::string table;   // table / view / schema name
  std::string item;    // column / constraint name
};

bool FillsItself(const mpg::Column& column) {
  return column.identity.has_value() || column.generated.has_value() || column.type == "serial" ||
         column.type == "bigserial" || column.type == "smallserial";
}

}  // namespace

ExistingRelations ExistingRelations::Of(const mpg::Snapshot& snapshot) {
  ExistingRelations existing;
  for (const auto& [key, table] : snapshot.tables) existing.tables.insert(key);
  for (const auto& [key, view] : snapshot.views) existing.views.insert(key);
  return existing;
}

base::Result<PushPlan> AnalyzeDataLoss(db::Connection& connection, dpg::Plan plan,
                                       const ExistingRelations& current,
                                       const introspect::pg::CatalogFacts& facts) {
  NameHistory history;
  Counter counter;
  std::vector<Finding> findings;
  auto table_probe = [&](const std::string& schema, const std::string& table) -> std::optional<size_t> {
    auto [db_schema, db_table] = history.Original(schema, table);
    if (!current.tables.count(db_schema + "." + db_table)) return std::nullopt;
    return counter.Rows(db_schema, db_table);
  };

  for (size_t change_idx = 0; change_idx < plan.changes.size(); ++change_idx) {
    dpg::Change& change = plan.changes[change_idx];
    history.Record(change);
    Finding finding;
    if (const auto* drop = std::get_if<dpg::DropTable>(&change)) {
      finding = {change_idx,   Check::DropTable, table_probe(drop->schema, drop->name),
                 drop->schema, drop->name,       ""};
    } else if (const auto* drop = std::get_if<dpg::DropView>(&change)) {
      if (!drop->materialized) continue;
      std::string key = PgSchema(drop->schema) + "." + drop->name;
      std::optional<size_t> probe;
      if (current.views.count(key) && !facts.unpopulated_matviews.count(key)) {
        probe = counter.Rows(PgSchema(drop->schema), drop->name);
      }
      finding = {change_idx, Check::DropMatview, probe, drop->schema, drop->name, ""};
    } else if (const auto* drop = std::get_if<dpg::DropColumn>(&change)) {
      finding = {change_idx,   Check::DropColumn, table_probe(drop->schema, drop->table),
                 drop->schema, drop->table,       drop->column};
    } else if (const auto* drop = std::get_if<dpg::DropSchema>(&change)) {
      finding = {change_idx, Check::DropSchema, counter.SchemaTables(history.OriginalSchema(drop->name)),
                 drop->name, drop->name,        ""};
    } else if (auto* alter = std::get_if<dpg::AlterColumn>(&change)) {
      if (!dpg::Has(alter->changes, dpg::ColumnChange::PrimaryKey) || alter->to.primary_key) continue;
      auto [db_schema, db_table] = history.Original(alter->schema, alter->table);
      // drizzle-kit asks the database for the key's name; introspection read it.
      auto name = facts.primary_key_names.find(db_schema + "." + db_table);
      if (name != facts.primary_key_names.end()) alter->pk_constraint = name->second;
      finding = {change_idx,    Check::DropPk, table_probe(alter->schema, alter->table),
                 alter->schema, alter->table,  alter->pk_constraint};
    } else if (const auto* add = std::get_if<dpg::AddColumn>(&change)) {
      if (!add->column.not_null || add->column.default_value || FillsItself(add->column)) continue;
      finding = {change_idx,  Check::AddNotNull, table_probe(add->schema, add->table),
                 add->schema, add->table,        add->column.name};
    } else if (const auto* add = std::get_if<dpg::CreateUnique>(&change)) {
      finding = {change_idx,  Check::AddUnique, table_probe(add->schema, add->table),
                 add->schema, add->table,       add->unique.name};
    } else {
      continue;
    }
    findings.push_back(std::move(finding));
  }
  DP_TRY(counter.Run(connection));

  PushPlan result;
  result.notes = plan.notes;
  std::set<std::string> tables_removed, columns_removed, tables_truncated, matviews_removed;
  std::map<size_t, std::vector<std::string>> truncates;  // change index -> statements before it
  for (const Finding& finding : findings) {
    long long count = counter.Get(finding.probe);
    if (count <= 0) continue;
    DataLossWarning warning;
    std::string schema = PgSchema(finding.schema);
    switch (finding.check) {
      case Check::DropTable:
        warning.message =
            fmt::format("· You're about to delete {} table with {} items", finding.table, count);
        warning.kind = "table";
        warning.entity = {schema, finding.table};
        tables_removed.insert(finding.table);
        break;
      case Check::DropMatview:
        warning.message = fmt::format("· You're about to delete \"{}\" materialized view with {} items",
                                      finding.table, count);
        warning.kind = "view";
        warning.entity = {schema, finding.table};
        matviews_removed.insert(finding.table);
        break;
      case Check::DropColumn:
        warning.message = fmt::format("· You're about to delete {} column in {} table with {} items",
                                      finding.item, finding.table, count);
        warning.kind = "column";
        warning.entity = {schema, finding.table, finding.item};
        columns_removed.insert(finding.table + "_" + finding.item);
        break;
      case Check::DropSchema:
        warning.message =
            fmt::format("· You're about to delete {} schema with {} tables", finding.table, count);
        warning.kind = "schema";
        warning.entity = {finding.table};
        break;
      case Check::DropPk:
        warning.message = fmt::format(
            "· You're about to change {} primary key. This statements may fail and you table may left "
            "without "
            "primary key",
            finding.table);
        warning.kind = "primary_key";
        warning.entity = {schema, finding.table, finding.item};
        tables_truncated.insert(finding.table);
        break;
      case Check::AddNotNull: {
        warning.message = fmt::format(
            "· You're about to add not-null {} column without default value, which contains {} items",
            finding.item, count);
        warning.kind = "add_not_null";
        warning.reason = "nulls_present";
        warning.entity = {schema, finding.table, finding.item};
        std::string truncate =
            fmt::format("truncate table {} cascade;", TableDisplay(finding.schema, finding.table));
        warning.extra_statements.push_back(truncate);
        truncates[finding.change_index].push_back(truncate);
        tables_truncated.insert(finding.table);
        break;
      }
      case Check::AddUnique:
        warning.message = fmt::format(
            "· You're about to add {} unique constraint to the table, which contains {} items. If this "
            "statement "
            "fails, you will receive an error from the database.",
            finding.item, count);
        warning.kind = "add_unique";
        warning.reason = "duplicates_present";
        warning.entity = {schema, finding.table, finding.item};
        break;
    }
    result.warnings.push_back(std::move(warning));
  }
  result.tables_to_remove = tables_removed.size();
  result.columns_to_remove = columns_removed.size();
  result.tables_to_truncate = tables_truncated.size();
  result.matviews_to_remove = matviews_removed.size();

  // Statements change by change, drizzle-kit's de-duplication over the whole list.
  std::set<std::string> seen;
  auto add = [&](sqlgen::Statement statement) {
    if (seen.insert(statement.sql).second) result.statements.push_back(std::move(statement));
  };
  for (size_t change_idx = 0; change_idx < plan.changes.size(); ++change_idx) {
    if (auto it = truncates.find(change_idx); it != truncates.end()) {
      for (const std::string& sql : it->second) add(sqlgen::Statement{sql, sqlgen::Hazard::DataLoss, false});
    }
    for (sqlgen::Statement& statement : sqlgen::pg::GenerateChange(plan.changes[change_idx]))
      add(std::move(statement));
  }
  return result;
}

}  // namespace dp::push::pg
