// Rename-or-create answers from hints, a prompt, or recorded as missing.
#include "push/push_resolver.h"

#include <fmt/format.h>

#include <algorithm>

namespace dp::push {

std::string DisplayName(diff::EntityKind kind, const diff::EntityPath& path) {
  if (path.empty()) return "";
  // Columns and policies are shown by their own name (the question names the table).
  if (kind == diff::EntityKind::Column || kind == diff::EntityKind::Policy) return path.back();
  if (path.size() == 2 && (path[0] == "public" || path[0].empty())) return path[1];
  std::string joined;
  for (const std::string& part : path) {
    if (!joined.empty()) joined += '.';
    joined += part;
  }
  return joined;
}

std::vector<diff::Rename> PushResolver::Resolve(diff::EntityKind kind, std::span<const diff::EntityPath> deleted,
                                                std::span<const diff::EntityPath> created) {
  std::vector<diff::Rename> renames;
  if (deleted.empty() || created.empty()) return renames;
  std::vector<bool> taken(deleted.size(), false);
  for (size_t to = 0; to < created.size(); ++to) {
    // 1. A rename hint naming this entity as its target.
    bool answered = false;
    for (const RenameHint& hint : hints_.renames) {
      if (hint.kind != kind || hint.to != created[to]) continue;
      auto it = std::find(deleted.begin(), deleted.end(), hint.from);
      if (it == deleted.end()) continue;
      size_t from = static_cast<size_t>(it - deleted.begin());
      if (taken[from]) continue;
      taken[from] = true;
      renames.push_back({from, to});
      answered = true;
      break;
    }
    if (answered) continue;
    // 2. A create hint.
    bool create = std::any_of(hints_.creates.begin(), hints_.creates.end(), [&](const CreateHint& hint) {
      return hint.kind == kind && hint.entity == created[to];
    });
    if (create) continue;
    std::vector<const diff::EntityPath*> candidates;
    std::vector<size_t> candidate_index;
    for (size_t from = 0; from < deleted.size(); ++from) {
      if (taken[from]) continue;
      candidates.push_back(&deleted[from]);
      candidate_index.push_back(from);
    }
    if (candidates.empty()) continue;  // nothing left it could be renamed from: a create
    // 3. The terminal, or 4. recorded as missing.
    if (prompter_ == nullptr) {
      diff::MissingHint missing{kind, created[to], {}};
      for (const diff::EntityPath* candidate : candidates) missing.deleted.push_back(*candidate);
      missing_.push_back(std::move(missing));
      continue;
    }
    std::optional<size_t> choice = Ask(kind, created[to], candidates);
    if (choice) {
      taken[candidate_index[*choice]] = true;
      renames.push_back({candidate_index[*choice], to});
    }
  }
  return renames;
}

std::optional<size_t> PushResolver::Ask(diff::EntityKind kind, const diff::EntityPath& created,
                                        const std::vector<const diff::EntityPath*>& candidates) {
  const char* kind_name = diff::EntityKindName(kind);
  std::string name = DisplayName(kind, created);
  std::string title = fmt::format("Is {} {} created or renamed from another {}?", name, kind_name, kind_name);
  if (kind == diff::EntityKind::Column && created.size() >= 2) {
    title = fmt::format("Is {} column in {} table created or renamed from another column?", name,
                        DisplayName(diff::EntityKind::Table, {created.begin(), created.end() - 1}));
  }
  size_t width = 0;
  for (const diff::EntityPath* candidate : candidates) {
    width = std::max(width, name.size() + 3 + DisplayName(kind, *candidate).size());
  }
  std::vector<std::string> items;
  items.push_back(fmt::format("+ {:<{}} create {}", name, width, kind_name));
  for (const diff::EntityPath* candidate : candidates) {
    std::string label = fmt::format("{} › {}", DisplayName(kind, *candidate), name);
    items.push_back(fmt::format("~ {:<{}} rename {}", label, width + 2, kind_name));
  }
  size_t chosen = prompter_->Select(title, items, 0);
  if (chosen == 0 || chosen > candidates.size()) return std::nullopt;
  return chosen - 1;
}

}  // namespace dp::push
