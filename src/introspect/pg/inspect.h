// PostgreSQL introspection: reads a live database's schema into the snapshot shape
// drizzle-kit's fromDatabase (pgSerializer.ts) produces for push, in a fixed number of
// catalog queries whatever the number of tables (queries.h), joined in memory.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "base/result.h"
#include "db/connection.h"
#include "introspect/filters.h"
#include "introspect/pg/rows.h"
#include "model/pg/snapshot.h"

namespace dp::introspect::pg {

/// What drizzle-kit's push also takes from the desired schema while introspecting.
struct InspectOptions {
  /// The desired snapshot: its top-level (linked) policies are read back under their
  /// names with the desired `on`, and their schemas' policies are read too.
  const model::pg::Snapshot* desired = nullptr;
};

/// Catalog facts the snapshot has no field for, which push planning needs.
struct CatalogFacts {
  /// "schema.table" -> name of its primary key constraint.
  std::map<std::string, std::string> primary_key_names;
  /// "schema.name" of materialized views created WITH NO DATA (counting them fails).
  std::set<std::string> unpopulated_matviews;
  /// How many catalog queries the inspection ran.
  size_t queries = 0;
};

struct Inspection {
  model::pg::Snapshot snapshot;
  CatalogFacts facts;
};

/// The results of the catalog queries that do not depend on the desired snapshot (all
/// but policies), so they can be read before the schema files are evaluated.
struct CatalogRows {
  Rows relations, schemas, sequences, enums, session, columns, constraints, indexes;
  std::optional<Rows> roles;  ///< only when filters.roles_enabled
  size_t queries = 0;         ///< how many queries FetchCatalog ran
};

/// Runs the catalog queries of CatalogRows on `connection` for `filters`.
base::Result<CatalogRows> FetchCatalog(db::Connection& connection, const Filters& filters);

/// Reads schemas, enums, sequences (not those a column owns), roles (when
/// filters.roles_enabled), tables (columns with types, defaults, identity, generated and
/// serial detection; indexes; primary, unique, foreign key and check constraints;
/// policies; RLS) and views / materialized views of the schemas in filters.schemas
/// (every non-system schema when empty), keeping tables and views whose name passes
/// filters.tables (drizzle-kit's tablesFilter; with filters.extensions holding "postgis",
/// postgis' tables and views are left out as drizzle-kit does).
base::Result<model::pg::Snapshot> Inspect(db::Connection& connection, const Filters& filters);

/// Inspect, with the desired snapshot's influence and the catalog facts.
base::Result<Inspection> InspectWithFacts(db::Connection& connection, const Filters& filters,
                                          const InspectOptions& options);

/// InspectWithFacts from an earlier FetchCatalog with the same filters on the same
/// database: runs only the policies query.
base::Result<Inspection> InspectWithFacts(db::Connection& connection, const Filters& filters,
                                          const InspectOptions& options, const CatalogRows& catalog);

/// drizzle-kit's role selection for push (prepareRoles in pgSerializer.ts): true when
/// role `name` is managed under `filters`.
bool RoleIsManaged(const Filters& filters, const std::string& name);

}  // namespace dp::introspect::pg
