// pg-core column builders and built columns: the column types of drizzle-orm/pg-core/columns,
// the builder config every chain method edits, and the column a table builds from it.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "dsl/common/entities.h"
#include "dsl/common/host.h"

namespace dp::dsl::pg {

/// One drizzle pg column class (its columnType).
enum class PgType : uint8_t {
  Integer, SmallInt, BigInt53, BigInt64, Serial, SmallSerial, BigSerial53, BigSerial64,
  Numeric, NumericNumber, NumericBigInt, Real, DoublePrecision, Boolean,
  Text, Varchar, Char, Json, Jsonb, Uuid,
  Date, DateString, Time, Timestamp, TimestampString, Interval,
  Inet, Cidr, MacAddr, MacAddr8, PointTuple, PointObject, Line, LineABC,
  Geometry, GeometryObject, Vector, HalfVector, SparseVector, BinaryVector,
  Enum, EnumObject, Custom, Array,
};

/// drizzle's columnType string ("PgInteger", "PgArray", ...).
const char* ColumnTypeName(PgType type);
/// drizzle's dataType string ("number", "string", ...).
const char* DataTypeName(PgType type);

/// getSQLType() of the types whose text needs no parameters ("integer"), or nullptr.
const char* FixedSqlType(PgType type);

/// `.references(() => col, { onUpdate, onDelete })` of a builder.
struct PgReference {
  ts::Value ref;        // the callback
  ts::Value on_update;  // actions.onUpdate (undefined when not given)
  ts::Value on_delete;
  base::Span span;
};

/// The mutable runtime config of a builder (drizzle's ColumnBuilder.config); a built column
/// takes a copy.
struct PgColumnConfig {
  PgType type = PgType::Text;
  std::string name;
  bool key_as_name = false;
  bool not_null = false;
  bool has_default = false;
  bool primary_key = false;
  bool is_unique = false;
  ts::Value unique_name;  // string or undefined
  /// The table of the first build when unique_name was unset: PgColumn's constructor then names
  /// the constraint "<table>_<name>_unique" (kept lazily, see UniqueNameOf).
  const TableBase* default_unique_table = nullptr;
  ts::Value unique_type;  // "distinct" | "not distinct" | undefined
  ts::Value default_value;
  ts::Value default_fn;
  ts::Value on_update_fn;
  bool has_generated = false;
  ts::Value generated_as;  // SQL, function or plain value
  bool has_identity = false;
  std::string identity_type;     // "always" | "byDefault"
  ts::Value identity_name;       // sequence name or undefined
  ts::Value identity_options;    // remaining options object or undefined
  std::string sql_type;          // getSQLType() for all but custom and array
  bool with_timezone = false;    // timestamp/time
  const struct PgEnumHost* enum_host = nullptr;  // enum columns: their pgEnum
  ts::Value custom_params;       // customType's params object
  ts::Value field_config;        // customType's field config
  ts::Object* base_builder = nullptr;  // array: the element builder object
  ts::Value array_size;          // array: size or undefined
};

/// A column builder host (integer(), text(), ...).
struct PgBuilderHost : Host {
  PgBuilderHost() : Host(HostKind::PgColumnBuilder) {}
  PgColumnConfig config;
  std::vector<PgReference> references;
};

/// Index settings of an ExtraConfigColumn (.asc() .desc() .nullsFirst() .nullsLast() .op()).
struct PgIndexConfig {
  std::string order = "asc";
  std::string nulls = "last";
  ts::Value op_class;  // string or undefined
};

/// A built pg column (PgColumn), or the ExtraConfigColumn given to the extra-config callback.
struct PgColumnHost : ColumnBase {
  explicit PgColumnHost(std::shared_ptr<const PgColumnConfig> shared_config)
      : config_holder(std::move(shared_config)), config(*config_holder) {}
  PgColumnHost(const PgColumnHost& other) = default;

  /// The builder config as of the build; a table's column and its ExtraConfigColumn share it.
  std::shared_ptr<const PgColumnConfig> config_holder;
  const PgColumnConfig& config;
  std::string sql_type;
  std::shared_ptr<PgColumnHost> base_column;  // arrays: the element column
  bool extra = false;                         // ExtraConfigColumn
  PgIndexConfig index_config;                 // extra columns only

  std::string SqlType() const override { return sql_type; }
  ts::Value MapToDriver(ts::Interp& interp, ts::Value value) const override;
};

/// The builder host of a value, or nullptr.
inline PgBuilderHost* AsBuilder(ts::Value v) { return HostAs<PgBuilderHost>(v, HostKind::PgColumnBuilder); }
/// A pg column host of a value, or nullptr.
inline PgColumnHost* AsPgColumn(ts::Value v) {
  ColumnBase* c = AsColumn(v);
  return c != nullptr && c->dialect == "pg" ? static_cast<PgColumnHost*>(c) : nullptr;
}

struct PgTableHost;

/// Builds the column of `builder` for `table` (drizzle's builder.build(table)); records the
/// default unique-constraint name like PgColumn's constructor. Custom types call their
/// dataType() here.
std::shared_ptr<PgColumnHost> BuildColumn(ts::Interp& interp, PgBuilderHost& builder, PgTableHost* table,
                                          ts::Object* table_object);
/// The ExtraConfigColumn of a built column (shares its config; own index settings).
std::shared_ptr<PgColumnHost> BuildExtraColumn(const PgColumnHost& column);
/// Wraps a built column in a JS object with the column prototype.
ts::Object* ColumnObject(ts::Interp& interp, std::shared_ptr<PgColumnHost> column);

/// Adds every column builder function (integer, text, ..., customType) to `ns`.
void AddColumnBuilders(ts::Interp& interp, ts::Object* ns);
/// Adds the remaining pg-core runtime exports (column classes, *WithSchema, placeholders).
void AddExtraExports(ts::Interp& interp, ts::Object* ns);
/// Makes a builder object of `type` named `name` (pgEnum calls this for enum columns).
ts::Object* NewBuilder(ts::Interp& interp, PgType type, std::string name, base::Span span);

/// config.uniqueName as drizzle's PgColumn constructor leaves it.
std::string UniqueNameOf(ts::Interp& interp, const PgColumnConfig& config);

/// uniqueKeyName(table, [name]): "<table>_<name>_unique".
std::string UniqueKeyName(const std::string& table, const std::vector<std::string>& columns);

}  // namespace dp::dsl::pg
