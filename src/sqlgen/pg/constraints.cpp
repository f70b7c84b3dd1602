// Indexes (CREATE [UNIQUE] INDEX [CONCURRENTLY] ... USING method (...) [WITH (...)]
// [WHERE ...], DROP INDEX), foreign keys, composite primary keys, unique and check
// constraints (ALTER TABLE ... ADD / DROP CONSTRAINT).
#include "diff/pg/js_text.h"
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

namespace mpg = model::pg;

namespace {

std::string ColumnList(const std::vector<std::string>& columns) {
  std::string out;
  for (const std::string& column : columns) {
    if (!out.empty()) out += ',';
    out += Quote(column);
  }
  return out;
}

/// One index element. drizzle-kit writes DESC / NULLS only without an operator class
/// (dropping them when there is one); here the class comes first and they follow it.
std::string IndexElement(const mpg::IndexColumn& column) {
  std::string out = column.is_expression ? column.expression : Quote(column.expression);
  if (column.opclass && !column.opclass->empty()) out += " " + *column.opclass;
  if (!column.asc) out += " DESC";
  std::string nulls = column.nulls.value_or("last");
  if (!(column.asc && nulls == "last")) {
    for (char& c : nulls) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    out += " NULLS " + nulls;
  }
  return out;
}

std::string DropConstraint(const std::string& schema, const std::string& table, const std::string& name) {
  return "ALTER TABLE " + Qualified(schema, table) + " DROP CONSTRAINT " + Quote(name) + ";";
}

}  // namespace

void Render(const dpg::CreateIndex& change, Out& out) {
  const mpg::Index& index = change.index;
  std::string elements;
  for (const mpg::IndexColumn& column : index.columns) {
    if (!elements.empty()) elements += ',';
    elements += IndexElement(column);
  }
  std::string sql = std::string("CREATE ") + (index.is_unique ? "UNIQUE INDEX" : "INDEX");
  if (index.concurrently) sql += " CONCURRENTLY";
  sql += " " + Quote(index.name) + " ON " + Qualified(change.schema, change.table) + " USING " + index.method + " (" +
         elements + ")";
  if (index.with && !index.with->empty()) {
    std::string with;
    for (const auto& [key, value] : *index.with) {
      if (!with.empty()) with += ',';
      with += key + "=" + diff::pg::JsString(value);
    }
    sql += " WITH (" + with + ")";
  }
  if (index.where && !index.where->empty()) sql += " WHERE " + *index.where;
  Hazard hazard = change.new_table || index.concurrently ? Hazard::None : Hazard::Lock;
  Emit(out, sql + ";", hazard, index.concurrently);
}

void Render(const dpg::DropIndex& change, Out& out) {
  Emit(out, "DROP INDEX " + Qualified(change.schema, change.name) + ";");
}

void Render(const dpg::CreateForeignKey& change, Out& out) {
  const mpg::ForeignKey& fk = change.fk;
  std::string schema_to = fk.schema_to.value_or("public");
  std::string sql = "ALTER TABLE " + Qualified(change.schema, change.table) + " ADD CONSTRAINT " + Quote(fk.name) +
                    " FOREIGN KEY (" + ColumnList(fk.columns_from) + ") REFERENCES " +
                    Qualified(schema_to, fk.table_to) + "(" + ColumnList(fk.columns_to) + ")";
  if (fk.on_delete && !fk.on_delete->empty()) sql += " ON DELETE " + *fk.on_delete;
  if (fk.on_update && !fk.on_update->empty()) sql += " ON UPDATE " + *fk.on_update;
  Emit(out, sql + ";", change.new_table ? Hazard::None : Hazard::Lock);
}

void Render(const dpg::DropForeignKey& change, Out& out) {
  Emit(out, DropConstraint(change.schema, change.table, change.name) + "\n");
}

void Render(const dpg::CreatePrimaryKey& change, Out& out) {
  Emit(out,
       "ALTER TABLE " + Qualified(change.schema, change.table) + " ADD CONSTRAINT " + Quote(change.pk.name) +
           " PRIMARY KEY(" + ColumnList(change.pk.columns) + ");",
       Hazard::Lock);
}

void Render(const dpg::DropPrimaryKey& change, Out& out) {
  Emit(out, DropConstraint(change.schema, change.table, change.name));
}

void Render(const dpg::AlterPrimaryKey& change, Out& out) {
  // drizzle-kit writes both as one text joined by a statement breakpoint.
  Emit(out, DropConstraint(change.schema, change.table, change.from.name));
  Emit(out,
       "ALTER TABLE " + Qualified(change.schema, change.table) + " ADD CONSTRAINT " + Quote(change.to.name) +
           " PRIMARY KEY(" + ColumnList(change.to.columns) + ");",
       Hazard::Lock);
}

void Render(const dpg::CreateUnique& change, Out& out) {
  std::string sql = "ALTER TABLE " + Qualified(change.schema, change.table) + " ADD CONSTRAINT " +
                    Quote(change.unique.name) + " UNIQUE";
  if (change.unique.nulls_not_distinct) sql += " NULLS NOT DISTINCT";
  Emit(out, sql + "(" + ColumnList(change.unique.columns) + ");", Hazard::Lock);
}

void Render(const dpg::DropUnique& change, Out& out) {
  Emit(out, DropConstraint(change.schema, change.table, change.name));
}

void Render(const dpg::CreateCheck& change, Out& out) {
  Emit(out,
       "ALTER TABLE " + Qualified(change.schema, change.table) + " ADD CONSTRAINT " + Quote(change.check.name) +
           " CHECK (" + change.check.value + ");",
       Hazard::Lock);
}

void Render(const dpg::DropCheck& change, Out& out) {
  Emit(out, DropConstraint(change.schema, change.table, change.name));
}

}  // namespace dp::sqlgen::pg
