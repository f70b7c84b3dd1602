// Canonical forms of SQL texts for comparison (see sql_text.h): a small tokenizer and a
// few token rewrites that undo what PostgreSQL's deparser adds.
#include "diff/pg/sql_text.h"

#include <cctype>
#include <vector>

namespace dp::diff::pg {

namespace {

enum class TokenKind : uint8_t { Ident, String, Number, Op, Punct };

struct Token {
  TokenKind kind;
  std::string text;  // identifiers: the name (unquoted words lower-cased); strings: the content
};

bool IsIdentStart(unsigned char c) { return std::isalpha(c) || c == '_' || c >= 0x80; }
bool IsIdentPart(unsigned char c) { return std::isalnum(c) || c == '_' || c == '$' || c >= 0x80; }
bool IsOpChar(char c) { return std::string_view("+-*/<>=~!@#%^&|`?").find(c) != std::string_view::npos; }

bool LooksNumeric(std::string_view text) {
  size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) ++i;
  bool digits = false;
  bool dot = false;
  for (; i < text.size(); ++i) {
    if (std::isdigit(static_cast<unsigned char>(text[i]))) {
      digits = true;
    } else if (text[i] == '.' && !dot) {
      dot = true;
    } else {
      return false;
    }
  }
  return digits;
}

/// Reads a quoted run starting at `pos` (text[pos] == quote) with doubled-quote escapes.
std::string ReadQuoted(std::string_view text, size_t& pos, char quote, bool backslash_escapes) {
  std::string out;
  ++pos;
  while (pos < text.size()) {
    char c = text[pos];
    if (backslash_escapes && c == '\\' && pos + 1 < text.size()) {
      out += text[pos + 1];
      pos += 2;
      continue;
    }
    if (c == quote) {
      if (pos + 1 < text.size() && text[pos + 1] == quote) {
        out += quote;
        pos += 2;
        continue;
      }
      ++pos;
      return out;
    }
    out += c;
    ++pos;
  }
  return out;
}

std::vector<Token> Tokenize(std::string_view text) {
  std::vector<Token> tokens;
  size_t pos = 0;
  while (pos < text.size()) {
    unsigned char c = static_cast<unsigned char>(text[pos]);
    if (std::isspace(c)) {
      ++pos;
      continue;
    }
    if (text.substr(pos, 2) == "--") {
      while (pos < text.size() && text[pos] != '\n') ++pos;
      continue;
    }
    if (text.substr(pos, 2) == "/*") {
      size_t end = text.find("*/", pos + 2);
      pos = end == std::string_view::npos ? text.size() : end + 2;
      continue;
    }
    if (c == '\'') {
      tokens.push_back({TokenKind::String, ReadQuoted(text, pos, '\'', false)});
      continue;
    }
    if ((c == 'e' || c == 'E') && pos + 1 < text.size() && text[pos + 1] == '\'') {
      ++pos;
      tokens.push_back({TokenKind::String, ReadQuoted(text, pos, '\'', true)});
      continue;
    }
    if (c == '"') {
      tokens.push_back({TokenKind::Ident, ReadQuoted(text, pos, '"', false)});
      continue;
    }
    if (c == '$') {
      // Dollar quoting: $tag$ ... $tag$.
      size_t tag_end = text.find('$', pos + 1);
      if (tag_end != std::string_view::npos) {
        std::string_view tag = text.substr(pos, tag_end - pos + 1);
        bool tag_ok = true;
        for (char t : tag.substr(1, tag.size() - 2)) tag_ok = tag_ok && IsIdentPart(static_cast<unsigned char>(t));
        if (tag_ok) {
          size_t body = tag_end + 1;
          size_t close = text.find(tag, body);
          if (close != std::string_view::npos) {
            tokens.push_back({TokenKind::String, std::string(text.substr(body, close - body))});
            pos = close + tag.size();
            continue;
          }
        }
      }
    }
    if (std::isdigit(c) || (c == '.' && pos + 1 < text.size() && std::isdigit(static_cast<unsigned char>(text[pos + 1])))) {
      size_t start = pos;
      while (pos < text.size() && (std::isdigit(static_cast<unsigned char>(text[pos])) || text[pos] == '.')) ++pos;
      if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
        size_t save = pos++;
        if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
        if (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) {
          while (pos < text.size() && std::isdigit(static_cast<unsigned char>(text[pos]))) ++pos;
        } else {
          pos = save;
        }
      }
      tokens.push_back({TokenKind::Number, std::string(text.substr(start, pos - start))});
      continue;
    }
    if (IsIdentStart(c)) {
      size_t start = pos;
      while (pos < text.size() && IsIdentPart(static_cast<unsigned char>(text[pos]))) ++pos;
      std::string word(text.substr(start, pos - start));
      for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      tokens.push_back({TokenKind::Ident, std::move(word)});
      continue;
    }
    if (text.substr(pos, 2) == "::") {
      tokens.push_back({TokenKind::Punct, "::"});
      pos += 2;
      continue;
    }
    if (IsOpChar(static_cast<char>(c))) {
      size_t start = pos;
      while (pos < text.size() && IsOpChar(text[pos])) ++pos;
      tokens.push_back({TokenKind::Op, std::string(text.substr(start, pos - start))});
      continue;
    }
    tokens.push_back({TokenKind::Punct, std::string(1, static_cast<char>(c))});
    ++pos;
  }
  return tokens;
}

