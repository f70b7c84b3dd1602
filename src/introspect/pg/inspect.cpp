// PostgreSQL introspection driver (see inspect.h): runs each catalog query of queries.h
// once, then assembles the snapshot in drizzle-kit's order: enums, sequences, roles,
// policies, tables (relation order), views, schemas.
#include "introspect/pg/inspect.h"

#include <algorithm>

#include "introspect/pg/builders.h"
#include "introspect/pg/queries.h"
#include "ts/glob.h"

namespace dp::introspect::pg {

namespace mpg = model::pg;

namespace {

/// drizzle-kit's tablesFilter, extended like its config loader for extensionsFilters.
std::vector<std::string> TablePatterns(const Filters& filters) {
  std::vector<std::string> patterns = filters.tables;
  if (std::find(filters.extensions.begin(), filters.extensions.end(), "postgis") !=
      filters.extensions.end()) {
    for (const char* pattern : {"!geography_columns", "!geometry_columns", "!spatial_ref_sys"}) {
      if (std::find(patterns.begin(), patterns.end(), pattern) == patterns.end())
        patterns.emplace_back(pattern);
    }
  }
  return patterns;
}

/// Counts queries as they run.
class Runner {
 public:
  Runner(db::Connection& connection, std::string schema_array)
      : connection_(connection), schema_array_(std::move(schema_array)) {}

  base::Result<Rows> Run(std::string_view what, std::string_view sql) {
    ++count_;
    return RunCatalogQuery(connection_, what, sql, schema_array_);
  }
  base::Result<Rows> Run(std::string_view what, std::string_view sql, const std::string& schema_array) {
    ++count_;
    return RunCatalogQuery(connection_, what, sql, schema_array);
  }
  size_t count() const { return count_; }

 private:
  db::Connection& connection_;
  std::string schema_array_;
  size_t count_ = 0;
};

}  // namespace

base::Result<Inspection> InspectWithFacts(db::Connection& connection, const Filters& filters,
                                          const InspectOptions& options) {
  Runner runner(connection, SchemaArraySql(filters.schemas));
  auto relation_rows = runner.Run("relations", kRelationsQuery);
  if (!relation_rows) return tl::unexpected(relation_rows.error());
  auto schema_rows = runner.Run("schemas", kSchemasQuery);
  if (!schema_rows) return tl::unexpected(schema_rows.error());
  auto sequence_rows = runner.Run("sequences", kSequencesQuery);
  if (!sequence_rows) return tl::unexpected(sequence_rows.error());
  auto enum_rows = runner.Run("enums", kEnumsQuery);
  if (!enum_rows) return tl::unexpected(enum_rows.error());
  std::optional<Rows> role_rows;
  if (filters.roles_enabled) {
    auto rows = runner.Run("roles", kRolesQuery);
    if (!rows) return tl::unexpected(rows.error());
    role_rows = std::move(*rows);
  }
  std::vector<std::string> policy_schemas = filters.schemas;
  if (options.desired != nullptr && !policy_schemas.empty()) {
    for (const auto& [name, policy] : options.desired->policies) {
      if (policy.schema &&
          std::find(policy_schemas.begin(), policy_schemas.end(), *policy.schema) == policy_schemas.end()) {
        policy_schemas.push_back(*policy.schema);
      }
    }
  }
  auto policy_rows = runner.Run("policies", kPoliciesQuery, SchemaArraySql(policy_schemas));
  if (!policy_rows) return tl::unexpected(policy_rows.error());
  auto session_rows = runner.Run("session", kSessionQuery);
  if (!session_rows) return tl::unexpected(session_rows.error());
  SessionRoles session;
  if (session_rows->size() == 1) {
    session.current_user = (*session_rows)[0].Text("current_user_name");
    session.session_user = (*session_rows)[0].Text("session_user_name");
  }
  auto column_rows = runner.Run("columns", kColumnsQuery);
  if (!column_rows) return tl::unexpected(column_rows.error());
  auto constraint_rows = runner.Run("constraints", kConstraintsQuery);
  if (!constraint_rows) return tl::unexpected(constraint_rows.error());
  auto index_rows = runner.Run("indexes", kIndexesQuery);
  if (!index_rows) return tl::unexpected(index_rows.error());

  Inspection result;
  mpg::Snapshot& snapshot = result.snapshot;
  AddEnums(*enum_rows, snapshot);
  AddSequences(*sequence_rows, snapshot);
  if (role_rows) AddRoles(*role_rows, filters, snapshot);
  auto policies = ReadPolicies(*policy_rows, options, session, snapshot);

  const std::vector<std::string> patterns = TablePatterns(filters);
  std::vector<Relation> relations = ReadRelations(*relation_rows);
  std::map<long long, const Relation*> tables;
  for (const Relation& relation : relations) {
    if (relation.kind == 'r' && ts::MatchTablesFilter(relation.name, patterns))
      tables.emplace(relation.oid, &relation);
  }
  auto columns = ReadColumns(*column_rows);
  std::map<long long, TableParts> parts;
  for (const auto& [oid, relation] : tables) parts[oid];
  ReadConstraints(*constraint_rows, tables, parts);
  ReadIndexes(*index_rows, parts);

  for (const Relation& relation : relations) {
    if (relation.kind != 'r' || !tables.count(relation.oid)) continue;
    TableParts& part = parts[relation.oid];
    if (!part.primary_key_name.empty())
      result.facts.primary_key_names[relation.Key()] = part.primary_key_name;
    auto policy = policies.find(relation.Key());
    mpg::Table table =
        BuildTable(relation, std::move(columns[relation.oid]), std::move(part),
                   policy == policies.end() ? model::OrderedMap<mpg::Policy>{} : std::move(policy->second));
    snapshot.tables.insert_or_assign(relation.Key(), std::move(table));
  }
  for (const Relation& relation : relations) {
    if (relation.kind == 'r' || !ts::MatchTablesFilter(relation.name, patterns)) continue;
    if (relation.kind == 'm' && !relation.populated) result.facts.unpopulated_matviews.insert(relation.Key());
    snapshot.views.insert_or_assign(relation.Key(), BuildView(relation, std::move(columns[relation.oid])));
  }

  for (const Relation& relation : relations) {
    if (relation.schema != "public") snapshot.schemas.try_emplace(relation.schema, relation.schema);
  }
  for (Rows::Row row : *schema_rows) {
    const std::string name = row.Text("name");
    if (name != "public") snapshot.schemas.try_emplace(name, name);
  }
  result.facts.queries = runner.count();
  return result;
}

base::Result<mpg::Snapshot> Inspect(db::Connection& connection, const Filters& filters) {
  auto inspection = InspectWithFacts(connection, filters, InspectOptions{});
  if (!inspection) return tl::unexpected(inspection.error());
  return std::move(inspection->snapshot);
}

}  // namespace dp::introspect::pg
