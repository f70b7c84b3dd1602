// What the sqlite-core and mysql-core module factories build alike: the `is()` tests of a
// dialect's objects, the column-builder object handed to table callbacks, the
// xxxTableCreator function, getTableConfig / alias / getViewConfig / uniqueKeyName /
// QueryBuilder, and the constraint-builder classes.
#pragma once

#include <functional>
#include <initializer_list>
#include <string>

#include "dsl/sqlite/lite_core.h"
#include "ts/value.h"

namespace dp::dsl::lite {

template <Dialect D>
bool IsTableOf(ts::Value v) {
  return AsLiteTable(v, D) != nullptr;
}
template <Dialect D>
bool IsColumnOf(ts::Value v) {
  return AsLiteColumn(v, D) != nullptr;
}
template <Dialect D>
bool IsViewOf(ts::Value v) {
  return AsLiteView(v, D) != nullptr;
}
template <Dialect D>
bool IsBuilderOf(ts::Value v) {
  BuilderHost* b = AsBuilder(v);
  return b != nullptr && b->dialect == D;
}
/// A host of `Kind` (index builder, check builder, ...) made by dialect D.
template <Dialect D, HostKind Kind, class T>
bool IsHostOf(ts::Value v) {
  T* h = HostAs<T>(v, Kind);
  return h != nullptr && h->dialect == D;
}

/// getSQLiteColumnBuilders() / getMySqlColumnBuilders(): the named exports of `ns` as an object.
ts::Value PickExports(ts::Interp& interp, ts::Object* ns, std::initializer_list<const char*> names);

/// Makes a table: (call, name, base name) -> table value.
using MakeTableFn = std::function<ts::Value(ts::CallContext& c, std::string name, std::string base_name)>;
/// Adds `creator_name` (sqliteTableCreator / mysqlTableCreator): given customize(name), returns
/// a `table_name` function making tables named customize(name) with base name `name`.
void AddTableCreator(ts::Interp& interp, ts::Object* ns, const char* creator_name, const char* table_name,
                     MakeTableFn make_table);

/// Adds getTableConfig, alias, getViewConfig, uniqueKeyName and QueryBuilder (in that order).
void AddTableHelpers(ts::Interp& interp, ts::Object* ns, Dialect dialect);

/// Adds the constraint-builder classes `is()` compares against (IndexBuilder ...
/// UniqueOnConstraintBuilder), then the export stubs: call last.
void AddBuilderClassesAndStubs(DslContext& ctx, ts::Object* ns, Dialect dialect);

}  // namespace dp::dsl::lite
