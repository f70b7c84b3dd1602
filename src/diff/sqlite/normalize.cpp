// Canonical comparison forms for SQLite snapshots (see normalize.h).
#include "diff/sqlite/normalize.h"

#include <vector>

#include "model/json_text.h"
#include "model/sqlite/sql_text.h"

namespace dp::diff::sqlite {

namespace {

using model::sqlite::LowerAscii;
using model::sqlite::SqlToken;
using model::sqlite::SqlTokenKind;

/// SQL tokens for comparison: identifiers unquoted and lower-cased (SQLite rewrites
/// `t.c` to `"t".c` on RENAME), keywords lower-cased, string literals kept (doubled quotes
/// made single), one token per punctuation character, whitespace and comments dropped.
std::vector<std::string> ComparisonTokens(std::string_view sql) {
  std::vector<std::string> tokens;
  for (const SqlToken& token : model::sqlite::TokenizeSql(sql)) {
    std::string_view text = model::sqlite::TokenText(sql, token);
    switch (token.kind) {
      case SqlTokenKind::kString:
        tokens.push_back("'" + model::sqlite::UnquoteIdentifier(text) + "'");
        break;
      case SqlTokenKind::kQuotedName:
        tokens.push_back(LowerAscii(model::sqlite::UnquoteIdentifier(text)));
        break;
      case SqlTokenKind::kWord:
        tokens.push_back(LowerAscii(text));
        break;
      case SqlTokenKind::kPunct:
        tokens.emplace_back(text);
        break;
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
  std::string text = model::sqlite::TrimSpace(value->get<std::string>());
  if (text.size() >= 2 && text.front() == '\'' && text.back() == '\'') return "s:" + text;
  std::vector<std::string> tokens = ComparisonTokens(text);
  while (WrappedInParens(tokens)) tokens = std::vector<std::string>(tokens.begin() + 1, tokens.end() - 1);
  std::string compact;
  for (const std::string& token : tokens) compact += token;
  if (std::optional<double> number = model::sqlite::NumericLiteral(compact)) return CanonicalNumber(*number);
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
  if (model::sqlite::TypeAffinityName(current.type) != model::sqlite::TypeAffinityName(desired.type))
    change |= ColumnChange::Type;
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
        LowerAscii(current.generated->type) != LowerAscii(desired.generated->type) ||
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
  auto action = [](const std::optional<std::string>& value) {
    return LowerAscii(value.value_or("no action"));
  };
  return current.table_from == desired.table_from && current.columns_from == desired.columns_from &&
         current.table_to == desired.table_to && current.columns_to == desired.columns_to &&
         action(current.on_update) == action(desired.on_update) &&
         action(current.on_delete) == action(desired.on_delete);
}

}  // namespace dp::diff::sqlite
