// Globs against the file system and drizzle-kit's uses of them: GlobSync walks directories
// the way the `glob` 8 package does (the one drizzle-kit bundles), ExpandSchemaPaths is
// drizzle-kit's prepareFilenames, MatchTablesFilter its tablesFilter votes, and
// LocaleCompare the collation glob sorts its results with.
#include <algorithm>
#include <array>
#include <map>
#include <optional>
#include <set>

#include "ts/glob.h"

namespace dp::ts {

namespace {

/// One part of a pattern being walked: literal text, or a compiled segment.
struct WalkItem {
  std::string text;                      // when segment == nullptr
  const GlobSegment* segment = nullptr;  // magic or `**`
};

std::string JoinItems(const std::vector<WalkItem>& items, size_t count) {
  std::string out;
  for (size_t item_idx = 0; item_idx < count; ++item_idx) {
    if (item_idx > 0) out += '/';
    out += items[item_idx].text;
  }
  return out;
}

/// Node's path.join("/", path): normalized, keeping a trailing slash.
std::string JoinRoot(const std::string& path) {
  std::string out = NormalizePath(path);
  if (path.size() > 1 && path.back() == '/' && out != "/") out += '/';
  return out;
}

class GlobWalker {
 public:
  GlobWalker(Vfs& vfs, std::string cwd) : vfs_(vfs), cwd_(std::move(cwd)) {}

  void Run(const GlobPattern::Alternative& alternative) {
    std::vector<WalkItem> items;
    for (const GlobSegment& segment : alternative.segments) {
      if (segment.magic) {
        items.push_back(WalkItem{{}, &segment});
      } else {
        items.push_back(WalkItem{segment.literal, nullptr});
      }
    }
    Process(items, false);
  }

  std::vector<std::string> Finish() {
    std::sort(found_.begin(), found_.end(),
              [](const std::string& a, const std::string& b) { return LocaleCompare(a, b) < 0; });
    return std::move(found_);
  }

 private:
  std::string MakeAbs(const std::string& path) const {
    if (IsAbsolutePath(path)) return NormalizePath(path);
    return ResolvePath(cwd_, path);
  }

  void Emit(std::string path) {
    if (seen_.insert(path).second) found_.push_back(std::move(path));
  }

  void Process(const std::vector<WalkItem>& items, bool in_globstar) {
    size_t literal_count = 0;
    while (literal_count < items.size() && items[literal_count].segment == nullptr) ++literal_count;
    if (literal_count == items.size()) {
      ProcessSimple(JoinItems(items, items.size()));
      return;
    }
    std::optional<std::string> prefix;
    if (literal_count > 0) prefix = JoinItems(items, literal_count);
    // The pattern started with '/' when the prefix is empty.
    std::string read = !prefix ? std::string(".") : prefix->empty() ? std::string(1, '/') : *prefix;
    std::string abs = MakeAbs(read);
    std::vector<WalkItem> remain(items.begin() + static_cast<ptrdiff_t>(literal_count), items.end());
    if (remain.front().segment->globstar) {
      ProcessGlobStar(prefix, abs, remain, in_globstar);
    } else {
      ProcessReaddir(prefix, abs, remain, in_globstar);
    }
  }

  std::optional<std::vector<std::string>> Readdir(const std::string& abs, bool in_globstar) {
    if (in_globstar && !symlinks_.contains(abs)) {
      bool is_symlink = vfs_.IsSymlink(abs);
      FileKind kind = vfs_.Stat(abs);
      if (kind == FileKind::Missing && !is_symlink) return std::nullopt;
      symlinks_[abs] = is_symlink;
      if (!is_symlink && kind != FileKind::Directory) return std::nullopt;
    }
    if (vfs_.Stat(abs) != FileKind::Directory) return std::nullopt;
    auto entries = vfs_.ListDirectory(abs);
    if (!entries) return std::nullopt;
    std::vector<std::string> names;
    for (const DirEntry& entry : *entries) names.push_back(entry.name);
    return names;
  }

