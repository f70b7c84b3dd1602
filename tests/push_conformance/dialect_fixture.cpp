// PostgreSQL (psql/pg_dump against DP_TEST_PG_URL) and SQLite (a temp file, sqlite3 CLI)
// fixtures for the conformance runner. CLI tools keep the runner independent of our own
// db/ code, so a bug there cannot hide behind the same bug in the checker.
#include "dialect_fixture.h"

#include "conformance_case.h"

#include <fmt/format.h>
#include <sys/wait.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

namespace dp::conformance {

namespace fs = std::filesystem;

std::string ShellQuote(const std::string& text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "'\\''";
    else out += c;
  }
  return out + "'";
}

CommandResult RunCommand(const std::string& command, const std::string& cwd) {
  CommandResult result;
  fs::path errors_file = fs::temp_directory_path() / fmt::format("dp-conf-{}.err", ::getpid());
  std::string full = cwd.empty() ? command : fmt::format("cd {} && {}", ShellQuote(cwd), command);
  full = fmt::format("( {} ) 2>{}", full, ShellQuote(errors_file.string()));
  FILE* pipe = ::popen(full.c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 8192> buffer{};
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) result.output.append(buffer.data(), n);
  int status = ::pclose(pipe);
  result.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  std::ifstream in(errors_file);
  std::stringstream text;
  text << in.rdbuf();
  result.errors = text.str();
  fs::remove(errors_file);
  return result;
}

namespace {

std::string WriteTemp(const fs::path& dir, const std::string& name, const std::string& text) {
  fs::path path = dir / name;
  std::ofstream(path, std::ios::binary) << text;
  return path.string();
}

// --- PostgreSQL ---------------------------------------------------------------------

class PgFixture final : public DialectFixture {
 public:
  explicit PgFixture(fs::path work) : work_(std::move(work)) {
    if (const char* url = std::getenv("DP_TEST_PG_URL")) admin_url_ = url;
  }

  std::string Unavailable() const override {
    return admin_url_.empty() ? "DP_TEST_PG_URL is not set (run through scripts/test.sh)" : "";
  }

  bool Create(const std::string& case_name, std::string& error) override {
    database_ = "dpc_";
    for (char c : case_name) database_ += std::isalnum(static_cast<unsigned char>(c)) ? std::tolower(c) : '_';
    database_ = database_.substr(0, 60);
    roles_before_ = Roles();
    Psql(admin_url_, fmt::format("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", database_));
    CommandResult created = Psql(admin_url_, fmt::format("CREATE DATABASE \"{}\"", database_));
    if (created.exit_code != 0) {
      error = created.errors;
      return false;
    }
    url_ = UrlFor(database_);
    return true;
  }

  nlohmann::json Credentials() const override { return {{"url", url_}}; }

  bool RunScript(const std::string& sql, std::string& error) override {
    std::string file = WriteTemp(work_, "script.sql", sql);
    CommandResult run = RunCommand(fmt::format("psql {} -X -q -v ON_ERROR_STOP=1 -f {}", ShellQuote(url_), ShellQuote(file)));
    if (run.exit_code != 0) error = run.errors;
    return run.exit_code == 0;
  }

  std::string Dump(bool) override {
    // The recorder's dump ends with the roles the case made (pg_dumpall --roles-only
    // lines, sorted).
    std::vector<std::string> role_lines;
    std::set<std::string> made;
    for (const std::string& role : Roles()) {
      if (!roles_before_.count(role)) made.insert(role);
    }
    if (!made.empty()) {
      CommandResult all = RunCommand(fmt::format("pg_dumpall --roles-only -d {}", ShellQuote(admin_url_)));
      for (const std::string& line : Lines(all.output)) {
        for (const std::string& role : made) {
          if (line.rfind("ALTER ROLE " + role + " WITH", 0) == 0 || line.rfind("CREATE ROLE " + role + ";", 0) == 0) {
            role_lines.push_back(line);
          }
        }
      }
    }
    CommandResult dump = RunCommand(fmt::format("pg_dump --schema-only --no-owner --no-privileges {}", ShellQuote(url_)));
    std::sort(role_lines.begin(), role_lines.end());
    std::string roles;
    for (const std::string& line : role_lines) roles += line + "\n";
    return NormalizeDump(dump.output + roles);
  }

  std::string NormalizeDump(const std::string& text) const override {
    std::string out;
    for (const std::string& line : Lines(text)) {
      if (line.empty() || line.rfind("--", 0) == 0 || line.rfind("SET ", 0) == 0 ||
          line.rfind("SELECT pg_catalog.set_config", 0) == 0 || line.rfind("\\restrict", 0) == 0 ||
          line.rfind("\\unrestrict", 0) == 0) {
        continue;
      }
      out += line;
      out += '\n';
    }
    return out;
  }

