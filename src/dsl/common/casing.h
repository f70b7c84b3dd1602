// Column-name casing as drizzle-orm's casing.ts: toSnakeCase / toCamelCase word splitting
// and the CasingCache that applies the configured casing to columns declared without a name.
#pragma once

#include <string>
#include <string_view>

namespace dp::dsl {

/// The `casing` option of drizzle config / dialect.
enum class Casing : uint8_t { None, SnakeCase, CamelCase };

/// drizzle's toSnakeCase: words (digits+lower runs, upper runs, Capitalized words) joined by '_'.
std::string ToSnakeCase(std::string_view input);
/// drizzle's toCamelCase.
std::string ToCamelCase(std::string_view input);
/// "snake_case" / "camelCase" -> Casing; anything else None.
Casing ParseCasing(std::string_view text);

struct ColumnBase;

/// drizzle's CasingCache: the database name of a column under a casing.
class CasingCache {
 public:
  explicit CasingCache(Casing casing = Casing::None) : casing_(casing) {}
  Casing casing() const { return casing_; }
  /// The column's name: config.name when it was given, else the key converted.
  std::string ColumnName(const ColumnBase& column) const;
  /// Converts a key under this casing (identity for None).
  std::string Convert(std::string_view name) const;

 private:
  Casing casing_;
};

}  // namespace dp::dsl