  void ProcessReaddir(const std::optional<std::string>& prefix, const std::string& abs,
                      const std::vector<WalkItem>& remain, bool in_globstar) {
    auto entries = Readdir(abs, in_globstar);
    if (!entries) return;
    const GlobSegment& segment = *remain.front().segment;
    bool dot_ok = segment.raw.starts_with('.');
    std::vector<std::string> matched;
    for (const std::string& entry : *entries) {
      if (entry.starts_with('.') && !dot_ok) continue;
      if (MatchSegment(segment, entry, false)) matched.push_back(entry);
    }
    if (matched.empty()) return;
    if (remain.size() == 1) {
      for (const std::string& entry : matched) {
        std::string path = entry;
        if (prefix) path = prefix->ends_with('/') ? *prefix + entry : *prefix + "/" + entry;
        if (IsAbsolutePath(path)) path = JoinRoot(path);
        Emit(std::move(path));
      }
      return;
    }
    for (const std::string& entry : matched) {
      std::vector<WalkItem> next;
      if (prefix) next.push_back(WalkItem{*prefix, nullptr});
      next.push_back(WalkItem{entry, nullptr});
      next.insert(next.end(), remain.begin() + 1, remain.end());
      Process(next, in_globstar);
    }
  }

  void ProcessGlobStar(const std::optional<std::string>& prefix, const std::string& abs,
                       const std::vector<WalkItem>& remain, bool in_globstar) {
    auto entries = Readdir(abs, in_globstar);
    if (!entries) return;
    std::vector<WalkItem> gspref;
    if (prefix) gspref.push_back(WalkItem{*prefix, nullptr});
    std::vector<WalkItem> no_globstar = gspref;
    no_globstar.insert(no_globstar.end(), remain.begin() + 1, remain.end());
    Process(no_globstar, false);
    auto sym = symlinks_.find(abs);
    if (sym != symlinks_.end() && sym->second && in_globstar) return;  // no descent into symlinks
    for (const std::string& entry : *entries) {
      if (entry.starts_with('.')) continue;
      std::vector<WalkItem> instead = gspref;
      instead.push_back(WalkItem{entry, nullptr});
      std::vector<WalkItem> below = instead;
      instead.insert(instead.end(), remain.begin() + 1, remain.end());
      below.insert(below.end(), remain.begin(), remain.end());
      Process(instead, true);
      Process(below, true);
    }
  }

  void ProcessSimple(std::string path) {
    if (path.empty()) return;  // glob stats "" and finds nothing
    std::string abs = MakeAbs(path);
    bool need_dir = path.ends_with('/');
    FileKind kind = vfs_.Stat(abs);
    if (kind == FileKind::Missing) {
      if (!vfs_.IsSymlink(abs)) return;
      kind = FileKind::File;  // a dangling link exists for lstat
    }
    if (need_dir && kind != FileKind::Directory) return;
    if (IsAbsolutePath(path)) path = JoinRoot(path);
    Emit(std::move(path));
  }

