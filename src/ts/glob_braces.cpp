// Brace expansion for globs with the rules of the brace-expansion package (which minimatch
// uses): comma options, numeric and letter sequences with steps and zero padding, nesting,
// `\{` escapes, and the special cases it leaves literal ("{a}", "${a,b}", a leading "{}").
#include <cstdint>
#include <cstdlib>
#include <optional>

#include "ts/glob.h"

namespace dp::ts {

namespace {

// Placeholders for escaped brace characters while expanding (bytes that never occur in paths).
constexpr char kEscSlash = '\x01';
constexpr char kEscOpen = '\x02';
constexpr char kEscClose = '\x03';
constexpr char kEscComma = '\x04';
constexpr char kEscPeriod = '\x05';

struct Balanced {
  std::string pre, body, post;
};

/// The first balanced {...} pair the way balanced-match picks it (an unclosed '{' is skipped).
std::optional<Balanced> FindBalanced(const std::string& str) {
  size_t ai = str.find('{');
  if (ai == std::string::npos) return std::nullopt;
  size_t bi = str.find('}', ai + 1);
  if (bi == std::string::npos) return std::nullopt;
  std::vector<size_t> begs;
  size_t left = str.size(), right = 0;
  std::optional<std::pair<size_t, size_t>> result;
  size_t i = ai;
  bool have_i = true;
  while (have_i && !result) {
    if (i == ai) {
      begs.push_back(i);
      ai = str.find('{', i + 1);
    } else if (begs.size() == 1) {
      result = std::pair{begs.back(), bi};
      begs.pop_back();
    } else {
      size_t beg = begs.back();
      begs.pop_back();
      if (beg < left) {
        left = beg;
        right = bi;
      }
      bi = str.find('}', i + 1);
    }
    if (ai != std::string::npos && (bi == std::string::npos || ai < bi)) {
      i = ai;
    } else if (bi != std::string::npos) {
      i = bi;
    } else {
      have_i = false;
    }
  }
  if (!result && !begs.empty() && right > left) result = std::pair{left, right};
  if (!result) return std::nullopt;
  auto [start, end] = *result;
  return Balanced{str.substr(0, start), str.substr(start + 1, end - start - 1), str.substr(end + 1)};
}

std::vector<std::string> SplitOn(const std::string& text, char sep) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    size_t next = text.find(sep, pos);
    if (next == std::string::npos) {
      parts.push_back(text.substr(pos));
      return parts;
    }
    parts.push_back(text.substr(pos, next - pos));
    pos = next + 1;
  }
}

/// Splits an options body on the commas that are not inside nested braces.
std::vector<std::string> CommaParts(const std::string& body) {
  if (body.empty()) return {""};
  auto m = FindBalanced(body);
  if (!m) return SplitOn(body, ',');
  std::vector<std::string> parts = SplitOn(m->pre, ',');
  parts.back() += "{" + m->body + "}";
  std::vector<std::string> post_parts = CommaParts(m->post);
  if (!m->post.empty()) {
    parts.back() += post_parts.front();
    parts.insert(parts.end(), post_parts.begin() + 1, post_parts.end());
  }
  return parts;
}

bool IsDigits(std::string_view text, size_t from) {
  if (from >= text.size()) return false;
  for (size_t pos = from; pos < text.size(); ++pos) {
    if (text[pos] < '0' || text[pos] > '9') return false;
  }
  return true;
}

bool IsInteger(std::string_view text) {
  return IsDigits(text, !text.empty() && text[0] == '-' ? 1 : 0);
}

