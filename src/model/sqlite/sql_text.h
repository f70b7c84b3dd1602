// The SQL text a SQLite snapshot carries (declared types, defaults, CHECK, index and view
// SQL), read one way by both sides that handle it: introspection, which fills a snapshot
// from the catalog, and the diff, which compares two. A tokenizer (strings, quoted names,
// comments, parenthesis depth), SQLite's unquoting and case folding, drizzle-kit's name for
// a declared type, and the numeric-literal test drizzle-kit applies to default text.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace dp::model::sqlite {

enum class SqlTokenKind : uint8_t { kWord, kString, kQuotedName, kPunct };

/// One token of SQL text: its byte range, quotes included, and the parenthesis depth before it.
struct SqlToken {
  SqlTokenKind kind;
  size_t begin;
  size_t end;  ///< one past the last byte
  int depth;
};

/// Splits SQL text into tokens, skipping whitespace and comments; punctuation is one token
/// a character. An unterminated quote runs to the end of the text.
std::vector<SqlToken> TokenizeSql(std::string_view sql);

/// The source text of a token (quotes included).
inline std::string_view TokenText(std::string_view sql, const SqlToken& token) {
  return sql.substr(token.begin, token.end - token.begin);
}

/// Quoted text without its quotes, doubled quotes made single ("a""b" -> a"b, `x`, [y], 'z');
/// other text is returned as it is.
std::string UnquoteIdentifier(std::string_view text);

/// ASCII lower case, as SQLite folds names and keywords.
std::string LowerAscii(std::string_view text);

/// The text without leading and trailing whitespace.
std::string TrimSpace(std::string_view text);

/// drizzle-kit's mapSqlToSqliteType: a declared column type to the snapshot's type
/// ("integer", "text", "text(N)", "blob", "real" or "numeric").
std::string TypeAffinityName(std::string_view declared);

/// The number default text spells when drizzle-kit reads it as one ("-1.5", "1e3").
std::optional<double> NumericLiteral(std::string_view text);

}  // namespace dp::model::sqlite
