// Tables: created (with their indexes, foreign keys and policies), dropped, renamed and
// moved between schemas; columns renamed, added and dropped; and the driver for tables on
// both sides (columns.cpp, constraints.cpp, policies.cpp do the per-table work).
//
// Renames patch the current snapshot completely (the table, foreign keys pointing at it,
// constraint column lists), so a renamed or moved table or column is still compared with
// its desired form. drizzle-kit patches moved-only tables and renamed columns only
// partially and then misses their other changes.
#include "diff/pg/diff_context.h"
#include "diff/pg/normalize.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

std::string SchemaOrPublic(const std::string& schema) { return schema.empty() ? std::string("public") : schema; }

void RenameIn(std::vector<std::string>& names, const std::string& from, const std::string& to) {
  for (std::string& name : names) {
    if (name == from) name = to;
  }
}

/// Points foreign keys at a renamed / moved table.
void PatchTableReferences(mpg::Snapshot& snap, const Renamed& rename) {
  for (auto& [key, table] : snap.tables) {
    for (auto& [name, fk] : table.foreign_keys) {
      if (fk.table_to == rename.from_name && fk.schema_to.value_or("public") == SchemaOrPublic(rename.from_schema)) {
        fk.table_to = rename.to_name;
        fk.schema_to = rename.to_schema.empty() ? std::string("public") : rename.to_schema;
      }
    }
  }
}

/// Renames a column everywhere the current snapshot names it.
void PatchColumn(mpg::Snapshot& snap, mpg::Table& table, const std::string& from, const std::string& to) {
  if (mpg::Column* column = table.columns.Get(from)) column->name = to;
  table.columns.Rename(from, to);
  for (auto& [name, index] : table.indexes) {
    for (mpg::IndexColumn& column : index.columns) {
      if (!column.is_expression && column.expression == from) column.expression = to;
    }
  }
  for (auto& [name, fk] : table.foreign_keys) RenameIn(fk.columns_from, from, to);
  for (auto& [name, pk] : table.composite_primary_keys) RenameIn(pk.columns, from, to);
  for (auto& [name, unique] : table.unique_constraints) RenameIn(unique.columns, from, to);
  std::string schema = table.schema.empty() ? "public" : table.schema;
  for (auto& [key, other] : snap.tables) {
    for (auto& [name, fk] : other.foreign_keys) {
      if (fk.table_to == table.name && fk.schema_to.value_or("public") == schema) RenameIn(fk.columns_to, from, to);
    }
  }
}

}  // namespace

base::Result<void> ResolveTables(DiffContext& ctx) {
  std::vector<std::string> deleted, created;
  std::vector<EntityPath> deleted_paths, created_paths;
  for (const auto& [key, table] : ctx.cur.tables) {
    if (ctx.des.tables.contains(key)) continue;
    deleted.push_back(key);
    deleted_paths.push_back(QualifiedPath(table.schema, table.name));
  }
  for (const auto& [key, table] : ctx.des.tables) {
    if (ctx.cur.tables.contains(key)) continue;
    created.push_back(key);
    created_paths.push_back(QualifiedPath(table.schema, table.name));
  }
  auto renamed = ctx.Match(EntityKind::Table, deleted, deleted_paths, created, created_paths, ctx.tables.created,
                           ctx.tables.deleted);
  if (!renamed) return tl::unexpected(renamed.error());
  for (const auto& [from_key, to_key] : *renamed) {
    mpg::Table& from = *ctx.cur.tables.Get(from_key);
    const mpg::Table& to = *ctx.des.tables.Get(to_key);
    Renamed rename{from.schema, from.name, to.schema, to.name};
    ctx.tables.renamed.push_back(rename);
    for (auto& [name, fk] : from.foreign_keys) {
      if (fk.table_from == from.name) fk.table_from = to.name;
    }
    from.schema = to.schema;
    from.name = to.name;
    ctx.cur.tables.Rename(from_key, to_key);
    PatchTableReferences(ctx.cur, rename);
  }
  for (const std::string& key : ctx.tables.deleted) ctx.dropped_tables.insert(key);
  return {};
}

