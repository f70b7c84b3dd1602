// Snapshot parts whose fields and JSON are the same in more than one dialect: the check
// constraint (all three), and the foreign key, unique constraint, `_meta` and
// `internal.indexes` of the sqlite and mysql snapshots. Each dialect's snapshot.h
// names them with `using`, so code keeps writing model::sqlite::ForeignKey and so on.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/ordered_map.h"

namespace dp::model::common {

/// `checkConstraints[name]`: the SQL condition in `value`.
struct CheckConstraint {
  std::string name;
  std::string value;  ///< the SQL condition
  bool operator==(const CheckConstraint&) const = default;
};

/// A sqlite / mysql foreign key (pg adds "schemaTo").
struct ForeignKey {
  std::string name;
  std::string table_from;                 ///< "tableFrom"
  std::vector<std::string> columns_from;  ///< "columnsFrom"
  std::string table_to;                   ///< "tableTo"
  std::vector<std::string> columns_to;    ///< "columnsTo"
  std::optional<std::string> on_update;   ///< "onUpdate"
  std::optional<std::string> on_delete;   ///< "onDelete"
  bool operator==(const ForeignKey&) const = default;
};

/// A sqlite / mysql unique constraint (pg adds "nullsNotDistinct").
struct UniqueConstraint {
  std::string name;
  std::vector<std::string> columns;
  bool operator==(const UniqueConstraint&) const = default;
};

/// sqlite / mysql `_meta`: rename bookkeeping. drizzle-kit's files also carry
/// `schemas: {}` here (not in the zod schema); kept so it round-trips, present by default.
struct Meta {
  std::optional<OrderedMap<std::string>> schemas = OrderedMap<std::string>{};
  OrderedMap<std::string> tables;
  OrderedMap<std::string> columns;
  bool operator==(const Meta&) const = default;
};

/// `internal.indexes[name].columns[expr]`.
struct IndexColumnInternal {
  std::optional<bool> is_expression;  ///< "isExpression"
  bool operator==(const IndexColumnInternal&) const = default;
};

/// `internal.indexes[name]`: which index columns are SQL expressions.
struct IndexInternal {
  OrderedMap<IndexColumnInternal> columns;
  bool operator==(const IndexInternal&) const = default;
};

}  // namespace dp::model::common
