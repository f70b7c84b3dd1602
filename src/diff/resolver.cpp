// Entity kind names shared by prompts and hints.
#include "diff/resolver.h"

namespace dp::diff {

namespace {
constexpr const char* kKindNames[] = {"schema", "enum", "sequence", "table", "column", "view", "role", "policy"};
}

const char* EntityKindName(EntityKind kind) { return kKindNames[static_cast<size_t>(kind)]; }

std::optional<EntityKind> ParseEntityKind(std::string_view name) {
  for (size_t i = 0; i < std::size(kKindNames); ++i) {
    if (name == kKindNames[i]) return static_cast<EntityKind>(i);
  }
  return std::nullopt;
}

}  // namespace dp::diff