base::Result<void> ResolveColumns(DiffContext& ctx) {
  for (auto& [key, table] : ctx.cur.tables) {
    const mpg::Table* desired = ctx.des.tables.Get(key);
    if (desired == nullptr) continue;
    TableColumns result{key, {}, {}, {}};
    std::vector<std::string> deleted, created;
    std::vector<EntityPath> deleted_paths, created_paths;
    std::string schema = table.schema.empty() ? "public" : table.schema;
    for (const auto& [name, column] : table.columns) {
      if (desired->columns.contains(name)) continue;
      deleted.push_back(name);
      deleted_paths.push_back({schema, table.name, name});
    }
    for (const auto& [name, column] : desired->columns) {
      if (table.columns.contains(name)) continue;
      created.push_back(name);
      created_paths.push_back({schema, table.name, name});
    }
    if (deleted.empty() && created.empty()) continue;
    auto renamed = ctx.Match(EntityKind::Column, deleted, deleted_paths, created, created_paths, result.added,
                             result.dropped);
    if (!renamed) return tl::unexpected(renamed.error());
    result.renamed = *renamed;
    for (const auto& [from, to] : result.renamed) PatchColumn(ctx.cur, table, from, to);
    ctx.columns.push_back(std::move(result));
  }
  return {};
}

void EmitTables(DiffContext& ctx) {
  const bool beyond = ctx.options.beyond_drizzle;
  for (const std::string& key : ctx.tables.created) {
    const mpg::Table& table = *ctx.des.tables.Get(key);
    ctx.Add(Phase::CreateTables, CreateTable{table, beyond});
    for (const auto& [name, index] : table.indexes) {
      ctx.Add(Phase::CreateIndexesNewTables, CreateIndex{table.schema, table.name, index, true});
    }
    for (const auto& [name, fk] : table.foreign_keys) {
      ctx.Add(Phase::CreateForeignKeysNewTables, CreateForeignKey{table.schema, table.name, fk, true});
    }
    for (const auto& [name, policy] : table.policies) {
      ctx.Add(Phase::CreatePoliciesNewTables, CreatePolicy{{table.schema, table.name, std::nullopt}, policy, beyond});
    }
  }
  for (const std::string& key : ctx.tables.deleted) {
    const mpg::Table& table = *ctx.cur.tables.Get(key);
    ctx.Add(Phase::DropTables, DropTable{table.schema, table.name, table.policies.Keys()});
  }
  for (const Renamed& rename : ctx.tables.renamed) {
    if (rename.from_schema != rename.to_schema) {
      ctx.Add(Phase::MoveTables, MoveTable{rename.from_name, rename.from_schema.empty() ? "public" : rename.from_schema,
                                           rename.to_schema.empty() ? "public" : rename.to_schema});
    }
    if (rename.from_name != rename.to_name) {
      ctx.Add(Phase::RenameTables, RenameTable{rename.to_schema, rename.from_name, rename.to_name});
    }
  }
  for (const TableColumns& columns : ctx.columns) {
    const mpg::Table& from = *ctx.cur.tables.Get(columns.key);
    const mpg::Table& to = *ctx.des.tables.Get(columns.key);
    for (const auto& [old_name, new_name] : columns.renamed) {
      ctx.Add(Phase::RenameColumns, RenameColumn{to.schema, to.name, old_name, new_name});
    }
    for (const std::string& name : columns.dropped) {
      ctx.Add(Phase::DropColumns, DropColumn{from.schema, from.name, name});
    }
    for (const std::string& name : columns.added) {
      ctx.Add(Phase::AddColumns, AddColumn{to.schema, to.name, *to.columns.Get(name)});
    }
  }
  EmitTablePolicyChanges(ctx);
  for (const auto& [key, from] : ctx.cur.tables) {
    const mpg::Table* to = ctx.des.tables.Get(key);
    if (to == nullptr) continue;
    bool altered = EmitAlteredColumns(ctx, from, *to);
    altered = EmitAlteredConstraints(ctx, from, *to) || altered;
    altered = EmitAlteredPolicies(ctx, from, *to) || altered;
    altered = altered || from.is_rls_enabled != to->is_rls_enabled;
    if (altered) ctx.any_table_altered = true;
  }
}

}  // namespace dp::diff::pg
