// Glob patterns as drizzle-kit uses them: the `schema` paths of drizzle.config (expanded
// like the `glob` 8 package, which drizzle-kit's prepareFilenames calls) and `tablesFilter`
// (matched like `minimatch`, with drizzle-kit's way of combining negations). One matcher
// serves both: `*`, `**`, `?`, `[...]` (with [:alpha:] classes), `{a,b}` and `{1..3}`
// braces, extglobs `!(..)`, `@(..)`, `+(..)`, `*(..)`, `?(..)`, and `\` escapes.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "ts/vfs.h"

namespace dp::ts {

/// minimatch options we need.
struct GlobOptions {
  bool dot = false;        // `*`, `?` and `**` may match names starting with '.'
  bool nonegate = false;   // a leading '!' is a literal character, not a negation
  bool nocomment = false;  // a leading '#' is a literal character, not a comment
};

struct GlobSegmentMatcher;  // the parsed form of a magic segment (glob.cpp)

/// One '/'-separated part of a pattern.
struct GlobSegment {
  std::string raw;        // as written (after brace expansion)
  bool globstar = false;  // exactly `**`
  bool magic = false;     // has glob syntax; otherwise `literal` is compared as is
  std::string literal;    // the unescaped text when !magic
  std::shared_ptr<const GlobSegmentMatcher> matcher;  // when magic
};

/// A compiled pattern (after brace expansion, one alternative per expansion).
class GlobPattern {
 public:
  /// Compiles `pattern`. Never fails: malformed classes and extglobs match literally, as in
  /// minimatch.
  static GlobPattern Compile(std::string_view pattern, GlobOptions options = {});

  /// minimatch's match(): `path` split on '/', each part matched against the pattern's
  /// parts; the result is inverted when the pattern is negated.
  bool Match(std::string_view path) const;
  /// True when the pattern started with an odd number of '!' (and nonegate is off).
  bool negated() const { return negated_; }

  /// One brace expansion of the pattern, split on '/'.
  struct Alternative {
    std::vector<GlobSegment> segments;
  };
  const std::vector<Alternative>& alternatives() const { return alternatives_; }
  const GlobOptions& options() const { return options_; }

 private:
  std::vector<Alternative> alternatives_;
  GlobOptions options_;
  bool negated_ = false;
  bool comment_ = false;  // a pattern starting with '#' matches nothing (minimatch)
  bool empty_ = false;    // the empty pattern matches only the empty string
};

/// Brace expansion like the brace-expansion package: "a{b,c}d" -> "abd", "acd";
/// "{1..3}" -> "1", "2", "3"; "{a..c}"; unbalanced braces stay literal.
std::vector<std::string> ExpandBraces(std::string_view pattern);

/// Matches one path segment (no '/') against one compiled segment (not a globstar), with
/// minimatch's rules for leading dots.
bool MatchSegment(const GlobSegment& segment, std::string_view name, bool dot);

/// Expands drizzle config `schema` entries the way drizzle-kit's prepareFilenames does:
/// each entry is globbed (glob 8: no negation, dot-files only when the pattern segment
/// starts with '.', `**` skips dot-directories and does not descend into symlinked ones);
/// a match that is a directory contributes its direct non-directory children (not
/// recursive, any extension); results are absolute paths, each entry's matches sorted as
/// glob sorts them (String.localeCompare "en"), entries concatenated, duplicates dropped.
/// Fails with drizzle-kit's message when nothing matches:
///   No schema files found for path config ['./src/schema']
///   If path represents a file - please make sure to use .ts or other extension in the path
base::Result<std::vector<std::string>> ExpandSchemaPaths(Vfs& vfs, std::string_view cwd,
                                                         const std::vector<std::string>& patterns);

/// glob 8's sync(): the matches of one pattern relative to `cwd` (paths as glob returns
/// them: relative when the pattern is, with its literal prefix kept), sorted like glob.
std::vector<std::string> GlobSync(Vfs& vfs, std::string_view cwd, std::string_view pattern);

/// drizzle-kit's tablesFilter (push/pull introspection): true when `name` passes `patterns`.
/// No patterns: true. Otherwise each pattern votes: a positive pattern that matches votes
/// yes; a negated pattern ("!x") votes no when x matches and yes when it does not. The
/// name passes when there is at least one vote and every vote is yes. So ["!audit_*"]
/// keeps every table but audit_*, and ["users", "!users"] keeps nothing.
bool MatchTablesFilter(std::string_view name, const std::vector<std::string>& patterns);

/// Compares two paths as JavaScript's a.localeCompare(b, "en") does (ICU root collation,
/// approximated for ASCII: punctuation < digits < letters, case as a tie-breaker with
/// lower case first); negative, zero or positive.
int LocaleCompare(std::string_view a, std::string_view b);

}  // namespace dp::ts
