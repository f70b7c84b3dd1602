// drizzle-orm casing.ts: the word regex /[\da-z]+|[A-Z]+(?![a-z])|[A-Z][\da-z]+/g after
// removing apostrophes, then snake_case or camelCase joining.
#include "dsl/common/casing.h"

#include <vector>

#include "dsl/common/entities.h"

namespace dp::dsl {

namespace {

bool IsLower(char c) { return c >= 'a' && c <= 'z'; }
bool IsUpper(char c) { return c >= 'A' && c <= 'Z'; }
bool IsDigit(char c) { return c >= '0' && c <= '9'; }

// Removes ' and U+2019 (right single quotation mark, UTF-8 E2 80 99).
std::string StripApostrophes(std::string_view input) {
  std::string out;
  out.reserve(input.size());
  for (size_t i = 0; i < input.size(); ++i) {
    if (input[i] == '\'') continue;
    if (i + 2 < input.size() && static_cast<unsigned char>(input[i]) == 0xE2 &&
        static_cast<unsigned char>(input[i + 1]) == 0x80 && static_cast<unsigned char>(input[i + 2]) == 0x99) {
      i += 2;
      continue;
    }
    out.push_back(input[i]);
  }
  return out;
}

// The regex alternatives tried in order at each position; the global match scans left to right.
std::vector<std::string> Words(std::string_view raw) {
  std::string s = StripApostrophes(raw);
  std::vector<std::string> words;
  size_t i = 0;
  while (i < s.size()) {
    // 1: [\da-z]+
    size_t j = i;
    while (j < s.size() && (IsDigit(s[j]) || IsLower(s[j]))) ++j;
    if (j > i) {
      words.emplace_back(s.substr(i, j - i));
      i = j;
      continue;
    }
    if (IsUpper(s[i])) {
      // 2: [A-Z]+(?![a-z]) with backtracking: the longest run of capitals not followed by a
      // lower-case letter.
      size_t run_end = i;
      while (run_end < s.size() && IsUpper(s[run_end])) ++run_end;
      for (size_t end = run_end; end > i; --end) {
        if (end < s.size() && IsLower(s[end])) continue;
        j = end;
        break;
      }
      if (j > i) {
        words.emplace_back(s.substr(i, j - i));
        i = j;
        continue;
      }
      // 3: [A-Z][\da-z]+
      j = i + 1;
      while (j < s.size() && (IsDigit(s[j]) || IsLower(s[j]))) ++j;
      if (j > i + 1) {
        words.emplace_back(s.substr(i, j - i));
        i = j;
        continue;
      }
    }
    ++i;  // no match here
  }
  return words;
}

std::string Lower(std::string s) {
  for (char& c : s) {
    if (IsUpper(c)) c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

}  // namespace

std::string ToSnakeCase(std::string_view input) {
  std::string out;
  for (const std::string& w : Words(input)) {
    if (!out.empty()) out.push_back('_');
    out += Lower(w);
  }
  return out;
}

std::string ToCamelCase(std::string_view input) {
  std::string out;
  bool first = true;
  for (const std::string& w : Words(input)) {
    if (first) {
      out += Lower(w);
      first = false;
    } else {
      char c = w[0];
      if (IsLower(c)) c = static_cast<char>(c - 'a' + 'A');
      out.push_back(c);
      out.append(w, 1, std::string::npos);
    }
  }
  return out;
}

Casing ParseCasing(std::string_view text) {
  if (text == "snake_case") return Casing::SnakeCase;
  if (text == "camelCase") return Casing::CamelCase;
  return Casing::None;
}

std::string CasingCache::Convert(std::string_view name) const {
  switch (casing_) {
    case Casing::SnakeCase: return ToSnakeCase(name);
    case Casing::CamelCase: return ToCamelCase(name);
    case Casing::None: break;
  }
  return std::string(name);
}

std::string CasingCache::ColumnName(const ColumnBase& column) const {
  if (!column.key_as_name) return column.name;
  return Convert(column.name);
}

}  // namespace dp::dsl
