// A minimatch subset for tablesFilter (see tables_filter.h).
#include "introspect/sqlite/tables_filter.h"

#include <cstddef>

namespace dp::introspect::sqlite {

namespace {

/// Expands the first top-level {a,b} group recursively ("x{a,b}y" -> "xay", "xby").
std::vector<std::string> ExpandBraces(const std::string& pattern) {
  size_t open = std::string::npos;
  int depth = 0;
  for (size_t pos = 0; pos < pattern.size(); ++pos) {
    char c = pattern[pos];
    if (c == '\\') {
      ++pos;
      continue;
    }
    if (c == '{') {
      if (depth == 0) open = pos;
      ++depth;
    } else if (c == '}' && depth > 0) {
      --depth;
      if (depth == 0) {
        std::vector<std::string> alternatives;
        std::string body = pattern.substr(open + 1, pos - open - 1);
        std::vector<std::string> parts;
        int inner = 0;
        size_t start = 0;
        for (size_t body_pos = 0; body_pos < body.size(); ++body_pos) {
          if (body[body_pos] == '\\') {
            ++body_pos;
          } else if (body[body_pos] == '{') {
            ++inner;
          } else if (body[body_pos] == '}') {
            --inner;
          } else if (body[body_pos] == ',' && inner == 0) {
            parts.push_back(body.substr(start, body_pos - start));
            start = body_pos + 1;
          }
        }
        parts.push_back(body.substr(start));
        if (parts.size() < 2) continue;  // "{a}" stays literal
        std::string prefix = pattern.substr(0, open);
        std::string suffix = pattern.substr(pos + 1);
        for (const std::string& part : parts) {
          for (std::string& expanded : ExpandBraces(prefix + part + suffix))
            alternatives.push_back(std::move(expanded));
        }
        return alternatives;
      }
    }
  }
  return {pattern};
}

/// Matches a bracket class starting at pattern[p] == '['; sets `next` past ']' and returns
/// whether `c` is in the class. Returns false with next == npos when the class is unclosed.
bool MatchClass(std::string_view pattern, size_t p, char c, size_t& next) {
  size_t pos = p + 1;
  bool negate = pos < pattern.size() && (pattern[pos] == '!' || pattern[pos] == '^');
  if (negate) ++pos;
  bool matched = false;
  bool first = true;
  while (pos < pattern.size() && (pattern[pos] != ']' || first)) {
    first = false;
    char low = pattern[pos];
    if (low == '\\' && pos + 1 < pattern.size()) low = pattern[++pos];
    char high = low;
    if (pos + 2 < pattern.size() && pattern[pos + 1] == '-' && pattern[pos + 2] != ']') {
      high = pattern[pos + 2];
      if (high == '\\' && pos + 3 < pattern.size()) high = pattern[++pos + 2];
      pos += 2;
    }
    if (c >= low && c <= high) matched = true;
    ++pos;
  }
  if (pos >= pattern.size()) {
    next = std::string_view::npos;
    return false;
  }
  next = pos + 1;
  return matched != negate;
}

bool MatchFrom(std::string_view name, size_t n, std::string_view pattern, size_t p) {
  while (p < pattern.size()) {
    char c = pattern[p];
    if (c == '*') {
      while (p < pattern.size() && pattern[p] == '*') ++p;
      if (n == 0 && !name.empty() && name[0] == '.') return false;  // minimatch dot: false
      for (size_t skip = n; skip <= name.size(); ++skip) {
        if (MatchFrom(name, skip, pattern, p)) return true;
      }
      return false;
    }
    if (n >= name.size()) return false;
    if (c == '?') {
      if (n == 0 && name[0] == '.') return false;
      ++n;
      ++p;
      continue;
    }
    if (c == '[') {
      size_t next = 0;
      bool in_class = MatchClass(pattern, p, name[n], next);
      if (next == std::string_view::npos) {
        if (name[n] != '[') return false;  // unclosed: literal '['
        ++n;
        ++p;
        continue;
      }
      if (!in_class) return false;
      ++n;
      p = next;
      continue;
    }
    if (c == '\\' && p + 1 < pattern.size()) c = pattern[++p];
    if (name[n] != c) return false;
    ++n;
    ++p;
  }
  return n == name.size();
}

}  // namespace

bool MiniMatch(std::string_view name, std::string_view pattern) {
  if (!pattern.empty() && pattern[0] == '#') return false;
  bool negated = false;
  size_t start = 0;
  while (start < pattern.size() && pattern[start] == '!') {
    negated = !negated;
    ++start;
  }
  bool matched = false;
  for (const std::string& alternative : ExpandBraces(std::string(pattern.substr(start)))) {
    if (MatchFrom(name, 0, alternative, 0)) {
      matched = true;
      break;
    }
  }
  return matched != negated;
}

bool PassesTablesFilter(std::string_view name, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return true;
  bool any_vote = false;
  for (const std::string& pattern : patterns) {
    bool negated = !pattern.empty() && pattern[0] == '!';
    bool matches = MiniMatch(name, pattern);
    if (negated && !matches) return false;  // drizzle-kit pushes `false`
    if (matches) any_vote = true;
  }
  return any_vote;
}

}  // namespace dp::introspect::sqlite
