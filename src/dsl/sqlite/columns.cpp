// The sqlite-core column builder functions: integer/int (modes number, boolean, timestamp,
// timestamp_ms), text (enum, length, mode json), real, numeric (modes string, number,
// bigint), blob (modes buffer, json, bigint) and customType.
#include "dsl/sqlite/module.h"

namespace dp::dsl::sqlite {

namespace {

using lite::BuilderFamily;
using lite::ColumnType;
using lite::Dialect;
using ts::CallContext;
using ts::Value;

lite::BuilderHost& HostOf(Value builder) { return *lite::AsBuilder(builder); }

/// A builder of `type`; `mode` is the config's mode ("" when none).
Value Make(CallContext& c, BuilderFamily family, ColumnType type, std::string name, std::string mode = {}) {
  Value b = Value::Obj(lite::NewBuilder(c.interp, Dialect::Sqlite, family, type, std::move(name)));
  HostOf(b).config.mode = std::move(mode);
  return b;
}

std::string ModeOf(CallContext& c, Value config) {
  Value mode = GetProp(c.interp, config, "mode");
  return mode.IsString() ? mode.AsString() : std::string();
}

Value Integer(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  std::string mode = ModeOf(c, nc.config);
  if (mode == "timestamp" || mode == "timestamp_ms") {
    return Make(c, BuilderFamily::SqliteTimestamp, ColumnType::SqliteTimestamp, nc.name, mode);
  }
  if (mode == "boolean") return Make(c, BuilderFamily::SqliteInteger, ColumnType::SqliteBoolean, nc.name, mode);
  return Make(c, BuilderFamily::SqliteInteger, ColumnType::SqliteInteger, nc.name);
}

Value Text(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  if (ModeOf(c, nc.config) == "json") return Make(c, BuilderFamily::Plain, ColumnType::SqliteTextJson, nc.name);
  Value b = Make(c, BuilderFamily::Plain, ColumnType::SqliteText, nc.name);
  HostOf(b).config.enum_values = GetProp(c.interp, nc.config, "enum");
  HostOf(b).config.length = GetProp(c.interp, nc.config, "length");
  return b;
}

Value Real(CallContext& c) {
  Value name = c.Arg(0);
  return Make(c, BuilderFamily::Plain, ColumnType::SqliteReal, name.IsString() ? name.AsString() : std::string());
}

Value Numeric(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  std::string mode = ModeOf(c, nc.config);
  ColumnType type = mode == "number"   ? ColumnType::SqliteNumericNumber
                    : mode == "bigint" ? ColumnType::SqliteNumericBigInt
                                       : ColumnType::SqliteNumeric;
  return Make(c, BuilderFamily::Plain, type, nc.name, mode);
}

Value Blob(CallContext& c) {
  NameAndConfig nc = ColumnNameAndConfig(c);
  std::string mode = ModeOf(c, nc.config);
  ColumnType type = mode == "json"     ? ColumnType::SqliteBlobJson
                    : mode == "bigint" ? ColumnType::SqliteBigInt
                                       : ColumnType::SqliteBlobBuffer;
  return Make(c, BuilderFamily::Plain, type, nc.name, mode);
}

Value CustomType(CallContext& c) {
  Value params = c.Arg(0);
  if (!params.IsObject()) DslThrow(c.interp, "customType() expects { dataType, toDriver?, fromDriver? }");
  return Value::Obj(c.interp.NewFunction("customType", [params](CallContext& inner) {
    NameAndConfig nc = ColumnNameAndConfig(inner);
    Value b = Make(inner, BuilderFamily::Plain, ColumnType::SqliteCustom, nc.name);
    HostOf(b).config.custom_params = params;
    HostOf(b).config.field_config = nc.config;
    return b;
  }));
}

}  // namespace

void AddColumnBuilders(ts::Interp& interp, ts::Object* ns) {
  lite::AddFunction(interp, ns, "integer", Integer);
  lite::AddFunction(interp, ns, "int", Integer);
  lite::AddFunction(interp, ns, "text", Text);
  lite::AddFunction(interp, ns, "real", Real);
  lite::AddFunction(interp, ns, "numeric", Numeric);
  lite::AddFunction(interp, ns, "blob", Blob);
  lite::AddFunction(interp, ns, "customType", CustomType);
}

}  // namespace dp::dsl::sqlite
