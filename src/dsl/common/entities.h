// The dialect-neutral shapes of tables, columns and views: what sql rendering, casing and the
// drizzle-orm root helpers (is, getTableName, getTableColumns) need to know about them.
// Each dialect derives its own table/column/view hosts from these.
#pragma once

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "dsl/common/host.h"

namespace dp::dsl {

/// drizzle's Table: name, schema, alias flag and the built columns in key order.
struct TableBase : Host {
  TableBase() : Host(HostKind::Table) {}
  std::string dialect;                 // "pg", "sqlite", "mysql"
  std::string name;                    // Table.Symbol.Name
  std::string original_name;           // Table.Symbol.OriginalName
  std::string base_name;               // Table.Symbol.BaseName (pgTableCreator's input)
  std::optional<std::string> schema;   // Table.Symbol.Schema
  bool is_alias = false;               // alias(table, "x")
  ts::Object* object = nullptr;        // the JS table object
  /// Table.Symbol.Columns: (key, column object) in key order.
  std::vector<std::pair<std::string, ts::Object*>> columns;
};

/// drizzle's Column: the pieces rendering and casing use.
struct ColumnBase : Host {
  ColumnBase() : Host(HostKind::Column) {}
  std::string dialect;
  std::string name;          // config.name (the key when keyAsName)
  bool key_as_name = false;  // the builder was given no name
  TableBase* table = nullptr;
  ts::Object* table_object = nullptr;
  std::string column_type;   // drizzle's columnType ("PgInteger", "SQLiteText", ...)
  std::string data_type;     // drizzle's dataType ("number", "string", ...)

  /// getSQLType().
  virtual std::string SqlType() const = 0;
  /// mapToDriverValue(value) for a bound parameter (default: the value itself).
  virtual ts::Value MapToDriver(ts::Interp& interp, ts::Value value) const {
    (void)interp;
    return value;
  }
};

/// drizzle's View (ViewBaseConfig): name, schema, the selected fields and the query.
struct ViewBase : Host {
  ViewBase() : Host(HostKind::View) {}
  std::string dialect;
  std::string name;
  std::string original_name;
  std::optional<std::string> schema;
  bool is_alias = false;
  bool is_existing = false;
  ts::Object* selected_fields = nullptr;  // plain object: key -> column / sql / aliased
  ts::Value query;                        // the SQL host object (undefined when existing)
  ts::Object* object = nullptr;
};

/// The table of a table-like value (Table host), or nullptr.
inline TableBase* AsTable(ts::Value v) { return HostAs<TableBase>(v, HostKind::Table); }
/// The column of a value, or nullptr.
inline ColumnBase* AsColumn(ts::Value v) { return HostAs<ColumnBase>(v, HostKind::Column); }
/// The view of a value, or nullptr.
inline ViewBase* AsView(ts::Value v) { return HostAs<ViewBase>(v, HostKind::View); }

}  // namespace dp::dsl
