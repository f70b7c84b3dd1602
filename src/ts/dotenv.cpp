// .env parsing with the dotenv package's (v16) rules. dotenv scans the text with one
// multi-line regular expression; this is a hand-written scanner that accepts the same
// lines, including its quirks (a quoted value may span lines, `#` always starts a comment
// in an unquoted value, `KEY: value` is accepted).
#include "ts/dotenv.h"

#include <algorithm>

namespace dp::ts {

namespace {

bool IsSpace(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

bool IsKeyChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '.' ||
         c == '-';
}

std::string_view Trim(std::string_view text) {
  while (!text.empty() && IsSpace(text.front())) text.remove_prefix(1);
  while (!text.empty() && IsSpace(text.back())) text.remove_suffix(1);
  return text;
}

class DotenvScanner {
 public:
  explicit DotenvScanner(std::string text) : text_(std::move(text)) {}

  /// The next KEY/raw value pair at or after the current position; false at the end.
  bool Next(std::string& key, std::string& raw_value) {
    while (pos_ < text_.size()) {
      size_t line_start = pos_;
      size_t end = 0;
      if (MatchAt(line_start, key, raw_value, end)) {
        pos_ = std::max(end, line_start + 1);
        return true;
      }
      size_t newline = text_.find('\n', line_start);
      if (newline == std::string::npos) break;
      pos_ = newline + 1;
    }
    pos_ = text_.size();
    return false;
  }

 private:
  size_t SkipSpaces(size_t pos) const {
    while (pos < text_.size() && IsSpace(text_[pos])) ++pos;
    return pos;
  }

  /// `\s*(?:#.*)?$` at `pos` (multi-line $); sets `end` to where the match stops.
  bool MatchTail(size_t pos, size_t& end) const {
    size_t spaces_end = SkipSpaces(pos);
    if (spaces_end == text_.size()) {
      end = spaces_end;
      return true;
    }
    if (text_[spaces_end] == '#') {
      size_t newline = text_.find('\n', spaces_end);
      end = newline == std::string::npos ? text_.size() : newline;
      return true;
    }
    // Give back spaces until a line end ('\n' ahead) is found.
    for (size_t back = spaces_end; back > pos; --back) {
      if (text_[back - 1] == '\n') {
        end = back - 1;
        return true;
      }
    }
    return false;
  }

  /// The quoted alternative: from the opening quote at `open`, the closing quote positions
  /// the regex could use (the first unescaped one, then escaped ones before it, in the order
  /// backtracking tries them), each followed by a valid tail.
  bool MatchQuoted(size_t open, std::string& raw_value, size_t value_start, size_t& end) const {
    char quote = text_[open];
    std::vector<size_t> closers;
    size_t barrier = std::string::npos;
    for (size_t pos = open + 1; pos < text_.size(); ++pos) {
      if (text_[pos] != quote) continue;
      if (text_[pos - 1] == '\\' && pos - 1 > open) {
        closers.push_back(pos);
        continue;
      }
      barrier = pos;
      break;
    }
    if (barrier != std::string::npos) closers.push_back(barrier);
    for (auto it = closers.rbegin(); it != closers.rend(); ++it) {
      if (MatchTail(*it + 1, end)) {
        raw_value = text_.substr(value_start, *it + 1 - value_start);
        return true;
      }
    }
    return false;
  }

  bool MatchAt(size_t start, std::string& key, std::string& raw_value, size_t& end) const {
    size_t pos = SkipSpaces(start);
    // (?:export\s+)? is tried first, then without it.
    if (text_.compare(pos, 6, "export") == 0 && pos + 6 < text_.size() && IsSpace(text_[pos + 6])) {
      if (MatchKeyValue(SkipSpaces(pos + 6), key, raw_value, end)) return true;
    }
    return MatchKeyValue(pos, key, raw_value, end);
  }

