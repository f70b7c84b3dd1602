// Rename-or-create decisions. When entities disappear while others appear in the same
// scope (a table gone and another new), the diff cannot know whether that is a rename or
// a drop plus a create; it asks a Resolver and never guesses. Implementations: interactive
// (a terminal prompt), from hints (--hints / --hints-file, drizzle-kit 1.0's JSON format),
// and scripted (tests).
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

namespace dp::diff {

enum class EntityKind : uint8_t { Schema, Enum, Sequence, Table, Column, View, Role, Policy };

/// drizzle-kit 1.0 hint "kind" values: "schema", "enum", "sequence", "table", "column",
/// "view", "role", "policy".
const char* EntityKindName(EntityKind kind);
std::optional<EntityKind> ParseEntityKind(std::string_view name);

/// An entity's qualified name, outermost first, as in hints:
/// table ["public","users"], column ["public","users","name"], role ["admin"].
using EntityPath = std::vector<std::string>;

/// One rename: deleted[from] became created[to].
struct Rename {
  size_t from = 0;
  size_t to = 0;
};

/// One question the resolver could not answer (no terminal, no hint).
struct MissingHint {
  EntityKind kind;
  EntityPath created;                 // the new entity
  std::vector<EntityPath> deleted;    // candidates it could be renamed from
};

class Resolver {
 public:
  virtual ~Resolver() = default;
  /// Decides which created entities are renames of deleted ones (each deleted entity is
  /// renamed at most once). Entities not paired are created / dropped. When a question
  /// cannot be answered, the resolver records it (see missing()) and treats it as a create,
  /// so one diff pass collects every unanswered question.
  virtual std::vector<Rename> Resolve(EntityKind kind, std::span<const EntityPath> deleted,
                                      std::span<const EntityPath> created) = 0;
  /// Questions left unanswered so far; non-empty means the plan must not be applied.
  const std::vector<MissingHint>& missing() const { return missing_; }

 protected:
  std::vector<MissingHint> missing_;
};

/// A resolver for contexts with no ambiguity to resolve (e.g. export from nothing): every
/// question is answered "create".
class CreateAllResolver final : public Resolver {
 public:
  std::vector<Rename> Resolve(EntityKind, std::span<const EntityPath>, std::span<const EntityPath>) override {
    return {};
  }
};

}  // namespace dp::diff
