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

/// Diffs `current` against `desired` (both normalized first, see normalize.h).
base::Result<Plan> Diff(const model::pg::Snapshot& current, const model::pg::Snapshot& desired, Resolver& resolver,
                        const DiffOptions& options = {});

/// The empty snapshot (what `export` diffs against).
model::pg::Snapshot EmptySnapshot();

}  // namespace dp::diff::pg