  bool MatchKeyValue(size_t pos, std::string& key, std::string& raw_value, size_t& end) const {
    size_t key_start = pos;
    while (pos < text_.size() && IsKeyChar(text_[pos])) ++pos;
    if (pos == key_start) return false;
    key = text_.substr(key_start, pos - key_start);
    // Separator: \s*= or :\s (the value's own leading spaces are trimmed later).
    size_t after_spaces = SkipSpaces(pos);
    if (after_spaces < text_.size() && text_[after_spaces] == '=') {
      pos = after_spaces + 1;
    } else if (pos < text_.size() && text_[pos] == ':' && pos + 1 < text_.size() && IsSpace(text_[pos + 1])) {
      pos += 2;
    } else {
      return false;
    }
    size_t quote_pos = SkipSpaces(pos);
    if (quote_pos < text_.size() &&
        (text_[quote_pos] == '\'' || text_[quote_pos] == '"' || text_[quote_pos] == '`')) {
      if (MatchQuoted(quote_pos, raw_value, pos, end)) return true;
    }
    // Unquoted: [^#\r\n]+ (possibly empty), then the tail.
    size_t value_end = pos;
    while (value_end < text_.size() && text_[value_end] != '#' && text_[value_end] != '\n' &&
           text_[value_end] != '\r') {
      ++value_end;
    }
    raw_value = text_.substr(pos, value_end - pos);
    return MatchTail(value_end, end);
  }

  std::string text_;
  size_t pos_ = 0;
};

std::string NormalizeNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] == '\r') {
      out += '\n';
      if (pos + 1 < text.size() && text[pos + 1] == '\n') ++pos;
      continue;
    }
    out += text[pos];
  }
  return out;
}

/// Double-quoted values: the two-character sequences \n and \r become line breaks.
std::string ExpandNewlines(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (size_t pos = 0; pos < text.size(); ++pos) {
    if (text[pos] == '\\' && pos + 1 < text.size() && (text[pos + 1] == 'n' || text[pos + 1] == 'r')) {
      out += text[pos + 1] == 'n' ? '\n' : '\r';
      ++pos;
      continue;
    }
    out += text[pos];
  }
  return out;
}

}  // namespace

std::vector<std::pair<std::string, std::string>> ParseDotenv(std::string_view text) {
  std::vector<std::pair<std::string, std::string>> out;
  if (text.starts_with("\xEF\xBB\xBF")) text.remove_prefix(3);  // JS \s skips a BOM
  DotenvScanner scanner(NormalizeNewlines(text));
  std::string key, raw;
  while (scanner.Next(key, raw)) {
    std::string value(Trim(raw));
    char maybe_quote = value.empty() ? '\0' : value.front();
    if (value.size() >= 2 && (maybe_quote == '\'' || maybe_quote == '"' || maybe_quote == '`') &&
        value.back() == maybe_quote) {
      value = value.substr(1, value.size() - 2);
    }
    if (maybe_quote == '"') {
      value = ExpandNewlines(value);
    }
    auto existing =
        std::find_if(out.begin(), out.end(), [&](const auto& entry) { return entry.first == key; });
    if (existing != out.end()) {
      existing->second = std::move(value);
    } else {
      out.emplace_back(key, std::move(value));
    }
  }
  return out;
}

base::Result<bool> LoadDotenvFile(Vfs& vfs, std::string_view path, std::map<std::string, std::string>& env,
                                  DotenvOptions options) {
  if (vfs.Stat(path) == FileKind::Missing) return false;
  auto text = vfs.ReadFile(path);
  if (!text) return base::Fail(text.error());
  for (auto& [key, value] : ParseDotenv(*text)) {
    if (options.override || !env.contains(key)) env[key] = std::move(value);
  }
  return true;
}

base::Result<bool> LoadDotenv(Vfs& vfs, std::string_view dir, std::map<std::string, std::string>& env,
                              DotenvOptions options) {
  return LoadDotenvFile(vfs, JoinPath(dir, ".env"), env, options);
}

}  // namespace dp::ts
