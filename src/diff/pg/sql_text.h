// Comparing SQL expression texts that the database and drizzle write differently: a
// check as written in the schema (`"products"."price" > 0`) and as PostgreSQL deparses it
// (`(price > 0)`) must compare equal. The canonical form errs towards "equal": a missed
// change is a no-op, a false difference would drop and recreate objects on every push.
#pragma once

#include <string>
#include <string_view>

namespace dp::diff::pg {

/// The canonical token string of a SQL expression or query:
/// - whitespace and comments are ignored, unquoted words are lower-cased, "quoted"
///   identifiers keep their spelling (so `"name"` equals `name`, `"Name"` does not);
/// - parentheses are dropped (PostgreSQL's deparser adds them everywhere);
/// - casts (`::type`, `::character varying(10)[]`) are dropped;
/// - qualifiers are dropped (`"t"."c"` and `public.f(x)` become `c` and `f(x)`);
/// - a string literal holding a number becomes that number (`'-1'::integer` is `-1`);
/// - operators PostgreSQL rewrites are mapped to its spelling: `!=` -> `<>`,
///   LIKE / ILIKE / NOT LIKE / NOT ILIKE -> `~~` / `~~*` / `!~~` / `!~~*`,
///   `= ANY (ARRAY[...])` -> `IN (...)`, `<> ALL (ARRAY[...])` -> `NOT IN (...)`;
/// - a trailing `;` is dropped.
std::string CanonicalSql(std::string_view sql);

/// True when the two texts have the same canonical form.
bool SameSql(std::string_view a, std::string_view b);

/// True when a query's select list has `*` or `t.*`, which PostgreSQL expands to the
/// columns in the stored view definition (so the texts cannot be compared).
bool SelectsStar(std::string_view sql);

}  // namespace dp::diff::pg
