// The SQLite planner behind `drizzle-push push` (dialects sqlite and turso): introspect,
// diff, the data-loss analysis of drizzle-kit's sqlitePushUtils.logSuggestionsAndReturn
// (its row counts, warning texts and the statements it adds when the user accepts), and
// statement generation.
#pragma once

#include "base/result.h"
#include "db/connection.h"
#include "diff/resolver.h"
#include "diff/sqlite/plan.h"
#include "model/sqlite/snapshot.h"
#include "push/plan.h"

namespace dp::push::sqlite {

/// Plans a push of `desired` onto the database behind `connection`. Row-count queries run
/// only for tables the plan drops, rebuilds or adds a NOT NULL column to.
base::Result<PushPlan> PlanPush(db::Connection& connection, const model::sqlite::Snapshot& desired,
                                const Filters& filters, diff::Resolver& resolver);

/// The data-loss step alone, for an already diffed plan: counts rows, appends warnings,
/// inserts DELETE statements and sets the recreation knobs (PRAGMA foreign_keys state).
base::Result<void> AnalyzeDataLoss(db::Connection& connection, diff::sqlite::Plan& plan,
                                   std::vector<DataLossWarning>& warnings);

/// The statements that create `desired` from nothing (`drizzle-push export`, as
/// drizzle-kit export prints them: tables in schema order, each followed by its indexes,
/// then views).
std::vector<sqlgen::Statement> ExportStatements(const model::sqlite::Snapshot& desired);

}  // namespace dp::push::sqlite
