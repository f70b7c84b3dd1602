// drizzle-kit's statement filters (end of applyPgSnapshotsDiff), on typed changes:
//  - a SET DEFAULT is dropped when the same column's type change already sets that
//    default (the type change renders it), or when the enum recreate dance re-sets it;
//  - ADD VALUE changes of an enum that is recreated are dropped (done in enums.cpp).
// Not reproduced: drizzle-kit drops every DROP NOT NULL of a table that drops an identity
// and every SET NOT NULL of a table that adds one, which leaves columns NOT NULL or makes
// ADD ... AS IDENTITY fail on a nullable column (sqlgen orders DROP IDENTITY before DROP
// NOT NULL instead).
#include "diff/pg/diff_context.h"

namespace dp::diff::pg {

namespace {

bool IsPrimitive(const std::optional<nlohmann::ordered_json>& value) {
  return value.has_value() && !value->is_structured();
}

}  // namespace

void ApplyFilters(DiffContext& ctx) {
  std::vector<const RecreateEnum*> recreated;
  for (const Change& change : ctx.At(Phase::RecreateEnums)) {
    if (const auto* recreate = std::get_if<RecreateEnum>(&change)) recreated.push_back(recreate);
  }
  auto recreate_sets_default = [&](const AlterColumn& alter) {
    for (const RecreateEnum* recreate : recreated) {
      for (const EnumColumnUse& use : recreate->columns) {
        if (use.table_schema == alter.schema && use.table == alter.table && use.column == alter.to.name &&
            IsPrimitive(use.default_value) && use.default_value == alter.to.default_value) {
          return true;
        }
      }
    }
    return false;
  };
  std::vector<Change>& alters = ctx.At(Phase::AlterColumns);
  std::vector<Change> kept;
  for (Change& change : alters) {
    if (auto* alter = std::get_if<AlterColumn>(&change)) {
      if (Has(alter->changes, ColumnChange::Default) && IsPrimitive(alter->to.default_value) &&
          (Has(alter->changes, ColumnChange::Type) || recreate_sets_default(*alter))) {
        alter->changes = Without(alter->changes, ColumnChange::Default);
      }
      if (alter->changes == ColumnChange::None) continue;
    }
    kept.push_back(std::move(change));
  }
  alters = std::move(kept);
}

}  // namespace dp::diff::pg
