// PostgreSQL SQL generation: renders a diff Plan as the statements drizzle-kit 0.31.11
// would emit for the same changes (its Pg convertors in sqlgenerator.ts, as push runs
// them), each marked with its hazards.
#pragma once

#include <vector>

#include "diff/pg/change.h"
#include "model/pg/snapshot.h"
#include "sqlgen/statement.h"

namespace dp::sqlgen::pg {

/// The statements for `plan`, in order. Like drizzle-kit, a statement text that was
/// already emitted is not emitted again. Texts carry no trailing newline.
std::vector<sqlgen::Statement> Generate(const diff::pg::Plan& plan);

/// The statements of one change (no de-duplication).
std::vector<sqlgen::Statement> GenerateChange(const diff::pg::Change& change);

/// What `drizzle-kit export` prints for `snapshot`: the statements that create it from
/// nothing.
std::vector<sqlgen::Statement> GenerateCreateAll(const model::pg::Snapshot& snapshot);

}  // namespace dp::sqlgen::pg
