// difflib SequenceMatcher (longest matching blocks, recursively) and drizzle-kit's enum
// value diff on top of it.
#include "diff/pg/sequence_matcher.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

namespace dp::diff::pg {

namespace {

struct Block {
  size_t a, b, size;
};

Block FindLongestMatch(const std::vector<std::string>& a,
                       const std::unordered_map<std::string, std::vector<size_t>>& b2j, size_t alo, size_t ahi,
                       size_t blo, size_t bhi) {
  Block best{alo, blo, 0};
  std::map<size_t, size_t> j2len;
  for (size_t i = alo; i < ahi; ++i) {
    std::map<size_t, size_t> new_j2len;
    auto it = b2j.find(a[i]);
    if (it != b2j.end()) {
      for (size_t j : it->second) {
        if (j < blo) continue;
        if (j >= bhi) break;
        size_t prev = 0;
        if (j > 0) {
          auto found = j2len.find(j - 1);
          if (found != j2len.end()) prev = found->second;
        }
        size_t k = prev + 1;
        new_j2len[j] = k;
        if (k > best.size) best = {i + 1 - k, j + 1 - k, k};
      }
    }
    j2len = std::move(new_j2len);
  }
  return best;
}

std::vector<Block> MatchingBlocks(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::unordered_map<std::string, std::vector<size_t>> b2j;
  for (size_t j = 0; j < b.size(); ++j) b2j[b[j]].push_back(j);
  std::vector<std::tuple<size_t, size_t, size_t, size_t>> queue{{0, a.size(), 0, b.size()}};
  std::vector<Block> blocks;
  while (!queue.empty()) {
    auto [alo, ahi, blo, bhi] = queue.back();
    queue.pop_back();
    Block match = FindLongestMatch(a, b2j, alo, ahi, blo, bhi);
    if (match.size == 0) continue;
    blocks.push_back(match);
    if (alo < match.a && blo < match.b) queue.emplace_back(alo, match.a, blo, match.b);
    if (match.a + match.size < ahi && match.b + match.size < bhi) {
      queue.emplace_back(match.a + match.size, ahi, match.b + match.size, bhi);
    }
  }
  std::sort(blocks.begin(), blocks.end(), [](const Block& x, const Block& y) {
    return std::tie(x.a, x.b, x.size) < std::tie(y.a, y.b, y.size);
  });
  // Merge adjacent blocks.
  std::vector<Block> merged;
  for (const Block& block : blocks) {
    if (!merged.empty() && merged.back().a + merged.back().size == block.a &&
        merged.back().b + merged.back().size == block.b) {
      merged.back().size += block.size;
    } else {
      merged.push_back(block);
    }
  }
  merged.push_back({a.size(), b.size(), 0});
  return merged;
}

}  // namespace

std::vector<Opcode> DiffOpcodes(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::vector<Opcode> codes;
  size_t i = 0;
  size_t j = 0;
  for (const Block& block : MatchingBlocks(a, b)) {
    OpTag tag = OpTag::Equal;
    bool has = true;
    if (i < block.a && j < block.b) {
      tag = OpTag::Replace;
    } else if (i < block.a) {
      tag = OpTag::Delete;
    } else if (j < block.b) {
      tag = OpTag::Insert;
    } else {
      has = false;
    }
    if (has) codes.push_back({tag, i, block.a, j, block.b});
    i = block.a + block.size;
    j = block.b + block.size;
    if (block.size > 0) codes.push_back({OpTag::Equal, block.a, i, block.b, j});
  }
  return codes;
}

EnumValuesDiff DiffEnumValues(const std::vector<std::string>& from, const std::vector<std::string>& to) {
  // The json-diff sequence: same / removed / added entries, in order.
  enum class Kind : uint8_t { Same, Removed, Added };
  std::vector<std::pair<Kind, std::string>> sequence;
  for (const Opcode& code : DiffOpcodes(from, to)) {
    switch (code.tag) {
      case OpTag::Equal:
        for (size_t idx = code.a_begin; idx < code.a_end; ++idx) sequence.emplace_back(Kind::Same, from[idx]);
        break;
      case OpTag::Delete:
        for (size_t idx = code.a_begin; idx < code.a_end; ++idx) sequence.emplace_back(Kind::Removed, from[idx]);
        break;
      case OpTag::Insert:
        for (size_t idx = code.b_begin; idx < code.b_end; ++idx) sequence.emplace_back(Kind::Added, to[idx]);
        break;
      case OpTag::Replace:
        for (size_t idx = code.a_begin; idx < code.a_end; ++idx) sequence.emplace_back(Kind::Removed, from[idx]);
        for (size_t idx = code.b_begin; idx < code.b_end; ++idx) sequence.emplace_back(Kind::Added, to[idx]);
        break;
    }
  }
  // Scanning backwards, an added value goes before the nearest unchanged value after it.
  std::vector<std::string> before(sequence.size());
  std::string next_same;
  for (size_t idx = sequence.size(); idx-- > 0;) {
    if (sequence[idx].first == Kind::Same) next_same = sequence[idx].second;
    if (sequence[idx].first == Kind::Added) before[idx] = next_same;
  }
  EnumValuesDiff diff;
  for (size_t idx = 0; idx < sequence.size(); ++idx) {
    if (sequence[idx].first == Kind::Added) diff.added.push_back({sequence[idx].second, before[idx]});
    if (sequence[idx].first == Kind::Removed) diff.removed.push_back(sequence[idx].second);
  }
  return diff;
}

}  // namespace dp::diff::pg
