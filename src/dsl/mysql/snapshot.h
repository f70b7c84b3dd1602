// The MySQL snapshot of evaluated schema modules: drizzle-kit's generateMySqlSnapshot over
// the mysql tables and views the modules export.
#pragma once

#include <span>

#include "base/diag.h"
#include "base/result.h"
#include "dsl/common/casing.h"
#include "model/mysql/snapshot.h"
#include "ts/interp.h"

namespace dp::dsl {

struct MysqlSnapshotOptions {
  Casing casing = Casing::None;  ///< drizzle config `casing`
};

/// Builds the snapshot drizzle-kit would write for the exports of `schema_module_namespaces`
/// (in order). Script errors and drizzle-kit's refusals (duplicate names) go to `diags` and
/// make the result an error.
base::Result<model::mysql::Snapshot> BuildMysqlSnapshot(ts::Interp& interp,
                                                          std::span<ts::Object* const> schema_module_namespaces,
                                                          const MysqlSnapshotOptions& options,
                                                          base::DiagSink& diags);

}  // namespace dp::dsl
