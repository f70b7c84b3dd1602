// Internal to PostgreSQL introspection: the steps that turn each catalog query's rows into
// snapshot parts. inspect.cpp runs the queries and calls these in order.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "base/result.h"
#include "introspect/filters.h"
#include "introspect/pg/inspect.h"
#include "introspect/pg/rows.h"
#include "model/pg/snapshot.h"

namespace dp::introspect::pg {

/// A row of kRelationsQuery.
struct Relation {
  long long oid = 0;
  std::string schema, name;
  char kind = 'r';  ///< 'r' table, 'v' view, 'm' materialized view
  bool rls = false;
  bool populated = true;
  std::vector<std::string> options;  ///< reloptions ("fillfactor=50")
  std::optional<std::string> tablespace;
  std::optional<std::string> access_method;
  std::optional<std::string> definition;
  std::string Key() const { return schema + "." + name; }
};

std::vector<Relation> ReadRelations(const Rows& rows);

/// Column names by relation oid and attribute number, from the columns query: the
/// constraint and index queries return attribute numbers.
class AttributeNames {
 public:
  void Add(long long relid, long long attnum, const std::string& name) { by_relid_[relid].emplace_back(attnum, name); }
  /// The name, or nullptr when the columns query did not return that column.
  const std::string* Find(long long relid, long long attnum) const;
  /// The names of `attnums` of `relid` in order; an error when one is unknown (the
  /// catalog changed between the queries).
  base::Result<std::vector<std::string>> Names(long long relid, const std::vector<long long>& attnums) const;

 private:
  std::unordered_map<long long, std::vector<std::pair<long long, std::string>>> by_relid_;
};

/// Columns per relation oid, in attnum order, as drizzle-kit's fromDatabase builds them
/// (primary keys and identity schemas are set when the table or view is assembled), and
/// their names into `names`.
std::map<long long, std::vector<model::pg::Column>> ReadColumns(const Rows& rows, AttributeNames& names);

/// Adds enums (drizzle-kit's order: schema, name, declaration order of values).
void AddEnums(const Rows& rows, model::pg::Snapshot& snapshot);

/// Adds sequences no column owns.
void AddSequences(const Rows& rows, model::pg::Snapshot& snapshot);

/// Adds the roles `filters` manage.
void AddRoles(const Rows& rows, const Filters& filters, model::pg::Snapshot& snapshot);

/// The roles `current_user` / `current_role` and `session_user` stand for.
struct SessionRoles {
  std::string current_user;
  std::string session_user;
};

/// Policies per table key ("schema.table"); linked (top-level) policies go to `snapshot`.
/// A role that is the session's current (session) user is read back as `current_user`
/// (`session_user`) when the desired policy of that name says so: PostgreSQL stored the
/// role the keyword meant.
std::map<std::string, model::OrderedMap<model::pg::Policy>> ReadPolicies(const Rows& rows,
                                                                         const InspectOptions& options,
                                                                         const SessionRoles& session,
                                                                         model::pg::Snapshot& snapshot);

/// Constraints and indexes of tables, by relation oid.
struct TableParts {
  std::vector<std::string> primary_key;  ///< key columns
  std::string primary_key_name;
  model::OrderedMap<model::pg::ForeignKey> foreign_keys;
  model::OrderedMap<model::pg::UniqueConstraint> uniques;
  model::OrderedMap<model::pg::CheckConstraint> checks;
  model::OrderedMap<model::pg::Index> indexes;
};
base::Result<void> ReadConstraints(const Rows& rows, const std::map<long long, const Relation*>& tables,
                                   const AttributeNames& names, std::map<long long, TableParts>& parts);
base::Result<void> ReadIndexes(const Rows& rows, const AttributeNames& names, std::map<long long, TableParts>& parts);

/// The table entry for `relation`.
model::pg::Table BuildTable(const Relation& relation, std::vector<model::pg::Column> columns,
                            TableParts parts, model::OrderedMap<model::pg::Policy> policies);

/// The view entry for `relation` (a view or materialized view).
model::pg::View BuildView(const Relation& relation, std::vector<model::pg::Column> columns);

/// drizzle-kit's check value: pg_get_constraintdef without `CHECK (` `)` and the extra
/// parentheses PostgreSQL adds ("CHECK ((a > 0))" -> "a > 0").
std::string CheckValue(const std::string& definition);

/// drizzle-kit's view definition: pg_get_viewdef with whitespace runs collapsed, the
/// first ';' removed, trimmed.
std::string ViewDefinition(const std::string& definition);

}  // namespace dp::introspect::pg
