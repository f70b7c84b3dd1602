// The part of the sqlite and mysql snapshot builders that drizzle-kit's two generators do
// alike: walking the exports, column names with casing, generated-column SQL, index columns
// (expressions recorded in `internal.indexes`), foreign keys, primary-key and unique()
// names, and checks. Each dialect's snapshot.cpp derives from BuilderBase and adds columns,
// indexes and views its own way.
#pragma once

#include <span>
#include <string>
#include <vector>

#include "base/diag.h"
#include "dsl/sqlite/lite_snapshot.h"
#include "model/common_parts.h"

namespace dp::dsl::lite {

/// A constraint's name and its (cased) column names.
struct NamedColumns {
  std::string name;
  std::vector<std::string> columns;
};

class BuilderBase {
 public:
  BuilderBase(ts::Interp& interp, Casing casing, Dialect dialect) : interp_(interp), casing_(casing), kind_(dialect) {}
  virtual ~BuilderBase() = default;

  /// Adds every exported table, then every view, of `namespaces`; script errors and
  /// refusals go to `diags`. False when any was reported.
  bool AddExports(std::span<ts::Object* const> namespaces, base::DiagSink& diags);

 protected:
  virtual void AddTable(TableHost& table) = 0;
  virtual void AddView(ViewHost& view) = 0;

  /// The dialect's SQL escaping.
  const SqlDialect& dialect() const;
  /// The column's snapshot name (drizzle-kit's getColumnCasing).
  std::string Name(const ColumnHost& column) const { return KitColumnName(column, casing_); }
  /// generatedAlwaysAs(x): sql, a function returning sql, or a plain value, as SQL text.
  std::string GeneratedText(ts::Value as, bool indexes_source);
  /// One `index().on(...)` entry: a column's name, or an expression's SQL recorded as such
  /// in `internal_indexes`.
  std::string IndexColumn(const std::string& index_name, ts::Value column, base::Span span,
                          model::OrderedMap<model::common::IndexInternal>& internal_indexes);
  /// A foreign key of `table` (name fixed up for casing; actions default to "no action").
  model::common::ForeignKey ForeignKeyEntry(const TableHost& table, const ForeignKeyBuilderHost& fk);
  /// primaryKey({ columns, name }): the given name or "<table>_<cols>_pk", fixed up for casing.
  NamedColumns PrimaryKeyEntry(const std::string& table_name, const PrimaryKeyBuilderHost& pk,
                               const std::vector<ColumnHost*>& columns);
  /// unique().on(...): the given name or uniqueKeyName(table, columns).
  NamedColumns UniqueEntry(const std::string& table_name, const UniqueBuilderHost& unique);
  /// drizzle-kit's refusal of a unique() whose name is taken.
  [[noreturn]] static void RefuseDuplicateUnique(const std::string& table_name, const std::string& name,
                                                 base::Span span);
  /// The table's checks (duplicate names refused).
  void AddChecks(const std::string& table_name, const std::vector<CheckBuilderHost*>& checks,
                 model::OrderedMap<model::common::CheckConstraint>& out);

  ts::Interp& interp_;
  Casing casing_;
  Dialect kind_;
};

}  // namespace dp::dsl::lite
