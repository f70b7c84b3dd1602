// DDL text parsing for SQLite introspection (see ddl_text.h).
#include "introspect/sqlite/ddl_text.h"

#include <cctype>
#include <cstddef>

#include "model/sqlite/sql_text.h"

namespace dp::introspect::sqlite {

namespace {

using model::sqlite::TokenText;
using model::sqlite::TrimSpace;
using model::sqlite::UnquoteIdentifier;
using Token = model::sqlite::SqlToken;
using TokenKind = model::sqlite::SqlTokenKind;

bool IsKeyword(std::string_view sql, const Token& token, std::string_view keyword) {
  if (token.kind != TokenKind::kWord) return false;
  std::string_view text = TokenText(sql, token);
  if (text.size() != keyword.size()) return false;
  for (size_t char_idx = 0; char_idx < text.size(); ++char_idx) {
    if (std::toupper(static_cast<unsigned char>(text[char_idx])) != keyword[char_idx]) return false;
  }
  return true;
}

bool IsPunct(std::string_view sql, const Token& token, char c) {
  return token.kind == TokenKind::kPunct && sql[token.begin] == c;
}

/// Index of the ')' matching the '(' at `open` (tokens.size() when unbalanced).
size_t MatchingParen(std::string_view sql, const std::vector<Token>& tokens, size_t open) {
  int depth = tokens[open].depth;
  for (size_t token_idx = open + 1; token_idx < tokens.size(); ++token_idx) {
    if (IsPunct(sql, tokens[token_idx], ')') && tokens[token_idx].depth == depth + 1) return token_idx;
  }
  return tokens.size();
}

/// The token ranges [begin, end) of the comma-separated items between tokens open and close.
std::vector<std::pair<size_t, size_t>> SplitItems(std::string_view sql, const std::vector<Token>& tokens,
                                                  size_t open, size_t close) {
  std::vector<std::pair<size_t, size_t>> items;
  int depth = tokens[open].depth + 1;
  size_t start = open + 1;
  for (size_t token_idx = open + 1; token_idx < close; ++token_idx) {
    if (IsPunct(sql, tokens[token_idx], ',') && tokens[token_idx].depth == depth) {
      items.emplace_back(start, token_idx);
      start = token_idx + 1;
    }
  }
  items.emplace_back(start, close);
  return items;
}

/// The source text from token `first` to token `last` inclusive.
std::string_view Span(std::string_view sql, const std::vector<Token>& tokens, size_t first, size_t last) {
  return sql.substr(tokens[first].begin, tokens[last].end - tokens[first].begin);
}

/// Reads "CHECK ( expr )" starting at token `check`; returns the token after ')'.
size_t ReadCheck(std::string_view sql, const std::vector<Token>& tokens, size_t check, size_t end,
                 std::optional<std::string> name, ParsedTable& table) {
  size_t open = check + 1;
  if (open >= end || !IsPunct(sql, tokens[open], '(')) return check + 1;
  size_t close = MatchingParen(sql, tokens, open);
  if (close >= end) return end;
  std::string value;
  if (close > open + 1)
    value = TrimSpace(sql.substr(tokens[open].end, tokens[close].begin - tokens[open].end));
  table.checks.push_back({std::move(name), std::move(value)});
  return close + 1;
}

void ParseTableConstraint(std::string_view sql, const std::vector<Token>& tokens, size_t begin, size_t end,
                          ParsedTable& table) {
  std::optional<std::string> name;
  size_t token_idx = begin;
  while (token_idx < end) {
    if (IsKeyword(sql, tokens[token_idx], "CONSTRAINT") && token_idx + 1 < end) {
      name = UnquoteIdentifier(TokenText(sql, tokens[token_idx + 1]));
      token_idx += 2;
      continue;
    }
    if (IsKeyword(sql, tokens[token_idx], "CHECK")) {
      token_idx = ReadCheck(sql, tokens, token_idx, end, name, table);
      name.reset();
      continue;
    }
    ++token_idx;
  }
}

void ParseColumnDefinition(std::string_view sql, const std::vector<Token>& tokens, size_t begin, size_t end,
                           ParsedTable& table) {
  std::string column = UnquoteIdentifier(TokenText(sql, tokens[begin]));
  std::optional<std::string> name;
  size_t token_idx = begin + 1;
  while (token_idx < end) {
    const Token& token = tokens[token_idx];
    if (IsKeyword(sql, token, "CONSTRAINT") && token_idx + 1 < end) {
      name = UnquoteIdentifier(TokenText(sql, tokens[token_idx + 1]));
      token_idx += 2;
      continue;
    }
    if (IsKeyword(sql, token, "CHECK")) {
      token_idx = ReadCheck(sql, tokens, token_idx, end, name, table);
      name.reset();
      continue;
    }
    if (IsKeyword(sql, token, "AS") && token_idx + 1 < end && IsPunct(sql, tokens[token_idx + 1], '(')) {
      size_t open = token_idx + 1;
      size_t close = MatchingParen(sql, tokens, open);
      if (close >= end) return;
      ParsedGenerated generated{column, std::string(Span(sql, tokens, open, close)), false};
      if (close + 1 < end && IsKeyword(sql, tokens[close + 1], "STORED")) generated.stored = true;
      table.generated.push_back(std::move(generated));
      token_idx = close + 1;
      name.reset();
      continue;
    }
    if (token.kind == TokenKind::kPunct && sql[token.begin] == '(') {
      size_t close = MatchingParen(sql, tokens, token_idx);  // type arguments, DEFAULT (expr), ...
      token_idx = close + 1;
      continue;
    }
    ++token_idx;
  }
}

bool StartsTableConstraint(std::string_view sql, const Token& token) {
  return IsKeyword(sql, token, "CONSTRAINT") || IsKeyword(sql, token, "PRIMARY") ||
         IsKeyword(sql, token, "UNIQUE") || IsKeyword(sql, token, "CHECK") ||
         IsKeyword(sql, token, "FOREIGN");
}

}  // namespace

ParsedTable ParseCreateTable(std::string_view sql) {
  ParsedTable table;
  std::vector<Token> tokens = model::sqlite::TokenizeSql(sql);
  for (const Token& token : tokens) {
    if (IsKeyword(sql, token, "AUTOINCREMENT")) table.autoincrement = true;
  }
  size_t open = 0;
  while (open < tokens.size() && !IsPunct(sql, tokens[open], '(')) ++open;
  if (open >= tokens.size()) return table;
  size_t close = MatchingParen(sql, tokens, open);
  for (auto [begin, end] : SplitItems(sql, tokens, open, close)) {
    if (begin >= end) continue;
    if (StartsTableConstraint(sql, tokens[begin])) {
      ParseTableConstraint(sql, tokens, begin, end, table);
    } else {
      ParseColumnDefinition(sql, tokens, begin, end, table);
    }
  }
  return table;
}

std::optional<ParsedIndex> ParseCreateIndex(std::string_view sql) {
  std::vector<Token> tokens = model::sqlite::TokenizeSql(sql);
  size_t on = 0;
  while (on < tokens.size() && !(IsKeyword(sql, tokens[on], "ON") && tokens[on].depth == 0)) ++on;
  size_t open = on + 1;
  while (open < tokens.size() && !IsPunct(sql, tokens[open], '(')) ++open;
  if (open >= tokens.size()) return std::nullopt;
  size_t close = MatchingParen(sql, tokens, open);
  if (close >= tokens.size()) return std::nullopt;
  ParsedIndex index;
  for (auto [begin, end] : SplitItems(sql, tokens, open, close)) {
    if (begin >= end) continue;
    index.items.push_back(TrimSpace(Span(sql, tokens, begin, end - 1)));
  }
  for (size_t token_idx = close + 1; token_idx < tokens.size(); ++token_idx) {
    if (IsKeyword(sql, tokens[token_idx], "WHERE") && tokens[token_idx].depth == 0) {
      size_t last = tokens.size() - 1;
      while (last > token_idx && IsPunct(sql, tokens[last], ';')) --last;
      if (last > token_idx) index.where = TrimSpace(Span(sql, tokens, token_idx + 1, last));
      break;
    }
  }
  return index;
}

std::optional<std::string> ParseViewDefinition(std::string_view sql) {
  std::vector<Token> tokens = model::sqlite::TokenizeSql(sql);
  size_t view = 0;
  while (view < tokens.size() && !IsKeyword(sql, tokens[view], "VIEW")) ++view;
  for (size_t token_idx = view + 1; token_idx + 1 < tokens.size(); ++token_idx) {
    if (IsKeyword(sql, tokens[token_idx], "AS") && tokens[token_idx].depth == 0) {
      size_t last = tokens.size() - 1;
      while (last > token_idx && IsPunct(sql, tokens[last], ';')) --last;
      if (last <= token_idx) return std::nullopt;
      return TrimSpace(Span(sql, tokens, token_idx + 1, last));
    }
  }
  return std::nullopt;
}

}  // namespace dp::introspect::sqlite
