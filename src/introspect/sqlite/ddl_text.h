// Reads what the SQLite catalog pragmas do not expose from the stored DDL text in
// sqlite_schema.sql: CHECK constraints, generated-column expressions and AUTOINCREMENT of a
// CREATE TABLE, the key expressions and WHERE clause of a CREATE INDEX, and the SELECT of a
// CREATE VIEW. Tokens (strings, quoted identifiers, comments, parenthesis depth; see
// model/sqlite/sql_text.h) replace drizzle-kit's regular expressions, which stop at the
// first ')'.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dp::introspect::sqlite {

/// One CHECK constraint of a table (table-level or column-level).
struct ParsedCheck {
  std::optional<std::string> name;  ///< CONSTRAINT name, unquoted; nullopt when unnamed
  std::string value;                ///< the expression inside CHECK(...), trimmed
};

/// A generated column: its expression with the surrounding parentheses ("(a * 2)").
struct ParsedGenerated {
  std::string column;
  std::string expression;
  bool stored = false;
};

struct ParsedTable {
  bool autoincrement = false;  ///< the AUTOINCREMENT keyword appears (outside strings)
  std::vector<ParsedCheck> checks;
  std::vector<ParsedGenerated> generated;
};

/// Parses a CREATE TABLE statement; unknown shapes yield an empty result, never an error.
ParsedTable ParseCreateTable(std::string_view sql);

struct ParsedIndex {
  std::vector<std::string> items;    ///< each indexed term's source text, trimmed
  std::optional<std::string> where;  ///< the partial-index predicate, trimmed
};

/// Parses a CREATE INDEX statement (nullopt when the text is not one).
std::optional<ParsedIndex> ParseCreateIndex(std::string_view sql);

/// The query of a CREATE VIEW statement: the text after its top-level AS, trimmed.
std::optional<std::string> ParseViewDefinition(std::string_view sql);

}  // namespace dp::introspect::sqlite
