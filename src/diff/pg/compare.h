// Structural comparisons of snapshot entities for the PostgreSQL diff, with the
// equivalences listed in normalize.h (type spelling, canonical SQL, default operator
// classes). Each function answers "would drizzle-kit (or, with `beyond`, a careful
// reader of the catalog) see a difference here?".
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/pg/snapshot.h"

namespace dp::diff::pg {

/// Column types equal up to a space before "(" ("timestamp (3)" vs "timestamp(3)").
bool SameType(const std::string& a, const std::string& b);

/// Defaults equal as JSON, as JavaScript strings, or as canonical SQL.
bool SameDefault(const std::optional<nlohmann::ordered_json>& a, const std::optional<nlohmann::ordered_json>& b);

/// Identity options as drizzle-kit squashes them (name, type, min, max, increment, start,
/// cache, cycle); the schema is not compared.
bool SameIdentity(const std::optional<model::pg::Identity>& a, const std::optional<model::pg::Identity>& b);

/// Sequence options (min, max, increment, start, cache, cycle).
bool SameSequenceOptions(const model::pg::Sequence& a, const model::pg::Sequence& b);

/// Index definitions: name, unique, method, `with`, and per column (plain column name |
/// expression), asc, nulls. With `beyond`: also WHERE, expression texts and operator
/// classes (an absent class equals the type's default class).
bool SameIndex(const model::pg::Index& a, const model::pg::Index& b, bool beyond);

bool SameForeignKey(const model::pg::ForeignKey& a, const model::pg::ForeignKey& b);
bool SameUnique(const model::pg::UniqueConstraint& a, const model::pg::UniqueConstraint& b);
bool SamePrimaryKey(const model::pg::CompositePk& a, const model::pg::CompositePk& b);

/// True when `opclass` is the default operator class of some common type (so writing it
/// or leaving it out builds the same index).
bool IsDefaultOpclass(const std::string& opclass);

/// Optional texts equal (both absent, or SameSql).
bool SameOptionalSql(const std::optional<std::string>& a, const std::optional<std::string>& b);

}  // namespace dp::diff::pg
