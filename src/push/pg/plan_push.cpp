// PostgreSQL push planning driver (see plan_push.h): introspect, diff, data-loss analysis.
#include "push/pg/plan_push.h"

#include "push/phase_timer.h"

namespace dp::push::pg {

base::Result<PushPlan> PlanPush(db::Connection& connection, const model::pg::Snapshot& desired,
                                const Filters& filters, diff::Resolver& resolver) {
  return PlanPush(connection, desired, filters, resolver, PlanOptions{});
}

base::Result<PushPlan> PlanPush(db::Connection& connection, const model::pg::Snapshot& desired,
                                const Filters& filters, diff::Resolver& resolver,
                                const PlanOptions& options) {
  PhaseTimer timer;
  introspect::pg::InspectOptions inspect_options;
  inspect_options.desired = &desired;
  auto inspection = options.catalog != nullptr
                        ? introspect::pg::InspectWithFacts(connection, filters, inspect_options, *options.catalog)
                        : introspect::pg::InspectWithFacts(connection, filters, inspect_options);
  if (!inspection) return tl::unexpected(inspection.error().Wrap("postgresql"));
  timer.Mark("introspect");
  // The diff takes the introspected snapshot over; the data-loss step needs only its keys.
  const ExistingRelations existing = ExistingRelations::Of(inspection->snapshot);
  auto plan = options.prepared_desired != nullptr
                  ? diff::pg::Diff(std::move(inspection->snapshot), std::move(*options.prepared_desired), resolver,
                                   options.diff)
                  : diff::pg::Diff(std::move(inspection->snapshot), desired, resolver, options.diff);
  if (!plan) return tl::unexpected(plan.error().Wrap("postgresql: diff"));
  timer.Mark("diff");
  if (!resolver.missing().empty()) {
    // Unanswered rename questions: nothing may be applied, so nothing is counted.
    PushPlan result;
    result.missing_hints = resolver.missing();
    result.notes = plan->notes;
    return result;
  }
  auto result = AnalyzeDataLoss(connection, std::move(*plan), existing, inspection->facts);
  if (!result) return tl::unexpected(result.error().Wrap("postgresql"));
  timer.Mark("data-loss checks");
  return result;
}

}  // namespace dp::push::pg