bool IsPunct(const Token& token, std::string_view text) { return token.kind == TokenKind::Punct && token.text == text; }
bool IsWord(const Token& token, std::string_view text) { return token.kind == TokenKind::Ident && token.text == text; }

/// Words that continue a multi-word type name after a cast (`character varying`).
bool IsTypeContinuation(const Token& token) {
  static constexpr std::string_view kWords[] = {"varying", "precision", "with", "without", "time", "zone"};
  if (token.kind != TokenKind::Ident) return false;
  for (std::string_view word : kWords) {
    if (token.text == word) return true;
  }
  return false;
}

/// Drops `::type` casts (a dotted, possibly multi-word name, a modifier list, array brackets).
std::vector<Token> DropCasts(const std::vector<Token>& in) {
  std::vector<Token> out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (!IsPunct(in[i], "::")) {
      out.push_back(in[i]);
      continue;
    }
    size_t j = i + 1;
    while (j < in.size() && in[j].kind == TokenKind::Ident) {
      ++j;
      if (j + 1 < in.size() && IsPunct(in[j], ".") && in[j + 1].kind == TokenKind::Ident) {
        ++j;
        continue;
      }
      break;
    }
    while (j < in.size() && IsTypeContinuation(in[j])) ++j;
    if (j < in.size() && IsPunct(in[j], "(")) {
      int depth = 0;
      for (; j < in.size(); ++j) {
        if (IsPunct(in[j], "(")) ++depth;
        if (IsPunct(in[j], ")") && --depth == 0) {
          ++j;
          break;
        }
      }
    }
    while (j + 1 < in.size() && IsPunct(in[j], "[") && IsPunct(in[j + 1], "]")) j += 2;
    i = j - 1;
  }
  return out;
}

/// Drops qualifiers: `a.b.c` -> `c`, `t.*` -> `*`.
std::vector<Token> DropQualifiers(const std::vector<Token>& in) {
  std::vector<Token> out;
  for (size_t i = 0; i < in.size(); ++i) {
    if (in[i].kind == TokenKind::Ident && i + 2 < in.size() && IsPunct(in[i + 1], ".") &&
        (in[i + 2].kind == TokenKind::Ident || (in[i + 2].kind == TokenKind::Op && in[i + 2].text == "*"))) {
      ++i;  // skip the qualifier and its dot; the next name is handled by the loop
      continue;
    }
    out.push_back(in[i]);
  }
  return out;
}

