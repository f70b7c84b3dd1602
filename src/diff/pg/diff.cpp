// The PostgreSQL diff's driver: normalizes both snapshots, resolves renames in
// drizzle-kit's order (each rename patches the current snapshot, so later steps compare
// like with like), emits changes per object kind into ordered phases, applies
// drizzle-kit's statement filters and assembles the plan.
#include "diff/pg/diff.h"

#include <fmt/format.h>

#include <algorithm>

#include "diff/pg/diff_context.h"
#include "diff/pg/normalize.h"

namespace dp::diff::pg {

EntityPath QualifiedPath(const std::string& schema, const std::string& name) {
  return {schema.empty() ? std::string("public") : schema, name};
}

base::Result<std::vector<std::pair<size_t, size_t>>> DiffContext::Ask(EntityKind kind,
                                                                      const std::vector<EntityPath>& deleted,
                                                                      const std::vector<EntityPath>& created) {
  std::vector<std::pair<size_t, size_t>> pairs;
  if (deleted.empty() || created.empty()) return pairs;
  std::vector<Rename> renames = resolver_.Resolve(kind, deleted, created);
  std::vector<bool> from_used(deleted.size(), false);
  std::vector<bool> to_used(created.size(), false);
  for (const Rename& rename : renames) {
    if (rename.from >= deleted.size() || rename.to >= created.size() || from_used[rename.from] || to_used[rename.to]) {
      return base::Fail("resolver answered an invalid {} rename ({} -> {})", EntityKindName(kind), rename.from,
                        rename.to);
    }
    from_used[rename.from] = true;
    to_used[rename.to] = true;
    pairs.emplace_back(rename.from, rename.to);
  }
  // drizzle-kit lists renames in the order of the created entities.
  std::sort(pairs.begin(), pairs.end(), [](const auto& a, const auto& b) { return a.second < b.second; });
  return pairs;
}

base::Result<std::vector<std::pair<std::string, std::string>>> DiffContext::Match(
    EntityKind kind, const std::vector<std::string>& deleted_keys, const std::vector<EntityPath>& deleted_paths,
    const std::vector<std::string>& created_keys, const std::vector<EntityPath>& created_paths,
    std::vector<std::string>& created_out, std::vector<std::string>& deleted_out) {
  auto pairs = Ask(kind, deleted_paths, created_paths);
  if (!pairs) return tl::unexpected(pairs.error());
  std::vector<bool> deleted_renamed(deleted_keys.size(), false);
  std::vector<bool> created_renamed(created_keys.size(), false);
  std::vector<std::pair<std::string, std::string>> renamed;
  for (const auto& [from, to] : *pairs) {
    deleted_renamed[from] = true;
    created_renamed[to] = true;
    renamed.emplace_back(deleted_keys[from], created_keys[to]);
  }
  for (size_t idx = 0; idx < created_keys.size(); ++idx) {
    if (!created_renamed[idx]) created_out.push_back(created_keys[idx]);
  }
  for (size_t idx = 0; idx < deleted_keys.size(); ++idx) {
    if (!deleted_renamed[idx]) deleted_out.push_back(deleted_keys[idx]);
  }
  return renamed;
}

Plan DiffContext::Assemble() {
  Plan plan;
  for (auto& phase : phases_) {
    for (Change& change : phase) plan.changes.push_back(std::move(change));
  }
  plan.notes = std::move(notes_);
  return plan;
}

model::pg::Snapshot EmptySnapshot() { return model::pg::Snapshot{}; }

PreparedDesired PrepareDesired(model::pg::Snapshot desired) {
  Normalize(desired);
  return PreparedDesired{std::move(desired)};
}

base::Result<Plan> Diff(model::pg::Snapshot current, model::pg::Snapshot desired, Resolver& resolver,
                        const DiffOptions& options) {
  return Diff(std::move(current), PrepareDesired(std::move(desired)), resolver, options);
}

base::Result<Plan> Diff(model::pg::Snapshot current, PreparedDesired desired, Resolver& resolver,
                        const DiffOptions& options) {
  Normalize(current);
  DiffContext ctx(std::move(current), std::move(desired.snapshot), resolver, options);

  DP_TRY(ResolveSchemas(ctx));
  DP_TRY(ResolveEnums(ctx));
  DP_TRY(ResolveSequences(ctx));
  DP_TRY(ResolveRoles(ctx));
  DP_TRY(ResolveTables(ctx));
  DP_TRY(ResolveColumns(ctx));
  DP_TRY(ResolveTablePolicies(ctx));
  DP_TRY(ResolveIndPolicies(ctx));
  DP_TRY(ResolveViews(ctx));

  EmitSchemas(ctx);
  EmitEnums(ctx);
  EmitSequences(ctx);
  EmitRoles(ctx);
  EmitTables(ctx);
  EmitRls(ctx);
  EmitIndPolicies(ctx);
  EmitViews(ctx);
  ApplyFilters(ctx);
  return ctx.Assemble();
}

const char* ChangeKindName(const Change& change) {
  static constexpr const char* kNames[] = {
      "create_schema",      "rename_schema",       "drop_schema",        "create_enum",       "drop_enum",
      "move_enum",          "rename_enum",         "add_enum_value",     "recreate_enum",     "create_sequence",
      "drop_sequence",      "move_sequence",       "rename_sequence",    "alter_sequence",    "create_role",
      "drop_role",          "rename_role",         "alter_role",         "create_table",      "drop_table",
      "rename_table",       "move_table",          "enable_rls",         "disable_rls",       "add_column",
      "drop_column",        "rename_column",       "alter_column",       "create_index",      "drop_index",
      "create_foreign_key", "drop_foreign_key",    "create_primary_key", "drop_primary_key",  "alter_primary_key",
      "create_unique",      "drop_unique",         "create_check",       "drop_check",        "create_policy",
      "drop_policy",        "rename_policy",       "alter_policy",       "create_view",       "drop_view",
      "rename_view",        "move_view",           "set_view_options",   "reset_view_options", "set_view_tablespace",
      "set_view_access_method",
  };
  static_assert(std::size(kNames) == std::variant_size_v<Change>, "one name per change kind");
  return kNames[change.index()];
}

}  // namespace dp::diff::pg
