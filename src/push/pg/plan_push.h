// The PostgreSQL planner behind `drizzle-push push`: introspect the database (with the
// desired schema's linked policies), diff against the desired snapshot, and run
// drizzle-kit's push data-loss analysis (pgSuggestions in pgPushUtils.ts: its row counts,
// warning texts, counts for the confirmation, and the `truncate table ... cascade;`
// statements it adds), generating the statements change by change so the truncates land
// right before the statement that needs them.
#pragma once

#include <set>
#include <string>

#include "base/result.h"
#include "db/connection.h"
#include "diff/pg/diff.h"
#include "diff/resolver.h"
#include "introspect/pg/inspect.h"
#include "model/pg/snapshot.h"
#include "push/plan.h"

namespace dp::push::pg {

struct PlanOptions {
  /// Diff options; `diff.beyond_drizzle = false` reproduces drizzle-kit push's statements.
  diff::pg::DiffOptions diff;
  /// The catalog read earlier on the same connection (introspect::pg::FetchCatalog with
  /// the same filters); null reads it now.
  const introspect::pg::CatalogRows* catalog = nullptr;
  /// `desired` already prepared for the diff (diff::pg::PrepareDesired); consumed. Null
  /// prepares it now.
  diff::pg::PreparedDesired* prepared_desired = nullptr;
};

/// Plans a push of `desired` onto the database behind `connection`. Runs the fixed set of
/// introspection queries plus at most one row-count query (for the tables, schemas and
/// materialized views the plan drops or alters in a data-losing way).
base::Result<PushPlan> PlanPush(db::Connection& connection, const model::pg::Snapshot& desired,
                                const Filters& filters, diff::Resolver& resolver);
base::Result<PushPlan> PlanPush(db::Connection& connection, const model::pg::Snapshot& desired,
                                const Filters& filters, diff::Resolver& resolver, const PlanOptions& options);

/// What the data-loss step needs of the introspected snapshot: the keys ("schema.name")
/// of its tables and views.
struct ExistingRelations {
  std::set<std::string> tables;
  std::set<std::string> views;
  static ExistingRelations Of(const model::pg::Snapshot& snapshot);
};

/// The data-loss step alone, for an already diffed plan: counts rows (one query), then
/// returns the statements with drizzle-kit's truncates, the warnings and the counts.
/// `current` and `facts` are the introspection the plan was diffed from.
base::Result<PushPlan> AnalyzeDataLoss(db::Connection& connection, diff::pg::Plan plan,
                                       const ExistingRelations& current,
                                       const introspect::pg::CatalogFacts& facts);

}  // namespace dp::push::pg
