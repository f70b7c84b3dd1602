// Column alterations of a table present on both sides: one AlterColumn per changed column
// with a mask of what changed (type, default, not null, identity, generated expression);
// primary-key flag changes come first as their own AlterColumns (drops, then sets), as
// drizzle-kit orders them.
#include <fmt/format.h>

#include "diff/pg/compare.h"
#include "diff/pg/diff_context.h"
#include "diff/pg/normalize.h"
#include "diff/pg/sql_text.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

/// PostgreSQL's name for a table's primary key constraint: "<table>_pkey", the table part
/// cut to fit 63 bytes.
std::string DefaultPkName(const std::string& table) {
  constexpr size_t kMaxIdentifier = 63;
  constexpr std::string_view kSuffix = "_pkey";
  std::string base = table;
  if (base.size() + kSuffix.size() > kMaxIdentifier) base.resize(kMaxIdentifier - kSuffix.size());
  return base + std::string(kSuffix);
}

bool IsEnum(const mpg::Snapshot& snap, const mpg::Column& column) {
  if (!column.type_schema) return false;
  return snap.enums.contains(*column.type_schema + "." + StripArrayDims(column.type));
}

}  // namespace

bool EmitAlteredColumns(DiffContext& ctx, const mpg::Table& from_table, const mpg::Table& to_table) {
  const bool beyond = ctx.options.beyond_drizzle;
  bool altered = false;
  std::vector<AlterColumn> pk_drops, pk_sets, others;
  for (const auto& [name, from] : from_table.columns) {
    const mpg::Column* to_ptr = to_table.columns.Get(name);
    if (to_ptr == nullptr) continue;
    const mpg::Column& to = *to_ptr;
    ColumnChange mask = ColumnChange::None;
    if (!SameType(from.type, to.type)) mask |= ColumnChange::Type;
    if (!SameDefault(from.default_value, to.default_value)) mask |= ColumnChange::Default;
    if (from.not_null != to.not_null) mask |= ColumnChange::NotNull;
    if (!SameIdentity(from.identity, to.identity)) mask |= ColumnChange::Identity;
    bool generated_text_differs = from.generated && to.generated && from.generated->as != to.generated->as;
    if (from.generated.has_value() != to.generated.has_value()) {
      mask |= ColumnChange::Generated;
    } else if (beyond && from.generated && !SameSql(from.generated->as, to.generated->as)) {
      mask |= ColumnChange::Generated;
      ctx.Note(fmt::format("generated expression of column \"{}\" of table \"{}\" changed: the column is dropped and "
                           "added again (drizzle-kit push ignores this)",
                           name, to_table.name));
    }
    bool other_fields = from.type_schema.value_or("") != to.type_schema.value_or("") ||
                        from.is_unique != to.is_unique || from.unique_name != to.unique_name ||
                        from.nulls_not_distinct != to.nulls_not_distinct || (!beyond && generated_text_differs);
    if (mask != ColumnChange::None || from.primary_key != to.primary_key || other_fields) altered = true;

    AlterColumn change{to_table.schema, to_table.name, from, to, ColumnChange::None,
                       IsEnum(ctx.cur, from), IsEnum(ctx.des, to), DefaultPkName(from_table.name)};
    if (from.primary_key && !to.primary_key &&
        !to_table.composite_primary_keys.contains(to_table.name + "_" + to.name)) {
      AlterColumn drop = change;
      drop.changes = ColumnChange::PrimaryKey;
      pk_drops.push_back(std::move(drop));
    }
    if (!from.primary_key && to.primary_key) {
      AlterColumn set = change;
      set.changes = ColumnChange::PrimaryKey;
      pk_sets.push_back(std::move(set));
    }
    if (mask != ColumnChange::None) {
      change.changes = mask;
      others.push_back(std::move(change));
    }
  }
  for (auto* list : {&pk_drops, &pk_sets, &others}) {
    for (AlterColumn& change : *list) ctx.Add(Phase::AlterColumns, std::move(change));
  }
  return altered;
}

}  // namespace dp::diff::pg
