// Schemas: created, dropped, renamed. A rename moves everything in the schema with it, so
// the current snapshot's tables, enums, sequences, views, column types and foreign-key
// targets in the old schema are patched to the new one (drizzle-kit patches only tables,
// enums and sequences, and then drops and recreates the views).
#include "diff/pg/diff_context.h"
#include "diff/pg/normalize.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

void PatchSchema(mpg::Snapshot& snap, const std::string& from, const std::string& to) {
  snap.schemas.Rename(from, to);
  if (auto* entry = snap.schemas.Get(to)) *entry = to;
  for (auto& [key, table] : snap.tables) {
    for (auto& [name, column] : table.columns) {
      if (column.type_schema == from) column.type_schema = to;
      if (column.identity && column.identity->schema == from) column.identity->schema = to;
    }
    for (auto& [name, fk] : table.foreign_keys) {
      if (fk.schema_to == from) fk.schema_to = to;
    }
  }
  for (const std::string& key : snap.tables.Keys()) {
    mpg::Table& table = *snap.tables.Get(key);
    if (table.schema == from) {
      table.schema = to;
      snap.tables.Rename(key, EntityKey(to, table.name));
    }
  }
  for (const std::string& key : snap.enums.Keys()) {
    mpg::Enum& value = *snap.enums.Get(key);
    if (value.schema == from) {
      value.schema = to;
      snap.enums.Rename(key, EntityKey(to, value.name));
    }
  }
  for (const std::string& key : snap.sequences.Keys()) {
    mpg::Sequence& sequence = *snap.sequences.Get(key);
    if (sequence.schema == from) {
      sequence.schema = to;
      snap.sequences.Rename(key, EntityKey(to, sequence.name));
    }
  }
  for (const std::string& key : snap.views.Keys()) {
    mpg::View& view = *snap.views.Get(key);
    if (view.schema == from) {
      view.schema = to;
      snap.views.Rename(key, EntityKey(to, view.name));
    }
  }
  std::string old_prefix = "\"" + from + "\".";
  for (auto& [key, policy] : snap.policies) {
    if (policy.schema == from) policy.schema = to;
    if (policy.on && policy.on->rfind(old_prefix, 0) == 0) {
      policy.on = "\"" + to + "\"." + policy.on->substr(old_prefix.size());
    }
  }
}

}  // namespace

base::Result<void> ResolveSchemas(DiffContext& ctx) {
  std::vector<std::string> deleted, created;
  std::vector<EntityPath> deleted_paths, created_paths;
  for (const auto& [name, value] : ctx.cur.schemas) {
    if (!ctx.des.schemas.contains(name)) {
      deleted.push_back(name);
      deleted_paths.push_back({name});
    }
  }
  for (const auto& [name, value] : ctx.des.schemas) {
    if (!ctx.cur.schemas.contains(name)) {
      created.push_back(name);
      created_paths.push_back({name});
    }
  }
  auto renamed = ctx.Match(EntityKind::Schema, deleted, deleted_paths, created, created_paths, ctx.schemas.created,
                           ctx.schemas.deleted);
  if (!renamed) return tl::unexpected(renamed.error());
  for (const auto& [from, to] : *renamed) ctx.schemas.renamed.push_back({"", from, "", to});
  for (const Renamed& rename : ctx.schemas.renamed) PatchSchema(ctx.cur, rename.from_name, rename.to_name);
  return {};
}

void EmitSchemas(DiffContext& ctx) {
  for (const std::string& name : ctx.schemas.created) ctx.Add(Phase::CreateSchemas, CreateSchema{name});
  for (const Renamed& rename : ctx.schemas.renamed) {
    ctx.Add(Phase::RenameSchemas, RenameSchema{rename.from_name, rename.to_name});
  }
  for (const std::string& name : ctx.schemas.deleted) ctx.Add(Phase::DropSchemas, DropSchema{name});
}

}  // namespace dp::diff::pg
