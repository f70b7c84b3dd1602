// Roles: created, dropped, renamed, altered (CREATEDB / CREATEROLE / INHERIT). A rename
// also renames the role in the current snapshot's policies (PostgreSQL's policies follow
// the role), so they do not look altered.
#include <algorithm>

#include "diff/pg/diff_context.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

void PatchPolicyRoles(mpg::Policy& policy, const std::string& from, const std::string& to) {
  if (!policy.to) return;
  for (std::string& role : *policy.to) {
    if (role == from) role = to;
  }
  std::sort(policy.to->begin(), policy.to->end());
}

}  // namespace

base::Result<void> ResolveRoles(DiffContext& ctx) {
  std::vector<std::string> deleted, created;
  std::vector<EntityPath> deleted_paths, created_paths;
  for (const auto& [key, role] : ctx.cur.roles) {
    if (ctx.des.roles.contains(key)) continue;
    deleted.push_back(key);
    deleted_paths.push_back({role.name});
  }
  for (const auto& [key, role] : ctx.des.roles) {
    if (ctx.cur.roles.contains(key)) continue;
    created.push_back(key);
    created_paths.push_back({role.name});
  }
  auto renamed = ctx.Match(EntityKind::Role, deleted, deleted_paths, created, created_paths, ctx.roles.created,
                           ctx.roles.deleted);
  if (!renamed) return tl::unexpected(renamed.error());
  for (const auto& [from_key, to_key] : *renamed) {
    mpg::Role& from = *ctx.cur.roles.Get(from_key);
    const mpg::Role& to = *ctx.des.roles.Get(to_key);
    ctx.roles.renamed.push_back({"", from.name, "", to.name});
    for (auto& [key, table] : ctx.cur.tables) {
      for (auto& [name, policy] : table.policies) PatchPolicyRoles(policy, from.name, to.name);
    }
    for (auto& [key, policy] : ctx.cur.policies) PatchPolicyRoles(policy, from.name, to.name);
    from.name = to.name;
    ctx.cur.roles.Rename(from_key, to_key);
  }
  return {};
}

void EmitRoles(DiffContext& ctx) {
  for (const Renamed& rename : ctx.roles.renamed) {
    ctx.Add(Phase::RenameRoles, RenameRole{rename.from_name, rename.to_name});
  }
  for (const std::string& key : ctx.roles.deleted) ctx.Add(Phase::DropRoles, DropRole{ctx.cur.roles.Get(key)->name});
  for (const std::string& key : ctx.roles.created) ctx.Add(Phase::CreateRoles, CreateRole{*ctx.des.roles.Get(key)});
  for (const auto& [key, from] : ctx.cur.roles) {
    const mpg::Role* to = ctx.des.roles.Get(key);
    if (to == nullptr) continue;
    if (from.create_db != to->create_db || from.create_role != to->create_role || from.inherit != to->inherit) {
      ctx.Add(Phase::AlterRoles, AlterRole{*to});
    }
  }
}

}  // namespace dp::diff::pg
