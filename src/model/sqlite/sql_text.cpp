// Reading the SQL text of a SQLite snapshot (see sql_text.h).
#include "model/sqlite/sql_text.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <initializer_list>
#include <regex>

namespace dp::model::sqlite {

namespace {

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

bool IsQuote(char c) {
  return c == '\'' || c == '"' || c == '`' || c == '[';
}

}  // namespace

std::vector<SqlToken> TokenizeSql(std::string_view sql) {
  std::vector<SqlToken> tokens;
  size_t pos = 0;
  int depth = 0;
  while (pos < sql.size()) {
    char c = sql[pos];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++pos;
      continue;
    }
    if (c == '-' && pos + 1 < sql.size() && sql[pos + 1] == '-') {
      while (pos < sql.size() && sql[pos] != '\n') ++pos;
      continue;
    }
    if (c == '/' && pos + 1 < sql.size() && sql[pos + 1] == '*') {
      size_t close = sql.find("*/", pos + 2);
      pos = close == std::string_view::npos ? sql.size() : close + 2;
      continue;
    }
    size_t begin = pos;
    if (IsQuote(c)) {
      char close = c == '[' ? ']' : c;
      ++pos;
      while (pos < sql.size()) {
        if (sql[pos] == close) {
          if (close != ']' && pos + 1 < sql.size() && sql[pos + 1] == close) {
            pos += 2;  // doubled quote
            continue;
          }
          ++pos;
          break;
        }
        ++pos;
      }
      tokens.push_back({c == '\'' ? SqlTokenKind::kString : SqlTokenKind::kQuotedName, begin, pos, depth});
      continue;
    }
    if (IsWordChar(c)) {
      while (pos < sql.size() && IsWordChar(sql[pos])) ++pos;
      tokens.push_back({SqlTokenKind::kWord, begin, pos, depth});
      continue;
    }
    tokens.push_back({SqlTokenKind::kPunct, begin, pos + 1, depth});
    if (c == '(') ++depth;
    if (c == ')' && depth > 0) --depth;
    ++pos;
  }
  return tokens;
}

std::string UnquoteIdentifier(std::string_view text) {
  if (text.empty() || !IsQuote(text.front())) return std::string(text);
  char open = text.front();
  char close = open == '[' ? ']' : open;
  std::string_view inner = text.substr(1);
  if (!inner.empty() && inner.back() == close) inner.remove_suffix(1);  // absent when unterminated
  std::string out;
  for (size_t char_idx = 0; char_idx < inner.size(); ++char_idx) {
    out.push_back(inner[char_idx]);
    if (open != '[' && inner[char_idx] == close && char_idx + 1 < inner.size() &&
        inner[char_idx + 1] == close) {
      ++char_idx;  // doubled quote stands for one
    }
  }
  return out;
}

std::string LowerAscii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string TrimSpace(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])) != 0) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])) != 0) --end;
  return std::string(text.substr(begin, end - begin));
}

std::string TypeAffinityName(std::string_view declared) {
  std::string lowered = LowerAscii(declared);
  auto starts_with_any = [&](std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view prefix) { return lowered.rfind(prefix, 0) == 0; });
  };
  // drizzle-kit's list also names integer, int2, int8 and double precision: the prefixes
  // int and double already cover them.
  if (starts_with_any({"int", "tinyint", "smallint", "mediumint", "bigint", "unsigned big int"}))
    return "integer";
  if (starts_with_any({"character", "varchar", "varying character", "national varying character", "nchar",
                       "native character", "nvarchar", "text", "clob"})) {
    size_t digit = lowered.find_first_of("0123456789");
    if (digit == std::string::npos) return "text";
    size_t end = lowered.find_first_not_of("0123456789", digit);
    return "text(" + lowered.substr(digit, end == std::string::npos ? std::string::npos : end - digit) + ")";
  }
  if (starts_with_any({"blob"})) return "blob";
  if (starts_with_any({"real", "double", "float"})) return "real";
  return "numeric";
}

std::optional<double> NumericLiteral(std::string_view text) {
  static const std::regex kNumber(R"(^-?[\d.]+(?:e-?\d+)?$)");
  std::string owned(text);
  if (!std::regex_match(owned, kNumber)) return std::nullopt;
  char* end = nullptr;
  double number = std::strtod(owned.c_str(), &end);
  if (end != owned.c_str() + owned.size()) return std::nullopt;
  return number;
}

}  // namespace dp::model::sqlite
