// Sequences: CREATE / DROP / ALTER SEQUENCE, RENAME TO, SET SCHEMA.
#include "sqlgen/pg/render.h"

namespace dp::sqlgen::pg {

namespace {

/// " INCREMENT BY 1 MINVALUE 1 ... CYCLE" for the options that are set (drizzle-kit's
/// truthiness: an empty string is skipped).
std::string SequenceOptions(const model::pg::Sequence& sequence) {
  std::string out;
  auto option = [&](const std::optional<std::string>& value, std::string_view label) {
    if (value && !value->empty()) {
      out += ' ';
      out += label;
      out += ' ';
      out += *value;
    }
  };
  option(sequence.increment, "INCREMENT BY");
  option(sequence.min_value, "MINVALUE");
  option(sequence.max_value, "MAXVALUE");
  option(sequence.start_with, "START WITH");
  option(sequence.cache, "CACHE");
  if (sequence.cycle.value_or(false)) out += " CYCLE";
  return out;
}

}  // namespace

void Render(const dpg::CreateSequence& change, Out& out) {
  const model::pg::Sequence& sequence = change.sequence;
  Emit(out, "CREATE SEQUENCE " + Qualified(sequence.schema, sequence.name) + SequenceOptions(sequence) + ";");
}

void Render(const dpg::DropSequence& change, Out& out) {
  Emit(out, "DROP SEQUENCE " + Qualified(change.schema, change.name) + ";", Hazard::DataLoss);
}

void Render(const dpg::MoveSequence& change, Out& out) {
  std::string to = change.to_schema.empty() ? std::string("public") : Quote(change.to_schema);
  Emit(out, "ALTER SEQUENCE " + Qualified(change.from_schema, change.name) + " SET SCHEMA " + to + ";");
}

void Render(const dpg::RenameSequence& change, Out& out) {
  Emit(out, "ALTER SEQUENCE " + Qualified(change.schema, change.from) + " RENAME TO " + Quote(change.to) + ";");
}

void Render(const dpg::AlterSequence& change, Out& out) {
  const model::pg::Sequence& sequence = change.sequence;
  Emit(out, "ALTER SEQUENCE " + Qualified(sequence.schema, sequence.name) + SequenceOptions(sequence) + ";");
}

}  // namespace dp::sqlgen::pg
