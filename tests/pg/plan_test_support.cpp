// Helpers for the PostgreSQL introspection and push-planner tests (see plan_test_support.h).
#include "plan_test_support.h"

#include <fmt/format.h>
#include <sys/stat.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <sstream>

namespace dp::pgpush_test {

std::string ReadFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream buffer;
  buffer << in.rdbuf();
  return buffer.str();
}

bool FileExists(const std::string& path) {
  struct stat info {};
  return stat(path.c_str(), &info) == 0;
}

std::string Trim(const std::string& text) {
  size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return "";
  size_t end = text.find_last_not_of(" \t\r\n");
  return text.substr(start, end - start + 1);
}

std::vector<std::string> SplitSql(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  size_t pos = 0;
  auto flush = [&] {
    std::string statement = Trim(current);
    if (!statement.empty()) out.push_back(statement);
    current.clear();
  };
  while (pos < text.size()) {
    char c = text[pos];
    if (c == '-' && pos + 1 < text.size() && text[pos + 1] == '-') {
      size_t end = text.find('\n', pos);
      pos = end == std::string::npos ? text.size() : end + 1;
      current += '\n';
      continue;
    }
    if (c == '\'' || c == '"') {
      size_t end = pos + 1;
      while (end < text.size()) {
        if (text[end] == c) {
          if (end + 1 < text.size() && text[end + 1] == c) {
            end += 2;
            continue;
          }
          break;
        }
        ++end;
      }
      current += text.substr(pos, end + 1 - pos);
      pos = end + 1;
      continue;
    }
    if (c == '$') {
      size_t close = text.find('$', pos + 1);
      if (close != std::string::npos) {
        std::string tag = text.substr(pos, close + 1 - pos);
        bool is_tag = tag.find_first_of(" \t\n;'\"") == std::string::npos;
        size_t end = is_tag ? text.find(tag, close + 1) : std::string::npos;
        if (end != std::string::npos) {
          current += text.substr(pos, end + tag.size() - pos);
          pos = end + tag.size();
          continue;
        }
      }
    }
    if (c == ';') {
      flush();
      ++pos;
      continue;
    }
    current += c;
    ++pos;
  }
  flush();
  return out;
}

std::vector<std::string> SplitBreakpoints(const std::string& text) {
  std::vector<std::string> out;
  std::string current;
  std::istringstream in(text);
  std::string line;
  auto flush = [&] {
    std::string statement = Trim(current);
    if (!statement.empty()) out.push_back(statement);
    current.clear();
  };
  while (std::getline(in, line)) {
    if (Trim(line) == "--> statement-breakpoint") {
      flush();
      continue;
    }
    current += line + "\n";
  }
  flush();
  return out;
}

base::Result<void> RunScript(db::Connection& connection, const std::string& text) {
  std::vector<std::string> statements;
  if (text.find("--> statement-breakpoint") != std::string::npos) {
    for (const std::string& chunk : SplitBreakpoints(text)) {
      for (const std::string& statement : SplitSql(chunk)) statements.push_back(statement);
    }
  } else {
    statements = SplitSql(text);
  }
  for (const std::string& statement : statements) {
    if (auto ran = connection.Exec(statement); !ran)
      return base::Fail("{}\n  in: {}", ran.error().message, statement);
  }
  return {};
}

FreshDb::FreshDb() : db_(test::TestDatabase::Postgres()) {
  if (!db_.ready()) {
    message_ = db_.message();
    return;
  }
  auto connection = db_.Connect();
  if (!connection) {
    message_ = connection.error().message;
    return;
  }
  connection_ = std::move(*connection);
}

namespace {

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') {
      out += "'\\''";
    } else {
      out += c;
    }
  }
  return out + "'";
}

std::string Capture(const std::string& command) {
  std::string output;
  FILE* pipe = popen(command.c_str(), "r");
  if (pipe == nullptr) return output;
  std::array<char, 4096> buffer{};
  size_t read = 0;
  while ((read = fread(buffer.data(), 1, buffer.size(), pipe)) > 0) output.append(buffer.data(), read);
  pclose(pipe);
  return output;
}

}  // namespace

std::string NormalizeDump(const std::string& text) {
  std::string out;
  std::istringstream in(text);
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("--", 0) == 0 || line.rfind("SET ", 0) == 0 ||
        line.rfind("SELECT pg_catalog.set_config", 0) == 0 || line.rfind("\\restrict", 0) == 0 ||
        line.rfind("\\unrestrict", 0) == 0) {
      continue;
    }
    out += line + "\n";
  }
  return out;
}

std::string PgDump(const std::string& url) {
  return NormalizeDump(
      Capture("pg_dump --schema-only --no-owner --no-privileges " + ShellQuote(url) + " 2>&1"));
}

std::set<std::string> ServerRoles() {
  std::set<std::string> roles;
  auto url = test::PgUrl();
  if (!url) return roles;
  std::string output =
      Capture("psql -At -c 'SELECT rolname FROM pg_roles' " + ShellQuote(*url) + " 2>/dev/null");
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    if (!line.empty()) roles.insert(line);
  }
  return roles;
}

std::set<std::string> NewRoles(const std::set<std::string>& baseline, const std::string& mentioned_in) {
  std::set<std::string> roles;
  for (const std::string& role : ServerRoles()) {
    if (!baseline.count(role) && mentioned_in.find(role) != std::string::npos) roles.insert(role);
  }
  return roles;
}

