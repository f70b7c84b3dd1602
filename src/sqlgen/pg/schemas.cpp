// Schemas: CREATE SCHEMA, ALTER SCHEMA ... RENAME TO, DROP SCHEMA.
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

void Render(const dpg::CreateSchema& change, Out& out) { Emit(out, "CREATE SCHEMA " + Quote(change.name) + ";\n"); }

void Render(const dpg::RenameSchema& change, Out& out) {
  Emit(out, "ALTER SCHEMA " + Quote(change.from) + " RENAME TO " + Quote(change.to) + ";\n");
}

void Render(const dpg::DropSchema& change, Out& out) {
  Emit(out, "DROP SCHEMA " + Quote(change.name) + ";\n", Hazard::DataLoss);
}

}  // namespace dp::sqlgen::pg
