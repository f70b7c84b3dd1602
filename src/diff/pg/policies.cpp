// Row-level security: table policies (renamed, created, dropped, altered), top-level
// policies linked to tables outside the schema (drizzle-kit's "ind" policies), and
// ENABLE / DISABLE ROW LEVEL SECURITY as drizzle-kit decides them.
//
// A policy whose AS or FOR changed is dropped and created; one whose roles changed is
// altered (ALTER POLICY ... TO). drizzle-kit push compares nothing else; with
// DiffOptions::beyond_drizzle a changed USING / WITH CHECK is altered too (or, when one
// was removed, which ALTER POLICY cannot do, the policy is dropped and created).
#include <fmt/format.h>

#include "diff/pg/compare.h"
#include "diff/pg/diff_context.h"
#include "diff/pg/normalize.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

enum class PolicyVerdict : uint8_t { Same, Recreate, Alter };

PolicyVerdict ComparePolicies(const mpg::Policy& from, const mpg::Policy& to, bool beyond, PolicyChange& changes) {
  changes = PolicyChange::None;
  if (from.as != to.as || from.command != to.command) return PolicyVerdict::Recreate;
  if (from.to != to.to) changes |= PolicyChange::To;
  if (beyond) {
    if ((from.using_expr && !to.using_expr) || (from.with_check && !to.with_check)) return PolicyVerdict::Recreate;
    if (!SameOptionalSql(from.using_expr, to.using_expr)) changes |= PolicyChange::Using;
    if (!SameOptionalSql(from.with_check, to.with_check)) changes |= PolicyChange::WithCheck;
  }
  return changes == PolicyChange::None ? PolicyVerdict::Same : PolicyVerdict::Alter;
}

struct PolicyPhases {
  Phase drop, create, alter;
};

/// Emits the change for one policy present on both sides; true when it differs.
bool EmitPolicyDiff(DiffContext& ctx, const PolicyTarget& target, const mpg::Policy& from, const mpg::Policy& to,
                    PolicyPhases phases) {
  const bool beyond = ctx.options.beyond_drizzle;
  PolicyChange changes = PolicyChange::None;
  switch (ComparePolicies(from, to, beyond, changes)) {
    case PolicyVerdict::Same:
      return false;
    case PolicyVerdict::Recreate:
      ctx.Add(phases.drop, DropPolicy{target, from.name});
      ctx.Add(phases.create, CreatePolicy{target, to, beyond});
      return true;
    case PolicyVerdict::Alter:
      if (changes != PolicyChange::To) {
        ctx.Note(fmt::format("policy \"{}\" changed its USING / WITH CHECK (drizzle-kit push ignores this)", to.name));
      }
      ctx.Add(phases.alter, AlterPolicy{target, from, to, changes});
      return true;
  }
  return false;
}

}  // namespace

base::Result<void> ResolveTablePolicies(DiffContext& ctx) {
  for (auto& [key, table] : ctx.cur.tables) {
    const mpg::Table* desired = ctx.des.tables.Get(key);
    if (desired == nullptr) continue;
    TablePolicies result{key, {}, {}, {}};
    std::vector<std::string> deleted, created;
    std::vector<EntityPath> deleted_paths, created_paths;
    std::string schema = table.schema.empty() ? "public" : table.schema;
    for (const auto& [name, policy] : table.policies) {
      if (desired->policies.contains(name)) continue;
      deleted.push_back(name);
      deleted_paths.push_back({schema, table.name, name});
    }
    for (const auto& [name, policy] : desired->policies) {
      if (table.policies.contains(name)) continue;
      created.push_back(name);
      created_paths.push_back({schema, table.name, name});
    }
    if (deleted.empty() && created.empty()) continue;
    auto renamed = ctx.Match(EntityKind::Policy, deleted, deleted_paths, created, created_paths, result.added,
                             result.dropped);
    if (!renamed) return tl::unexpected(renamed.error());
    result.renamed = *renamed;
    for (const auto& [from, to] : result.renamed) {
      table.policies.Get(from)->name = to;
      table.policies.Rename(from, to);
    }
    ctx.policies.push_back(std::move(result));
  }
  return {};
}

base::Result<void> ResolveIndPolicies(DiffContext& ctx) {
  std::vector<std::string> deleted, created;
  std::vector<EntityPath> deleted_paths, created_paths;
  for (const auto& [key, policy] : ctx.cur.policies) {
    if (ctx.des.policies.contains(key)) continue;
    deleted.push_back(key);
    deleted_paths.push_back({policy.name});
  }
  for (const auto& [key, policy] : ctx.des.policies) {
    if (ctx.cur.policies.contains(key)) continue;
    created.push_back(key);
    created_paths.push_back({policy.name});
  }
  auto renamed = ctx.Match(EntityKind::Policy, deleted, deleted_paths, created, created_paths,
                           ctx.ind_policies.created, ctx.ind_policies.deleted);
  if (!renamed) return tl::unexpected(renamed.error());
  ctx.ind_policies_renamed = *renamed;
  for (const auto& [from, to] : *renamed) {
    ctx.cur.policies.Get(from)->name = ctx.des.policies.Get(to)->name;
    ctx.cur.policies.Rename(from, to);
  }
  return {};
}

