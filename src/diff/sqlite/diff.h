// The SQLite schema diff: compares the introspected snapshot with the desired one and
// returns the typed, ordered changes drizzle-kit 0.31's push would make (plus the fixes
// listed in docs/deviations.md). Table and column renames are decided by the Resolver
// (tables first, then columns per table, as drizzle-kit asks), never guessed.
#pragma once

#include "diff/resolver.h"
#include "diff/sqlite/plan.h"
#include "model/sqlite/snapshot.h"

namespace dp::diff::sqlite {

/// Plans the changes that turn `current` into `desired`. Hint paths are
/// ["public", table] and ["public", table, column] (drizzle-kit 1.0's hint format).
Plan Diff(const model::sqlite::Snapshot& current, const model::sqlite::Snapshot& desired, Resolver& resolver);

}  // namespace dp::diff::sqlite
