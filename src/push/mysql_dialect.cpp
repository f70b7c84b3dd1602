// MySQL/MariaDB: the dsl's mysql-core snapshot (snapshot command). Push and export for
// MySQL are not built yet: they say so instead of guessing.
#include "dsl/mysql/snapshot.h"
#include "model/mysql/json.h"
#include "push/dialect.h"

namespace dp::push {

namespace {

class MysqlDialect final : public Dialect {
 public:
  std::string_view name() const override { return "mysql"; }

  base::Result<void> Build(ts::Interp& interp, std::span<ts::Object* const> modules, const BuildOptions& options,
                           base::DiagSink& diags) override {
    dsl::MysqlSnapshotOptions snapshot_options;
    snapshot_options.casing = options.casing ? dsl::ParseCasing(*options.casing) : dsl::Casing::None;
    auto snapshot = dsl::BuildMysqlSnapshot(interp, modules, snapshot_options, diags);
    if (!snapshot) return tl::unexpected(snapshot.error());
    desired_ = std::move(*snapshot);
    return {};
  }

  std::string SnapshotJsonText() const override { return model::mysql::ToJsonText(desired_); }

  base::Result<std::vector<sqlgen::Statement>> ExportStatements() const override {
    return base::Fail("drizzle-push does not export MySQL yet (snapshot works)");
  }

  base::Result<PushPlan> Plan(db::Connection&, const Filters&, diff::Resolver&) override {
    return base::Fail("drizzle-push does not push to MySQL yet (snapshot works)");
  }

  ApplyPolicy apply_policy(const db::Connection&) const override {
    ApplyPolicy policy;
    policy.transactional = false;
    return policy;
  }

 private:
  model::mysql::Snapshot desired_;
};

}  // namespace

std::unique_ptr<Dialect> MakeMysqlDialect() { return std::make_unique<MysqlDialect>(); }

}  // namespace dp::push
