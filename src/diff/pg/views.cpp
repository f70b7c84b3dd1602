// Views and materialized views: created, dropped, renamed and moved (as tables), and for
// views on both sides: `with` options set / reset, tablespace and access method changes;
// a view that stops being `.existing()`, changes kind (view <-> materialized) or (with
// DiffOptions::beyond_drizzle) changes its definition is dropped and created.
// `.existing()` views are never created, dropped or altered.
#include <fmt/format.h>

#include "diff/pg/compare.h"
#include "diff/pg/diff_context.h"
#include "diff/pg/normalize.h"
#include "diff/pg/sql_text.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

/// The view's options in drizzle-kit's (zod) key order.
nlohmann::ordered_json OptionEntries(const std::optional<mpg::ViewWith>& with) {
  if (!with) return nlohmann::ordered_json::object();
  mpg::ViewWith ordered = *with;
  ordered.key_order.clear();
  return ordered.Entries();
}

void EmitOptions(DiffContext& ctx, const mpg::View& from, const mpg::View& to) {
  nlohmann::ordered_json old_options = OptionEntries(from.with);
  nlohmann::ordered_json new_options = OptionEntries(to.with);
  auto set = [&](const nlohmann::ordered_json& options) {
    if (!options.empty()) ctx.Add(Phase::AlterViews, SetViewOptions{to.schema, to.name, to.materialized, options});
  };
  auto reset = [&](const std::vector<std::string>& keys) {
    if (!keys.empty()) ctx.Add(Phase::AlterViews, ResetViewOptions{to.schema, to.name, to.materialized, keys});
  };
  if (!from.with.has_value() && to.with.has_value()) {
    set(new_options);
    return;
  }
  if (from.with.has_value() && !to.with.has_value()) {
    std::vector<std::string> keys;
    for (const auto& [key, value] : old_options.items()) keys.push_back(key);
    reset(keys);
    return;
  }
  nlohmann::ordered_json added = nlohmann::ordered_json::object();
  nlohmann::ordered_json changed = nlohmann::ordered_json::object();
  std::vector<std::string> deleted;
  for (const auto& [key, value] : old_options.items()) {
    if (!new_options.contains(key)) deleted.push_back(key);
  }
  for (const auto& [key, value] : new_options.items()) {
    if (!old_options.contains(key)) added[key] = value;
  }
  for (const auto& [key, value] : old_options.items()) {
    if (new_options.contains(key) && new_options[key] != value) changed[key] = new_options[key];
  }
  set(added);
  reset(deleted);
  set(changed);
}

}  // namespace

base::Result<void> ResolveViews(DiffContext& ctx) {
  std::vector<std::string> deleted, created;
  std::vector<EntityPath> deleted_paths, created_paths;
  for (const auto& [key, view] : ctx.cur.views) {
    if (ctx.des.views.contains(key)) continue;
    deleted.push_back(key);
    deleted_paths.push_back({view.schema, view.name});
  }
  for (const auto& [key, view] : ctx.des.views) {
    if (ctx.cur.views.contains(key)) continue;
    created.push_back(key);
    created_paths.push_back({view.schema, view.name});
  }
  auto renamed = ctx.Match(EntityKind::View, deleted, deleted_paths, created, created_paths, ctx.views.created,
                           ctx.views.deleted);
  if (!renamed) return tl::unexpected(renamed.error());
  for (const auto& [from_key, to_key] : *renamed) {
    mpg::View& from = *ctx.cur.views.Get(from_key);
    const mpg::View& to = *ctx.des.views.Get(to_key);
    Renamed rename{from.schema, from.name, to.schema, to.name};
    ctx.views.renamed.push_back(rename);
    bool existing = from.is_existing || to.is_existing;
    if (!existing && rename.from_name != rename.to_name) {
      ctx.Add(Phase::RenameViews, RenameView{rename.from_schema, rename.from_name, rename.to_name, to.materialized});
    }
    if (!existing && rename.from_schema != rename.to_schema) {
      ctx.Add(Phase::AlterViews, MoveView{rename.to_name, rename.from_schema, rename.to_schema, to.materialized});
    }
    from.schema = to.schema;
    from.name = to.name;
    ctx.cur.views.Rename(from_key, to_key);
  }
  return {};
}

void EmitViews(DiffContext& ctx) {
  const bool beyond = ctx.options.beyond_drizzle;
  for (const std::string& key : ctx.views.created) {
    const mpg::View& view = *ctx.des.views.Get(key);
    if (!view.is_existing) ctx.Add(Phase::CreateViews, CreateView{view});
  }
  for (const std::string& key : ctx.views.deleted) {
    const mpg::View& view = *ctx.cur.views.Get(key);
    if (!view.is_existing) ctx.Add(Phase::DropViews, DropView{view.schema, view.name, view.materialized});
  }
  for (const auto& [key, from] : ctx.cur.views) {
    const mpg::View* to_ptr = ctx.des.views.Get(key);
    if (to_ptr == nullptr || to_ptr->is_existing) continue;
    const mpg::View& to = *to_ptr;
    // A `select *` view cannot be compared: PostgreSQL stores the expanded column list.
    bool definition_changed = beyond && !SameOptionalSql(from.definition, to.definition) &&
                              !(to.definition && SelectsStar(*to.definition));
    if (from.is_existing != to.is_existing || from.materialized != to.materialized || definition_changed) {
      if (definition_changed && from.is_existing == to.is_existing && from.materialized == to.materialized) {
        ctx.Note(fmt::format("definition of view \"{}\" changed: it is dropped and created again (drizzle-kit push "
                             "ignores this)",
                             to.name));
      }
      ctx.Add(Phase::DropViews, DropView{to.schema, to.name, from.is_existing ? to.materialized : from.materialized});
      ctx.Add(Phase::CreateViews, CreateView{to});
      continue;
    }
    EmitOptions(ctx, from, to);
    std::string old_tablespace = from.tablespace.value_or("pg_default");
    std::string new_tablespace = to.tablespace.value_or("pg_default");
    if (old_tablespace != new_tablespace) {
      ctx.Add(Phase::AlterViews, SetViewTablespace{to.schema, to.name, new_tablespace});
    }
    std::string old_using = from.using_method.value_or("heap");
    std::string new_using = to.using_method.value_or("heap");
    if (old_using != new_using) ctx.Add(Phase::AlterViews, SetViewAccessMethod{to.schema, to.name, new_using});
  }
}

}  // namespace dp::diff::pg
