// JSON read/write of the pg snapshot, byte-compatible with drizzle-kit's snapshot.json
// (its key order, its omitted-vs-present optional keys, JSON.stringify formatting).
#pragma once

#include <nlohmann/json.hpp>
#include <string>
#include <string_view>

#include "base/result.h"
#include "model/pg/snapshot.h"

namespace dp::model::pg {

/// The snapshot as drizzle-kit writes it (key order and omitted keys included).
nlohmann::ordered_json ToJson(const Snapshot& snapshot);

/// Reads a snapshot; missing zod-defaulted keys take their defaults, unknown keys and
/// wrong types fail with the JSON path ("tables.users.columns.id.notNull: expected boolean").
/// Pass an ordered_json to keep the file's order (a plain nlohmann::json converts, sorted).
base::Result<Snapshot> FromJson(const nlohmann::ordered_json& json);

/// The snapshot text exactly as drizzle-kit writes snapshot.json (2-space indent, no
/// trailing newline).
std::string ToJsonText(const Snapshot& snapshot);

/// Parses snapshot.json text (keeping key order) and reads it.
base::Result<Snapshot> FromJsonText(std::string_view text);

}  // namespace dp::model::pg
