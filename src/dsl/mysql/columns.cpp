// The mysql-core column builder functions: int, tinyint, smallint, mediumint, bigint, serial,
// float, double, real, decimal, boolean, char, varchar, text/tinytext/mediumtext/longtext,
// binary, varbinary, json, date, datetime, timestamp, time, year, mysqlEnum and customType.
#include "dsl/mysql/module.h"

namespace dp::dsl::mysql {

namespace {

using lite::BuilderFamily;
using lite::ColumnConfig;
using lite::ColumnType;
using lite::Dialect;
using ts::CallContext;
using ts::Value;

Value Make(CallContext& c, BuilderFamily family, ColumnType type, std::string name) {
  return Value::Obj(lite::NewBuilder(c.interp, Dialect::Mysql, family, type, std::move(name)));
}

ColumnConfig& ConfigOf(Value builder) { return lite::AsBuilder(builder)->config; }

Value Prop(CallContext& c, Value config, std::string_view key) { return GetProp(c.interp, config, key); }

std::string StringProp(CallContext& c, Value config, std::string_view key) {
  Value v = Prop(c, config, key);
  return v.IsString() ? v.AsString() : std::string();
}

// A builder function whose config must be an object (drizzle reads config.x unguarded).
void RequireConfig(CallContext& c, const NameAndConfig& nc, const char* fn, const char* what) {
  if (!nc.config.IsObject()) DslThrow(c.interp, std::string(fn) + "() requires a config object with " + what);
}

std::string OptionalName(CallContext& c) {
  Value name = c.Arg(0);
  return name.IsString() ? name.AsString() : std::string();
}

template <ColumnType Type>
Value IntLike(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  Value b = Make(c, BuilderFamily::MysqlAutoIncrement, Type, nc.name);
  ConfigOf(b).is_unsigned = c.interp.Truthy(Prop(c, nc.config, "unsigned"));
  return b;
}

Value BigInt(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  RequireConfig(c, nc, "bigint", "{ mode: 'number' | 'bigint' }");
  ColumnType type = StringProp(c, nc.config, "mode") == "number" ? ColumnType::MysqlBigInt53 : ColumnType::MysqlBigInt64;
  Value b = Make(c, BuilderFamily::MysqlAutoIncrement, type, nc.name);
  ConfigOf(b).is_unsigned = c.interp.Truthy(Prop(c, nc.config, "unsigned"));
  return b;
}

Value Serial(CallContext& c) {
  Value b = Make(c, BuilderFamily::MysqlAutoIncrement, ColumnType::MysqlSerial, OptionalName(c));
  ConfigOf(b).has_default = true;
  ConfigOf(b).auto_increment = true;
  return b;
}

// float / double / decimal: precision, scale, unsigned.
Value Numeric(CallContext& c, ColumnType type, bool with_unsigned) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  Value b = Make(c, BuilderFamily::MysqlAutoIncrement, type, nc.name);
  ColumnConfig& config = ConfigOf(b);
  config.precision = Prop(c, nc.config, "precision");
  config.scale = Prop(c, nc.config, "scale");
  if (with_unsigned) config.is_unsigned = c.interp.Truthy(Prop(c, nc.config, "unsigned"));
  return b;
}

Value Decimal(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  std::string mode = StringProp(c, nc.config, "mode");
  ColumnType type = mode == "number"   ? ColumnType::MysqlDecimalNumber
                    : mode == "bigint" ? ColumnType::MysqlDecimalBigInt
                                       : ColumnType::MysqlDecimal;
  Value b = Numeric(c, type, true);
  ConfigOf(b).mode = mode;
  return b;
}

// char / varchar / binary / varbinary: length (+ enum for the string types).
Value Sized(CallContext& c, ColumnType type, bool with_enum, const char* required_fn) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  if (required_fn != nullptr) RequireConfig(c, nc, required_fn, "{ length }");
  Value b = Make(c, BuilderFamily::Plain, type, nc.name);
  ConfigOf(b).length = Prop(c, nc.config, "length");
  if (with_enum) ConfigOf(b).enum_values = Prop(c, nc.config, "enum");
  return b;
}

Value Text(CallContext& c, const char* text_type) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  Value b = Make(c, BuilderFamily::Plain, ColumnType::MysqlText, nc.name);
  ConfigOf(b).text_type = text_type;
  ConfigOf(b).enum_values = Prop(c, nc.config, "enum");
  return b;
}

// date / datetime / timestamp / time with mode and fsp.
Value DateLike(CallContext& c, ColumnType date_type, ColumnType string_type, BuilderFamily family, bool with_fsp) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  std::string mode = StringProp(c, nc.config, "mode");
  Value b = Make(c, family, mode == "string" ? string_type : date_type, nc.name);
  ConfigOf(b).mode = mode;
  if (with_fsp) ConfigOf(b).fsp = Prop(c, nc.config, "fsp");
  return b;
}

