// Roles: CREATE ROLE [WITH CREATEDB CREATEROLE NOINHERIT], DROP ROLE, RENAME TO, and
// ALTER ROLE with all three options spelled out.
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

void Render(const dpg::CreateRole& change, Out& out) {
  const model::pg::Role& role = change.role;
  bool create_db = role.create_db.value_or(false);
  bool create_role = role.create_role.value_or(false);
  bool inherit = role.inherit.value_or(true);
  std::string sql = "CREATE ROLE " + Quote(role.name);
  if (create_db || create_role || !inherit) {
    sql += " WITH";
    if (create_db) sql += " CREATEDB";
    if (create_role) sql += " CREATEROLE";
    if (!inherit) sql += " NOINHERIT";
  }
  Emit(out, sql + ";");
}

void Render(const dpg::DropRole& change, Out& out) { Emit(out, "DROP ROLE " + Quote(change.name) + ";"); }

void Render(const dpg::RenameRole& change, Out& out) {
  Emit(out, "ALTER ROLE " + Quote(change.from) + " RENAME TO " + Quote(change.to) + ";");
}

void Render(const dpg::AlterRole& change, Out& out) {
  const model::pg::Role& role = change.role;
  std::string sql = "ALTER ROLE " + Quote(role.name) + " WITH";
  sql += role.create_db.value_or(false) ? " CREATEDB" : " NOCREATEDB";
  sql += role.create_role.value_or(false) ? " CREATEROLE" : " NOCREATEROLE";
  sql += role.inherit.value_or(true) ? " INHERIT" : " NOINHERIT";
  Emit(out, sql + ";");
}

}  // namespace dp::sqlgen::pg