std::string RoleDump(const std::set<std::string>& roles) {
  auto url = test::PgUrl();
  if (!url || roles.empty()) return "";
  std::string output =
      Capture("pg_dumpall --roles-only --no-role-passwords -d " + ShellQuote(*url) + " 2>/dev/null");
  std::vector<std::string> lines;
  std::istringstream in(output);
  std::string line;
  while (std::getline(in, line)) {
    for (const char* prefix : {"CREATE ROLE ", "ALTER ROLE "}) {
      if (line.rfind(prefix, 0) != 0) continue;
      std::string rest = line.substr(std::string(prefix).size());
      std::string name;
      if (!rest.empty() && rest[0] == '"') {
        size_t close = rest.find('"', 1);
        name = rest.substr(1, close == std::string::npos ? std::string::npos : close - 1);
      } else {
        name = rest.substr(0, rest.find_first_of(" ;"));
      }
      if (roles.count(name)) lines.push_back(line);
    }
  }
  std::sort(lines.begin(), lines.end());
  std::string out;
  for (const std::string& role_line : lines) out += role_line + "\n";
  return out;
}

void DropRoles(const std::set<std::string>& roles) {
  auto url = test::PgUrl();
  if (!url) return;
  for (const std::string& role : roles) {
    std::string quoted = "\"" + role + "\"";
    Capture("psql -q -c " + ShellQuote("DROP ROLE IF EXISTS " + quoted) + " " + ShellQuote(*url) + " 2>&1");
  }
}

HintResolver::HintResolver(const nlohmann::json& hints)
    : hints_(hints.is_array() ? hints : nlohmann::json::array()) {}

std::vector<diff::Rename> HintResolver::Resolve(diff::EntityKind kind,
                                                std::span<const diff::EntityPath> deleted,
                                                std::span<const diff::EntityPath> created) {
  std::vector<diff::Rename> renames;
  std::vector<bool> used(deleted.size(), false);
  const std::string kind_name = diff::EntityKindName(kind);
  for (size_t to = 0; to < created.size(); ++to) {
    bool answered = false;
    for (const auto& hint : hints_) {
      if (hint.value("kind", "") != kind_name) continue;
      if (hint.value("type", "") == "create" && hint.contains("entity") &&
          hint["entity"].get<diff::EntityPath>() == created[to]) {
        answered = true;
        break;
      }
      if (hint.value("type", "") != "rename" || !hint.contains("to") ||
          hint["to"].get<diff::EntityPath>() != created[to]) {
        continue;
      }
      auto from = hint["from"].get<diff::EntityPath>();
      for (size_t idx = 0; idx < deleted.size(); ++idx) {
        if (!used[idx] && deleted[idx] == from) {
          used[idx] = true;
          renames.push_back({idx, to});
          answered = true;
          break;
        }
      }
      if (answered) break;
    }
    if (!answered) {
      missing_.push_back(diff::MissingHint{kind, created[to],
                                           std::vector<diff::EntityPath>(deleted.begin(), deleted.end())});
    }
  }
  return renames;
}

namespace {

std::vector<std::string> StringList(const nlohmann::json& value) {
  if (value.is_string()) return {value.get<std::string>()};
  std::vector<std::string> out;
  if (value.is_array()) {
    for (const auto& item : value) out.push_back(item.get<std::string>());
  }
  return out;
}

}  // namespace

introspect::Filters FiltersFromConfig(const nlohmann::json& config) {
  introspect::Filters filters;
  filters.schemas = {"public"};
  if (!config.is_object()) return filters;
  if (config.contains("tablesFilter")) filters.tables = StringList(config["tablesFilter"]);
  if (config.contains("schemaFilter")) filters.schemas = StringList(config["schemaFilter"]);
  if (config.contains("extensionsFilters")) filters.extensions = StringList(config["extensionsFilters"]);
  if (config.contains("entities") && config["entities"].contains("roles")) {
    const auto& roles = config["entities"]["roles"];
    if (roles.is_boolean()) {
      filters.roles_enabled = roles.get<bool>();
    } else if (roles.is_object()) {
      filters.roles_enabled = true;
      filters.roles_provider = roles.value("provider", "");
      if (roles.contains("include")) filters.roles_include = StringList(roles["include"]);
      if (roles.contains("exclude")) filters.roles_exclude = StringList(roles["exclude"]);
    }
  }
  return filters;
}

base::Result<void> ApplyInTransaction(db::Connection& connection,
                                      const std::vector<sqlgen::Statement>& statements) {
  {
    db::Transaction transaction(connection);
    DP_TRY(transaction.status());
    for (const sqlgen::Statement& statement : statements) {
      if (statement.outside_transaction) continue;
      if (auto ran = connection.Exec(statement.sql); !ran) {
        return base::Fail("{}\n  in: {}", ran.error().message, statement.sql);
      }
    }
    DP_TRY(transaction.Commit());
  }
  for (const sqlgen::Statement& statement : statements) {
    if (!statement.outside_transaction) continue;
    if (auto ran = connection.Exec(statement.sql); !ran) {
      return base::Fail("{}\n  in: {}", ran.error().message, statement.sql);
    }
  }
  return {};
}

std::vector<std::string> Texts(const std::vector<sqlgen::Statement>& statements) {
  std::vector<std::string> out;
  for (const auto& statement : statements) out.push_back(Trim(statement.sql));
  return out;
}

std::string Join(const std::vector<std::string>& texts) {
  std::string out;
  for (const std::string& text : texts) out += text + "\n--> statement-breakpoint\n";
  return out;
}

}  // namespace dp::pgpush_test
