// Enums: created, dropped, renamed and moved (the resolver pairs a deleted enum with a
// created one; a different name is a rename, a different schema a move, both are both),
// values added (ALTER TYPE ... ADD VALUE ... BEFORE), and values removed or reordered
// (drizzle-kit's recreate dance over every column typed with the enum).
#include <fmt/format.h>

#include "diff/pg/diff_context.h"
#include "diff/pg/normalize.h"
#include "diff/pg/sequence_matcher.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

namespace {

/// Retypes columns of `from_schema.from_name` (arrays included) to the renamed enum.
void PatchColumnTypes(model::OrderedMap<mpg::Column>& columns, const Renamed& rename) {
  for (auto& [name, column] : columns) {
    std::string base = StripArrayDims(column.type);
    if (column.type_schema.value_or("public") != rename.from_schema || base != rename.from_name) continue;
    column.type = rename.to_name + column.type.substr(base.size());
    column.type_schema = rename.to_schema;
  }
}

std::vector<EnumColumnUse> ColumnsUsing(const mpg::Snapshot& snap, const mpg::Enum& value) {
  std::vector<EnumColumnUse> uses;
  for (const auto& [key, table] : snap.tables) {
    for (const auto& [name, column] : table.columns) {
      if (StripArrayDims(column.type) != value.name || column.type_schema != value.schema) continue;
      uses.push_back({table.schema, table.name, column.name, column.type, column.default_value});
    }
  }
  return uses;
}

}  // namespace

base::Result<void> ResolveEnums(DiffContext& ctx) {
  std::vector<std::string> deleted, created;
  std::vector<EntityPath> deleted_paths, created_paths;
  for (const auto& [key, value] : ctx.cur.enums) {
    if (ctx.des.enums.contains(key)) continue;
    deleted.push_back(key);
    deleted_paths.push_back({value.schema, value.name});
  }
  for (const auto& [key, value] : ctx.des.enums) {
    if (ctx.cur.enums.contains(key)) continue;
    created.push_back(key);
    created_paths.push_back({value.schema, value.name});
  }
  auto renamed = ctx.Match(EntityKind::Enum, deleted, deleted_paths, created, created_paths, ctx.enums.created,
                           ctx.enums.deleted);
  if (!renamed) return tl::unexpected(renamed.error());
  for (const auto& [from_key, to_key] : *renamed) {
    mpg::Enum from = *ctx.cur.enums.Get(from_key);
    const mpg::Enum& to = *ctx.des.enums.Get(to_key);
    Renamed rename{from.schema, from.name, to.schema, to.name};
    ctx.enums.renamed.push_back(rename);
    mpg::Enum& patched = *ctx.cur.enums.Get(from_key);
    patched.schema = to.schema;
    patched.name = to.name;
    ctx.cur.enums.Rename(from_key, to_key);
    for (auto& [key, table] : ctx.cur.tables) PatchColumnTypes(table.columns, rename);
    for (auto& [key, view] : ctx.cur.views) PatchColumnTypes(view.columns, rename);
  }
  return {};
}

void EmitEnums(DiffContext& ctx) {
  for (const std::string& key : ctx.enums.created) {
    const mpg::Enum& value = *ctx.des.enums.Get(key);
    ctx.Add(Phase::CreateEnums, CreateEnum{value.schema, value.name, value.values});
  }
  for (const Renamed& rename : ctx.enums.renamed) {
    if (rename.from_schema != rename.to_schema) {
      ctx.Add(Phase::MoveEnums, MoveEnum{rename.from_name, rename.from_schema, rename.to_schema});
    }
    if (rename.from_name != rename.to_name) {
      ctx.Add(Phase::RenameEnums, RenameEnum{rename.to_schema, rename.from_name, rename.to_name});
    }
  }
  for (const auto& [key, from] : ctx.cur.enums) {
    const mpg::Enum* to = ctx.des.enums.Get(key);
    if (to == nullptr || from.values == to->values) continue;
    EnumValuesDiff values = DiffEnumValues(from.values, to->values);
    if (!values.removed.empty()) {
      ctx.Add(Phase::RecreateEnums,
              RecreateEnum{to->schema, to->name, values.removed, to->values, ColumnsUsing(ctx.des, *to)});
      continue;
    }
    for (const EnumValuesDiff::Added& added : values.added) {
      ctx.Add(Phase::AddEnumValues, AddEnumValue{to->schema, to->name, added.value, added.before});
    }
  }
  for (const std::string& key : ctx.enums.deleted) {
    const mpg::Enum& value = *ctx.cur.enums.Get(key);
    ctx.Add(Phase::DropEnums, DropEnum{value.schema, value.name});
  }
}

}  // namespace dp::diff::pg
