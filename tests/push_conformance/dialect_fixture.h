// A fresh, real database per conformance case, with the dump format the recorder used.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <string>

namespace dp::conformance {

/// Output and exit status of a shell command.
struct CommandResult {
  int exit_code = -1;
  std::string output;  // stdout (stderr goes to `errors`)
  std::string errors;
};

/// Runs `command` with /bin/sh in `cwd` (empty: current folder).
CommandResult RunCommand(const std::string& command, const std::string& cwd = "");

/// Single-quotes a string for /bin/sh.
std::string ShellQuote(const std::string& text);

class DialectFixture {
 public:
  virtual ~DialectFixture() = default;
  /// Why the dialect cannot run here ("" when it can), e.g. a missing server URL.
  virtual std::string Unavailable() const = 0;
  /// Creates an empty database for `case_name`; returns false with `error` set on failure.
  virtual bool Create(const std::string& case_name, std::string& error) = 0;
  /// The config's dbCredentials for the database.
  virtual nlohmann::json Credentials() const = 0;
  /// Runs a SQL script (several statements) or one statement.
  virtual bool RunScript(const std::string& sql, std::string& error) = 0;
  /// The normalized schema dump, in the recorder's format. With `row_counts` (cases with
  /// data), SQLite dumps end with "-- rows <table>: <n>" per table, as the recorder's did.
  virtual std::string Dump(bool row_counts = false) = 0;
  /// Normalizes a recorded after.sql the same way as Dump().
  virtual std::string NormalizeDump(const std::string& text) const = 0;
  /// Drops the database and anything the case left outside it (roles).
  virtual void Destroy() = 0;
};

std::unique_ptr<DialectFixture> MakeFixture(const std::string& dialect, const std::string& work_dir);

}  // namespace dp::conformance