  Vfs& vfs_;
  std::string cwd_;
  std::map<std::string, bool> symlinks_;
  std::set<std::string> seen_;
  std::vector<std::string> found_;
};

/// lstat(path).isDirectory(): a symlink counts only when the path ends in '/'.
bool LstatIsDirectory(Vfs& vfs, const std::string& abs, bool trailing_slash) {
  if (vfs.Stat(abs) != FileKind::Directory) return false;
  return trailing_slash || !vfs.IsSymlink(abs);
}

/// ICU root collation weights for ASCII (0 = ignorable), from Node's localeCompare.
std::array<uint16_t, 256> PrimaryWeights() {
  std::array<uint16_t, 256> weights{};
  const std::string order =
      "\t\n\v\f\r _-,;:!?.'\"()[]{}@*/\\&#%`^+<=>|~$0123456789abcdefghijklmnopqrstuvwxyz";
  for (size_t rank = 0; rank < order.size(); ++rank) {
    weights[static_cast<unsigned char>(order[rank])] = static_cast<uint16_t>(rank + 1);
  }
  for (char c = 'A'; c <= 'Z'; ++c)
    weights[static_cast<unsigned char>(c)] = weights[static_cast<unsigned char>(c - 'A' + 'a')];
  for (int byte = 128; byte < 256; ++byte) weights[byte] = static_cast<uint16_t>(1000 + byte);
  return weights;
}

}  // namespace

int LocaleCompare(std::string_view a, std::string_view b) {
  static const std::array<uint16_t, 256> kWeights = PrimaryWeights();
  auto keys = [](std::string_view text, std::vector<uint16_t>& primary, std::vector<uint8_t>& tertiary) {
    for (char c : text) {
      uint16_t weight = kWeights[static_cast<unsigned char>(c)];
      if (weight == 0) continue;
      primary.push_back(weight);
      tertiary.push_back(c >= 'A' && c <= 'Z' ? 1 : 0);
    }
  };
  std::vector<uint16_t> primary_a, primary_b;
  std::vector<uint8_t> tertiary_a, tertiary_b;
  keys(a, primary_a, tertiary_a);
  keys(b, primary_b, tertiary_b);
  if (primary_a != primary_b) return primary_a < primary_b ? -1 : 1;
  if (tertiary_a != tertiary_b) return tertiary_a < tertiary_b ? -1 : 1;
  return a == b ? 0 : (a < b ? -1 : 1);
}

std::vector<std::string> GlobSync(Vfs& vfs, std::string_view cwd, std::string_view pattern) {
  GlobOptions options;
  options.nonegate = true;
  options.nocomment = true;
  GlobPattern compiled = GlobPattern::Compile(pattern, options);
  GlobWalker walker(vfs, ResolvePath("/", cwd));
  for (const auto& alternative : compiled.alternatives()) walker.Run(alternative);
  return walker.Finish();
}

base::Result<std::vector<std::string>> ExpandSchemaPaths(Vfs& vfs, std::string_view cwd,
                                                         const std::vector<std::string>& patterns) {
  std::string abs_cwd = ResolvePath("/", cwd);
  std::vector<std::string> files;
  std::set<std::string> seen;
  auto add = [&](std::string path) {
    if (seen.insert(path).second) files.push_back(std::move(path));
  };
  for (const std::string& pattern : patterns) {
    if (pattern.empty()) return base::Fail("schema path must not be empty");
    for (const std::string& match : GlobSync(vfs, abs_cwd, pattern)) {
      std::string abs = ResolvePath(abs_cwd, match);
      if (!LstatIsDirectory(vfs, abs, match.ends_with('/'))) {
        add(abs);
        continue;
      }
      auto entries = vfs.ListDirectory(abs);
      if (!entries) return base::Fail(entries.error());
      for (const DirEntry& entry : *entries) {
        std::string child = JoinPath(abs, entry.name);
        if (!LstatIsDirectory(vfs, child, false)) add(child);
      }
    }
  }
  if (files.empty()) {
    std::string list;
    for (const std::string& pattern : patterns) {
      if (!list.empty()) list += ", ";
      list += "'" + pattern + "'";
    }
    return base::Fail(
        "No schema files found for path config [{}]\n"
        "If path represents a file - please make sure to use .ts or other extension in the path",
        list);
  }
  return files;
}

bool MatchTablesFilter(std::string_view name, const std::vector<std::string>& patterns) {
  if (patterns.empty()) return true;
  bool any_vote = false;
  for (const std::string& pattern : patterns) {
    GlobPattern matcher = GlobPattern::Compile(pattern);
    bool match = matcher.Match(name);
    if (matcher.negated() && !match) return false;  // "!x" and the name is x: a no vote
    if (match) any_vote = true;
  }
  return any_vote;
}

}  // namespace dp::ts
