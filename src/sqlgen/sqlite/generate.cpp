// One renderer per SQLite change kind, dispatched by an exhaustive std::visit.
#include "sqlgen/sqlite/generate.h"

#include <fmt/format.h>

#include <cctype>

#include "sqlgen/sqlite/table_sql.h"

namespace dp::sqlgen::sqlite {

namespace {

namespace ds = diff::sqlite;

Statement Make(std::string sql, Hazard hazards = Hazard::None) {
  return Statement{std::move(sql), hazards, false};
}

bool IsPlainIdentifier(const std::string& name) {
  if (name.empty() || std::isdigit(static_cast<unsigned char>(name[0])) != 0) return false;
  for (char c : name) {
    if (std::isalnum(static_cast<unsigned char>(c)) == 0 && c != '_') return false;
  }
  return true;
}

std::string QuotedList(const std::vector<std::string>& names) {
  std::string out;
  for (size_t name_idx = 0; name_idx < names.size(); ++name_idx) {
    if (name_idx > 0) out += ", ";
    out += "\"" + names[name_idx] + "\"";
  }
  return out;
}

struct Renderer {
  std::vector<Statement> operator()(const ds::CreateTable& change) const {
    return {Make(CreateTableSql(change.table, change.table.name, CheckClauses(change.table, "", "")))};
  }
  std::vector<Statement> operator()(const ds::DropTable& change) const {
    return {Make(fmt::format("DROP TABLE `{}`;", change.name), Hazard::DataLoss)};
  }
  std::vector<Statement> operator()(const ds::RenameTable& change) const {
    return {Make(fmt::format("ALTER TABLE `{}` RENAME TO `{}`;", change.from, change.to))};
  }
  std::vector<Statement> operator()(const ds::RenameColumn& change) const {
    return {Make(fmt::format("ALTER TABLE `{}` RENAME COLUMN \"{}\" TO \"{}\";", change.table, change.from,
                             change.to))};
  }
  std::vector<Statement> operator()(const ds::AddColumn& change) const {
    return {Make(AddColumnSql(change.table, change.column, change.reference))};
  }
  std::vector<Statement> operator()(const ds::DropColumn& change) const {
    return {Make(fmt::format("ALTER TABLE `{}` DROP COLUMN `{}`;", change.table, change.column),
                 Hazard::DataLoss)};
  }
  std::vector<Statement> operator()(const ds::ReAddColumn& change) const {
    Hazard hazard = change.change == ds::GeneratedChange::Drop ? Hazard::DataLoss : Hazard::None;
    return {Make(fmt::format("ALTER TABLE `{}` DROP COLUMN `{}`;", change.table, change.column.name), hazard),
            Make(AddColumnSql(change.table, change.column, std::nullopt))};
  }
  std::vector<Statement> operator()(const ds::CreateIndex& change) const {
    return {Make(CreateIndexSql(change.table, change.index, change.expressions))};
  }
  std::vector<Statement> operator()(const ds::DropIndex& change) const {
    return {Make(fmt::format("DROP INDEX `{}`;", change.name))};
  }
  std::vector<Statement> operator()(const ds::RecreateTable& change) const {
    const std::string& name = change.table.name;
    std::string new_name = "__new_" + name;
    Hazard hazard = Hazard::TableRewrite;
    if (!change.copy_rows || !change.removed_columns.empty()) hazard |= Hazard::DataLoss;
    std::vector<Statement> statements;
    if (change.toggle_foreign_keys) statements.push_back(Make("PRAGMA foreign_keys=OFF;", hazard));
    statements.push_back(
        Make(CreateTableSql(change.table, new_name, CheckClauses(change.table, name, new_name)), hazard));
    if (change.copy_rows && !change.copied_columns.empty()) {
      std::string columns = QuotedList(change.copied_columns);
      statements.push_back(
          Make(fmt::format("INSERT INTO `{}`({}) SELECT {} FROM `{}`;", new_name, columns, columns, name),
               hazard));
    }
    statements.push_back(Make(fmt::format("DROP TABLE `{}`;", name), hazard));
    statements.push_back(Make(fmt::format("ALTER TABLE `{}` RENAME TO `{}`;", new_name, name), hazard));
    size_t index_idx = 0;
    for (const auto& [index_name, index] : change.table.indexes) {
      const std::vector<bool>& expressions = change.index_expressions.at(index_idx++);
      statements.push_back(Make(CreateIndexSql(name, index, expressions), hazard));
    }
    if (change.toggle_foreign_keys) statements.push_back(Make("PRAGMA foreign_keys=ON;", hazard));
    return statements;
  }
  std::vector<Statement> operator()(const ds::DeleteRows& change) const {
    if (change.before_recreate)
      return {Make(fmt::format("DELETE FROM `{}`;", change.table), Hazard::DataLoss)};
    // drizzle-kit writes the name bare here; quote it only when it would not parse bare.
    std::string table = IsPlainIdentifier(change.table) ? change.table : "`" + change.table + "`";
    return {Make(fmt::format("delete from {};", table), Hazard::DataLoss)};
  }
  std::vector<Statement> operator()(const ds::CreateView& change) const {
    return {Make(fmt::format("CREATE VIEW `{}` AS {};", change.name, change.definition))};
  }
  std::vector<Statement> operator()(const ds::DropView& change) const {
    return {Make(fmt::format("DROP VIEW `{}`;", change.name))};
  }
};

}  // namespace

std::vector<Statement> GenerateChange(const diff::sqlite::Change& change) {
  return std::visit(Renderer{}, change);
}

std::vector<Statement> Generate(const diff::sqlite::Plan& plan) {
  std::vector<Statement> statements;
  for (const diff::sqlite::Change& change : plan.changes) {
    for (Statement& statement : GenerateChange(change)) statements.push_back(std::move(statement));
  }
  return statements;
}

}  // namespace dp::sqlgen::sqlite
