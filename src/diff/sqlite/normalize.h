// Canonical forms for comparing an introspected SQLite snapshot with one built from the
// schema (STYLE habit 4). The diff compares these; SQL is always rendered from the desired
// snapshot's own text, so normalization never changes a statement, only whether one is
// needed. It removes differences SQLite itself introduces or ignores:
//   types    declared types map to drizzle-kit's affinity names ("varchar(8)" = "text(8)",
//            model::sqlite::TypeAffinityName, the mapping introspection applies)
//   defaults pragma dflt_value drops the outer parentheses ("(1+2)" = "1+2"), numbers
//            compare as numbers (42 = "42"), CURRENT_TIMESTAMP = (CURRENT_TIMESTAMP)
//   SQL      expressions compare trimmed and without redundant outer parentheses
#pragma once

#include <cstdint>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

#include "model/sqlite/snapshot.h"

namespace dp::diff::sqlite {

/// What differs between two versions of a column (Atlas ChangeKind style bit set).
enum class ColumnChange : uint8_t {
  None = 0,
  Type = 1 << 0,
  PrimaryKey = 1 << 1,
  NotNull = 1 << 2,
  Autoincrement = 1 << 3,
  Default = 1 << 4,
  Generated = 1 << 5,
};
constexpr ColumnChange operator|(ColumnChange a, ColumnChange b) {
  return static_cast<ColumnChange>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b));
}
constexpr ColumnChange& operator|=(ColumnChange& a, ColumnChange b) {
  return a = a | b;
}
constexpr bool Has(ColumnChange set, ColumnChange bit) {
  return (static_cast<uint8_t>(set) & static_cast<uint8_t>(bit)) != 0;
}

/// A column default as a tagged canonical string ("n:42", "b:true", "s:'x'", "e:expr");
/// nullopt when there is none.
std::optional<std::string> CanonicalDefault(const std::optional<nlohmann::ordered_json>& value);

/// SQL text trimmed, without redundant outer parentheses, trailing ';' removed.
std::string CanonicalExpression(std::string_view sql);

/// Compares two versions of a column (names are assumed to match).
ColumnChange CompareColumns(const model::sqlite::Column& current, const model::sqlite::Column& desired);

/// Same index definition (columns, uniqueness, WHERE).
bool SameIndex(const model::sqlite::Index& current, const model::sqlite::Index& desired);

/// Same foreign key content (names ignored, as drizzle-kit push squashes them away).
bool SameForeignKey(const model::sqlite::ForeignKey& current, const model::sqlite::ForeignKey& desired);

/// True when the default renders as SQL NULL or is absent.
bool DefaultIsNull(const std::optional<nlohmann::ordered_json>& value);

}  // namespace dp::diff::sqlite
