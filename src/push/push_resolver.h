// The Resolver push uses: hints first, then the terminal prompt when there is one; an
// unanswered question is recorded as missing (exit 2), never guessed.
#pragma once

#include "diff/resolver.h"
#include "push/hints.h"
#include "push/prompter.h"

namespace dp::push {

class PushResolver final : public diff::Resolver {
 public:
  /// `prompter` may be null (no terminal).
  PushResolver(const Hints& hints, Prompter* prompter) : hints_(hints), prompter_(prompter) {}

  std::vector<diff::Rename> Resolve(diff::EntityKind kind, std::span<const diff::EntityPath> deleted,
                                    std::span<const diff::EntityPath> created) override;

 private:
  /// drizzle-kit's question: "Is users table created or renamed from another table?"
  std::optional<size_t> Ask(diff::EntityKind kind, const diff::EntityPath& created,
                            const std::vector<const diff::EntityPath*>& candidates);

  const Hints& hints_;
  Prompter* prompter_;
};

/// "public.users" -> "users" for the default schema, as drizzle-kit displays names.
std::string DisplayName(diff::EntityKind kind, const diff::EntityPath& path);

}  // namespace dp::push
