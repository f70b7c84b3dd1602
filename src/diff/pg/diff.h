// The PostgreSQL diff: compares a current and a desired snapshot into a Plan of typed
// changes in drizzle-kit's order, asking a Resolver about renames in drizzle-kit's order
// (schemas, enums, sequences, roles, tables, columns per table, policies per table,
// top-level policies, views).
#pragma once

#include "base/result.h"
#include "diff/pg/change.h"
#include "diff/resolver.h"
#include "model/pg/snapshot.h"

namespace dp::diff::pg {

struct DiffOptions {
  /// Act on what drizzle-kit push ignores: changed check expressions, index WHERE /
  /// expressions / operator classes, view definitions, policy USING / WITH CHECK and
  /// generated expressions; and write USING / WITH CHECK when creating policies.
  /// false reproduces drizzle-kit push's statements (for conformance measurements).
  bool beyond_drizzle = true;
};

/// Diffs `current` against `desired` (both normalized first, see normalize.h). Takes both
/// by value: pass rvalues to spare the copies.
base::Result<Plan> Diff(model::pg::Snapshot current, model::pg::Snapshot desired, Resolver& resolver,
                        const DiffOptions& options = {});

/// A desired snapshot normalized ahead of Diff (the part of Diff's work that needs only
/// the desired side, so a caller can do it while it waits for the database).
struct PreparedDesired {
  model::pg::Snapshot snapshot;
};
PreparedDesired PrepareDesired(model::pg::Snapshot desired);

/// Diff with the desired side prepared by PrepareDesired: the same plan.
base::Result<Plan> Diff(model::pg::Snapshot current, PreparedDesired desired, Resolver& resolver,
                        const DiffOptions& options = {});

/// The empty snapshot (what `export` diffs against).
model::pg::Snapshot EmptySnapshot();

}  // namespace dp::diff::pg
