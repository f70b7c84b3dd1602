// Helpers for the PostgreSQL diff/sqlgen tests (see diff_test_support.h).
#include "diff_test_support.h"

#include <fmt/format.h>

#include <fstream>
#include <sstream>

#include "model/pg/json.h"

namespace dp::pgtest {

using Json = nlohmann::ordered_json;

namespace {

void Default(Json& object, const char* key, Json value) {
  if (!object.contains(key)) object[key] = std::move(value);
}

/// "schema.name" -> (schema, name).
std::pair<std::string, std::string> SplitKey(const std::string& key) {
  size_t dot = key.find('.');
  if (dot == std::string::npos) return {"public", key};
  return {key.substr(0, dot), key.substr(dot + 1)};
}

void FillNamed(Json& record) {
  if (!record.is_object()) return;
  for (auto& [key, value] : record.items()) Default(value, "name", key);
}

void FillTable(const std::string& key, Json& table) {
  auto [schema, name] = SplitKey(key);
  Default(table, "name", name);
  Default(table, "schema", schema == "public" ? "" : schema);
  for (const char* part : {"columns", "indexes", "foreignKeys", "compositePrimaryKeys", "uniqueConstraints", "policies",
                           "checkConstraints"}) {
    Default(table, part, Json::object());
    FillNamed(table[part]);
  }
  Default(table, "isRLSEnabled", false);
  for (auto& [column_name, column] : table["columns"].items()) {
    Default(column, "primaryKey", false);
    Default(column, "notNull", false);
  }
  for (auto& [index_name, index] : table["indexes"].items()) {
    Default(index, "isUnique", false);
    Default(index, "concurrently", false);
    Default(index, "method", "btree");
    Default(index, "with", Json::object());
    for (auto& column : index["columns"]) {
      if (column.is_string()) column = Json{{"expression", column.get<std::string>()}};
      Default(column, "isExpression", false);
      Default(column, "asc", true);
      Default(column, "nulls", "last");
    }
  }
  for (auto& [fk_name, fk] : table["foreignKeys"].items()) {
    Default(fk, "tableFrom", table["name"]);
    Default(fk, "onUpdate", "no action");
    Default(fk, "onDelete", "no action");
  }
  for (auto& [unique_name, unique] : table["uniqueConstraints"].items()) Default(unique, "nullsNotDistinct", false);
}

}  // namespace

base::Result<model::pg::Snapshot> ReadCompactSnapshot(const std::string& text) {
  Json json = text.find_first_not_of(" \n\t") == std::string::npos ? Json::object() : Json::parse(text);
  Default(json, "version", "7");
  Default(json, "dialect", "postgresql");
  for (const char* part : {"tables", "enums", "schemas", "sequences", "roles", "policies", "views"}) {
    Default(json, part, Json::object());
  }
  Default(json, "_meta", Json{{"schemas", Json::object()}, {"tables", Json::object()}, {"columns", Json::object()}});
  for (auto& [key, table] : json["tables"].items()) FillTable(key, table);
  for (const char* part : {"enums", "sequences", "views"}) {
    for (auto& [key, value] : json[part].items()) {
      auto [schema, name] = SplitKey(key);
      Default(value, "name", name);
      Default(value, "schema", schema);
    }
  }
  for (auto& [key, view] : json["views"].items()) {
    Default(view, "columns", Json::object());
    Default(view, "materialized", false);
    Default(view, "isExisting", false);
  }
  FillNamed(json["roles"]);
  FillNamed(json["policies"]);
  return model::pg::FromJson(json);
}

HintResolver::HintResolver(const nlohmann::json& hints) {
  if (!hints.is_array()) return;
  for (const auto& hint : hints) {
    if (hint.value("type", "") != "rename") continue;
    renames_.push_back({hint.value("kind", ""), hint["from"].get<diff::EntityPath>(), hint["to"].get<diff::EntityPath>()});
  }
}

std::vector<diff::Rename> HintResolver::Resolve(diff::EntityKind kind, std::span<const diff::EntityPath> deleted,
                                                std::span<const diff::EntityPath> created) {
  auto join = [](std::span<const diff::EntityPath> paths) {
    std::string out;
    for (const auto& path : paths) {
      if (!out.empty()) out += ", ";
      std::string name;
      for (const auto& part : path) name += (name.empty() ? "" : ".") + part;
      out += name;
    }
    return out;
  };
  questions_.push_back(fmt::format("{}: {} -> {}", diff::EntityKindName(kind), join(deleted), join(created)));
  std::vector<diff::Rename> renames;
  std::vector<bool> taken(deleted.size(), false);
  for (size_t to = 0; to < created.size(); ++to) {
    for (const RenameHint& hint : renames_) {
      if (hint.kind != diff::EntityKindName(kind) || hint.to != created[to]) continue;
      for (size_t from = 0; from < deleted.size(); ++from) {
        if (!taken[from] && deleted[from] == hint.from) {
          taken[from] = true;
          renames.push_back({from, to});
          break;
        }
      }
    }
  }
  return renames;
}

namespace {

std::string Table(const std::string& schema, const std::string& table) {
  return (schema.empty() ? std::string("public") : schema) + "." + table;
}

std::string Mask(diff::pg::ColumnChange changes) {
  using diff::pg::ColumnChange;
  std::string out;
  auto add = [&](ColumnChange bit, const char* name) {
    if (diff::pg::Has(changes, bit)) out += (out.empty() ? "" : ",") + std::string(name);
  };
  add(ColumnChange::Type, "type");
  add(ColumnChange::Default, "default");
  add(ColumnChange::NotNull, "not_null");
  add(ColumnChange::Identity, "identity");
  add(ColumnChange::Generated, "generated");
  add(ColumnChange::PrimaryKey, "primary_key");
  return "[" + out + "]";
}

std::string Describe(const diff::pg::Change& change) {
  namespace dpg = diff::pg;
  return std::visit(
      [](const auto& c) -> std::string {
        using T = std::decay_t<decltype(c)>;
        if constexpr (std::is_same_v<T, dpg::AlterColumn>) {
          return Table(c.schema, c.table) + "." + c.to.name + " " + Mask(c.changes);
        } else if constexpr (std::is_same_v<T, dpg::AddColumn>) {
          return Table(c.schema, c.table) + "." + c.column.name;
        } else if constexpr (std::is_same_v<T, dpg::DropColumn>) {
          return Table(c.schema, c.table) + "." + c.column;
        } else if constexpr (std::is_same_v<T, dpg::RenameColumn>) {
          return Table(c.schema, c.table) + "." + c.from + " -> " + c.to;
        } else if constexpr (std::is_same_v<T, dpg::CreateTable>) {
          return Table(c.table.schema, c.table.name);
        } else if constexpr (std::is_same_v<T, dpg::CreateIndex>) {
          return Table(c.schema, c.table) + " " + c.index.name;
        } else if constexpr (std::is_same_v<T, dpg::CreateForeignKey>) {
          return Table(c.schema, c.table) + " " + c.fk.name;
        } else if constexpr (std::is_same_v<T, dpg::CreateUnique>) {
          return Table(c.schema, c.table) + " " + c.unique.name;
        } else if constexpr (std::is_same_v<T, dpg::CreateCheck>) {
          return Table(c.schema, c.table) + " " + c.check.name;
        } else if constexpr (std::is_same_v<T, dpg::CreatePrimaryKey>) {
          return Table(c.schema, c.table) + " " + c.pk.name;
        } else if constexpr (std::is_same_v<T, dpg::AlterPrimaryKey>) {
          return Table(c.schema, c.table) + " " + c.from.name;
        } else if constexpr (std::is_same_v<T, dpg::DropIndex> || std::is_same_v<T, dpg::DropForeignKey> ||
                             std::is_same_v<T, dpg::DropUnique> || std::is_same_v<T, dpg::DropCheck> ||
                             std::is_same_v<T, dpg::DropPrimaryKey>) {
          return Table(c.schema, c.table) + " " + c.name;
        } else if constexpr (std::is_same_v<T, dpg::CreatePolicy>) {
          return (c.target.on ? *c.target.on : Table(c.target.schema, c.target.table)) + " " + c.policy.name;
        } else if constexpr (std::is_same_v<T, dpg::DropPolicy>) {
          return (c.target.on ? *c.target.on : Table(c.target.schema, c.target.table)) + " " + c.name;
        } else if constexpr (std::is_same_v<T, dpg::AlterPolicy>) {
          return (c.target.on ? *c.target.on : Table(c.target.schema, c.target.table)) + " " + c.to.name;
        } else if constexpr (std::is_same_v<T, dpg::CreateView>) {
          return c.view.schema + "." + c.view.name;
        } else if constexpr (std::is_same_v<T, dpg::CreateSequence> || std::is_same_v<T, dpg::AlterSequence>) {
          return c.sequence.schema + "." + c.sequence.name;
        } else if constexpr (std::is_same_v<T, dpg::CreateRole> || std::is_same_v<T, dpg::AlterRole>) {
          return c.role.name;
        } else if constexpr (std::is_same_v<T, dpg::EnableRls> || std::is_same_v<T, dpg::DisableRls>) {
          return Table(c.schema, c.table);
        } else if constexpr (std::is_same_v<T, dpg::DropTable>) {
          return Table(c.schema, c.name);
        } else if constexpr (std::is_same_v<T, dpg::RenamePolicy>) {
          return (c.target.on ? *c.target.on : Table(c.target.schema, c.target.table)) + " " + c.from + " -> " + c.to;
        } else if constexpr (requires { c.schema; c.name; }) {
          return c.schema + "." + c.name;
        } else if constexpr (requires { c.from; c.to; }) {
          return c.from + " -> " + c.to;
        } else if constexpr (requires { c.name; }) {
          return c.name;
        } else {
          return "";
        }
      },
      change);
}

}  // namespace

std::string DumpPlan(const diff::pg::Plan& plan) {
  std::string out;
  for (const auto& change : plan.changes) out += std::string(diff::pg::ChangeKindName(change)) + " " + Describe(change) + "\n";
  for (const auto& note : plan.notes) out += "note: " + note + "\n";
  return out;
}

std::string JoinStatements(const std::vector<sqlgen::Statement>& statements) {
  std::string out;
  for (size_t idx = 0; idx < statements.size(); ++idx) {
    if (idx > 0) out += "--> statement-breakpoint\n";
    out += statements[idx].sql;
    if (out.back() != '\n') out += "\n";
  }
  return out;
}

std::string DumpHazards(const std::vector<sqlgen::Statement>& statements) {
  std::string out;
  for (size_t idx = 0; idx < statements.size(); ++idx) {
    std::vector<std::string> names = sqlgen::HazardNames(statements[idx].hazards);
    if (statements[idx].outside_transaction) names.push_back("outside_transaction");
    if (names.empty()) continue;
    out += std::to_string(idx + 1) + ":";
    for (const auto& name : names) out += " " + name;
    out += "\n";
  }
  return out;
}

std::vector<std::string> SplitStatements(const std::string& text) {
  std::vector<std::string> out;
  const std::string breakpoint = "--> statement-breakpoint";
  size_t pos = 0;
  auto trim = [](std::string s) {
    size_t begin = s.find_first_not_of(" \n\t\r");
    if (begin == std::string::npos) return std::string();
    size_t end = s.find_last_not_of(" \n\t\r");
    return s.substr(begin, end - begin + 1);
  };
  while (true) {
    size_t next = text.find(breakpoint, pos);
    std::string part = trim(text.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (!part.empty()) out.push_back(part);
    if (next == std::string::npos) break;
    pos = next + breakpoint.size();
  }
  return out;
}

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return "";
  std::ostringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

std::vector<Section> ParseSections(const std::string& text) {
  std::vector<Section> sections;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.size() > 6 && line.rfind("-- ", 0) == 0 && line.compare(line.size() - 3, 3, " --") == 0) {
      sections.push_back({line.substr(3, line.size() - 6), ""});
      continue;
    }
    if (sections.empty()) sections.push_back({"comment", ""});
    sections.back().body += line + "\n";
  }
  return sections;
}

std::string FormatSections(const std::vector<Section>& sections) {
  std::string out;
  for (const Section& section : sections) {
    if (section.name != "comment") out += "-- " + section.name + " --\n";
    out += section.body;
  }
  return out;
}

}  // namespace dp::pgtest
