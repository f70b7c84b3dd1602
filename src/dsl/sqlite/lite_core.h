// The schema objects sqlite-core and mysql-core share (drizzle-orm's two "lite" dialects have
// the same ColumnBuilder chain, table construction, constraint builders and view shape): the
// host structs, the column-type table, and the helpers both snapshot builders use.
//
// Shared by src/dsl/sqlite and src/dsl/mysql; a candidate to fold into dsl/common.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "dsl/common/entities.h"
#include "dsl/common/host.h"
#include "dsl/common/sql.h"

namespace dp::dsl::lite {

/// Which of the two dialects an object belongs to (drizzle's `is()` keeps them apart).
enum class Dialect : uint8_t { Sqlite, Mysql };

/// "sqlite" / "mysql" (TableBase::dialect, ColumnBase::dialect).
const char* DialectName(Dialect dialect);

/// Host kinds of this layer (after HostKind::DialectFirst).
namespace kind {
inline constexpr HostKind kColumnBuilder = static_cast<HostKind>(100);
inline constexpr HostKind kIndexBuilderOn = static_cast<HostKind>(101);
inline constexpr HostKind kIndexBuilder = static_cast<HostKind>(102);
inline constexpr HostKind kPrimaryKeyBuilder = static_cast<HostKind>(103);
inline constexpr HostKind kForeignKeyBuilder = static_cast<HostKind>(104);
inline constexpr HostKind kUniqueOnBuilder = static_cast<HostKind>(105);
inline constexpr HostKind kUniqueBuilder = static_cast<HostKind>(106);
inline constexpr HostKind kCheckBuilder = static_cast<HostKind>(107);
inline constexpr HostKind kViewBuilder = static_cast<HostKind>(108);
inline constexpr HostKind kQueryBuilder = static_cast<HostKind>(109);
inline constexpr HostKind kSelectBuilder = static_cast<HostKind>(110);
inline constexpr HostKind kSelect = static_cast<HostKind>(111);
inline constexpr HostKind kSubquery = static_cast<HostKind>(112);
inline constexpr HostKind kMysqlSchema = static_cast<HostKind>(113);
}  // namespace kind

/// One drizzle column class of either dialect (its columnType).
enum class ColumnType : uint8_t {
  // sqlite-core
  SqliteInteger, SqliteTimestamp, SqliteBoolean, SqliteText, SqliteTextJson, SqliteReal,
  SqliteNumeric, SqliteNumericNumber, SqliteNumericBigInt, SqliteBlobBuffer, SqliteBlobJson,
  SqliteBigInt, SqliteCustom,
  // mysql-core
  MysqlInt, MysqlTinyInt, MysqlSmallInt, MysqlMediumInt, MysqlBigInt53, MysqlBigInt64, MysqlSerial,
  MysqlFloat, MysqlDouble, MysqlReal, MysqlDecimal, MysqlDecimalNumber, MysqlDecimalBigInt,
  MysqlBoolean, MysqlChar, MysqlVarChar, MysqlText, MysqlBinary, MysqlVarBinary, MysqlJson,
  MysqlDate, MysqlDateString, MysqlDateTime, MysqlDateTimeString, MysqlTimestamp,
  MysqlTimestampString, MysqlTime, MysqlYear, MysqlEnum, MysqlEnumObject, MysqlCustom,
};

/// drizzle's columnType string ("SQLiteInteger", "MySqlVarChar", ...).
const char* ColumnTypeName(ColumnType type);
/// drizzle's dataType string ("number", "string", ...).
const char* DataTypeName(ColumnType type);

/// `.references(() => col, { onUpdate, onDelete })` of a builder.
struct Reference {
  ts::Value ref;
  ts::Value on_update;
  ts::Value on_delete;
  base::Span span;
};

/// The mutable runtime config of a builder (drizzle's ColumnBuilder.config); a built column
/// takes a copy. Type-specific fields are used by the types that have them.
struct ColumnConfig {
  ColumnType type = ColumnType::SqliteText;
  std::string name;
  bool key_as_name = false;
  bool not_null = false;
  bool has_default = false;
  bool primary_key = false;
  bool is_unique = false;
  ts::Value unique_name;  // string or undefined
  ts::Value default_value;
  ts::Value default_fn;
  ts::Value on_update_fn;
  bool has_generated = false;
  ts::Value generated_as;  // SQL, function or plain value
  std::string generated_mode;
  bool has_auto_increment = false;  // the class has an autoIncrement field
  bool auto_increment = false;
  std::string mode;        // integer/text/blob/numeric/decimal/date modes
  ts::Value length;        // text/char/varchar/binary/varbinary
  ts::Value enum_values;   // array or undefined
  bool is_unsigned = false;
  ts::Value precision, scale, fsp;
  std::string text_type;   // mysql text/tinytext/mediumtext/longtext
  bool has_on_update_now_field = false;  // mysql timestamp: the hasOnUpdateNow field exists
  bool has_on_update_now = false;
  ts::Value custom_params;  // customType's params object
  ts::Value field_config;   // customType's field config
};

/// A column builder host (integer(), varchar(), ...).
struct BuilderHost : Host {
  BuilderHost() : Host(kind::kColumnBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  ColumnConfig config;
  std::vector<Reference> references;
};

/// A built column (SQLiteColumn / MySqlColumn).
struct ColumnHost : ColumnBase {
  Dialect lite_dialect = Dialect::Sqlite;
  ColumnConfig config;
  std::string sql_type;
  std::shared_ptr<TableBase> alias_table;  // aliased copies (subquery / view fields) own their table

