// drizzle-kit's tablesFilter for SQLite introspection, matched like minimatch on a table
// name (one path segment): `*`, `?`, `[...]` classes (`!`/`^` negation, ranges), `{a,b}`
// braces, `\` escapes, leading `!` negation, `#` comments. A local subset because the
// introspect stage may not link dp_ts (which holds the full matcher, ts::MatchTablesFilter);
// extglobs `@(..)` and friends are not supported here.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace dp::introspect::sqlite {

/// True when `name` passes `patterns` under drizzle-kit's voting rule: no patterns passes
/// everything; otherwise a matching positive pattern votes yes, a negated pattern votes no
/// when its body matches and yes when it does not; at least one vote, all of them yes.
bool PassesTablesFilter(std::string_view name, const std::vector<std::string>& patterns);

/// minimatch(name, pattern) for a single-segment name, negation included.
bool MiniMatch(std::string_view name, std::string_view pattern);

}  // namespace dp::introspect::sqlite
