// Canonical comparison forms for SQLite snapshots (see normalize.h).
#include "diff/sqlite/normalize.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <initializer_list>
#include <regex>
#include <vector>

#include "model/json_text.h"

namespace dp::diff::sqlite {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string Trim(std::string_view text) {
  size_t begin = 0;
  size_t end = text.size();
  while (begin < end && std::isspace(static_cast<unsigned char>(text[begin])) != 0) ++begin;
  while (end > begin && std::isspace(static_cast<unsigned char>(text[end - 1])) != 0) --end;
  return std::string(text.substr(begin, end - begin));
}

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// SQL tokens for comparison: identifiers unquoted and lower-cased (SQLite rewrites
/// `t.c` to `"t".c` on RENAME), keywords lower-cased, string literals kept, one token per
/// punctuation character, whitespace and comments dropped.
std::vector<std::string> ComparisonTokens(std::string_view sql) {
  std::vector<std::string> tokens;
  size_t pos = 0;
  while (pos < sql.size()) {
    char c = sql[pos];
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      ++pos;
    } else if (c == '-' && pos + 1 < sql.size() && sql[pos + 1] == '-') {
      while (pos < sql.size() && sql[pos] != '\n') ++pos;
    } else if (c == '/' && pos + 1 < sql.size() && sql[pos + 1] == '*') {
      size_t close = sql.find("*/", pos + 2);
      pos = close == std::string_view::npos ? sql.size() : close + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      std::string text;
      ++pos;
      while (pos < sql.size()) {
        if (sql[pos] == close) {
          if (close != ']' && pos + 1 < sql.size() && sql[pos + 1] == close) {
            text.push_back(close);
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        text.push_back(sql[pos++]);
      }
      tokens.push_back(c == '\'' ? "'" + text + "'" : Lower(text));
    } else if (IsWordChar(c)) {
      size_t begin = pos;
      while (pos < sql.size() && IsWordChar(sql[pos])) ++pos;
      tokens.push_back(Lower(sql.substr(begin, pos - begin)));
    } else {
      tokens.emplace_back(1, c);
      ++pos;
    }
  }
  return tokens;
}

/// True when tokens[0] is '(' and its matching ')' is the last token.
bool WrappedInParens(const std::vector<std::string>& tokens) {
  if (tokens.size() < 2 || tokens.front() != "(" || tokens.back() != ")") return false;
  int depth = 0;
  for (size_t token_idx = 0; token_idx < tokens.size(); ++token_idx) {
    if (tokens[token_idx] == "(") ++depth;
    if (tokens[token_idx] == ")" && --depth == 0 && token_idx + 1 != tokens.size()) return false;
  }
  return depth == 0;
}

std::string CanonicalNumber(double number) {
  return "n:" + model::JsNumberToString(number);
}

}  // namespace

std::string CanonicalType(std::string_view type) {
  std::string lowered = Lower(type);
  size_t space_paren;
  while ((space_paren = lowered.find(" (")) != std::string::npos) lowered.erase(space_paren, 1);
  auto starts_with_any = [&](std::initializer_list<std::string_view> prefixes) {
    return std::any_of(prefixes.begin(), prefixes.end(),
                       [&](std::string_view prefix) { return lowered.rfind(prefix, 0) == 0; });
  };
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

std::string CanonicalExpression(std::string_view sql) {
  std::vector<std::string> tokens = ComparisonTokens(sql);
  while (!tokens.empty() && tokens.back() == ";") tokens.pop_back();
  while (WrappedInParens(tokens)) tokens = std::vector<std::string>(tokens.begin() + 1, tokens.end() - 1);
  std::string out;
  for (const std::string& token : tokens) {
    if (!out.empty()) out += ' ';
    out += token;
  }
  return out;
}

std::optional<std::string> CanonicalDefault(const std::optional<nlohmann::ordered_json>& value) {
  if (!value || value->is_null()) return std::nullopt;
  if (value->is_boolean()) return std::string(value->get<bool>() ? "b:true" : "b:false");
  if (value->is_number()) return CanonicalNumber(value->get<double>());
  if (!value->is_string()) return "j:" + model::JsStringify(*value);
  std::string text = Trim(value->get<std::string>());
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') return "s:" + text;
  std::vector<std::string> tokens = ComparisonTokens(text);
  while (WrappedInParens(tokens)) tokens = std::vector<std::string>(tokens.begin() + 1, tokens.end() - 1);
  std::string compact;
  for (const std::string& token : tokens) compact += token;
  static const std::regex kNumber(R"(^-?[\d.]+(?:e-?\d+)?$)");
  if (std::regex_match(compact, kNumber)) {
    char* end = nullptr;
    double number = std::strtod(compact.c_str(), &end);
    if (end == compact.c_str() + compact.size()) return CanonicalNumber(number);
  }
  if (compact == "true" || compact == "false") return "b:" + compact;
  if (compact == "null") return std::nullopt;
  if (tokens.size() == 1 && tokens[0].size() >= 2 && tokens[0].front() == '\'') {
    std::string literal = value->get<std::string>();  // re-read with its original escaping
    size_t open = literal.find('\'');
    size_t close = literal.rfind('\'');
    return "s:" + literal.substr(open, close - open + 1);
  }
  return "e:" + CanonicalExpression(text);
}

bool DefaultIsNull(const std::optional<nlohmann::ordered_json>& value) {
  return !CanonicalDefault(value).has_value();
}

ColumnChange CompareColumns(const model::sqlite::Column& current, const model::sqlite::Column& desired) {
  ColumnChange change = ColumnChange::None;
  if (CanonicalType(current.type) != CanonicalType(desired.type)) change |= ColumnChange::Type;
  if (current.primary_key != desired.primary_key) change |= ColumnChange::PrimaryKey;
  if (current.not_null != desired.not_null) change |= ColumnChange::NotNull;
  if (current.autoincrement.value_or(false) != desired.autoincrement.value_or(false)) {
    change |= ColumnChange::Autoincrement;
  }
  if (CanonicalDefault(current.default_value) != CanonicalDefault(desired.default_value)) {
    change |= ColumnChange::Default;
  }
  bool generated_differs = current.generated.has_value() != desired.generated.has_value();
  if (!generated_differs && current.generated) {
    generated_differs =
        Lower(current.generated->type) != Lower(desired.generated->type) ||
        CanonicalExpression(current.generated->as) != CanonicalExpression(desired.generated->as);
  }
  if (generated_differs) change |= ColumnChange::Generated;
  return change;
}

bool SameIndex(const model::sqlite::Index& current, const model::sqlite::Index& desired) {
  if (current.is_unique != desired.is_unique || current.columns.size() != desired.columns.size())
    return false;
  for (size_t column_idx = 0; column_idx < current.columns.size(); ++column_idx) {
    if (CanonicalExpression(current.columns[column_idx]) !=
        CanonicalExpression(desired.columns[column_idx])) {
      return false;
    }
  }
  return CanonicalExpression(current.where.value_or("")) == CanonicalExpression(desired.where.value_or(""));
}

bool SameForeignKey(const model::sqlite::ForeignKey& current, const model::sqlite::ForeignKey& desired) {
  auto action = [](const std::optional<std::string>& value) { return Lower(value.value_or("no action")); };
  return current.table_from == desired.table_from && current.columns_from == desired.columns_from &&
         current.table_to == desired.table_to && current.columns_to == desired.columns_to &&
         action(current.on_update) == action(desired.on_update) &&
         action(current.on_delete) == action(desired.on_delete);
}

}  // namespace dp::diff::sqlite
