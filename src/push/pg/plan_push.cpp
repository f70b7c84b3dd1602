// PostgreSQL push planning driver (see plan_push.h): introspect, diff, data-loss analysis.
#include "push/pg/plan_push.h"

namespace dp::push::pg {

base::Result<PushPlan> PlanPush(db::Connection& connection, const model::pg::Snapshot& desired,
                                const Filters& filters, diff::Resolver& resolver) {
  return PlanPush(connection, desired, filters, resolver, PlanOptions{});
}

base::Result<PushPlan> PlanPush(db::Connection& connection, const model::pg::Snapshot& desired,
                                const Filters& filters, diff::Resolver& resolver,
                                const PlanOptions& options) {
  introspect::pg::InspectOptions inspect_options;
  inspect_options.desired = &desired;
  auto inspection = introspect::pg::InspectWithFacts(connection, filters, inspect_options);
  if (!inspection) return tl::unexpected(inspection.error().Wrap("postgresql"));
  auto plan = diff::pg::Diff(inspection->snapshot, desired, resolver, options.diff);
  if (!plan) return tl::unexpected(plan.error().Wrap("postgresql: diff"));
  if (!resolver.missing().empty()) {
    // Unanswered rename questions: nothing may be applied, so nothing is counted.
    PushPlan result;
    result.missing_hints = resolver.missing();
    result.notes = plan->notes;
    return result;
  }
  auto result = AnalyzeDataLoss(connection, std::move(*plan), inspection->snapshot, inspection->facts);
  if (!result) return tl::unexpected(result.error().Wrap("postgresql"));
  return result;
}

}  // namespace dp::push::pg
