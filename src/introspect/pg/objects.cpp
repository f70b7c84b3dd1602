// Schema-level objects: relations (the row list), enums, sequences, roles and policies,
// read the way drizzle-kit's fromDatabase reads them.
#include <algorithm>

#include "introspect/pg/builders.h"

namespace dp::introspect::pg {

namespace mpg = model::pg;

std::vector<Relation> ReadRelations(const Rows& rows) {
  std::vector<Relation> relations;
  for (Rows::Row row : rows) {
    Relation relation;
    relation.oid = row.Int("oid");
    relation.schema = row.Text("schema");
    relation.name = row.Text("name");
    relation.kind = row.Text("kind").empty() ? 'r' : row.Text("kind")[0];
    relation.rls = row.Bool("rls");
    relation.populated = row.Bool("populated");
    relation.options = row.Strings("options");
    relation.tablespace = row.Opt("tablespace");
    relation.access_method = row.Opt("access_method");
    relation.definition = row.Opt("definition");
    relations.push_back(std::move(relation));
  }
  return relations;
}

void AddEnums(const Rows& rows, mpg::Snapshot& snapshot) {
  for (Rows::Row row : rows) {
    const std::string schema = row.Text("schema").empty() ? "public" : row.Text("schema");
    const std::string name = row.Text("name");
    auto [entry, inserted] = snapshot.enums.try_emplace(schema + "." + name);
    if (inserted) {
      entry->second.name = name;
      entry->second.schema = schema;
    }
    entry->second.values.push_back(row.Text("value"));
  }
}

void AddSequences(const Rows& rows, mpg::Snapshot& snapshot) {
  for (Rows::Row row : rows) {
    if (row.Bool("owned")) continue;
    mpg::Sequence sequence;
    sequence.name = row.Text("name");
    sequence.schema = row.Text("schema");
    sequence.start_with = row.Opt("start_value");
    sequence.min_value = row.Opt("min_value");
    sequence.max_value = row.Opt("max_value");
    sequence.increment = row.Opt("increment_by");
    sequence.cycle = row.Bool("cycle");
    sequence.cache = row.Opt("cache_size");
    snapshot.sequences.insert_or_assign(sequence.schema + "." + sequence.name, std::move(sequence));
  }
}

bool RoleIsManaged(const Filters& filters, const std::string& name) {
  if (!filters.roles_enabled) return false;
  const bool all_roles =
      filters.roles_provider.empty() && filters.roles_include.empty() && filters.roles_exclude.empty();
  if (all_roles) {
    // `roles: true`: every role, except the pg_* roles PostgreSQL reserves (drizzle-kit
    // would try to drop them).
    return name.rfind("pg_", 0) != 0;
  }
  std::vector<std::string> exclude = filters.roles_exclude;
  if (filters.roles_provider == "supabase") {
    exclude.insert(exclude.end(),
                   {"anon", "authenticator", "authenticated", "service_role", "supabase_auth_admin",
                    "supabase_storage_admin", "dashboard_user", "supabase_admin"});
  } else if (filters.roles_provider == "neon") {
    exclude.insert(exclude.end(), {"authenticated", "anonymous"});
  }
  auto contains = [](const std::vector<std::string>& list, const std::string& item) {
    return std::find(list.begin(), list.end(), item) != list.end();
  };
  return contains(filters.roles_include, name) && !contains(exclude, name);
}

void AddRoles(const Rows& rows, const Filters& filters, mpg::Snapshot& snapshot) {
  for (Rows::Row row : rows) {
    const std::string name = row.Text("name");
    if (!RoleIsManaged(filters, name)) continue;
    mpg::Role role;
    role.name = name;
    role.create_db = row.Bool("create_db");
    // drizzle-kit reads rolcreatedb here when `roles: true` (a typo); the real flag is used.
    role.create_role = row.Bool("create_role");
    role.inherit = row.Bool("inherit");
    snapshot.roles.insert_or_assign(name, std::move(role));
  }
}

namespace {

/// The desired policies by "schema.table.name" (tables) and by name (linked policies).
class DesiredPolicies {
 public:
  explicit DesiredPolicies(const mpg::Snapshot* desired) : desired_(desired) {
    if (desired == nullptr) return;
    for (const auto& [key, table] : desired->tables) {
      std::string schema = table.schema.empty() ? "public" : table.schema;
      for (const auto& [name, policy] : table.policies)
        by_table_[schema + "." + table.name + "." + name] = &policy;
    }
  }

  /// The desired policy `name` of table schema.table, or the linked policy of that name.
  const mpg::Policy* Find(const std::string& schema, const std::string& table,
                          const std::string& name) const {
    if (desired_ == nullptr) return nullptr;
    auto it = by_table_.find(schema + "." + table + "." + name);
    return it != by_table_.end() ? it->second : desired_->policies.Get(name);
  }

 private:
  const mpg::Snapshot* desired_;
  std::map<std::string, const mpg::Policy*> by_table_;
};

/// Role names as the desired policy spells the session's roles.
std::vector<std::string> SessionKeywords(std::vector<std::string> roles, const mpg::Policy* desired,
                                         const SessionRoles& session) {
  if (desired == nullptr || !desired->to) return roles;
  const std::vector<std::string>& wanted = *desired->to;
  auto wants = [&](const std::string& role) {
    return std::find(wanted.begin(), wanted.end(), role) != wanted.end();
  };
  for (std::string& role : roles) {
    if (wants(role)) continue;
    for (const char* keyword : {"current_user", "current_role"}) {
      if (role == session.current_user && wants(keyword)) role = keyword;
    }
    if (role == session.session_user && wants("session_user")) role = "session_user";
  }
  return roles;
}

}  // namespace

std::map<std::string, model::OrderedMap<mpg::Policy>> ReadPolicies(const Rows& rows,
                                                                   const InspectOptions& options,
                                                                   const SessionRoles& session,
                                                                   mpg::Snapshot& snapshot) {
  std::map<std::string, model::OrderedMap<mpg::Policy>> by_table;
  const DesiredPolicies desired(options.desired);
  for (Rows::Row row : rows) {
    mpg::Policy policy;
    policy.name = row.Text("name");
    policy.as = row.Text("as_kind");
    policy.command = row.Text("command");
    policy.to = row.Strings("roles");
    policy.to = SessionKeywords(
        *policy.to, desired.Find(row.Text("schema"), row.Text("table_name"), policy.name), session);
    policy.using_expr = row.Opt("using_expr");
    policy.with_check = row.Opt("with_check");
    if (options.desired != nullptr) {
      if (const mpg::Policy* linked = options.desired->policies.Get(policy.name)) {
        mpg::Policy top = policy;
        top.on = linked->on;
        snapshot.policies.insert_or_assign(top.name, std::move(top));
      }
    }
    std::string name = policy.name;
    by_table[row.Text("schema") + "." + row.Text("table_name")].insert_or_assign(name, std::move(policy));
  }
  return by_table;
}

}  // namespace dp::introspect::pg
