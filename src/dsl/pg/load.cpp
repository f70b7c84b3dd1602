// LoadPgSnapshot: import the schema files, then build the snapshot inside Runtime::Run so
// script errors and limit errors in callbacks become diagnostics.
#include "dsl/pg/load.h"

namespace dp::dsl {

base::Result<model::pg::Snapshot> LoadPgSnapshot(ts::Runtime& runtime, const std::vector<std::string>& files,
                                                 const PgSnapshotOptions& options) {
  std::vector<ts::Object*> namespaces;
  for (const std::string& file : files) {
    ts::Object* ns = runtime.ImportFile(file);
    if (ns == nullptr) return base::Fail("cannot evaluate {}", file);
    namespaces.push_back(ns);
  }
  base::Result<model::pg::Snapshot> result = base::Fail("the schema could not be evaluated");
  runtime.Run([&] { result = BuildPgSnapshot(runtime.interp(), namespaces, options, runtime.diags()); });
  return result;
}

}  // namespace dp::dsl