  void Destroy() override {
    if (database_.empty()) return;
    Psql(admin_url_, fmt::format("DROP DATABASE IF EXISTS \"{}\" WITH (FORCE)", database_));
    for (const std::string& role : Roles()) {
      if (roles_before_.count(role)) continue;
      Psql(admin_url_, fmt::format("DROP ROLE IF EXISTS \"{}\"", role));
    }
  }

 private:
  CommandResult Psql(const std::string& url, const std::string& sql) {
    return RunCommand(fmt::format("psql {} -X -q -A -t -v ON_ERROR_STOP=1 -c {}", ShellQuote(url), ShellQuote(sql)));
  }

  std::set<std::string> Roles() {
    std::set<std::string> roles;
    for (const std::string& line : Lines(Psql(admin_url_, "SELECT rolname FROM pg_roles").output)) {
      if (!line.empty()) roles.insert(line);
    }
    return roles;
  }

  std::string UrlFor(const std::string& database) const {
    // postgres://user:pw@host:port/<db>[?params]
    size_t scheme = admin_url_.find("://");
    size_t slash = admin_url_.find('/', scheme == std::string::npos ? 0 : scheme + 3);
    size_t query = admin_url_.find('?');
    std::string base = admin_url_.substr(0, slash);
    std::string params = query == std::string::npos ? "" : admin_url_.substr(query);
    return base + "/" + database + params;
  }

  fs::path work_;
  std::string admin_url_;
  std::string database_;
  std::string url_;
  std::set<std::string> roles_before_;
};

// --- SQLite -------------------------------------------------------------------------

class SqliteFixture final : public DialectFixture {
 public:
  explicit SqliteFixture(fs::path work) : work_(std::move(work)) {}

  std::string Unavailable() const override {
    return RunCommand("command -v sqlite3").exit_code == 0 ? "" : "the sqlite3 command-line tool is not installed";
  }

  bool Create(const std::string& case_name, std::string& error) override {
    file_ = (work_ / (case_name + ".sqlite")).string();
    fs::remove(file_);
    // An empty file is a valid empty database.
    std::ofstream(file_).close();
    if (!fs::exists(file_)) {
      error = "cannot create " + file_;
      return false;
    }
    return true;
  }

  nlohmann::json Credentials() const override { return {{"url", file_}}; }

  bool RunScript(const std::string& sql, std::string& error) override {
    std::string script = WriteTemp(work_, "script.sql", "PRAGMA foreign_keys=ON;\n" + sql);
    CommandResult run = RunCommand(fmt::format("sqlite3 -bail {} < {}", ShellQuote(file_), ShellQuote(script)));
    if (run.exit_code != 0) error = run.errors;
    return run.exit_code == 0;
  }

  std::string Dump(bool row_counts) override {
    CommandResult rows = RunCommand(fmt::format(
        "sqlite3 -json {} {}", ShellQuote(file_),
        ShellQuote("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name")));
    std::string out;
    if (Trim(rows.output).empty()) return out;
    nlohmann::json parsed = nlohmann::json::parse(rows.output, nullptr, false);
    if (!parsed.is_array()) return "<dump failed: " + rows.errors + ">";
    std::vector<std::string> tables;
    for (const auto& row : parsed) {
      out += fmt::format("-- {} {} (tbl_name {})\n", row.value("type", ""), row.value("name", ""), row.value("tbl_name", ""));
      if (row.contains("sql") && row["sql"].is_string()) out += row["sql"].get<std::string>() + ";\n";
      if (row.value("type", "") == "table") tables.push_back(row.value("name", ""));
    }
    if (row_counts) {
      std::sort(tables.begin(), tables.end());
      for (const std::string& table : tables) {
        std::string query = fmt::format("SELECT count(*) FROM \"{}\"", table);
        CommandResult count = RunCommand(fmt::format("sqlite3 {} {}", ShellQuote(file_), ShellQuote(query)));
        out += fmt::format("-- rows {}: {}\n", table, Trim(count.output));
      }
    }
    return NormalizeDump(out);
  }

  std::string NormalizeDump(const std::string& text) const override {
    std::string out;
    for (const std::string& line : Lines(text)) {
      if (Trim(line).empty()) continue;
      out += line;
      out += '\n';
    }
    return out;
  }

  void Destroy() override {
    if (!file_.empty()) fs::remove(file_);
  }

 private:
  fs::path work_;
  std::string file_;
};

}  // namespace

std::unique_ptr<DialectFixture> MakeFixture(const std::string& dialect, const std::string& work_dir) {
  if (dialect == "postgresql") return std::make_unique<PgFixture>(work_dir);
  if (dialect == "sqlite") return std::make_unique<SqliteFixture>(work_dir);
  return nullptr;
}

}  // namespace dp::conformance
