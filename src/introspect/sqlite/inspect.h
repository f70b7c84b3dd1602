// SQLite introspection: reads a live database's schema into the same snapshot shape the
// DSL builds (drizzle-kit's sqliteSerializer fromDatabase), in a fixed number of queries.
#pragma once

#include "base/result.h"
#include "db/connection.h"
#include "introspect/filters.h"
#include "model/sqlite/snapshot.h"

namespace dp::introspect::sqlite {

/// Reads tables (columns, defaults, NOT NULL, AUTOINCREMENT, primary keys, foreign keys,
/// indexes with WHERE and expressions, CHECK constraints, generated columns) and views,
/// keeping only tables and views that pass `filters.tables`. Runs kInspectQueryCount
/// queries whatever the number of tables.
base::Result<model::sqlite::Snapshot> Inspect(db::Connection& connection, const Filters& filters);

/// drizzle-kit's reading of pragma dflt_value into the snapshot's `default`: numbers,
/// true/false, quoted strings as is, CURRENT_* and other expressions in parentheses.
nlohmann::ordered_json ParseDefault(std::string_view dflt_value);

}  // namespace dp::introspect::sqlite