  std::string SqlType() const override { return sql_type; }
  ts::Value MapToDriver(ts::Interp& interp, ts::Value value) const override;
};

/// foreignKey(...) or a column's .references(): resolved lazily at snapshot time.
struct ForeignKeyBuilderHost : Host {
  ForeignKeyBuilderHost() : Host(kind::kForeignKeyBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  ts::Value config;                     // foreignKey(config): function or object
  ts::Object* inline_column = nullptr;  // .references(): the referencing column
  ts::Value inline_ref;                 // .references(): the callback
  ts::Value on_update;                  // string or undefined
  ts::Value on_delete;
};

/// A table (SQLiteTable / MySqlTable).
struct TableHost : TableBase {
  Dialect lite_dialect = Dialect::Sqlite;
  ts::Object* columns_object = nullptr;  // table[Columns], given to the extra-config callback
  ts::Value extra_config;                // the callback or undefined
  std::vector<std::shared_ptr<ForeignKeyBuilderHost>> inline_fks;
};

struct IndexBuilderOnHost : Host {
  IndexBuilderOnHost() : Host(kind::kIndexBuilderOn) {}
  Dialect dialect = Dialect::Sqlite;
  ts::Value name;
  bool unique = false;
};

struct IndexBuilderHost : Host {
  IndexBuilderHost() : Host(kind::kIndexBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  ts::Value name;
  std::vector<ts::Value> columns;  // columns or SQL
  bool unique = false;
  ts::Value where;                 // sqlite
  ts::Value using_method, algorithm, lock;  // mysql
};

struct PrimaryKeyBuilderHost : Host {
  PrimaryKeyBuilderHost() : Host(kind::kPrimaryKeyBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  std::vector<ts::Value> columns;
  ts::Value name;
};

struct UniqueOnBuilderHost : Host {
  UniqueOnBuilderHost() : Host(kind::kUniqueOnBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  ts::Value name;
};

struct UniqueBuilderHost : Host {
  UniqueBuilderHost() : Host(kind::kUniqueBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  std::vector<ts::Value> columns;
  ts::Value name;
};

struct CheckBuilderHost : Host {
  CheckBuilderHost() : Host(kind::kCheckBuilder) {}
  Dialect dialect = Dialect::Sqlite;
  ts::Value name;
  ts::Value value;
};

/// A view (SQLiteView / MySqlView), with mysql's options.
struct ViewHost : ViewBase {
  Dialect lite_dialect = Dialect::Sqlite;
  ts::Value algorithm;          // mysql
  ts::Value sql_security;       // mysql
  ts::Value with_check_option;  // mysql
  /// Query-builder views read their fields through drizzle's selection proxy, which throws on
  /// a raw (unaliased) sql field.
  bool raw_sql_fields_throw = false;
};

// --- typed access

inline BuilderHost* AsBuilder(ts::Value v) { return HostAs<BuilderHost>(v, kind::kColumnBuilder); }
/// A lite column of `dialect`, or nullptr.
ColumnHost* AsLiteColumn(ts::Value v, Dialect dialect);
/// A lite table of `dialect`, or nullptr.
TableHost* AsLiteTable(ts::Value v, Dialect dialect);
/// A lite view of `dialect`, or nullptr.
ViewHost* AsLiteView(ts::Value v, Dialect dialect);

// --- columns (lite_columns.cpp)

/// Which chain methods a builder's class has beyond ColumnBuilder's.
enum class BuilderFamily : uint8_t {
  Plain,            // ColumnBuilder + references/unique/generatedAlwaysAs
  SqliteInteger,    // primaryKey({ autoIncrement, onConflict })
  SqliteTimestamp,  // + defaultNow()
  MysqlAutoIncrement,  // + autoincrement()
  MysqlDateBase,       // + defaultNow(), onUpdateNow()
};

/// Makes a builder object of `type` named `name`.
ts::Object* NewBuilder(ts::Interp& interp, Dialect dialect, BuilderFamily family, ColumnType type, std::string name);
/// Builds the column of `builder` for `table` (drizzle's builder.build(table)) and sets the
/// builder's uniqueName when unset, like the column constructor. Custom types call dataType().
std::shared_ptr<ColumnHost> BuildColumn(ts::Interp& interp, BuilderHost& builder, TableHost* table);
/// Wraps a built column in a JS object with the column prototype.
ts::Object* ColumnObject(ts::Interp& interp, std::shared_ptr<ColumnHost> column);
/// Fields as drizzle's selection proxy with an alias hands them out: columns re-homed on an
/// alias of their table (`"alias"."col"`), aliased sql as selection fields, nested objects
/// recursively. `replace_original_name` as the proxy's replaceOriginalName (views).
ts::Object* AliasFields(ts::Interp& interp, ts::Object* fields, const std::string& alias, bool replace_original_name);
/// The SQL type of a column built from `config` (getSQLType()); custom types call dataType().
std::string SqlTypeOf(ts::Interp& interp, const ColumnConfig& config);

// --- tables (lite_table.cpp)

/// What sqliteTable / mysqlTableWithSchema receive.
struct TableArgs {
  std::string name;
  std::optional<std::string> schema;
  std::string base_name;
  ts::Value columns;           // object, or a callback given `columns_builders`
  ts::Value extra_config;      // callback or undefined
  ts::Value columns_builders;  // getSQLiteColumnBuilders() / getMySqlColumnBuilders()
};
/// Builds a table object (drizzle's sqliteTableBase / mysqlTableWithSchema).
ts::Value MakeTable(ts::Interp& interp, Dialect dialect, TableArgs args);

/// alias(table, name): the table seen under another name (drizzle's TableAliasProxyHandler):
/// Name is the alias, IsAlias is true, columns render as "alias"."col".
ts::Value AliasTable(ts::Interp& interp, TableHost& table, const std::string& alias);

/// getTableConfig(table) in C++: the extra config evaluated and sorted by builder kind.
struct TableConfig {
  std::vector<ColumnHost*> columns;
  std::vector<IndexBuilderHost*> indexes;
  std::vector<CheckBuilderHost*> checks;
  std::vector<PrimaryKeyBuilderHost*> primary_keys;
  std::vector<UniqueBuilderHost*> uniques;
  std::vector<ForeignKeyBuilderHost*> foreign_keys;  // inline first, then extra config
};
/// Runs the table's extra-config callback (script errors propagate as ScriptException).
TableConfig GetTableConfig(ts::Interp& interp, TableHost& table);

/// A foreign key's reference() resolved: columns and the referenced table.
struct ResolvedForeignKey {
  std::optional<std::string> name;
  std::vector<ColumnHost*> columns;
  std::vector<ColumnHost*> foreign_columns;
  TableBase* foreign_table = nullptr;
};
ResolvedForeignKey ResolveForeignKey(ts::Interp& interp, const ForeignKeyBuilderHost& fk, Dialect dialect);
/// ForeignKey.getName(): the given name or "<table>_<cols>_<ftable>_<fcols>_fk".
std::string ForeignKeyName(const TableBase& table, const ResolvedForeignKey& fk);
/// The columns of a constraint builder as lite columns (a TypeError names `what` otherwise).
std::vector<ColumnHost*> ConstraintColumns(ts::Interp& interp, const std::vector<ts::Value>& values, Dialect dialect,
                                           std::string_view what);
/// uniqueKeyName(table, columns): "<table>_<cols>_unique".
std::string UniqueKeyName(const std::string& table, const std::vector<std::string>& columns);

// --- constraints (lite_constraints.cpp)

/// Adds index, uniqueIndex, primaryKey, foreignKey, unique, check to a module namespace.
void AddConstraintBuilders(ts::Interp& interp, ts::Object* ns, Dialect dialect);

/// Adds the module's remaining export names: query-runtime classes as throwing stubs, type-only
/// names as undefined (lite_stubs.cpp). Call after the real exports are in place.
void AddExportStubs(DslContext& ctx, ts::Object* ns, Dialect dialect);

// --- misc helpers (lite_util.cpp)

/// Date.prototype.toISOString of a time value in ms ("2024-01-02T03:04:05.000Z").
std::string IsoString(double ms);
/// The time value of a Date object, or nullopt when `v` is not a Date.
std::optional<double> DateValue(ts::Value v);
/// Adds a function export.
void AddFunction(ts::Interp& interp, ts::Object* ns, std::string_view name, ts::NativeFn fn);
/// Adds a class object export whose `is()` test is `test` (constructing it throws).
void AddClass(DslContext& ctx, ts::Object* ns, std::string_view name, bool (*test)(ts::Value));
/// JS String(v) of a property value that drizzle interpolates into a template.
std::string Interpolate(ts::Interp& interp, ts::Value v);
/// The message of a thrown value (Error.message or its string form).
std::string ThrownMessage(ts::Interp& interp, ts::Value thrown);

}  // namespace dp::dsl::lite
