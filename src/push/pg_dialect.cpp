// PostgreSQL: the dsl's pg-core snapshot, the PostgreSQL planner, and an apply inside one
// transaction (CREATE INDEX CONCURRENTLY after COMMIT).
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

  base::Result<PushPlan> Plan(db::Connection& connection, const Filters& filters, diff::Resolver& resolver) override {
#if DP_HAVE_PUSH_PG
    return pg::PlanPush(connection, desired_, filters, resolver);
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
};

}  // namespace

std::unique_ptr<Dialect> MakePgDialect() { return std::make_unique<PgDialect>(); }

}  // namespace dp::push
