// The glob matcher shared by schema globs and tablesFilter: segment parsing and a
// backtracking matcher with minimatch's semantics (leading-dot rules, extglobs, its
// lookahead form of `!(...)`). Brace expansion is in glob_braces.cpp; the file-system walk
// and the drizzle-kit entry points are in glob_walk.cpp.
#include "ts/glob.h"

#include <cstdint>
#include <cstdlib>
#include <functional>
#include <optional>

namespace dp::ts {

// --- segment parsing

struct ClassItem {
  uint32_t lo = 0, hi = 0;  // a code point range
  int posix = 0;            // nonzero: a [:name:] class (index into kPosixClasses + 1)
};

struct GlobNode;
using GlobSeq = std::vector<GlobNode>;

struct GlobNode {
  enum class Kind { Literal, Any, Star, Class, Ext } kind = Kind::Literal;
  char ch = 0;                   // Literal (one byte)
  bool negated = false;          // Class
  std::vector<ClassItem> items;  // Class
  char ext = 0;                  // Ext: '@' '?' '*' '+' '!'
  std::vector<GlobSeq> alts;     // Ext
};

struct GlobSegmentMatcher {
  GlobSeq seq;
  bool guard_dot = false;  // the segment starts with something that could match a leading '.'
};

namespace {

constexpr const char* kPosixClasses[] = {"alnum", "alpha", "ascii", "blank", "cntrl", "digit", "graph",
                                         "lower", "print", "punct", "space", "upper", "word",  "xdigit"};

bool PosixMatch(int posix, uint32_t cp) {
  bool ascii = cp < 128;
  char c = static_cast<char>(cp);
  bool upper = ascii && c >= 'A' && c <= 'Z';
  bool lower = ascii && c >= 'a' && c <= 'z';
  bool digit = ascii && c >= '0' && c <= '9';
  bool space = ascii && (c == ' ' || (c >= '\t' && c <= '\r'));
  bool cntrl = cp < 32 || cp == 127;
  bool print = ascii && cp >= 32 && cp < 127;
  // minimatch 7 maps [:alpha:] to \p{L}; count non-ASCII letters roughly (Latin-1 letters and up).
  bool other_letter = cp >= 0xC0 && cp != 0xD7 && cp != 0xF7;
  switch (posix) {
    case 1:
      return upper || lower || digit || other_letter;
    case 2:
      return upper || lower || other_letter;
    case 3:
      return ascii;
    case 4:
      return c == ' ' || c == '\t';
    case 5:
      return cntrl;
    case 6:
      return digit;
    case 7:
      return print && c != ' ';
    case 8:
      return lower;
    case 9:
      return print;
    case 10:
      return print && c != ' ' && !upper && !lower && !digit;
    case 11:
      return space;
    case 12:
      return upper;
    case 13:
      return upper || lower || digit || other_letter || c == '_';
    case 14:
      return digit || (ascii && ((c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
    default:
      return false;
  }
}

/// Length of the UTF-8 sequence starting with `lead` (1 for invalid bytes).
size_t Utf8Length(unsigned char lead) {
  if (lead < 0xC0) return 1;
  if (lead < 0xE0) return 2;
  if (lead < 0xF0) return 3;
  return 4;
}

uint32_t DecodeAt(std::string_view text, size_t pos, size_t& length) {
  auto lead = static_cast<unsigned char>(text[pos]);
  length = std::min(Utf8Length(lead), text.size() - pos);
  if (length == 1) return lead;
  uint32_t cp = lead & (0xFF >> (length + 1));
  for (size_t byte_idx = 1; byte_idx < length; ++byte_idx)
    cp = (cp << 6) | (static_cast<unsigned char>(text[pos + byte_idx]) & 0x3F);
  return cp;
}

class SegmentParser {
 public:
  explicit SegmentParser(std::string_view text) : text_(text) {}

  /// Parses text_[pos, end) into a sequence.
  GlobSeq ParseRange(size_t pos, size_t end) {
    GlobSeq seq;
    while (pos < end) {
      char c = text_[pos];
      if (c == '\\' && pos + 1 < end) {
        AddLiteral(seq, text_[pos + 1]);
        pos += 2;
        continue;
      }
      if ((c == '@' || c == '!' || c == '?' || c == '*' || c == '+') && pos + 1 < end &&
          text_[pos + 1] == '(') {
        size_t close = FindClose(pos + 2, end);
        if (close != std::string_view::npos) {
          GlobNode node;
          node.kind = GlobNode::Kind::Ext;
          node.ext = c;
          size_t start = pos + 2;
          for (size_t bar : FindBars(start, close)) {
            node.alts.push_back(ParseRange(start, bar));
            start = bar + 1;
          }
          node.alts.push_back(ParseRange(start, close));
          seq.push_back(std::move(node));
          pos = close + 1;
          continue;
        }
        // Unclosed: the type character keeps its plain meaning and '(' is literal.
      }
      if (c == '*') {
        if (seq.empty() || seq.back().kind != GlobNode::Kind::Star)
          seq.push_back(GlobNode{GlobNode::Kind::Star});
        ++pos;
        continue;
      }
      if (c == '?') {
        seq.push_back(GlobNode{GlobNode::Kind::Any});
        ++pos;
        continue;
      }
      if (c == '[') {
        size_t next = 0;
        if (auto node = ParseClass(pos, end, next)) {
          seq.push_back(std::move(*node));
          pos = next;
          continue;
        }
      }
      AddLiteral(seq, c);
      ++pos;
    }
    return seq;
  }

 private:
  static void AddLiteral(GlobSeq& seq, char c) {
    GlobNode node;
    node.ch = c;
    seq.push_back(std::move(node));
  }

  /// Skips a bracket expression starting at `pos` ('['); npos when it does not close.
  size_t SkipClass(size_t pos, size_t end) const {
    size_t next = 0;
    return ParseClass(pos, end, next) ? next : std::string_view::npos;
  }

  /// The ')' closing an extglob whose body starts at `pos`; npos when unclosed.
  size_t FindClose(size_t pos, size_t end) const {
    int depth = 0;
    while (pos < end) {
      char c = text_[pos];
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '[') {
        size_t after = SkipClass(pos, end);
        if (after != std::string_view::npos) {
          pos = after;
          continue;
        }
      }
      if ((c == '@' || c == '!' || c == '?' || c == '*' || c == '+') && pos + 1 < end &&
          text_[pos + 1] == '(') {
        ++depth;
        pos += 2;
        continue;
      }
      if (c == ')') {
        if (depth == 0) return pos;
        --depth;
      }
      ++pos;
    }
    return std::string_view::npos;
  }

  /// The top-level '|' separators between `pos` and `close`.
  std::vector<size_t> FindBars(size_t pos, size_t close) const {
    std::vector<size_t> bars;
    int depth = 0;
    while (pos < close) {
      char c = text_[pos];
      if (c == '\\') {
        pos += 2;
        continue;
      }
      if (c == '[') {
        size_t after = SkipClass(pos, close);
        if (after != std::string_view::npos) {
          pos = after;
          continue;
        }
      }
      if ((c == '@' || c == '!' || c == '?' || c == '*' || c == '+') && pos + 1 < close &&
          text_[pos + 1] == '(') {
        ++depth;
        pos += 2;
        continue;
      }
      if (c == ')' && depth > 0) --depth;
      if (c == '|' && depth == 0) bars.push_back(pos);
      ++pos;
    }
    return bars;
  }

  /// Parses "[...]" at `pos`; nullopt when it is not a valid class (then '[' is literal).
  std::optional<GlobNode> ParseClass(size_t pos, size_t end, size_t& next) const {
    GlobNode node;
    node.kind = GlobNode::Kind::Class;
    size_t i = pos + 1;
    if (i < end && (text_[i] == '!' || text_[i] == '^')) {
      node.negated = true;
      ++i;
    }
    size_t first = i;
    while (i < end) {
      char c = text_[i];
      if (c == ']' && i > first) {
        next = i + 1;
        return node;
      }
      if (c == '[' && i + 1 < end && text_[i + 1] == ':') {
        size_t close = text_.find(":]", i + 2);
        if (close != std::string_view::npos && close < end) {
          std::string_view name = text_.substr(i + 2, close - i - 2);
          for (size_t class_idx = 0; class_idx < std::size(kPosixClasses); ++class_idx) {
            if (name == kPosixClasses[class_idx]) {
              node.items.push_back(ClassItem{0, 0, static_cast<int>(class_idx) + 1});
              i = close + 2;
              break;
            }
          }
          if (i == close + 2) continue;
        }
      }
      size_t length = 1;
      if (c == '\\' && i + 1 < end) ++i;
      uint32_t lo = DecodeAt(text_.substr(0, end), i, length);
      i += length;
      uint32_t hi = lo;
      if (i + 1 < end && text_[i] == '-' && text_[i + 1] != ']') {
        size_t hi_pos = i + 1;
        if (text_[hi_pos] == '\\' && hi_pos + 1 < end) ++hi_pos;
        hi = DecodeAt(text_.substr(0, end), hi_pos, length);
        i = hi_pos + length;
        if (hi < lo) return std::nullopt;  // an invalid range makes the whole class literal
      }
      node.items.push_back(ClassItem{lo, hi, 0});
    }
    return std::nullopt;
  }

  std::string_view text_;
};

bool ClassMatches(const GlobNode& node, uint32_t cp) {
  bool hit = false;
  for (const ClassItem& item : node.items) {
    if (item.posix != 0 ? PosixMatch(item.posix, cp) : (cp >= item.lo && cp <= item.hi)) {
      hit = true;
      break;
    }
  }
  return hit != node.negated;
}

/// Backtracking matcher over one name. Continuations say what must follow.
class Matcher {
 public:
  using Cont = std::function<bool(size_t)>;

  explicit Matcher(std::string_view name) : name_(name) {}

  bool MatchAll(const GlobSeq& seq) {
    Cont end = [this](size_t pos) { return !anchored_ || pos == name_.size(); };
    return Match(seq, 0, 0, end, true);
  }

 private:
  size_t Next(size_t pos) const {
    size_t length = 0;
    DecodeAt(name_, pos, length);
    return pos + length;
  }

  bool Match(const GlobSeq& seq, size_t idx, size_t pos, const Cont& k, bool top) {
    if (idx == seq.size()) return k(pos);
    const GlobNode& node = seq[idx];
    switch (node.kind) {
      case GlobNode::Kind::Literal:
        return pos < name_.size() && name_[pos] == node.ch && Match(seq, idx + 1, pos + 1, k, top);
      case GlobNode::Kind::Any:
        return pos < name_.size() && Match(seq, idx + 1, Next(pos), k, top);
      case GlobNode::Kind::Class: {
        if (pos >= name_.size()) return false;
        size_t length = 0;
        uint32_t cp = DecodeAt(name_, pos, length);
        return ClassMatches(node, cp) && Match(seq, idx + 1, pos + length, k, top);
      }
      case GlobNode::Kind::Star:
        for (size_t p = pos;; p = Next(p)) {
          if (Match(seq, idx + 1, p, k, top)) return true;
          if (p >= name_.size()) return false;
        }
      case GlobNode::Kind::Ext:
        return MatchExt(seq, idx, pos, k, top);
    }
    return false;
  }

  bool AnyAlt(const GlobNode& node, size_t pos, const Cont& k) {
    for (const GlobSeq& alt : node.alts) {
      if (Match(alt, 0, pos, k, false)) return true;
    }
    return false;
  }

  /// (alts)* followed by `rest`: each repetition must consume something, as in JS regex.
  bool Repeat(const GlobNode& node, size_t pos, const Cont& rest) {
    if (rest(pos)) return true;
    Cont again = [&, pos](size_t p) { return p > pos && Repeat(node, p, rest); };
    return AnyAlt(node, pos, again);
  }

  bool MatchExt(const GlobSeq& seq, size_t idx, size_t pos, const Cont& k, bool top) {
    const GlobNode& node = seq[idx];
    Cont rest = [&](size_t p) { return Match(seq, idx + 1, p, k, top); };
    switch (node.ext) {
      case '@':
        return AnyAlt(node, pos, rest);
      case '?':
        return AnyAlt(node, pos, rest) || rest(pos);
      case '*':
        return Repeat(node, pos, rest);
      case '+': {
        Cont after_first = [&](size_t p) { return p == pos ? rest(p) : Repeat(node, p, rest); };
        return AnyAlt(node, pos, after_first);
      }
      case '!': {
        // minimatch: (?!(?:alts)<rest>)[^/]*?<rest>; the lookahead is anchored at the end
        // only when nothing follows the negation in the segment.
        bool saved = anchored_;
        anchored_ = top && idx + 1 == seq.size();
        bool excluded = AnyAlt(node, pos, rest);
        anchored_ = saved;
        if (excluded) return false;
        for (size_t p = pos;; p = Next(p)) {
          if (rest(p)) return true;
          if (p >= name_.size()) return false;
        }
      }
      default:
        return false;
    }
  }

  std::string_view name_;
  bool anchored_ = true;
};

GlobSegment CompileSegment(std::string_view raw) {
  GlobSegment segment;
  segment.raw = std::string(raw);
  if (raw == "**") {
    segment.globstar = true;
    segment.magic = true;
    return segment;
  }
  SegmentParser parser(raw);
  GlobSeq seq = parser.ParseRange(0, raw.size());
  bool magic = false;
  for (const GlobNode& node : seq) magic = magic || node.kind != GlobNode::Kind::Literal;
  if (!magic) {
    for (const GlobNode& node : seq) segment.literal += node.ch;
    return segment;
  }
  auto matcher = std::make_shared<GlobSegmentMatcher>();
  GlobNode::Kind first = seq.front().kind;
  matcher->guard_dot = first != GlobNode::Kind::Literal && !raw.starts_with('.');
  matcher->seq = std::move(seq);
  segment.magic = true;
  segment.matcher = std::move(matcher);
  return segment;
}

/// minimatch's matchOne: file parts against pattern parts, with `**` swallowing parts.
bool MatchParts(const std::vector<std::string_view>& file, size_t fi, const std::vector<GlobSegment>& pattern,
                size_t pi, bool dot) {
  auto hidden = [dot](std::string_view part) {
    return part == "." || part == ".." || (!dot && part.starts_with('.'));
  };
  for (; fi < file.size() && pi < pattern.size(); ++fi, ++pi) {
    const GlobSegment& segment = pattern[pi];
    if (segment.globstar) {
      if (pi + 1 == pattern.size()) {
        for (; fi < file.size(); ++fi) {
          if (hidden(file[fi])) return false;
        }
        return true;
      }
      for (size_t fr = fi; fr < file.size(); ++fr) {
        if (MatchParts(file, fr, pattern, pi + 1, dot)) return true;
        if (hidden(file[fr])) break;
      }
      return false;
    }
    if (!MatchSegment(segment, file[fi], dot)) return false;
  }
  if (fi == file.size() && pi == pattern.size()) return true;
  if (fi == file.size()) return false;
  return fi + 1 == file.size() && file[fi].empty();
}

std::vector<std::string_view> SplitSlashes(std::string_view text) {
  std::vector<std::string_view> parts;
  size_t pos = 0;
  while (true) {
    size_t slash = text.find('/', pos);
    if (slash == std::string_view::npos) {
      parts.push_back(text.substr(pos));
      return parts;
    }
    parts.push_back(text.substr(pos, slash - pos));
    pos = slash + 1;
    while (pos < text.size() && text[pos] == '/') ++pos;  // "a//b" is "a/b"
  }
}

}  // namespace

bool MatchSegment(const GlobSegment& segment, std::string_view name, bool dot) {
  if (!segment.magic) return name == segment.literal;
  if (segment.globstar)
    return !name.empty() && name != "." && name != ".." && (dot || !name.starts_with('.'));
  if (name.empty()) return false;
  const GlobSegmentMatcher& matcher = *segment.matcher;
  if (matcher.guard_dot) {
    if (!dot && name.starts_with('.')) return false;
    if (dot && (name == "." || name == "..")) return false;
  }
  return Matcher(name).MatchAll(matcher.seq);
}

GlobPattern GlobPattern::Compile(std::string_view pattern, GlobOptions options) {
  GlobPattern out;
  out.options_ = options;
  if (!options.nocomment && pattern.starts_with('#')) {
    out.comment_ = true;
    return out;
  }
  if (pattern.empty()) {
    out.empty_ = true;
    return out;
  }
  if (!options.nonegate) {
    size_t bangs = 0;
    while (bangs < pattern.size() && pattern[bangs] == '!') ++bangs;
    out.negated_ = bangs % 2 == 1;
    pattern.remove_prefix(bangs);
  }
  for (const std::string& expansion : ExpandBraces(pattern)) {
    Alternative alternative;
    for (std::string_view part : SplitSlashes(expansion))
      alternative.segments.push_back(CompileSegment(part));
    out.alternatives_.push_back(std::move(alternative));
  }
  return out;
}

bool GlobPattern::Match(std::string_view path) const {
  if (comment_) return false;
  if (empty_) return path.empty();
  std::vector<std::string_view> parts = SplitSlashes(path);
  for (const Alternative& alternative : alternatives_) {
    if (MatchParts(parts, 0, alternative.segments, 0, options_.dot)) return !negated_;
  }
  return negated_;
}

}  // namespace dp::ts