void EmitTablePolicyChanges(DiffContext& ctx) {
  const bool beyond = ctx.options.beyond_drizzle;
  for (const TablePolicies& policies : ctx.policies) {
    const mpg::Table& from = *ctx.cur.tables.Get(policies.key);
    const mpg::Table& to = *ctx.des.tables.Get(policies.key);
    PolicyTarget target{to.schema, to.name, std::nullopt};
    for (const auto& [old_name, new_name] : policies.renamed) {
      ctx.Add(Phase::RenamePolicies, RenamePolicy{target, old_name, new_name});
    }
    for (const std::string& name : policies.added) {
      ctx.Add(Phase::CreatePolicies, CreatePolicy{target, *to.policies.Get(name), beyond});
    }
    for (const std::string& name : policies.dropped) {
      ctx.Add(Phase::DropPolicies, DropPolicy{PolicyTarget{from.schema, from.name, std::nullopt}, name});
    }
  }
}

bool EmitAlteredPolicies(DiffContext& ctx, const mpg::Table& from, const mpg::Table& to) {
  bool altered = false;
  for (const TablePolicies& policies : ctx.policies) {
    if (policies.key == EntityKey(to.schema, to.name)) altered = true;
  }
  PolicyTarget target{to.schema, to.name, std::nullopt};
  for (const auto& [name, old_policy] : from.policies) {
    const mpg::Policy* new_policy = to.policies.Get(name);
    if (new_policy == nullptr) continue;
    if (EmitPolicyDiff(ctx, target, old_policy, *new_policy,
                       {Phase::DropPolicies, Phase::CreatePolicies, Phase::AlterPolicies})) {
      altered = true;
    } else if (!ctx.options.beyond_drizzle &&
               (old_policy.using_expr != new_policy->using_expr || old_policy.with_check != new_policy->with_check)) {
      altered = true;  // drizzle-kit sees the table as altered, without a statement
    }
  }
  return altered;
}

void EmitRls(DiffContext& ctx) {
  if (!ctx.any_table_altered) return;  // drizzle-kit decides RLS inside its altered-tables loop
  std::set<std::string> enabled, disabled;
  auto enable = [&](const std::string& schema, const std::string& table) {
    if (enabled.insert(EntityKey(schema, table)).second) ctx.Add(Phase::EnableRls, EnableRls{schema, table});
  };
  auto disable = [&](const std::string& schema, const std::string& table) {
    if (disabled.insert(EntityKey(schema, table)).second) ctx.Add(Phase::DisableRls, DisableRls{schema, table});
  };
  for (const auto& [key, table] : ctx.des.tables) {
    const mpg::Table* previous = ctx.cur.tables.Get(key);
    if (previous == nullptr) continue;  // CREATE TABLE enables RLS itself
    size_t before = previous->policies.size();
    size_t after = table.policies.size();
    if (before == 0 && after > 0 && !table.is_rls_enabled) enable(table.schema, table.name);
    if (before > 0 && after == 0 && !table.is_rls_enabled) disable(table.schema, table.name);
    if (table.is_rls_enabled != previous->is_rls_enabled) {
      if (table.is_rls_enabled) {
        enable(table.schema, table.name);
      } else if (after == 0) {
        disable(table.schema, table.name);
      }
    }
  }
  // drizzle-kit also disables RLS on every table it drops (unless RLS was on).
  for (const auto& [key, table] : ctx.cur.tables) {
    if (!ctx.des.tables.contains(key) && !table.is_rls_enabled) disable(table.schema, table.name);
  }
}

void EmitIndPolicies(DiffContext& ctx) {
  const bool beyond = ctx.options.beyond_drizzle;
  auto target_of = [](const mpg::Policy& policy) {
    return PolicyTarget{policy.schema.value_or(""), "", policy.on.value_or("")};
  };
  for (const auto& [from_key, to_key] : ctx.ind_policies_renamed) {
    const mpg::Policy& policy = *ctx.cur.policies.Get(to_key);
    ctx.Add(Phase::RenameIndPolicies, RenamePolicy{target_of(policy), from_key, policy.name});
  }
  for (const std::string& key : ctx.ind_policies.created) {
    const mpg::Policy& policy = *ctx.des.policies.Get(key);
    ctx.Add(Phase::CreateIndPolicies, CreatePolicy{target_of(policy), policy, beyond});
  }
  for (const std::string& key : ctx.ind_policies.deleted) {
    const mpg::Policy& policy = *ctx.cur.policies.Get(key);
    ctx.Add(Phase::DropIndPolicies, DropPolicy{target_of(policy), policy.name});
  }
  for (const auto& [key, from] : ctx.cur.policies) {
    const mpg::Policy* to = ctx.des.policies.Get(key);
    if (to == nullptr) continue;
    EmitPolicyDiff(ctx, target_of(from), from, *to,
                   {Phase::DropIndPolicies, Phase::CreateIndPolicies, Phase::AlterIndPolicies});
  }
}

}  // namespace dp::diff::pg