Value Time(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  Value b = Make(c, BuilderFamily::Plain, ColumnType::MysqlTime, nc.name);
  ConfigOf(b).fsp = Prop(c, nc.config, "fsp");
  return b;
}

Value MysqlEnum(CallContext& c) {
  ts::Interp& interp = c.interp;
  Value a = c.Arg(0);
  Value b = c.Arg(1);
  if ((a.IsString() && interp.IsArray(b)) || interp.IsArray(a)) {
    std::string name = a.IsString() ? a.AsString() : std::string();
    Value values = a.IsString() ? b : a;
    if (ArrayElements(interp, values).empty()) DslThrow(interp, "You have an empty array for \"" + name + "\" enum values");
    Value builder = Make(c, BuilderFamily::Plain, ColumnType::MysqlEnum, name);
    ConfigOf(builder).enum_values = values;
    return builder;
  }
  if ((a.IsString() && b.IsObject()) || a.IsObject()) {
    std::string name = a.IsObject() ? std::string() : a.AsString();
    Value object = a.IsObject() ? a : b;
    std::vector<Value> values;
    for (const std::string& key : interp.OwnKeys(object.AsObject())) values.push_back(interp.Get(object, key));
    if (values.empty()) DslThrow(interp, "You have an empty array for \"" + name + "\" enum values");
    Value builder = Make(c, BuilderFamily::Plain, ColumnType::MysqlEnumObject, name);
    ConfigOf(builder).enum_values = Value::Obj(interp.NewArray(std::move(values)));
    return builder;
  }
  DslThrow(interp, "mysqlEnum() expects values as an array or an object");
}

Value CustomType(CallContext& c) {
  Value params = c.Arg(0);
  if (!params.IsObject()) DslThrow(c.interp, "customType() expects { dataType, toDriver?, fromDriver? }");
  return Value::Obj(c.interp.NewFunction("customType", [params](CallContext& inner) {
    NameAndConfig nc = ColumnNameAndConfig(inner);
    Value b = Make(inner, BuilderFamily::Plain, ColumnType::MysqlCustom, nc.name);
    ConfigOf(b).custom_params = params;
    ConfigOf(b).field_config = nc.config;
    return b;
  }));
}

}  // namespace

void AddColumnBuilders(ts::Interp& interp, ts::Object* ns) {
  auto add = [&](std::string_view name, ts::NativeFn fn) { lite::AddFunction(interp, ns, name, std::move(fn)); };
  add("int", IntLike<ColumnType::MysqlInt>);
  add("tinyint", IntLike<ColumnType::MysqlTinyInt>);
  add("smallint", IntLike<ColumnType::MysqlSmallInt>);
  add("mediumint", IntLike<ColumnType::MysqlMediumInt>);
  add("bigint", BigInt);
  add("serial", Serial);
  add("float", [](CallContext& c) { return Numeric(c, ColumnType::MysqlFloat, true); });
  add("double", [](CallContext& c) { return Numeric(c, ColumnType::MysqlDouble, true); });
  add("real", [](CallContext& c) { return Numeric(c, ColumnType::MysqlReal, false); });
  add("decimal", Decimal);
  add("boolean", [](CallContext& c) { return Make(c, BuilderFamily::Plain, ColumnType::MysqlBoolean, OptionalName(c)); });
  add("char", [](CallContext& c) { return Sized(c, ColumnType::MysqlChar, true, nullptr); });
  add("varchar", [](CallContext& c) { return Sized(c, ColumnType::MysqlVarChar, true, "varchar"); });
  add("binary", [](CallContext& c) { return Sized(c, ColumnType::MysqlBinary, false, nullptr); });
  add("varbinary", [](CallContext& c) { return Sized(c, ColumnType::MysqlVarBinary, false, nullptr); });
  add("text", [](CallContext& c) { return Text(c, "text"); });
  add("tinytext", [](CallContext& c) { return Text(c, "tinytext"); });
  add("mediumtext", [](CallContext& c) { return Text(c, "mediumtext"); });
  add("longtext", [](CallContext& c) { return Text(c, "longtext"); });
  add("json", [](CallContext& c) { return Make(c, BuilderFamily::Plain, ColumnType::MysqlJson, OptionalName(c)); });
  add("date", [](CallContext& c) {
    return DateLike(c, ColumnType::MysqlDate, ColumnType::MysqlDateString, BuilderFamily::Plain, false);
  });
  add("datetime", [](CallContext& c) {
    return DateLike(c, ColumnType::MysqlDateTime, ColumnType::MysqlDateTimeString, BuilderFamily::Plain, true);
  });
  add("timestamp", [](CallContext& c) {
    return DateLike(c, ColumnType::MysqlTimestamp, ColumnType::MysqlTimestampString, BuilderFamily::MysqlDateBase,
                    true);
  });
  add("time", Time);
  add("year", [](CallContext& c) { return Make(c, BuilderFamily::Plain, ColumnType::MysqlYear, OptionalName(c)); });
  add("mysqlEnum", MysqlEnum);
  add("customType", CustomType);
}

}  // namespace dp::dsl::mysql
