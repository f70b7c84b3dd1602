// Sequences: created, dropped, renamed / moved (as enums), and altered options
// (ALTER SEQUENCE with every desired option, as drizzle-kit).
#include "diff/pg/compare.h"
#include "diff/pg/diff_context.h"

namespace dp::diff::pg {

namespace mpg = model::pg;

base::Result<void> ResolveSequences(DiffContext& ctx) {
  std::vector<std::string> deleted, created;
  std::vector<EntityPath> deleted_paths, created_paths;
  for (const auto& [key, sequence] : ctx.cur.sequences) {
    if (ctx.des.sequences.contains(key)) continue;
    deleted.push_back(key);
    deleted_paths.push_back({sequence.schema, sequence.name});
  }
  for (const auto& [key, sequence] : ctx.des.sequences) {
    if (ctx.cur.sequences.contains(key)) continue;
    created.push_back(key);
    created_paths.push_back({sequence.schema, sequence.name});
  }
  auto renamed = ctx.Match(EntityKind::Sequence, deleted, deleted_paths, created, created_paths,
                           ctx.sequences.created, ctx.sequences.deleted);
  if (!renamed) return tl::unexpected(renamed.error());
  for (const auto& [from_key, to_key] : *renamed) {
    mpg::Sequence& from = *ctx.cur.sequences.Get(from_key);
    const mpg::Sequence& to = *ctx.des.sequences.Get(to_key);
    ctx.sequences.renamed.push_back({from.schema, from.name, to.schema, to.name});
    from.schema = to.schema;
    from.name = to.name;
    ctx.cur.sequences.Rename(from_key, to_key);
  }
  return {};
}

void EmitSequences(DiffContext& ctx) {
  for (const std::string& key : ctx.sequences.created) {
    ctx.Add(Phase::CreateSequences, CreateSequence{*ctx.des.sequences.Get(key)});
  }
  for (const Renamed& rename : ctx.sequences.renamed) {
    if (rename.from_schema != rename.to_schema) {
      ctx.Add(Phase::MoveSequences, MoveSequence{rename.from_name, rename.from_schema, rename.to_schema});
    }
    if (rename.from_name != rename.to_name) {
      ctx.Add(Phase::RenameSequences, RenameSequence{rename.to_schema, rename.from_name, rename.to_name});
    }
  }
  for (const auto& [key, from] : ctx.cur.sequences) {
    const mpg::Sequence* to = ctx.des.sequences.Get(key);
    if (to != nullptr && !SameSequenceOptions(from, *to)) ctx.Add(Phase::AlterSequences, AlterSequence{*to});
  }
  for (const std::string& key : ctx.sequences.deleted) {
    const mpg::Sequence& sequence = *ctx.cur.sequences.Get(key);
    ctx.Add(Phase::DropSequences, DropSequence{sequence.schema, sequence.name});
  }
}

}  // namespace dp::diff::pg
