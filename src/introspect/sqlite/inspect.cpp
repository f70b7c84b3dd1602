// SQLite introspection (see inspect.h): three catalog queries (queries.h), joined in memory
// into drizzle-kit's snapshot shape. DDL text supplies what the pragmas do not (ddl_text.h).
#include "introspect/sqlite/inspect.h"

#include <algorithm>
#include <cstdlib>
#include <map>
#include <unordered_map>

#include "introspect/sqlite/ddl_text.h"
#include "introspect/sqlite/queries.h"
#include "introspect/sqlite/tables_filter.h"
#include "model/json_text.h"
#include "model/sqlite/sql_text.h"

namespace dp::introspect::sqlite {

namespace {

using model::sqlite::Column;
using model::sqlite::Snapshot;
using model::sqlite::Table;
using Row = std::vector<std::optional<std::string>>;

constexpr const char* kOriginUuid = "00000000-0000-0000-0000-000000000000";

const std::string& Field(const Row& row, size_t index) {
  static const std::string kEmpty;
  return row[index] ? *row[index] : kEmpty;
}

long FieldInt(const Row& row, size_t index) {
  return row[index] ? std::strtol(row[index]->c_str(), nullptr, 10) : 0;
}

std::string JoinNames(const std::vector<std::string>& names) {
  std::string out;
  for (size_t name_idx = 0; name_idx < names.size(); ++name_idx) {
    if (name_idx > 0) out += "_";
    out += names[name_idx];
  }
  return out;
}

/// What one table's or view's rows of the columns query give before assembly.
struct ObjectInfo {
  bool is_view = false;
  std::string sql;
  ParsedTable parsed;
  std::vector<std::pair<long, std::string>> pk;  // (position in the key, column)
};

Column ReadColumn(const Row& row, const ObjectInfo& info) {
  Column column;
  column.name = Field(row, 4);
  column.type = model::sqlite::TypeAffinityName(Field(row, 5));
  column.not_null = FieldInt(row, 6) == 1;
  if (row[7]) column.default_value = ParseDefault(*row[7]);
  bool primary = FieldInt(row, 8) != 0;
  column.autoincrement = primary && info.parsed.autoincrement;
  long hidden = FieldInt(row, 9);
  if (hidden == 2 || hidden == 3) {
    for (const ParsedGenerated& generated : info.parsed.generated) {
      if (generated.column == column.name) {
        column.generated = model::sqlite::Generated{hidden == 3 ? "stored" : "virtual", generated.expression};
        break;
      }
    }
  }
  return column;
}

/// Reads the columns query into tables and views (in sqlite_master order); also returns
/// every table's primary-key columns, filtered or not, for FKs that omit the parent columns.
void AssembleColumns(const db::QueryResult& result, const Filters& filters, Snapshot& snapshot,
                     std::unordered_map<std::string, std::vector<std::string>>& primary_keys) {
  std::map<std::string, ObjectInfo> infos;
  std::vector<std::string> order;
  for (const Row& row : result.rows) {
    const std::string& name = Field(row, 0);
    auto [it, inserted] = infos.try_emplace(name);
    ObjectInfo& info = it->second;
    if (inserted) {
      info.is_view = Field(row, 1) == "view";
      info.sql = Field(row, 2);
      if (!info.is_view) info.parsed = ParseCreateTable(info.sql);
      order.push_back(name);
    }
    long pk = FieldInt(row, 8);
    if (pk != 0) info.pk.emplace_back(pk, Field(row, 4));
    if (!PassesTablesFilter(name, filters.tables)) continue;
    if (info.is_view) {
      model::sqlite::View& view = snapshot.views[name];
      view.name = name;
      if (!row[4]) continue;  // a view read without its columns (see kViewsQuery)
      Column column = ReadColumn(row, info);
      view.columns.insert_or_assign(column.name, std::move(column));
    } else {
      Table& table = snapshot.tables[name];
      table.name = name;
      Column column = ReadColumn(row, info);
      table.columns.insert_or_assign(column.name, std::move(column));
    }
  }
  for (const std::string& name : order) {
    ObjectInfo& info = infos[name];
    std::stable_sort(info.pk.begin(), info.pk.end(),
                     [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<std::string> pk_columns;
    for (const auto& entry : info.pk) pk_columns.push_back(entry.second);
    if (!info.is_view) primary_keys[name] = pk_columns;
    if (info.is_view) {
      if (model::sqlite::View* view = snapshot.views.Get(name)) {
        view->definition = ParseViewDefinition(info.sql);
        view->is_existing = false;
      }
      continue;
    }
    Table* table = snapshot.tables.Get(name);
    if (table == nullptr) continue;
    if (pk_columns.size() == 1) {
      table->columns[pk_columns[0]].primary_key = true;
    } else if (pk_columns.size() > 1) {
      std::string pk_name = name + "_" + JoinNames(pk_columns) + "_pk";
      table->composite_primary_keys.insert_or_assign(pk_name,
                                                     model::sqlite::CompositePk{pk_columns, pk_name});
    }
    int unnamed = 0;
    for (const ParsedCheck& check : info.parsed.checks) {
      std::string check_name = check.name ? *check.name : name + "_check_" + std::to_string(++unnamed);
      table->check_constraints.insert_or_assign(check_name,
                                                model::sqlite::CheckConstraint{check_name, check.value});
    }
  }
}

void AssembleIndexes(const db::QueryResult& result, Snapshot& snapshot) {
  std::map<std::string, std::optional<ParsedIndex>> parsed;
  for (const Row& row : result.rows) {
    Table* table = snapshot.tables.Get(Field(row, 0));
    if (table == nullptr) continue;
    const std::string& index_name = Field(row, 1);
    auto [entry, inserted] = table->indexes.try_emplace(index_name);
    model::sqlite::Index& index = entry->second;
    if (inserted) {
      index.name = index_name;
      index.is_unique = FieldInt(row, 2) == 1;
      parsed[index_name] = ParseCreateIndex(Field(row, 7));
      if (FieldInt(row, 3) == 1 && parsed[index_name]) index.where = parsed[index_name]->where;
    }
    long seqno = FieldInt(row, 4);
    long cid = FieldInt(row, 5);
    if (cid >= 0 && row[6]) {
      index.columns.push_back(*row[6]);
      continue;
    }
    const std::optional<ParsedIndex>& text = parsed[index_name];
    std::string expression = cid == -1 ? "rowid" : "";
    if (text && seqno >= 0 && static_cast<size_t>(seqno) < text->items.size())
      expression = text->items[seqno];
    index.columns.push_back(expression);
    if (cid == -2) {
      if (!snapshot.internal) snapshot.internal.emplace();
      if (!snapshot.internal->indexes) snapshot.internal->indexes.emplace();
      (*snapshot.internal->indexes)[index_name].columns[expression].is_expression = true;
    }
  }
}

void AssembleForeignKeys(const db::QueryResult& result, Snapshot& snapshot,
                         const std::unordered_map<std::string, std::vector<std::string>>& primary_keys) {
  struct Pending {
    model::sqlite::ForeignKey fk;
    bool implicit_to = false;
  };
  std::vector<std::pair<std::string, Pending>> pending;  // key "table\0id", in query order
  std::unordered_map<std::string, size_t> by_key;
  for (const Row& row : result.rows) {
    const std::string& table_name = Field(row, 0);
    if (snapshot.tables.Get(table_name) == nullptr) continue;
    std::string key = table_name + '\0' + Field(row, 1);
    auto [it, inserted] = by_key.try_emplace(key, pending.size());
    if (inserted) {
      Pending entry;
      entry.fk.table_from = table_name;
      entry.fk.table_to = Field(row, 3);
      entry.fk.on_update = model::sqlite::LowerAscii(Field(row, 6));
      entry.fk.on_delete = model::sqlite::LowerAscii(Field(row, 7));
      pending.emplace_back(key, std::move(entry));
    }
    Pending& entry = pending[it->second].second;
    entry.fk.columns_from.push_back(Field(row, 4));
    if (row[5]) {
      entry.fk.columns_to.push_back(*row[5]);
    } else {
      entry.implicit_to = true;
    }
  }
  for (auto& [key, entry] : pending) {
    model::sqlite::ForeignKey& fk = entry.fk;
    if (entry.implicit_to) {  // REFERENCES parent without columns: the parent's primary key
      auto pk = primary_keys.find(fk.table_to);
      if (pk != primary_keys.end()) fk.columns_to = pk->second;
    }
    fk.name = fk.table_from + "_" + JoinNames(fk.columns_from) + "_" + fk.table_to + "_" +
              JoinNames(fk.columns_to) + "_fk";
    snapshot.tables[fk.table_from].foreign_keys.insert_or_assign(fk.name, fk);
  }
}

}  // namespace

nlohmann::ordered_json ParseDefault(std::string_view dflt_value) {
  if (std::optional<double> number = model::sqlite::NumericLiteral(dflt_value))
    return model::JsNumber(*number);
  std::string text(dflt_value);
  if (text == "CURRENT_TIME" || text == "CURRENT_DATE" || text == "CURRENT_TIMESTAMP")
    return "(" + text + ")";
  if (text == "false") return false;
  if (text == "true") return true;
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') return text;
  return "(" + text + ")";
}

base::Result<Snapshot> Inspect(db::Connection& connection, const Filters& filters) {
  auto columns = connection.Query(kColumnsQuery);
  if (!columns) {
    // A view that no longer compiles makes pragma_table_xinfo fail for the whole join.
    auto tables = connection.Query(kTableColumnsQuery);
    auto views = tables ? connection.Query(kViewsQuery) : tables;
    if (!tables || !views) return base::Fail(columns.error().Wrap("sqlite: introspect columns"));
    for (auto& view : views->rows) {
      view.resize(10);  // no columns: cid and the rest stay NULL
      tables->rows.push_back(std::move(view));
    }
    columns = std::move(tables);
  }
  auto indexes = connection.Query(kIndexesQuery);
  if (!indexes) return base::Fail(indexes.error().Wrap("sqlite: introspect indexes"));
  auto foreign_keys = connection.Query(kForeignKeysQuery);
  if (!foreign_keys) return base::Fail(foreign_keys.error().Wrap("sqlite: introspect foreign keys"));

  Snapshot snapshot;
  snapshot.id = kOriginUuid;
  snapshot.prev_id = "";
  snapshot.meta.schemas.reset();
  snapshot.internal.reset();
  std::unordered_map<std::string, std::vector<std::string>> primary_keys;
  AssembleColumns(*columns, filters, snapshot, primary_keys);
  AssembleIndexes(*indexes, snapshot);
  AssembleForeignKeys(*foreign_keys, snapshot, primary_keys);
  return snapshot;
}

}  // namespace dp::introspect::sqlite
