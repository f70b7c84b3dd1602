// Policies: CREATE POLICY ... AS ... FOR ... TO ... [USING (...)] [WITH CHECK (...)],
// DROP POLICY ... CASCADE, ALTER POLICY ... RENAME TO, ALTER POLICY ... TO ... for table
// policies and for top-level policies (whose table is drizzle-kit's literal `on` text).
#include <cctype>

#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

namespace {

std::string TargetName(const dpg::PolicyTarget& target) {
  return target.on ? *target.on : Qualified(target.schema, target.table);
}

bool IsPlainIdentifier(const std::string& name) {
  if (name.empty() || !(std::islower(static_cast<unsigned char>(name[0])) || name[0] == '_')) return false;
  for (char c : name) {
    if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_' ||
          c == '$')) {
      return false;
    }
  }
  return true;
}

}  // namespace

std::string CreatePolicySql(const dpg::PolicyTarget& target, const model::pg::Policy& policy, bool expressions) {
  std::string roles;
  for (const std::string& role : policy.to.value_or(std::vector<std::string>{"public"})) {
    if (!roles.empty()) roles += ", ";
    roles += PolicyRole(role);
  }
  std::string sql = "CREATE POLICY " + Quote(policy.name) + " ON " + TargetName(target) + " AS " +
                    policy.as.value_or("PERMISSIVE") + " FOR " + policy.command.value_or("ALL") + " TO " + roles;
  if (expressions && policy.using_expr && !policy.using_expr->empty()) sql += " USING (" + *policy.using_expr + ")";
  if (expressions && policy.with_check && !policy.with_check->empty()) sql += " WITH CHECK (" + *policy.with_check + ")";
  return sql + ";";
}

void Render(const dpg::CreatePolicy& change, Out& out) {
  Emit(out, CreatePolicySql(change.target, change.policy, change.expressions));
}

void Render(const dpg::DropPolicy& change, Out& out) {
  Emit(out, "DROP POLICY " + Quote(change.name) + " ON " + TargetName(change.target) + " CASCADE;");
}

void Render(const dpg::RenamePolicy& change, Out& out) {
  Emit(out, "ALTER POLICY " + Quote(change.from) + " ON " + TargetName(change.target) + " RENAME TO " +
                Quote(change.to) + ";");
}

void Render(const dpg::AlterPolicy& change, Out& out) {
  // drizzle-kit prints the role array as JavaScript does ("a,b"); names that need quotes
  // are quoted here.
  std::string roles;
  for (const std::string& role : change.to.to.value_or(std::vector<std::string>{"public"})) {
    if (!roles.empty()) roles += ",";
    roles += IsPlainIdentifier(role) ? role : Quote(role);
  }
  std::string sql = "ALTER POLICY " + Quote(change.from.name) + " ON " + TargetName(change.target) + " TO " + roles;
  if (Has(change.changes, dpg::PolicyChange::Using) && change.to.using_expr) {
    sql += " USING (" + *change.to.using_expr + ")";
  }
  if (Has(change.changes, dpg::PolicyChange::WithCheck) && change.to.with_check) {
    sql += " WITH CHECK (" + *change.to.with_check + ")";
  }
  Emit(out, sql + ";");
}

}  // namespace dp::sqlgen::pg
