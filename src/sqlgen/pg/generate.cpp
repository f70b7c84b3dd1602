// PostgreSQL generation driver: an exhaustive visit of each change (render.h), then
// drizzle-kit's de-duplication of identical statement texts.
#include "sqlgen/pg/generate.h"

#include <unordered_set>

#include "diff/pg/diff.h"
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

std::vector<sqlgen::Statement> GenerateChange(const diff::pg::Change& change) {
  Out out;
  std::visit([&out](const auto& typed) { Render(typed, out); }, change);
  return out;
}

std::vector<sqlgen::Statement> Generate(const diff::pg::Plan& plan) {
  std::vector<sqlgen::Statement> result;
  std::unordered_set<std::string> seen;
  for (const diff::pg::Change& change : plan.changes) {
    for (sqlgen::Statement& statement : GenerateChange(change)) {
      if (seen.insert(statement.sql).second) result.push_back(std::move(statement));
    }
  }
  return result;
}

std::vector<sqlgen::Statement> GenerateCreateAll(const model::pg::Snapshot& snapshot) {
  diff::CreateAllResolver resolver;
  auto plan = diff::pg::Diff(diff::pg::EmptySnapshot(), snapshot, resolver);
  // Diffing against nothing asks no question and cannot fail.
  return plan ? Generate(*plan) : std::vector<sqlgen::Statement>{};
}

std::string ExportText(const std::vector<sqlgen::Statement>& statements) {
  std::string out;
  for (size_t idx = 0; idx < statements.size(); ++idx) {
    if (idx > 0) out += '\n';
    out += statements[idx].sql;
  }
  return out;
}

}  // namespace dp::sqlgen::pg
