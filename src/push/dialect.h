// One dialect's pipeline behind one interface, so the push command never switches on a
// dialect value: build the desired snapshot from evaluated schema modules, plan a push
// against a live connection, and say how to apply.
#pragma once

#include <memory>
#include <nlohmann/json.hpp>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "base/diag.h"
#include "base/result.h"
#include "db/connection.h"
#include "diff/resolver.h"
#include "push/apply.h"
#include "push/plan.h"
#include "sqlgen/statement.h"
#include "ts/interp.h"

namespace dp::push {

struct BuildOptions {
  std::optional<std::string> casing;  // "camelCase" | "snake_case"
  /// push: config.schemaFilter (default ["public"]); the snapshot command passes nothing.
  std::optional<std::vector<std::string>> schema_filter;
};

/// What a dialect read from the database before the schema files were loaded.
class Prefetched {
 public:
  virtual ~Prefetched() = default;
};

/// Reads, on `connection`, what planning needs from the database that does not depend on
/// the schema files. Push runs it on another thread while the schema files load.
using Prefetcher = base::Result<std::unique_ptr<Prefetched>> (*)(db::Connection& connection,
                                                                  const Filters& filters);

class Dialect {
 public:
  virtual ~Dialect() = default;
  /// drizzle-kit's dialect name: "postgresql", "sqlite", "mysql".
  virtual std::string_view name() const = 0;
  /// Builds the desired snapshot from the schema files' module namespaces (only exported
  /// values count). Source errors go to `diags`.
  virtual base::Result<void> Build(ts::Interp& interp, std::span<ts::Object* const> modules,
                                   const BuildOptions& options, base::DiagSink& diags) = 0;
  /// The desired snapshot as drizzle-kit's JSON (`drizzle-push snapshot`).
  virtual std::string SnapshotJsonText() const = 0;
  /// The statements that create the desired schema from nothing (`drizzle-push export`).
  virtual base::Result<std::vector<sqlgen::Statement>> ExportStatements() const = 0;
  /// The dialect's Prefetcher, or null when Plan reads everything (push then connects
  /// only after the schema files are loaded).
  virtual Prefetcher prefetcher() const { return nullptr; }
  /// Hands the next Plan what prefetcher() read on the connection Plan gets.
  virtual void UsePrefetched(std::unique_ptr<Prefetched> prefetched) { (void)prefetched; }
  /// Does the part of the next Plan that needs only the desired snapshot (push calls it
  /// while the prefetcher may still be reading the database).
  virtual void PrepareToPlan() {}
  /// Introspects `connection`, diffs against the desired snapshot, generates statements
  /// and computes the data-loss findings.
  virtual base::Result<PushPlan> Plan(db::Connection& connection, const Filters& filters,
                                      diff::Resolver& resolver) = 0;
  /// How statements are applied on this connection.
  virtual ApplyPolicy apply_policy(const db::Connection& connection) const = 0;
};

/// The dialect for a config's `dialect` ("turso" shares SQLite's), or an error naming the
/// dialects this build supports for `command`.
base::Result<std::unique_ptr<Dialect>> MakeDialect(std::string_view dialect, std::string_view command);

}  // namespace dp::push
