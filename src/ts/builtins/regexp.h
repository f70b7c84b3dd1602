// Regular expressions over std::regex (ECMAScript grammar): compilation with JS flags
// (g i m s y; named groups rewritten to numbered ones), and a match primitive with
// UTF-16 indices that String.prototype methods and RegExp.prototype share.
#pragma once

#include <optional>
#include <regex>
#include <string>
#include <vector>

#include "ts/eval.h"

namespace dp::ts {

/// One successful match: byte offsets into the subject plus capture groups.
struct RegExpMatch {
  size_t begin = 0;  // byte offset of the match
  size_t end = 0;
  std::vector<std::optional<std::string>> groups;  // [0] is the whole match
  std::vector<std::pair<std::string, size_t>> named;  // group name -> index in groups
};

/// Searches `subject` from byte offset `from`; sticky regexps match only at `from`.
bool RegExpExec(Evaluator& ev, Object* regexp, const std::string& subject, size_t from, RegExpMatch* out);

/// The `g` flag.
bool RegExpGlobal(const Object* regexp);

/// Byte offset <-> UTF-16 index within a UTF-8 string.
size_t ByteToUtf16(const std::string& s, size_t byte);
size_t Utf16ToByte(const std::string& s, size_t index);

/// Builds the JS match array (with index, input, groups) for a match.
Value MatchToArray(Evaluator& ev, const std::string& subject, const RegExpMatch& m);

/// Expands $&, $1, $<name>, $$, $`, $' in a replacement template.
std::string ExpandReplacement(const std::string& replacement, const std::string& subject, const RegExpMatch& m);

}  // namespace dp::ts
