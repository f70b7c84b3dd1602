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
/// already emitted is not emitted again. Texts are drizzle-kit's, trailing newline
/// included where it writes one (CREATE TABLE, schema statements, ...).
std::vector<sqlgen::Statement> Generate(const diff::pg::Plan& plan);

/// The statements of one change (no de-duplication).
std::vector<sqlgen::Statement> GenerateChange(const diff::pg::Change& change);

/// The statements that create `snapshot` from nothing; `drizzle-kit export` prints them
/// joined by "\n" (see ExportText).
std::vector<sqlgen::Statement> GenerateCreateAll(const model::pg::Snapshot& snapshot);

/// The statements' texts joined by "\n", as `drizzle-kit export` prints them (console.log
/// adds the final newline).
std::string ExportText(const std::vector<sqlgen::Statement>& statements);

}  // namespace dp::sqlgen::pg
