// pg-core column builder functions (integer(), varchar({ length }), ...): argument parsing and
// getSQLType() text per drizzle-orm/pg-core/columns/*, computed once when the builder is made.
#include "dsl/pg/columns.h"

#include "dsl/common/sql.h"

namespace dp::dsl::pg {

namespace {

using ts::CallContext;
using ts::Value;

struct TypeNames {
  const char* column_type;
  const char* data_type;
};

constexpr TypeNames kTypeNames[] = {
    {"PgInteger", "number"},          {"PgSmallInt", "number"},        {"PgBigInt53", "number"},
    {"PgBigInt64", "bigint"},         {"PgSerial", "number"},          {"PgSmallSerial", "number"},
    {"PgBigSerial53", "number"},      {"PgBigSerial64", "bigint"},     {"PgNumeric", "string"},
    {"PgNumericNumber", "number"},    {"PgNumericBigInt", "bigint"},   {"PgReal", "number"},
    {"PgDoublePrecision", "number"},  {"PgBoolean", "boolean"},        {"PgText", "string"},
    {"PgVarchar", "string"},          {"PgChar", "string"},            {"PgJson", "json"},
    {"PgJsonb", "json"},              {"PgUUID", "string"},            {"PgDate", "date"},
    {"PgDateString", "string"},       {"PgTime", "string"},            {"PgTimestamp", "date"},
    {"PgTimestampString", "string"},  {"PgInterval", "string"},        {"PgInet", "string"},
    {"PgCidr", "string"},             {"PgMacaddr", "string"},         {"PgMacaddr8", "string"},
    {"PgPointTuple", "array"},        {"PgPointObject", "json"},       {"PgLine", "array"},
    {"PgLineABC", "json"},            {"PgGeometry", "array"},         {"PgGeometryObject", "json"},
    {"PgVector", "array"},            {"PgHalfVector", "array"},       {"PgSparseVector", "string"},
    {"PgBinaryVector", "string"},     {"PgEnumColumn", "string"},      {"PgEnumObjectColumn", "string"},
    {"PgCustomColumn", "custom"},     {"PgArray", "array"},
};
static_assert(sizeof(kTypeNames) / sizeof(kTypeNames[0]) == static_cast<size_t>(PgType::Array) + 1);

// The value of config[key]; reading from undefined/null throws like JS (config.mode).
Value Field(ts::Interp& interp, Value config, std::string_view key) { return interp.Get(config, key); }
// config?.[key]
Value OptField(ts::Interp& interp, Value config, std::string_view key) {
  if (config.IsNullish()) return Value();
  return interp.Get(config, key);
}

// Builders with one optional name argument: integer(name?).
template <PgType Type>
Value SimpleBuilder(CallContext& c) {
  Value a = c.Arg(0);
  std::string name = a.IsNullish() ? std::string() : c.interp.ToString(a);
  return Value::Obj(NewBuilder(c.interp, Type, std::move(name), c.call_span));
}

PgBuilderHost& BuilderOf(ts::Object* object) { return *static_cast<PgBuilderHost*>(object->host.get()); }

Value Make(CallContext& c, PgType type, std::string name, std::string sql_type = {}) {
  ts::Object* object = NewBuilder(c.interp, type, std::move(name), c.call_span);
  if (!sql_type.empty()) BuilderOf(object).config.sql_type = std::move(sql_type);
  return Value::Obj(object);
}

Value BigIntBuilder(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  bool number = c.interp.Get(nc.config, "mode").IsString() && c.interp.Get(nc.config, "mode").AsString() == "number";
  return Make(c, number ? PgType::BigInt53 : PgType::BigInt64, nc.name);
}

Value BigSerialBuilder(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  Value mode = Field(c.interp, nc.config, "mode");
  bool number = mode.IsString() && mode.AsString() == "number";
  return Make(c, number ? PgType::BigSerial53 : PgType::BigSerial64, nc.name);
}

bool ModeIs(ts::Interp& interp, Value config, std::string_view mode) {
  Value m = OptField(interp, config, "mode");
  return m.IsString() && m.AsString() == mode;
}

Value NumericBuilder(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  PgType type = ModeIs(c.interp, nc.config, "number")   ? PgType::NumericNumber
                : ModeIs(c.interp, nc.config, "bigint") ? PgType::NumericBigInt
                                                        : PgType::Numeric;
  Value precision = OptField(c.interp, nc.config, "precision");
  Value scale = OptField(c.interp, nc.config, "scale");
  std::string sql;
  if (!precision.IsUndefined() && !scale.IsUndefined()) {
    sql = "numeric(" + c.interp.ToString(precision) + ", " + c.interp.ToString(scale) + ")";
  } else if (precision.IsUndefined()) {
    sql = "numeric";
  } else {
    sql = "numeric(" + c.interp.ToString(precision) + ")";
  }
  return Make(c, type, nc.name, sql);
}

// text/varchar/char(a, b = {}).
NameAndConfig WithDefaultConfig(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  if (nc.config.IsUndefined()) nc.config = Value::Obj(c.interp.NewObject());
  return nc;
}

Value TextBuilder(CallContext& c) { return Make(c, PgType::Text, WithDefaultConfig(c).name); }

template <PgType Type>
Value LengthBuilder(CallContext& c) {
  NameAndConfig nc = WithDefaultConfig(c);
  Value length = Field(c.interp, nc.config, "length");
  const char* base = Type == PgType::Varchar ? "varchar" : "char";
  std::string sql = length.IsUndefined() ? std::string(base) : std::string(base) + "(" + c.interp.ToString(length) + ")";
  return Make(c, Type, nc.name, sql);
}

Value DateBuilder(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  return Make(c, ModeIs(c.interp, nc.config, "date") ? PgType::Date : PgType::DateString, nc.name);
}

Value TimeBuilder(CallContext& c) {
  NameAndConfig nc = WithDefaultConfig(c);
  Value tz = Field(c.interp, nc.config, "withTimezone");
  bool with_tz = tz.IsNullish() ? false : c.interp.Truthy(tz);
  Value precision = Field(c.interp, nc.config, "precision");
  std::string sql = "time";
  if (!precision.IsUndefined()) sql += "(" + c.interp.ToString(precision) + ")";
  if (with_tz) sql += " with time zone";
  Value v = Make(c, PgType::Time, nc.name, sql);
  BuilderOf(v.AsObject()).config.with_timezone = with_tz;
  return v;
}

Value TimestampBuilder(CallContext& c) {
  NameAndConfig nc = WithDefaultConfig(c);
  bool string_mode = ModeIs(c.interp, nc.config, "string");
  Value tz = OptField(c.interp, nc.config, "withTimezone");
  bool with_tz = tz.IsNullish() ? false : c.interp.Truthy(tz);
  Value precision = OptField(c.interp, nc.config, "precision");
  std::string sql = "timestamp";
  if (!precision.IsUndefined()) sql += (string_mode ? "(" : " (") + c.interp.ToString(precision) + ")";
  if (with_tz) sql += " with time zone";
  Value v = Make(c, string_mode ? PgType::TimestampString : PgType::Timestamp, nc.name, sql);
  BuilderOf(v.AsObject()).config.with_timezone = with_tz;
  return v;
}

Value IntervalBuilder(CallContext& c) {
  NameAndConfig nc = WithDefaultConfig(c);
  Value fields = Field(c.interp, nc.config, "fields");
  Value precision = Field(c.interp, nc.config, "precision");
  std::string sql = "interval";
  if (c.interp.Truthy(fields)) sql += " " + c.interp.ToString(fields);
  if (c.interp.Truthy(precision)) sql += "(" + c.interp.ToString(precision) + ")";
  return Make(c, PgType::Interval, nc.name, sql);
}

// point/line/geometry(a, b): tuple mode unless config.mode is set and not "tuple".
template <PgType Tuple, PgType Object>
Value ModeBuilder(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  Value mode = OptField(c.interp, nc.config, "mode");
  bool tuple = !c.interp.Truthy(mode) || (mode.IsString() && mode.AsString() == "tuple");
  return Make(c, tuple ? Tuple : Object, nc.name);
}

template <PgType Type>
Value DimensionsBuilder(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  Value dims = Field(c.interp, nc.config, "dimensions");
  const char* base = Type == PgType::Vector       ? "vector"
                     : Type == PgType::HalfVector ? "halfvec"
                     : Type == PgType::SparseVector ? "sparsevec"
                                                    : "bit";
  return Make(c, Type, nc.name, std::string(base) + "(" + c.interp.ToString(dims) + ")");
}

// customType(params) returns the builder function.
Value CustomType(CallContext& c) {
  Value params = c.Arg(0);
  ts::Object* fn = c.interp.NewFunction("customType", [params](CallContext& inner) {
    NameAndConfig nc = ColumnNameAndConfig(inner);
    ts::Object* builder = NewBuilder(inner.interp, PgType::Custom, nc.name, inner.call_span);
    BuilderOf(builder).config.custom_params = params;
    BuilderOf(builder).config.field_config = nc.config;
    return Value::Obj(builder);
  });
  return Value::Obj(fn);
}

}  // namespace

// getSQLType() of the simple types.
const char* FixedSqlType(PgType type) {
  switch (type) {
    case PgType::Integer: return "integer";
    case PgType::SmallInt: return "smallint";
    case PgType::BigInt53:
    case PgType::BigInt64: return "bigint";
    case PgType::Serial: return "serial";
    case PgType::SmallSerial: return "smallserial";
    case PgType::BigSerial53:
    case PgType::BigSerial64: return "bigserial";
    case PgType::Real: return "real";
    case PgType::DoublePrecision: return "double precision";
    case PgType::Boolean: return "boolean";
    case PgType::Text: return "text";
    case PgType::Json: return "json";
    case PgType::Jsonb: return "jsonb";
    case PgType::Uuid: return "uuid";
    case PgType::Date:
    case PgType::DateString: return "date";
    case PgType::Inet: return "inet";
    case PgType::Cidr: return "cidr";
    case PgType::MacAddr: return "macaddr";
    case PgType::MacAddr8: return "macaddr8";
    case PgType::PointTuple:
    case PgType::PointObject: return "point";
    case PgType::Line:
    case PgType::LineABC: return "line";
    case PgType::Geometry:
    case PgType::GeometryObject: return "geometry(point)";
    default: return nullptr;
  }
}

const char* ColumnTypeName(PgType type) { return kTypeNames[static_cast<size_t>(type)].column_type; }
const char* DataTypeName(PgType type) { return kTypeNames[static_cast<size_t>(type)].data_type; }

std::string UniqueKeyName(const std::string& table, const std::vector<std::string>& columns) {
  std::string out = table;
  out += '_';
  for (size_t i = 0; i < columns.size(); ++i) {
    if (i > 0) out += '_';
    out += columns[i];
  }
  out += "_unique";
  return out;
}

void AddColumnBuilders(ts::Interp& interp, ts::Object* ns) {
  auto fn = [&](std::string_view name, ts::NativeFn f) {
    ns->props.Set(name, Value::Obj(interp.NewFunction(std::string(name), std::move(f))));
  };
  fn("integer", SimpleBuilder<PgType::Integer>);
  fn("smallint", SimpleBuilder<PgType::SmallInt>);
  fn("bigint", BigIntBuilder);
  fn("serial", SimpleBuilder<PgType::Serial>);
  fn("smallserial", SimpleBuilder<PgType::SmallSerial>);
  fn("bigserial", BigSerialBuilder);
  fn("numeric", NumericBuilder);
  ns->props.Set("decimal", ns->props.Find("numeric")->value);
  fn("real", SimpleBuilder<PgType::Real>);
  fn("doublePrecision", SimpleBuilder<PgType::DoublePrecision>);
  fn("boolean", SimpleBuilder<PgType::Boolean>);
  fn("text", TextBuilder);
  fn("varchar", LengthBuilder<PgType::Varchar>);
  fn("char", LengthBuilder<PgType::Char>);
  fn("json", SimpleBuilder<PgType::Json>);
  fn("jsonb", SimpleBuilder<PgType::Jsonb>);
  fn("uuid", SimpleBuilder<PgType::Uuid>);
  fn("date", DateBuilder);
  fn("time", TimeBuilder);
  fn("timestamp", TimestampBuilder);
  fn("interval", IntervalBuilder);
  fn("inet", SimpleBuilder<PgType::Inet>);
  fn("cidr", SimpleBuilder<PgType::Cidr>);
  fn("macaddr", SimpleBuilder<PgType::MacAddr>);
  fn("macaddr8", SimpleBuilder<PgType::MacAddr8>);
  fn("point", ModeBuilder<PgType::PointTuple, PgType::PointObject>);
  fn("line", ModeBuilder<PgType::Line, PgType::LineABC>);
  fn("geometry", ModeBuilder<PgType::Geometry, PgType::GeometryObject>);
  fn("vector", DimensionsBuilder<PgType::Vector>);
  fn("halfvec", DimensionsBuilder<PgType::HalfVector>);
  fn("sparsevec", DimensionsBuilder<PgType::SparseVector>);
  fn("bit", DimensionsBuilder<PgType::BinaryVector>);
  fn("customType", CustomType);
}

}  // namespace dp::dsl::pg
