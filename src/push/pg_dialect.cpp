// PostgreSQL: the dsl's pg-core snapshot, the PostgreSQL planner (its catalog queries
// prefetched while the schema files load), and an apply inside one transaction (CREATE
// INDEX CONCURRENTLY after COMMIT).
#include <optional>
#include <utility>

#include "dsl/pg/snapshot.h"
#include "model/pg/json.h"
#include "push/dialect.h"

#if DP_HAVE_SQLGEN_PG
#include "sqlgen/pg/generate.h"
#endif
#if DP_HAVE_PUSH_PG
#include "push/pg/plan_push.h"
#endif

namespace dp::push {

namespace {

#if DP_HAVE_PUSH_PG
/// The catalog queries that need no desired snapshot (all but policies).
struct PgCatalog final : Prefetched {
  introspect::pg::CatalogRows rows;
};

base::Result<std::unique_ptr<Prefetched>> FetchPgCatalog(db::Connection& connection, const Filters& filters) {
  auto rows = introspect::pg::FetchCatalog(connection, filters);
  if (!rows) return tl::unexpected(rows.error().Wrap("postgresql"));
  auto catalog = std::make_unique<PgCatalog>();
  catalog->rows = std::move(*rows);
  return catalog;
}
#endif

class PgDialect final : public Dialect {
 public:
  std::string_view name() const override { return "postgresql"; }

  base::Result<void> Build(ts::Interp& interp, std::span<ts::Object* const> modules, const BuildOptions& options,
                           base::DiagSink& diags) override {
    dsl::PgSnapshotOptions snapshot_options;
    snapshot_options.casing = options.casing ? dsl::ParseCasing(*options.casing) : dsl::Casing::None;
    snapshot_options.schema_filter = options.schema_filter;
    auto snapshot = dsl::BuildPgSnapshot(interp, modules, snapshot_options, diags);
    if (!snapshot) return tl::unexpected(snapshot.error());
    desired_ = std::move(*snapshot);
    return {};
  }

  std::string SnapshotJsonText() const override { return model::pg::ToJsonText(desired_); }

  base::Result<std::vector<sqlgen::Statement>> ExportStatements() const override {
#if DP_HAVE_SQLGEN_PG
    return sqlgen::pg::GenerateCreateAll(desired_);
#else
    return base::Fail("this build has no {} SQL generator", name());
#endif
  }

#if DP_HAVE_PUSH_PG
  Prefetcher prefetcher() const override { return &FetchPgCatalog; }

  void UsePrefetched(std::unique_ptr<Prefetched> prefetched) override {
    catalog_.reset(dynamic_cast<PgCatalog*>(prefetched.release()));
  }

  void PrepareToPlan() override { prepared_ = diff::pg::PrepareDesired(desired_); }
#endif

  base::Result<PushPlan> Plan(db::Connection& connection, const Filters& filters, diff::Resolver& resolver) override {
#if DP_HAVE_PUSH_PG
    pg::PlanOptions options;
    // Both are for this one Plan: take them so a later Plan reads and prepares afresh.
    std::unique_ptr<PgCatalog> catalog = std::move(catalog_);
    if (catalog) options.catalog = &catalog->rows;
    std::optional<diff::pg::PreparedDesired> prepared = std::exchange(prepared_, std::nullopt);
    if (prepared) options.prepared_desired = &*prepared;
    return pg::PlanPush(connection, desired_, filters, resolver, options);
#else
    (void)connection, (void)filters, (void)resolver;
    return base::Fail("this build has no PostgreSQL push planner");
#endif
  }

  ApplyPolicy apply_policy(const db::Connection& connection) const override {
    ApplyPolicy policy;
    policy.transactional = connection.SupportsTransactionalDdl();
    return policy;
  }

 private:
  model::pg::Snapshot desired_;
#if DP_HAVE_PUSH_PG
  std::unique_ptr<PgCatalog> catalog_;
  std::optional<diff::pg::PreparedDesired> prepared_;
#endif
};

}  // namespace

std::unique_ptr<Dialect> MakePgDialect() { return std::make_unique<PgDialect>(); }

}  // namespace dp::push
