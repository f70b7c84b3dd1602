// PostgreSQL introspection driver (see inspect.h): runs each catalog query of queries.h
// once (all but policies in FetchCatalog, which needs no desired snapshot), then
// assembles the snapshot in drizzle-kit's order: enums, sequences, roles, policies,
// tables (relation order), views, schemas.
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

/// Runs one catalog query and counts it.
class Runner {
 public:
  Runner(db::Connection& connection, std::string schema_array)
      : connection_(connection), schema_array_(std::move(schema_array)) {}

  base::Result<void> Run(Rows& out, std::string_view what, std::string_view sql) {
    return Run(out, what, sql, schema_array_);
  }
  base::Result<void> Run(Rows& out, std::string_view what, std::string_view sql, const std::string& schema_array) {
    ++count_;
    auto rows = RunCatalogQuery(connection_, what, sql, schema_array);
    if (!rows) return tl::unexpected(rows.error());
    out = std::move(*rows);
    return {};
  }
  size_t count() const { return count_; }

 private:
  db::Connection& connection_;
  std::string schema_array_;
  size_t count_ = 0;
};

}  // namespace

base::Result<CatalogRows> FetchCatalog(db::Connection& connection, const Filters& filters) {
  Runner runner(connection, SchemaArraySql(filters.schemas));
  CatalogRows catalog;
  DP_TRY(runner.Run(catalog.relations, "relations", kRelationsQuery));
  DP_TRY(runner.Run(catalog.schemas, "schemas", kSchemasQuery));
  DP_TRY(runner.Run(catalog.sequences, "sequences", kSequencesQuery));
  DP_TRY(runner.Run(catalog.enums, "enums", kEnumsQuery));
  if (filters.roles_enabled) DP_TRY(runner.Run(catalog.roles.emplace(), "roles", kRolesQuery));
  DP_TRY(runner.Run(catalog.session, "session", kSessionQuery));
  DP_TRY(runner.Run(catalog.columns, "columns", kColumnsQuery));
  DP_TRY(runner.Run(catalog.constraints, "constraints", kConstraintsQuery));
  DP_TRY(runner.Run(catalog.indexes, "indexes", kIndexesQuery));
  catalog.queries = runner.count();
  return catalog;
}

base::Result<Inspection> InspectWithFacts(db::Connection& connection, const Filters& filters,
                                          const InspectOptions& options) {
  auto catalog = FetchCatalog(connection, filters);
  if (!catalog) return tl::unexpected(catalog.error());
  return InspectWithFacts(connection, filters, options, *catalog);
}

base::Result<Inspection> InspectWithFacts(db::Connection& connection, const Filters& filters,
                                          const InspectOptions& options, const CatalogRows& catalog) {
  std::vector<std::string> policy_schemas = filters.schemas;
  if (options.desired != nullptr && !policy_schemas.empty()) {
    for (const auto& [name, policy] : options.desired->policies) {
      if (policy.schema &&
          std::find(policy_schemas.begin(), policy_schemas.end(), *policy.schema) == policy_schemas.end()) {
        policy_schemas.push_back(*policy.schema);
      }
    }
  }
  const std::string policy_array = SchemaArraySql(policy_schemas);
  Runner runner(connection, policy_array);
  Rows policy_rows;
  DP_TRY(runner.Run(policy_rows, "policies", kPoliciesQuery));
  SessionRoles session;
  if (catalog.session.size() == 1) {
    session.current_user = catalog.session[0].Text("current_user_name");
    session.session_user = catalog.session[0].Text("session_user_name");
  }

  Inspection result;
  mpg::Snapshot& snapshot = result.snapshot;
  AddEnums(catalog.enums, snapshot);
  AddSequences(catalog.sequences, snapshot);
  if (catalog.roles) AddRoles(*catalog.roles, filters, snapshot);
  auto policies = ReadPolicies(policy_rows, options, session, snapshot);

  const std::vector<std::string> patterns = TablePatterns(filters);
  std::vector<Relation> relations = ReadRelations(catalog.relations);
  std::map<long long, const Relation*> tables;
  for (const Relation& relation : relations) {
    if (relation.kind == 'r' && ts::MatchTablesFilter(relation.name, patterns))
      tables.emplace(relation.oid, &relation);
  }
  AttributeNames names;
  auto columns = ReadColumns(catalog.columns, names);
  std::map<long long, TableParts> parts;
  for (const auto& [oid, relation] : tables) parts[oid];
  DP_TRY(ReadConstraints(catalog.constraints, tables, names, parts));
  DP_TRY(ReadIndexes(catalog.indexes, names, parts));

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
  for (Rows::Row row : catalog.schemas) {
    const std::string name = row.Text("name");
    if (name != "public") snapshot.schemas.try_emplace(name, name);
  }
  result.facts.queries = catalog.queries + runner.count();
  return result;
}

base::Result<mpg::Snapshot> Inspect(db::Connection& connection, const Filters& filters) {
  auto inspection = InspectWithFacts(connection, filters, InspectOptions{});
  if (!inspection) return tl::unexpected(inspection.error());
  return std::move(inspection->snapshot);
}

}  // namespace dp::introspect::pg
