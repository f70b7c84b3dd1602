// Building drizzle-kit's PostgreSQL snapshot from evaluated schema modules: drizzle-kit's
// prepareFromExports (only exported values count) and generatePgSnapshot, with its naming,
// default rendering, ordering and its error cases as located diagnostics.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <vector>

#include "base/diag.h"
#include "base/result.h"
#include "dsl/common/casing.h"
#include "model/pg/snapshot.h"
#include "ts/interp.h"

namespace dp::dsl {

/// Options of BuildPgSnapshot (drizzle config keys that change the snapshot).
struct PgSnapshotOptions {
  Casing casing = Casing::None;
  /// push passes config.schemaFilter (drizzle-kit's default there is ["public"]): tables in
  /// other schemas and schemas not listed are left out. generate/snapshot pass nothing.
  std::optional<std::vector<std::string>> schema_filter;
};

/// The snapshot of the schema modules' exports, in module order. Errors (drizzle-kit's
/// duplicate-name and missing-name failures, script errors in callbacks, unsupported values)
/// are reported to `diags` at the call that made the offending object; the result then fails
/// with a summary. Warnings (a policy linked to no table) are reported and do not fail.
base::Result<model::pg::Snapshot> BuildPgSnapshot(ts::Interp& interp,
                                                  std::span<ts::Object* const> schema_module_namespaces,
                                                  const PgSnapshotOptions& options, base::DiagSink& diags);

}  // namespace dp::dsl
