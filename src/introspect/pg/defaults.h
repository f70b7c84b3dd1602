// Column defaults as drizzle-kit's fromDatabase reads them (defaultForColumn in
// pgSerializer.ts): PostgreSQL's deparsed default expression becomes the snapshot's
// `default` (a number for integer and float columns, a boolean for boolean columns, SQL
// text otherwise, the trailing cast removed).
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>

namespace dp::introspect::pg {

/// What the default depends on.
struct DefaultInput {
  std::string_view expression;  ///< pg_get_expr of the default (not a generated column's)
  std::string_view data_type;   ///< format_type of the column ("integer", "text[]", "numeric(10,2)")
  bool is_array = false;        ///< the column is an array
};

/// The snapshot `default` for a column default. Differences from drizzle-kit, each to
/// read back what drizzle writes: the cast is removed only at the top level (not inside
/// a literal or parentheses); array literals are parsed (quotes, escapes, nesting, `{}`)
/// and rendered as drizzle writes them; a boolean column's non-literal expression stays
/// SQL text; backslashes in expressions are kept.
nlohmann::ordered_json ReadColumnDefault(const DefaultInput& input);

/// `expression` without a top-level trailing cast: `'a'::text` -> `'a'`,
/// `'{a}'::text[]` -> `'{a}'`, `('now'::text)::date` -> `('now'::text)`; unchanged when
/// there is no such cast or the text does not end in a word character or `"`.
std::string StripTrailingCast(std::string_view expression);

/// A PostgreSQL array literal's body (`{a,"b c",{1,2}}`) rendered as drizzle-kit writes
/// array defaults for `element_type`; nullopt when `body` is not an array literal.
std::optional<std::string> RenderArrayLiteral(std::string_view body, std::string_view element_type);

}  // namespace dp::introspect::pg
