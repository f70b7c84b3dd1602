// SQLite test helpers (see support.h).
#include "support.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "model/sqlite/json.h"
#include "model/sqlite/sql_text.h"
#include "push/sqlite/plan_push.h"

namespace dp::sqlite_test {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

void WriteFile(const std::string& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
}

std::string Trim(const std::string& text) {
  return model::sqlite::TrimSpace(text);
}

std::vector<std::string> SplitSql(const std::string& text) {
  std::vector<std::string> statements;
  std::string current;
  char quote = 0;
  for (size_t pos = 0; pos < text.size(); ++pos) {
    char c = text[pos];
    current.push_back(c);
    if (quote != 0) {
      if (c == quote) quote = 0;
      continue;
    }
    if (c == '\'' || c == '"' || c == '`') {
      quote = c;
    } else if (c == '-' && pos + 1 < text.size() && text[pos + 1] == '-') {
      while (pos + 1 < text.size() && text[pos + 1] != '\n') current.push_back(text[++pos]);
    } else if (c == ';') {
      std::string statement = Trim(current);
      if (statement != ";") statements.push_back(statement);
      current.clear();
    }
  }
  if (!Trim(current).empty()) statements.push_back(Trim(current));
  return statements;
}

std::vector<std::string> SplitBreakpoints(const std::string& text) {
  std::vector<std::string> statements;
  const std::string kBreak = "--> statement-breakpoint";
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t next = text.find(kBreak, pos);
    std::string piece = Trim(text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (!piece.empty()) statements.push_back(piece);
    if (next == std::string::npos) break;
    pos = next + kBreak.size();
  }
  return statements;
}

std::unique_ptr<db::Connection> OpenSqlite(const std::string& path) {
  auto connection = db::Connect(db::Credentials{db::SqliteCredentials{path}});
  if (!connection) return nullptr;
  return std::move(*connection);
}

base::Result<void> RunScript(db::Connection& connection, const std::string& text) {
  std::vector<std::string> statements;
  for (const std::string& piece : SplitBreakpoints(text)) {
    for (std::string& statement : SplitSql(piece)) statements.push_back(std::move(statement));
  }
  for (const std::string& statement : statements) {
    auto result = connection.Exec(statement);
    if (!result) return base::Fail(result.error().Wrap(statement));
  }
  return {};
}

std::unique_ptr<db::Connection> OpenFreshSqlite(const std::filesystem::path& path) {
  std::filesystem::remove(path);
  return OpenSqlite(path.string());
}

base::Result<void> RunScriptFiles(db::Connection& connection, const std::filesystem::path& dir,
                                  std::initializer_list<const char*> files) {
  for (const char* file : files) {
    if (!std::filesystem::exists(dir / file)) continue;
    auto ran = RunScript(connection, ReadFile((dir / file).string()));
    if (!ran) return base::Fail(ran.error().Wrap(file));
  }
  return {};
}

std::vector<std::string> TrimmedSql(const std::vector<sqlgen::Statement>& statements) {
  std::vector<std::string> sql;
  for (const sqlgen::Statement& statement : statements) sql.push_back(Trim(statement.sql));
  return sql;
}

nlohmann::json HintsIn(const std::filesystem::path& dir) {
  std::filesystem::path path = dir / "hints.json";
  return std::filesystem::exists(path) ? nlohmann::json::parse(ReadFile(path.string()))
                                       : nlohmann::json::array();
}

base::Result<void> ApplyInTransaction(db::Connection& connection,
                                      const std::vector<sqlgen::Statement>& statements) {
  auto pragma = connection.Query("PRAGMA foreign_keys");
  if (!pragma) return base::Fail(pragma.error());
  bool foreign_keys = !pragma->rows.empty() && pragma->rows[0][0] && *pragma->rows[0][0] == "1";
  if (foreign_keys) DP_TRY(connection.Exec("PRAGMA foreign_keys=OFF"));
  base::Result<void> outcome = [&]() -> base::Result<void> {
    db::Transaction transaction(connection);
    DP_TRY(transaction.status());
    for (const sqlgen::Statement& statement : statements) {
      auto result = connection.Exec(statement.sql);
      if (!result) return base::Fail(result.error().Wrap(Trim(statement.sql)));
    }
    auto check = connection.Query("PRAGMA foreign_key_check");
    if (!check) return base::Fail(check.error());
    if (!check->rows.empty()) return base::Fail("FOREIGN KEY constraint failed");
    return transaction.Commit();
  }();
  if (foreign_keys) DP_TRY(connection.Exec("PRAGMA foreign_keys=ON"));
  return outcome;
}

void ExpectConverges(db::Connection& connection, const model::sqlite::Snapshot& desired,
                     const std::vector<sqlgen::Statement>& statements) {
  auto applied = ApplyInTransaction(connection, statements);
  ASSERT_TRUE(applied) << applied.error().message;
  ScriptedResolver none(nlohmann::json::array());
  auto second = push::sqlite::PlanPush(connection, desired, {}, none);
  ASSERT_TRUE(second) << second.error().message;
  EXPECT_TRUE(second->statements.empty()) << "second push not empty: " << second->statements.front().sql;
}

std::string DumpSchema(db::Connection& connection, bool row_counts) {
  auto rows = connection.Query(
      "SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, "
      "name");
  if (!rows) return "ERROR: " + rows.error().message;
  std::string out;
  std::vector<std::string> tables;
  for (const auto& row : rows->rows) {
    out +=
        "-- " + row[0].value_or("") + " " + row[1].value_or("") + " (tbl_name " + row[2].value_or("") + ")\n";
    out += row[3].value_or("") + ";\n";
    if (row[0].value_or("") == "table") tables.push_back(row[1].value_or(""));
  }
  if (row_counts) {
    for (const std::string& table : tables) {
      auto count = connection.Query("SELECT count(*) FROM `" + table + "`");
      out += "-- rows " + table + ": " + (count ? count->rows[0][0].value_or("?") : "?") + "\n";
    }
  }
  return out;
}

ScriptedResolver::ScriptedResolver(const nlohmann::json& hints)
    : hints_(hints.is_array() ? hints : nlohmann::json::array()) {}

std::vector<diff::Rename> ScriptedResolver::Resolve(diff::EntityKind kind,
                                                    std::span<const diff::EntityPath> deleted,
                                                    std::span<const diff::EntityPath> created) {
  std::vector<diff::Rename> renames;
  std::vector<bool> used(deleted.size(), false);
  std::string kind_name = diff::EntityKindName(kind);
  for (size_t to = 0; to < created.size(); ++to) {
    bool answered = false;
    for (const auto& hint : hints_) {
      if (hint.value("kind", "") != kind_name) continue;
      if (hint.value("type", "") == "rename" && hint["to"].get<diff::EntityPath>() == created[to]) {
        for (size_t from = 0; from < deleted.size(); ++from) {
          if (!used[from] && hint["from"].get<diff::EntityPath>() == deleted[from]) {
            used[from] = true;
            renames.push_back({from, to});
            answered = true;
            break;
          }
        }
      } else if (hint.value("type", "") == "create" &&
                 hint["entity"].get<diff::EntityPath>() == created[to]) {
        answered = true;
      }
      if (answered) break;
    }
    if (!answered)
      missing_.push_back({kind, created[to], std::vector<diff::EntityPath>(deleted.begin(), deleted.end())});
  }
  return renames;
}

base::Result<model::sqlite::Snapshot> LenientSnapshot(const nlohmann::ordered_json& input) {
  nlohmann::ordered_json json = input;
  if (!json.contains("version")) json["version"] = "6";
  if (!json.contains("dialect")) json["dialect"] = "sqlite";
  for (const char* key : {"tables", "views", "enums"}) {
    if (!json.contains(key)) json[key] = nlohmann::ordered_json::object();
  }
  if (!json.contains("_meta"))
    json["_meta"] = {{"tables", nlohmann::ordered_json::object()},
                     {"columns", nlohmann::ordered_json::object()}};
  for (auto& [name, table] : json["tables"].items()) {
    if (!table.contains("name")) table["name"] = name;
    for (const char* key : {"columns", "indexes", "foreignKeys", "compositePrimaryKeys", "uniqueConstraints",
                            "checkConstraints"}) {
      if (!table.contains(key)) table[key] = nlohmann::ordered_json::object();
    }
    for (auto& [column_name, column] : table["columns"].items()) {
      if (!column.contains("name")) column["name"] = column_name;
      if (!column.contains("primaryKey")) column["primaryKey"] = false;
      if (!column.contains("notNull")) column["notNull"] = column["primaryKey"].get<bool>();
      if (!column.contains("autoincrement")) column["autoincrement"] = false;
    }
    for (auto& [index_name, index] : table["indexes"].items()) {
      if (!index.contains("name")) index["name"] = index_name;
      if (!index.contains("isUnique")) index["isUnique"] = false;
    }
    for (auto& [fk_name, fk] : table["foreignKeys"].items()) {
      if (!fk.contains("name")) fk["name"] = fk_name;
      if (!fk.contains("tableFrom")) fk["tableFrom"] = name;
      if (!fk.contains("onUpdate")) fk["onUpdate"] = "no action";
      if (!fk.contains("onDelete")) fk["onDelete"] = "no action";
    }
    for (auto& [check_name, check] : table["checkConstraints"].items()) {
      if (!check.contains("name")) check["name"] = check_name;
    }
  }
  for (auto& [name, view] : json["views"].items()) {
    if (!view.contains("name")) view["name"] = name;
    if (!view.contains("columns")) view["columns"] = nlohmann::ordered_json::object();
    if (!view.contains("isExisting")) view["isExisting"] = false;
  }
  return model::sqlite::FromJson(json);
}

}  // namespace dp::sqlite_test
