// Internal state of one PostgreSQL diff: the current snapshot as renames patch it, the
// desired snapshot, and the output buckets in drizzle-kit's statement order. Each
// object-kind file (schemas.cpp, enums.cpp, tables.cpp, ...) reads and fills it.
#pragma once

#include <array>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "base/result.h"
#include "diff/pg/change.h"
#include "diff/pg/diff.h"
#include "diff/resolver.h"
#include "model/pg/snapshot.h"

namespace dp::diff::pg {

/// Where a change goes in the plan: drizzle-kit's order (applyPgSnapshotsDiff).
enum class Phase : uint8_t {
  CreateSchemas,
  RenameSchemas,
  CreateEnums,
  MoveEnums,
  RenameEnums,
  AddEnumValues,
  CreateSequences,
  MoveSequences,
  RenameSequences,
  AlterSequences,
  RenameRoles,
  DropRoles,
  CreateRoles,
  AlterRoles,
  CreateTables,
  EnableRls,
  DisableRls,
  DropViews,
  RenameViews,
  AlterViews,
  DropTables,
  MoveTables,
  RenameTables,
  RenameColumns,
  DropUniques,
  DropChecks,
  DropForeignKeys,
  RecreateEnums,
  DropIndexes,         // deleted indexes of every altered table,
  DropAlteredIndexes,  // then the old side of changed ones
  DropPrimaryKeys,
  AlterColumns,
  AddPrimaryKeys,
  AddColumns,
  CreateForeignKeysNewTables,
  CreateIndexesNewTables,
  CreateForeignKeys,
  CreateIndexes,         // added indexes of every altered table,
  CreateAlteredIndexes,  // then the new side of changed ones
  DropColumns,
  AlterPrimaryKeys,
  AddUniques,
  AddChecks,
  CreateViews,
  RenamePolicies,
  DropPolicies,
  CreatePolicies,
  CreatePoliciesNewTables,
  AlterPolicies,
  RenameIndPolicies,
  DropIndPolicies,
  CreateIndPolicies,
  AlterIndPolicies,
  DropEnums,
  DropSequences,
  DropSchemas,
  kCount,
};

/// A rename found by the resolver, by entity key (for tables: "schema.name").
struct Renamed {
  std::string from_schema, from_name;
  std::string to_schema, to_name;
};

/// Created / deleted / renamed entities of one kind after asking the resolver.
struct Resolution {
  std::vector<std::string> created;  // keys in the desired snapshot, desired order
  std::vector<std::string> deleted;  // keys in the current snapshot, current order
  std::vector<Renamed> renamed;      // in the order of the created side
};

/// Column renames, additions and drops of one table present on both sides.
struct TableColumns {
  std::string key;                                          // the table's key (after renames)
  std::vector<std::pair<std::string, std::string>> renamed;  // (from, to) column names
  std::vector<std::string> added;                           // desired order
  std::vector<std::string> dropped;                         // current order
};

/// Policy renames, additions and drops of one table present on both sides.
struct TablePolicies {
  std::string key;
  std::vector<std::pair<std::string, std::string>> renamed;
  std::vector<std::string> added;
  std::vector<std::string> dropped;
};

class DiffContext {
 public:
  DiffContext(model::pg::Snapshot current, model::pg::Snapshot desired, Resolver& resolver, DiffOptions options)
      : cur(std::move(current)), des(std::move(desired)), options(options), resolver_(resolver) {}

  model::pg::Snapshot cur;  ///< patched with every rename as it is resolved
  model::pg::Snapshot des;
  DiffOptions options;

  Resolution schemas, enums, sequences, roles, tables, views, ind_policies;
  std::vector<TableColumns> columns;    ///< tables with column renames / additions / drops
  std::vector<TablePolicies> policies;  ///< tables with policy renames / additions / drops
  std::vector<std::pair<std::string, std::string>> ind_policies_renamed;
  std::set<std::string> dropped_tables;  ///< keys of tables dropped by the plan
  bool any_table_altered = false;        ///< drizzle-kit runs its RLS pass only then

  void Add(Phase phase, Change change) { phases_[static_cast<size_t>(phase)].push_back(std::move(change)); }
  void Note(std::string note) { notes_.push_back(std::move(note)); }
  std::vector<Change>& At(Phase phase) { return phases_[static_cast<size_t>(phase)]; }

  /// Asks the resolver which deleted entities became which created ones (only when both
  /// sides are non-empty, as drizzle-kit). Returns (deleted index, created index) pairs.
  base::Result<std::vector<std::pair<size_t, size_t>>> Ask(EntityKind kind, const std::vector<EntityPath>& deleted,
                                                           const std::vector<EntityPath>& created);

  /// Asks about renames between `deleted_keys` and `created_keys` (paths alongside), puts
  /// the unmatched keys into `created_out` / `deleted_out` and returns the renamed
  /// (deleted key, created key) pairs in the created side's order.
  base::Result<std::vector<std::pair<std::string, std::string>>> Match(
      EntityKind kind, const std::vector<std::string>& deleted_keys, const std::vector<EntityPath>& deleted_paths,
      const std::vector<std::string>& created_keys, const std::vector<EntityPath>& created_paths,
      std::vector<std::string>& created_out, std::vector<std::string>& deleted_out);

  /// The plan: every phase's changes in order.
  Plan Assemble();

 private:
  Resolver& resolver_;
  std::array<std::vector<Change>, static_cast<size_t>(Phase::kCount)> phases_;
  std::vector<std::string> notes_;
};

// Steps, in the order Diff runs them (each file documents its part).
base::Result<void> ResolveSchemas(DiffContext& ctx);
base::Result<void> ResolveEnums(DiffContext& ctx);
base::Result<void> ResolveSequences(DiffContext& ctx);
base::Result<void> ResolveRoles(DiffContext& ctx);
base::Result<void> ResolveTables(DiffContext& ctx);
base::Result<void> ResolveColumns(DiffContext& ctx);
base::Result<void> ResolveTablePolicies(DiffContext& ctx);
base::Result<void> ResolveIndPolicies(DiffContext& ctx);
base::Result<void> ResolveViews(DiffContext& ctx);

void EmitSchemas(DiffContext& ctx);
void EmitEnums(DiffContext& ctx);
void EmitSequences(DiffContext& ctx);
void EmitRoles(DiffContext& ctx);
void EmitTables(DiffContext& ctx);
/// Renamed, created and dropped policies of tables on both sides.
void EmitTablePolicyChanges(DiffContext& ctx);
/// Column alterations of one table present on both sides.
bool EmitAlteredColumns(DiffContext& ctx, const model::pg::Table& from, const model::pg::Table& to);
/// Index, foreign key, primary key, unique and check changes of one table on both sides.
bool EmitAlteredConstraints(DiffContext& ctx, const model::pg::Table& from, const model::pg::Table& to);
/// Policy changes of one table on both sides (renames were resolved before).
bool EmitAlteredPolicies(DiffContext& ctx, const model::pg::Table& from, const model::pg::Table& to);
void EmitRls(DiffContext& ctx);
void EmitIndPolicies(DiffContext& ctx);
void EmitViews(DiffContext& ctx);
/// drizzle-kit's statement filters, applied to the assembled phases.
void ApplyFilters(DiffContext& ctx);

/// EntityPath of a table-like entity: [schema or "public", name].
EntityPath QualifiedPath(const std::string& schema, const std::string& name);

}  // namespace dp::diff::pg
