// Evaluating schema files into a pg snapshot: import each file with a runtime that has the
// drizzle modules registered, then build the snapshot from their namespaces.
#pragma once

#include <string>
#include <vector>

#include "base/result.h"
#include "dsl/pg/snapshot.h"
#include "model/pg/snapshot.h"
#include "ts/runtime.h"

namespace dp::dsl {

/// Imports `files` (in order; drizzle-kit's prepareFilenames order) into `runtime` (the drizzle
/// modules must be registered, see RegisterDrizzle) and builds their snapshot. Diagnostics go
/// to runtime.diags(); on failure the error says how many there were.
base::Result<model::pg::Snapshot> LoadPgSnapshot(ts::Runtime& runtime, const std::vector<std::string>& files,
                                                 const PgSnapshotOptions& options);

}  // namespace dp::dsl