/// "a..b" or "a..b..c" with integers, or single letters (with an integer step).
std::optional<std::vector<std::string>> SequenceParts(const std::string& body, bool& alpha) {
  std::vector<std::string> parts;
  size_t pos = 0;
  while (true) {
    size_t next = body.find("..", pos);
    parts.push_back(body.substr(pos, next == std::string::npos ? std::string::npos : next - pos));
    if (next == std::string::npos) break;
    pos = next + 2;
  }
  if (parts.size() != 2 && parts.size() != 3) return std::nullopt;
  if (parts.size() == 3 && !IsInteger(parts[2])) return std::nullopt;
  auto is_letter = [](const std::string& p) {
    return p.size() == 1 && ((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z'));
  };
  if (IsInteger(parts[0]) && IsInteger(parts[1])) {
    alpha = false;
    return parts;
  }
  if (is_letter(parts[0]) && is_letter(parts[1])) {
    alpha = true;
    return parts;
  }
  return std::nullopt;
}

std::vector<std::string> ExpandSequence(const std::vector<std::string>& n, bool alpha) {
  auto numeric = [alpha](const std::string& p) -> long long {
    return alpha ? static_cast<unsigned char>(p[0]) : std::strtoll(p.c_str(), nullptr, 10);
  };
  long long x = numeric(n[0]);
  long long y = numeric(n[1]);
  size_t width = std::max(n[0].size(), n[1].size());
  long long incr = n.size() == 3 ? std::llabs(std::strtoll(n[2].c_str(), nullptr, 10)) : 1;
  if (incr == 0) incr = 1;
  bool reverse = y < x;
  if (reverse) incr = -incr;
  auto padded = [](const std::string& p) {
    size_t digit = !p.empty() && p[0] == '-' ? 1 : 0;
    return p.size() > digit + 1 && p[digit] == '0';
  };
  bool pad = !alpha && (padded(n[0]) || padded(n[1]) || (n.size() == 3 && padded(n[2])));
  std::vector<std::string> out;
  constexpr size_t kMaxSequence = 100000;  // a guard against "{1..999999999}"
  for (long long value = x; reverse ? value >= y : value <= y; value += incr) {
    if (out.size() >= kMaxSequence) break;
    std::string item;
    if (alpha) {
      char c = static_cast<char>(value);
      if (c != '\\') item = std::string(1, c);
    } else {
      item = std::to_string(value);
      if (pad && item.size() < width) {
        std::string zeros(width - item.size(), '0');
        item = value < 0 ? "-" + zeros + item.substr(1) : zeros + item;
      }
    }
    out.push_back(std::move(item));
  }
  return out;
}

std::vector<std::string> Expand(const std::string& str, bool is_top) {
  auto m = FindBalanced(str);
  if (!m) return {str};
  std::vector<std::string> post = m->post.empty() ? std::vector<std::string>{""} : Expand(m->post, false);
  std::vector<std::string> expansions;
  if (!m->pre.empty() && m->pre.back() == '$') {
    for (const auto& p : post) expansions.push_back(m->pre + "{" + m->body + "}" + p);
    return expansions;
  }
  bool alpha = false;
  auto sequence = SequenceParts(m->body, alpha);
  bool is_options = m->body.find(',') != std::string::npos;
  if (!sequence && !is_options) {
    // "{a},b}": the first '}' cannot close options; retry with it escaped.
    size_t comma = m->post.find(',');
    bool retry = false;
    while (comma != std::string::npos) {
      if (!(comma + 1 < m->post.size() && m->post[comma + 1] == ',')) {
        size_t brace = m->post.find('}', comma + 1);
        size_t newline = m->post.find('\n', comma + 1);
        if (brace != std::string::npos && (newline == std::string::npos || brace < newline)) retry = true;
        break;
      }
      comma = m->post.find(',', comma + 1);
    }
    if (retry) return Expand(m->pre + "{" + m->body + kEscClose + m->post, is_top);
    return {str};
  }
  std::vector<std::string> items;
  if (sequence) {
    items = ExpandSequence(*sequence, alpha);
  } else {
    std::vector<std::string> parts = CommaParts(m->body);
    if (parts.size() == 1) {
      std::vector<std::string> inner = Expand(parts[0], false);
      for (auto& item : inner) item = "{" + item + "}";
      if (inner.size() == 1) {
        for (const auto& p : post) expansions.push_back(m->pre + inner[0] + p);
        return expansions;
      }
      items = std::move(inner);
    } else {
      for (const auto& part : parts) {
        auto sub = Expand(part, false);
        items.insert(items.end(), sub.begin(), sub.end());
      }
    }
  }
  for (const auto& item : items) {
    for (const auto& p : post) {
      std::string expansion = m->pre + item + p;
      if (!is_top || sequence || !expansion.empty()) expansions.push_back(std::move(expansion));
    }
  }
  return expansions;
}

bool HasBraceGroup(std::string_view pattern) {
  // minimatch only expands when some '{' is followed by a '}' with no '{' or newline between.
  for (size_t open = pattern.find('{'); open != std::string_view::npos; open = pattern.find('{', open + 1)) {
    for (size_t pos = open + 1; pos < pattern.size(); ++pos) {
      if (pattern[pos] == '{' || pattern[pos] == '\n') break;
      if (pattern[pos] == '}') return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> ExpandBraces(std::string_view pattern) {
  if (!HasBraceGroup(pattern)) return {std::string(pattern)};
  std::string str(pattern);
  if (str.starts_with("{}")) str = "\\{\\}" + str.substr(2);
  std::string escaped;
  for (size_t pos = 0; pos < str.size(); ++pos) {
    if (str[pos] == '\\' && pos + 1 < str.size()) {
      char next = str[pos + 1];
      char esc = next == '\\'  ? kEscSlash
                 : next == '{' ? kEscOpen
                 : next == '}' ? kEscClose
                 : next == ',' ? kEscComma
                 : next == '.' ? kEscPeriod
                               : 0;
      if (esc != 0) {
        escaped += esc;
        ++pos;
        continue;
      }
    }
    escaped += str[pos];
  }
  std::vector<std::string> out = Expand(escaped, true);
  for (auto& item : out) {
    for (char& c : item) {
      if (c == kEscSlash) c = '\\';
      if (c == kEscOpen) c = '{';
      if (c == kEscClose) c = '}';
      if (c == kEscComma) c = ',';
      if (c == kEscPeriod) c = '.';
    }
  }
  return out;
}

}  // namespace dp::ts