/// Maps spellings PostgreSQL rewrites; drops parentheses.
std::vector<Token> MapOperators(const std::vector<Token>& in) {
  std::vector<Token> out;
  for (const Token& token : in) {
    if (IsPunct(token, "(") || IsPunct(token, ")")) continue;
    if (token.kind == TokenKind::Op && token.text == "!=") {
      out.push_back({TokenKind::Op, "<>"});
      continue;
    }
    if (IsWord(token, "like") || IsWord(token, "ilike")) {
      std::string op = token.text == "like" ? "~~" : "~~*";
      if (!out.empty() && IsWord(out.back(), "not")) {
        out.pop_back();
        op = "!" + op;
      }
      out.push_back({TokenKind::Op, op});
      continue;
    }
    out.push_back(token);
  }
  // `= any array [ x , y ]` -> `in x , y`; `<> all array [ ... ]` -> `not in ...`.
  std::vector<Token> result;
  std::vector<int> drop_close;  // bracket depths whose `]` to drop
  int depth = 0;
  for (size_t i = 0; i < out.size(); ++i) {
    bool any = i + 3 < out.size() && out[i].kind == TokenKind::Op && out[i].text == "=" && IsWord(out[i + 1], "any") &&
               IsWord(out[i + 2], "array") && IsPunct(out[i + 3], "[");
    bool all = i + 3 < out.size() && out[i].kind == TokenKind::Op && out[i].text == "<>" && IsWord(out[i + 1], "all") &&
               IsWord(out[i + 2], "array") && IsPunct(out[i + 3], "[");
    if (any || all) {
      if (all) result.push_back({TokenKind::Ident, "not"});
      result.push_back({TokenKind::Ident, "in"});
      ++depth;
      drop_close.push_back(depth);
      i += 3;
      continue;
    }
    if (IsPunct(out[i], "[")) ++depth;
    if (IsPunct(out[i], "]")) {
      bool drop = !drop_close.empty() && drop_close.back() == depth;
      if (drop) drop_close.pop_back();
      --depth;
      if (drop) continue;
    }
    result.push_back(out[i]);
  }
  while (!result.empty() && IsPunct(result.back(), ";")) result.pop_back();
  return result;
}

void AppendToken(std::string& out, const Token& token) {
  if (!out.empty()) out += ' ';
  switch (token.kind) {
    case TokenKind::String:
      if (LooksNumeric(token.text)) {
        if (token.text[0] == '-' || token.text[0] == '+') {
          out += token.text[0];
          out += ' ';
          out += token.text.substr(1);
        } else {
          out += token.text;
        }
        return;
      }
      out += '\'';
      for (char c : token.text) {
        out += c;
        if (c == '\'') out += '\'';
      }
      out += '\'';
      return;
    case TokenKind::Ident:
      out += '"';
      out += token.text;
      out += '"';
      return;
    case TokenKind::Number:
    case TokenKind::Op:
    case TokenKind::Punct:
      out += token.text;
      return;
  }
}

}  // namespace

std::string CanonicalSql(std::string_view sql) {
  std::vector<Token> tokens = MapOperators(DropQualifiers(DropCasts(Tokenize(sql))));
  std::string out;
  for (const Token& token : tokens) AppendToken(out, token);
  return out;
}

bool SelectsStar(std::string_view sql) {
  std::string canonical = CanonicalSql(sql);
  for (std::string_view before : {"\"select\" *", "\"distinct\" *", ", *"}) {
    size_t pos = canonical.find(before);
    while (pos != std::string::npos) {
      size_t end = pos + before.size();
      if (end == canonical.size() || canonical[end] == ' ') return true;
      pos = canonical.find(before, pos + 1);
    }
  }
  return false;
}

bool SameSql(std::string_view a, std::string_view b) { return a == b || CanonicalSql(a) == CanonicalSql(b); }

}  // namespace dp::diff::pg
