// SQLite and Turso/libSQL: the dsl's sqlite-core snapshot, the SQLite planner, and an
// apply inside one transaction with deferred foreign keys checked before COMMIT.
#include "dsl/sqlite/snapshot.h"
#include "model/sqlite/json.h"
#include "push/dialect.h"

#if DP_HAVE_PUSH_SQLITE
#include "diff/sqlite/diff.h"
#include "push/sqlite/plan_push.h"
#include "sqlgen/sqlite/generate.h"
#endif

namespace dp::push {

namespace {

class SqliteDialect final : public Dialect {
 public:
  std::string_view name() const override { return "sqlite"; }

  base::Result<void> Build(ts::Interp& interp, std::span<ts::Object* const> modules, const BuildOptions& options,
                           base::DiagSink& diags) override {
    dsl::SqliteSnapshotOptions snapshot_options;
    snapshot_options.casing = options.casing ? dsl::ParseCasing(*options.casing) : dsl::Casing::None;
    auto snapshot = dsl::BuildSqliteSnapshot(interp, modules, snapshot_options, diags);
    if (!snapshot) return tl::unexpected(snapshot.error());
    desired_ = std::move(*snapshot);
    return {};
  }

  std::string SnapshotJsonText() const override { return model::sqlite::ToJsonText(desired_); }

  base::Result<std::vector<sqlgen::Statement>> ExportStatements() const override {
#if DP_HAVE_PUSH_SQLITE
    diff::CreateAllResolver resolver;
    return sqlgen::sqlite::Generate(diff::sqlite::Diff(model::sqlite::Snapshot{}, desired_, resolver));
#else
    return base::Fail("this build has no {} SQL generator", name());
#endif
  }

  base::Result<PushPlan> Plan(db::Connection& connection, const Filters& filters, diff::Resolver& resolver) override {
#if DP_HAVE_PUSH_SQLITE
    return sqlite::PlanPush(connection, desired_, filters, resolver);
#else
    (void)connection, (void)filters, (void)resolver;
    return base::Fail("this build has no SQLite push planner");
#endif
  }

  ApplyPolicy apply_policy(const db::Connection& connection) const override {
    ApplyPolicy policy;
    policy.transactional = connection.SupportsTransactionalDdl();
    // D1 has no interactive transactions; its HTTP batch is atomic instead.
    policy.batch = connection.Driver() == "d1-http";
    if (policy.transactional) {
      // SQLite's documented table-rebuild procedure: foreign keys off around the
      // transaction (drizzle-kit's own PRAGMA foreign_keys=OFF is a no-op inside one, and
      // deferred checks count the dropped parent's rows as violations that the rename
      // never clears), then an explicit check before COMMIT so nothing broken commits.
      policy.before_begin.push_back("PRAGMA foreign_keys=OFF");
      policy.before_commit_check = "PRAGMA foreign_key_check";
      policy.after_end.push_back("PRAGMA foreign_keys=ON");
    }
    return policy;
  }

 private:
  model::sqlite::Snapshot desired_;
};

}  // namespace

std::unique_ptr<Dialect> MakeSqliteDialect() { return std::make_unique<SqliteDialect>(); }

}  // namespace dp::push
