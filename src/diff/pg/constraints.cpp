// Indexes, foreign keys, composite primary keys, unique and check constraints of a table
// present on both sides: added ones are created, deleted ones dropped, changed ones
// dropped and created again (a changed composite primary key is one AlterPrimaryKey).
// Compared as drizzle-kit push compares them, plus (DiffOptions::beyond_drizzle) index
// WHERE / expressions / operator classes and check expressions, via canonical SQL.
#include <fmt/format.h>

#include "diff/pg/compare.h"
#include "diff/pg/diff_context.h"
#include "diff/pg/normalize.h"
#include "diff/pg/sql_text.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

bool EmitIndexes(DiffContext& ctx, const mpg::Table& from, const mpg::Table& to) {
  const bool beyond = ctx.options.beyond_drizzle;
  bool altered = false;
  for (const auto& [name, index] : from.indexes) {
    if (to.indexes.contains(name)) continue;
    ctx.Add(Phase::DropIndexes, DropIndex{to.schema, to.name, name});
    altered = true;
  }
  for (const auto& [name, index] : to.indexes) {
    if (from.indexes.contains(name)) continue;
    ctx.Add(Phase::CreateIndexes, CreateIndex{to.schema, to.name, index, false});
    altered = true;
  }
  for (const auto& [name, old_index] : from.indexes) {
    const mpg::Index* new_index = to.indexes.Get(name);
    if (new_index == nullptr || SameIndex(old_index, *new_index, beyond)) continue;
    if (SameIndex(old_index, *new_index, false)) {
      ctx.Note(fmt::format("index \"{}\" on \"{}\" changed its WHERE, expressions or operator classes: it is dropped "
                           "and created again (drizzle-kit push ignores this)",
                           name, to.name));
    }
    ctx.Add(Phase::DropAlteredIndexes, DropIndex{to.schema, to.name, name});
    ctx.Add(Phase::CreateAlteredIndexes, CreateIndex{to.schema, to.name, *new_index, false});
    altered = true;
  }
  return altered;
}

bool EmitForeignKeys(DiffContext& ctx, const mpg::Table& from, const mpg::Table& to) {
  bool altered = false;
  auto drop = [&](const mpg::ForeignKey& fk) {
    // DROP TABLE ... CASCADE already removed foreign keys pointing at a dropped table.
    if (ctx.dropped_tables.count(EntityKey(fk.schema_to.value_or("public"), fk.table_to)) != 0) return;
    ctx.Add(Phase::DropForeignKeys, DropForeignKey{to.schema, to.name, fk.name});
  };
  for (const auto& [name, fk] : to.foreign_keys) {
    if (from.foreign_keys.contains(name)) continue;
    ctx.Add(Phase::CreateForeignKeys, CreateForeignKey{to.schema, to.name, fk});
    altered = true;
  }
  for (const auto& [name, fk] : from.foreign_keys) {
    if (to.foreign_keys.contains(name)) continue;
    drop(fk);
    altered = true;
  }
  for (const auto& [name, old_fk] : from.foreign_keys) {
    const mpg::ForeignKey* new_fk = to.foreign_keys.Get(name);
    if (new_fk == nullptr || SameForeignKey(old_fk, *new_fk)) continue;
    drop(old_fk);
    ctx.Add(Phase::CreateForeignKeys, CreateForeignKey{to.schema, to.name, *new_fk});
    altered = true;
  }
  return altered;
}

bool EmitPrimaryKeys(DiffContext& ctx, const mpg::Table& from, const mpg::Table& to) {
  bool altered = false;
  for (const auto& [name, pk] : to.composite_primary_keys) {
    if (from.composite_primary_keys.contains(name)) continue;
    ctx.Add(Phase::AddPrimaryKeys, CreatePrimaryKey{to.schema, to.name, pk});
    altered = true;
  }
  for (const auto& [name, pk] : from.composite_primary_keys) {
    if (to.composite_primary_keys.contains(name)) continue;
    ctx.Add(Phase::DropPrimaryKeys, DropPrimaryKey{to.schema, to.name, name});
    altered = true;
  }
  for (const auto& [name, old_pk] : from.composite_primary_keys) {
    const mpg::CompositePk* new_pk = to.composite_primary_keys.Get(name);
    if (new_pk == nullptr || SamePrimaryKey(old_pk, *new_pk)) continue;
    ctx.Add(Phase::AlterPrimaryKeys, AlterPrimaryKey{to.schema, to.name, old_pk, *new_pk});
    altered = true;
  }
  return altered;
}

bool EmitUniques(DiffContext& ctx, const mpg::Table& from, const mpg::Table& to) {
  bool altered = false;
  for (const auto& [name, unique] : to.unique_constraints) {
    if (from.unique_constraints.contains(name)) continue;
    ctx.Add(Phase::AddUniques, CreateUnique{to.schema, to.name, unique});
    altered = true;
  }
  for (const auto& [name, unique] : from.unique_constraints) {
    if (to.unique_constraints.contains(name)) continue;
    ctx.Add(Phase::DropUniques, DropUnique{to.schema, to.name, name});
    altered = true;
  }
  for (const auto& [name, old_unique] : from.unique_constraints) {
    const mpg::UniqueConstraint* new_unique = to.unique_constraints.Get(name);
    if (new_unique == nullptr || SameUnique(old_unique, *new_unique)) continue;
    ctx.Add(Phase::AddUniques, CreateUnique{to.schema, to.name, *new_unique});
    ctx.Add(Phase::DropUniques, DropUnique{to.schema, to.name, name});
    altered = true;
  }
  return altered;
}

bool EmitChecks(DiffContext& ctx, const mpg::Table& from, const mpg::Table& to) {
  const bool beyond = ctx.options.beyond_drizzle;
  bool altered = false;
  for (const auto& [name, check] : to.check_constraints) {
    if (from.check_constraints.contains(name)) continue;
    ctx.Add(Phase::AddChecks, CreateCheck{to.schema, to.name, check});
    altered = true;
  }
  for (const auto& [name, check] : from.check_constraints) {
    if (to.check_constraints.contains(name)) continue;
    ctx.Add(Phase::DropChecks, DropCheck{to.schema, to.name, name});
    altered = true;
  }
  for (const auto& [name, old_check] : from.check_constraints) {
    const mpg::CheckConstraint* new_check = to.check_constraints.Get(name);
    if (new_check == nullptr) continue;
    if (!beyond) {
      altered = altered || old_check.value != new_check->value;
      continue;
    }
    if (SameSql(old_check.value, new_check->value)) continue;
    ctx.Note(fmt::format("check constraint \"{}\" on \"{}\" changed: it is dropped and added again (drizzle-kit push "
                         "ignores this)",
                         name, to.name));
    ctx.Add(Phase::AddChecks, CreateCheck{to.schema, to.name, *new_check});
    ctx.Add(Phase::DropChecks, DropCheck{to.schema, to.name, name});
    altered = true;
  }
  return altered;
}

}  // namespace

bool EmitAlteredConstraints(DiffContext& ctx, const mpg::Table& from, const mpg::Table& to) {
  bool altered = EmitIndexes(ctx, from, to);
  altered = EmitForeignKeys(ctx, from, to) || altered;
  altered = EmitPrimaryKeys(ctx, from, to) || altered;
  altered = EmitUniques(ctx, from, to) || altered;
  altered = EmitChecks(ctx, from, to) || altered;
  return altered;
}

}  // namespace dp::diff::pg
