// Python difflib's SequenceMatcher opcodes over string lists (the algorithm json-diff, and
// so drizzle-kit, uses to diff enum value lists). Without junk heuristics: enum value lists
// are short (difflib's autojunk only applies from 200 elements).
#pragma once

#include <string>
#include <vector>

namespace dp::diff::pg {

enum class OpTag : uint8_t { Equal, Replace, Delete, Insert };

struct Opcode {
  OpTag tag;
  size_t a_begin, a_end, b_begin, b_end;
};

/// get_opcodes() of SequenceMatcher(None, a, b).
std::vector<Opcode> DiffOpcodes(const std::vector<std::string>& a, const std::vector<std::string>& b);

/// An enum value list change as drizzle-kit sees it.
struct EnumValuesDiff {
  struct Added {
    std::string value;
    std::string before;  ///< the next unchanged value after it, "" at the end
  };
  std::vector<Added> added;
  std::vector<std::string> removed;
};

/// drizzle-kit's mapArraysDiff: the added values (with the value they go before) and the
/// removed ones.
EnumValuesDiff DiffEnumValues(const std::vector<std::string>& from, const std::vector<std::string>& to);

}  // namespace dp::diff::pg
