// Column builders and built columns of sqlite-core and mysql-core: the ColumnBuilder chain
// (notNull, default, $defaultFn, primaryKey, unique, references, generatedAlwaysAs, ...),
// the class-specific chains (autoIncrement, autoincrement, defaultNow, onUpdateNow), building
// a column for a table, getSQLType() and mapToDriverValue() per column class.
#include <cmath>

#include "dsl/sqlite/lite_core.h"

namespace dp::dsl::lite {

namespace {

using ts::CallContext;
using ts::Value;

struct TypeInfo {
  const char* column_type;
  const char* data_type;
};

constexpr TypeInfo kTypes[] = {
    {"SQLiteInteger", "number"},     {"SQLiteTimestamp", "date"},        {"SQLiteBoolean", "boolean"},
    {"SQLiteText", "string"},        {"SQLiteTextJson", "json"},         {"SQLiteReal", "number"},
    {"SQLiteNumeric", "string"},     {"SQLiteNumericNumber", "number"},  {"SQLiteNumericBigInt", "bigint"},
    {"SQLiteBlobBuffer", "buffer"},  {"SQLiteBlobJson", "json"},         {"SQLiteBigInt", "bigint"},
    {"SQLiteCustomColumn", "custom"},
    {"MySqlInt", "number"},          {"MySqlTinyInt", "number"},         {"MySqlSmallInt", "number"},
    {"MySqlMediumInt", "number"},    {"MySqlBigInt53", "number"},        {"MySqlBigInt64", "bigint"},
    {"MySqlSerial", "number"},       {"MySqlFloat", "number"},           {"MySqlDouble", "number"},
    {"MySqlReal", "number"},         {"MySqlDecimal", "string"},         {"MySqlDecimalNumber", "number"},
    {"MySqlDecimalBigInt", "bigint"}, {"MySqlBoolean", "boolean"},       {"MySqlChar", "string"},
    {"MySqlVarChar", "string"},      {"MySqlText", "string"},            {"MySqlBinary", "string"},
    {"MySqlVarBinary", "string"},    {"MySqlJson", "json"},              {"MySqlDate", "date"},
    {"MySqlDateString", "string"},   {"MySqlDateTime", "date"},          {"MySqlDateTimeString", "string"},
    {"MySqlTimestamp", "date"},      {"MySqlTimestampString", "string"}, {"MySqlTime", "string"},
    {"MySqlYear", "number"},         {"MySqlEnumColumn", "string"},      {"MySqlEnumObjectColumn", "string"},
    {"MySqlCustomColumn", "custom"},
};

BuilderHost& Self(CallContext& c, std::string_view method) {
  return ThisAs<BuilderHost>(c, kind::kColumnBuilder, method);
}

// ColumnBuilder + the dialect builder (references, unique, generatedAlwaysAs).
void InitBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "$type", [](CallContext& c) {
    Self(c, "$type");
    return c.this_value;
  });
  ctx.Method(proto, "notNull", [](CallContext& c) {
    Self(c, "notNull").config.not_null = true;
    return c.this_value;
  });
  ctx.Method(proto, "default", [](CallContext& c) {
    ColumnConfig& config = Self(c, "default").config;
    config.default_value = c.Arg(0);
    config.has_default = true;
    return c.this_value;
  });
  auto default_fn = [](CallContext& c) {
    ColumnConfig& config = Self(c, "$defaultFn").config;
    config.default_fn = c.Arg(0);
    config.has_default = true;
    return c.this_value;
  };
  ctx.Method(proto, "$defaultFn", default_fn);
  ctx.Method(proto, "$default", default_fn);
  auto on_update_fn = [](CallContext& c) {
    ColumnConfig& config = Self(c, "$onUpdateFn").config;
    config.on_update_fn = c.Arg(0);
    config.has_default = true;
    return c.this_value;
  };
  ctx.Method(proto, "$onUpdateFn", on_update_fn);
  ctx.Method(proto, "$onUpdate", on_update_fn);
  ctx.Method(proto, "primaryKey", [](CallContext& c) {
    ColumnConfig& config = Self(c, "primaryKey").config;
    config.primary_key = true;
    config.not_null = true;
    return c.this_value;
  });
  ctx.Method(proto, "unique", [](CallContext& c) {
    ColumnConfig& config = Self(c, "unique").config;
    config.is_unique = true;
    config.unique_name = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "references", [](CallContext& c) {
    BuilderHost& self = Self(c, "references");
    Value actions = c.Arg(1);
    Reference ref;
    ref.ref = c.Arg(0);
    ref.on_update = GetProp(c.interp, actions, "onUpdate");
    ref.on_delete = GetProp(c.interp, actions, "onDelete");
    ref.span = c.call_span;
    self.references.push_back(ref);
    return c.this_value;
  });
  ctx.Method(proto, "generatedAlwaysAs", [](CallContext& c) {
    ColumnConfig& config = Self(c, "generatedAlwaysAs").config;
    config.has_generated = true;
    config.generated_as = c.Arg(0);
    Value mode = GetProp(c.interp, c.Arg(1), "mode");
    config.generated_mode = mode.IsNullish() ? "virtual" : c.interp.ToString(mode);
    return c.this_value;
  });
  ctx.Method(proto, "setName", [](CallContext& c) {
    ColumnConfig& config = Self(c, "setName").config;
    if (config.name.empty()) config.name = c.interp.ToString(c.Arg(0));
    return Value();
  });
  ctx.Getter(proto, "config", [](CallContext& c) {
    // A read-only view of the pieces user code inspects (builder.config.name, ...).
    ColumnConfig& config = Self(c, "config").config;
    ts::Object* out = c.interp.NewObject();
    out->props.Set("name", c.interp.Str(config.name));
    out->props.Set("keyAsName", Value::Boolean(config.key_as_name));
    out->props.Set("notNull", Value::Boolean(config.not_null));
    out->props.Set("default", config.default_value);
    out->props.Set("hasDefault", Value::Boolean(config.has_default));
    out->props.Set("primaryKey", Value::Boolean(config.primary_key));
    out->props.Set("isUnique", Value::Boolean(config.is_unique));
    out->props.Set("uniqueName", config.unique_name);
    out->props.Set("columnType", c.interp.Str(ColumnTypeName(config.type)));
    out->props.Set("dataType", c.interp.Str(DataTypeName(config.type)));
    return Value::Obj(out);
  });
}

char kBuilderTag, kSqliteIntegerTag, kSqliteTimestampTag, kMysqlAutoTag, kMysqlDateTag, kColumnTag;

ts::Object* BaseProto(DslContext& ctx) { return ctx.Proto(&kBuilderTag, InitBuilderProto); }

void InitSqliteIntegerProto(DslContext& ctx, ts::Object* proto) {
  // SQLiteBaseIntegerBuilder.primaryKey({ autoIncrement, onConflict }).
  ctx.Method(proto, "primaryKey", [](CallContext& c) {
    ColumnConfig& config = Self(c, "primaryKey").config;
    if (c.interp.Truthy(GetProp(c.interp, c.Arg(0), "autoIncrement"))) config.auto_increment = true;
    config.has_default = true;
    config.primary_key = true;
    config.not_null = true;
    return c.this_value;
  });
}

void InitSqliteTimestampProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "defaultNow", [](CallContext& c) {
    ColumnConfig& config = Self(c, "defaultNow").config;
    config.default_value = Value::Obj(NewRawSql(c.interp, "(cast((julianday('now') - 2440587.5)*86400000 as integer))"));
    config.has_default = true;
    return c.this_value;
  });
}

void InitMysqlAutoProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "autoincrement", [](CallContext& c) {
    ColumnConfig& config = Self(c, "autoincrement").config;
    config.auto_increment = true;
    config.has_default = true;
    return c.this_value;
  });
}

void InitMysqlDateProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "defaultNow", [](CallContext& c) {
    ColumnConfig& config = Self(c, "defaultNow").config;
    config.default_value = Value::Obj(NewRawSql(c.interp, "(now())"));
    config.has_default = true;
    return c.this_value;
  });
  ctx.Method(proto, "onUpdateNow", [](CallContext& c) {
    ColumnConfig& config = Self(c, "onUpdateNow").config;
    config.has_on_update_now = true;
    config.has_default = true;
    return c.this_value;
  });
}

ts::Object* FamilyProto(DslContext& ctx, BuilderFamily family) {
  ts::Object* base = BaseProto(ctx);
  switch (family) {
    case BuilderFamily::Plain:
      return base;
    case BuilderFamily::SqliteInteger:
      return ctx.Proto(&kSqliteIntegerTag, InitSqliteIntegerProto, base);
    case BuilderFamily::SqliteTimestamp:
      return ctx.Proto(&kSqliteTimestampTag, InitSqliteTimestampProto,
                       ctx.Proto(&kSqliteIntegerTag, InitSqliteIntegerProto, base));
    case BuilderFamily::MysqlAutoIncrement:
      return ctx.Proto(&kMysqlAutoTag, InitMysqlAutoProto, base);
    case BuilderFamily::MysqlDateBase:
      return ctx.Proto(&kMysqlDateTag, InitMysqlDateProto, base);
  }
  return base;
}

ColumnHost& ColumnSelf(CallContext& c, std::string_view method) {
  ColumnBase* column = AsColumn(c.this_value);
  if (column == nullptr || (column->dialect != "sqlite" && column->dialect != "mysql")) {
    DslThrow(c.interp, std::string(method) + " called on an incompatible receiver");
  }
  return static_cast<ColumnHost&>(*column);
}

void InitColumnProto(DslContext& ctx, ts::Object* proto) {
  ctx.Getter(proto, "name", [](CallContext& c) { return c.interp.Str(ColumnSelf(c, "name").name); });
  ctx.Getter(proto, "keyAsName", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "keyAsName").key_as_name); });
  ctx.Getter(proto, "notNull", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "notNull").config.not_null); });
  ctx.Getter(proto, "primary", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "primary").config.primary_key); });
  ctx.Getter(proto, "default", [](CallContext& c) { return ColumnSelf(c, "default").config.default_value; });
  ctx.Getter(proto, "defaultFn", [](CallContext& c) { return ColumnSelf(c, "defaultFn").config.default_fn; });
  ctx.Getter(proto, "onUpdateFn", [](CallContext& c) { return ColumnSelf(c, "onUpdateFn").config.on_update_fn; });
  ctx.Getter(proto, "hasDefault", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "hasDefault").config.has_default); });
  ctx.Getter(proto, "isUnique", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "isUnique").config.is_unique); });
  ctx.Getter(proto, "uniqueName", [](CallContext& c) { return ColumnSelf(c, "uniqueName").config.unique_name; });
  ctx.Getter(proto, "columnType", [](CallContext& c) { return c.interp.Str(ColumnSelf(c, "columnType").column_type); });
  ctx.Getter(proto, "dataType", [](CallContext& c) { return c.interp.Str(ColumnSelf(c, "dataType").data_type); });
  ctx.Getter(proto, "enumValues", [](CallContext& c) { return ColumnSelf(c, "enumValues").config.enum_values; });
  ctx.Getter(proto, "length", [](CallContext& c) { return ColumnSelf(c, "length").config.length; });
  ctx.Getter(proto, "table", [](CallContext& c) {
    ColumnHost& self = ColumnSelf(c, "table");
    return self.table_object != nullptr ? Value::Obj(self.table_object) : Value();
  });
  ctx.Getter(proto, "autoIncrement", [](CallContext& c) {
    ColumnHost& self = ColumnSelf(c, "autoIncrement");
    return self.config.has_auto_increment ? Value::Boolean(self.config.auto_increment) : Value();
  });
  ctx.Getter(proto, "mode", [](CallContext& c) {
    ColumnHost& self = ColumnSelf(c, "mode");
    return self.config.mode.empty() ? Value() : c.interp.Str(self.config.mode);
  });
  ctx.Method(proto, "getSQLType", [](CallContext& c) { return c.interp.Str(ColumnSelf(c, "getSQLType").sql_type); });
  ctx.Method(proto, "getSQL", [](CallContext& c) { return Value::Obj(NewSql(c.interp, {Val(c.this_value)})); });
  ctx.Method(proto, "mapToDriverValue", [](CallContext& c) {
    return ColumnSelf(c, "mapToDriverValue").MapToDriver(c.interp, c.Arg(0));
  });
  ctx.Method(proto, "mapFromDriverValue", [](CallContext& c) { return c.Arg(0); });
  ctx.Method(proto, "shouldDisableInsert", [](CallContext& c) {
    return Value::Boolean(ColumnSelf(c, "shouldDisableInsert").config.has_generated);
  });
}

// `${a}` of a number-ish config value; "" when undefined is never asked for.
std::string Precision(ts::Interp& interp, const ColumnConfig& config, const char* base) {
  std::string type;
  if (!config.precision.IsUndefined() && !config.scale.IsUndefined()) {
    type = std::string(base) + "(" + Interpolate(interp, config.precision) + "," + Interpolate(interp, config.scale) + ")";
  } else if (config.precision.IsUndefined()) {
    type = base;
  } else {
    type = std::string(base) + "(" + Interpolate(interp, config.precision) + ")";
  }
  return type;
}

std::string Unsigned(const ColumnConfig& config, std::string type) {
  return config.is_unsigned ? type + " unsigned" : type;
}

std::string Fsp(ts::Interp& interp, const ColumnConfig& config, const char* base) {
  if (config.fsp.IsUndefined()) return base;
  return std::string(base) + "(" + Interpolate(interp, config.fsp) + ")";
}

std::string Sized(ts::Interp& interp, const ColumnConfig& config, const char* base) {
  if (config.length.IsUndefined()) return base;
  return std::string(base) + "(" + Interpolate(interp, config.length) + ")";
}

std::string EnumType(ts::Interp& interp, const ColumnConfig& config) {
  std::string out = "enum(";
  std::vector<Value> values = ArrayElements(interp, config.enum_values);
  for (size_t i = 0; i < values.size(); ++i) {
    if (i > 0) out += ",";
    out += "'" + Interpolate(interp, values[i]) + "'";
  }
  return out + ")";
}

Value StringOf(ts::Interp& interp, Value v) { return interp.Str(interp.ToString(v)); }

// value.getTime() of a Date (other objects: their getTime method).
double TimeOf(ts::Interp& interp, Value v, const char* what) {
  if (std::optional<double> ms = DateValue(v)) return *ms;
  Value get_time = GetProp(interp, v, "getTime");
  if (!interp.IsCallable(get_time)) DslThrow(interp, std::string(what) + " expects a Date, got " + interp.Describe(v));
  return interp.ToNumber(interp.Call(get_time, v, {}));
}

}  // namespace

const char* DialectName(Dialect dialect) { return dialect == Dialect::Sqlite ? "sqlite" : "mysql"; }
const char* ColumnTypeName(ColumnType type) { return kTypes[static_cast<size_t>(type)].column_type; }
const char* DataTypeName(ColumnType type) { return kTypes[static_cast<size_t>(type)].data_type; }

ColumnHost* AsLiteColumn(ts::Value v, Dialect dialect) {
  ColumnBase* c = AsColumn(v);
  return c != nullptr && c->dialect == DialectName(dialect) ? static_cast<ColumnHost*>(c) : nullptr;
}

ts::Object* NewBuilder(ts::Interp& interp, Dialect dialect, BuilderFamily family, ColumnType type, std::string name) {
  DslContext& ctx = DslContext::Get(interp);
  auto host = std::make_shared<BuilderHost>();
  host->dialect = dialect;
  host->span = interp.CurrentCallSpan();
  host->config.type = type;
  host->config.key_as_name = name.empty();
  host->config.name = std::move(name);
  host->config.has_auto_increment = family == BuilderFamily::SqliteInteger ||
                                    family == BuilderFamily::SqliteTimestamp ||
                                    family == BuilderFamily::MysqlAutoIncrement;
  host->config.has_on_update_now_field = family == BuilderFamily::MysqlDateBase;
  return interp.NewHost(FamilyProto(ctx, family), std::move(host));
}

std::string SqlTypeOf(ts::Interp& interp, const ColumnConfig& config) {
  switch (config.type) {
    case ColumnType::SqliteInteger:
    case ColumnType::SqliteTimestamp:
    case ColumnType::SqliteBoolean:
      return "integer";
    case ColumnType::SqliteText:
      return interp.Truthy(config.length) ? "text(" + Interpolate(interp, config.length) + ")" : "text";
    case ColumnType::SqliteTextJson:
      return "text";
    case ColumnType::SqliteReal:
      return "real";
    case ColumnType::SqliteNumeric:
    case ColumnType::SqliteNumericNumber:
    case ColumnType::SqliteNumericBigInt:
      return "numeric";
    case ColumnType::SqliteBlobBuffer:
    case ColumnType::SqliteBlobJson:
    case ColumnType::SqliteBigInt:
      return "blob";
    case ColumnType::SqliteCustom:
    case ColumnType::MysqlCustom: {
      Value data_type = GetProp(interp, config.custom_params, "dataType");
      if (!interp.IsCallable(data_type)) DslThrow(interp, "customType() needs a dataType() function");
      Value args[1] = {config.field_config};
      return interp.ToString(interp.Call(data_type, config.custom_params, args));
    }
    case ColumnType::MysqlInt: return Unsigned(config, "int");
    case ColumnType::MysqlTinyInt: return Unsigned(config, "tinyint");
    case ColumnType::MysqlSmallInt: return Unsigned(config, "smallint");
    case ColumnType::MysqlMediumInt: return Unsigned(config, "mediumint");
    case ColumnType::MysqlBigInt53:
    case ColumnType::MysqlBigInt64: return Unsigned(config, "bigint");
    case ColumnType::MysqlSerial: return "serial";
    case ColumnType::MysqlFloat: return Unsigned(config, Precision(interp, config, "float"));
    case ColumnType::MysqlDouble: return Unsigned(config, Precision(interp, config, "double"));
    case ColumnType::MysqlReal:
      if (!config.precision.IsUndefined() && !config.scale.IsUndefined()) {
        return "real(" + Interpolate(interp, config.precision) + ", " + Interpolate(interp, config.scale) + ")";
      }
      if (config.precision.IsUndefined()) return "real";
      return "real(" + Interpolate(interp, config.precision) + ")";
    case ColumnType::MysqlDecimal:
    case ColumnType::MysqlDecimalNumber:
    case ColumnType::MysqlDecimalBigInt: {
      std::string type = Precision(interp, config, "decimal");
      if (type == "decimal(10,0)" || type == "decimal(10)") type = "decimal";
      return Unsigned(config, type);
    }
    case ColumnType::MysqlBoolean: return "boolean";
    case ColumnType::MysqlChar: return Sized(interp, config, "char");
    case ColumnType::MysqlVarChar: return Sized(interp, config, "varchar");
    case ColumnType::MysqlBinary: return Sized(interp, config, "binary");
    case ColumnType::MysqlVarBinary: return Sized(interp, config, "varbinary");
    case ColumnType::MysqlText: return config.text_type;
    case ColumnType::MysqlJson: return "json";
    case ColumnType::MysqlDate:
    case ColumnType::MysqlDateString: return "date";
    case ColumnType::MysqlDateTime:
    case ColumnType::MysqlDateTimeString: return Fsp(interp, config, "datetime");
    case ColumnType::MysqlTimestamp:
    case ColumnType::MysqlTimestampString: return Fsp(interp, config, "timestamp");
    case ColumnType::MysqlTime: return Fsp(interp, config, "time");
    case ColumnType::MysqlYear: return "year";
    case ColumnType::MysqlEnum:
    case ColumnType::MysqlEnumObject: return EnumType(interp, config);
  }
  return "";
}

Value ColumnHost::MapToDriver(ts::Interp& interp, Value value) const {
  switch (config.type) {
    case ColumnType::SqliteBoolean:
      return Value::Number(interp.Truthy(value) ? 1 : 0);
    case ColumnType::SqliteTimestamp: {
      double unix = TimeOf(interp, value, "a timestamp column");
      return Value::Number(config.mode == "timestamp" ? std::floor(unix / 1000) : unix);
    }
    case ColumnType::SqliteTextJson:
    case ColumnType::SqliteBlobJson:
    case ColumnType::MysqlJson: {
      std::optional<std::string> json = interp.JsonStringify(value);
      return json ? interp.Str(*json) : Value();
    }
    case ColumnType::SqliteBigInt:
    case ColumnType::SqliteNumericNumber:
    case ColumnType::SqliteNumericBigInt:
    case ColumnType::MysqlDecimalNumber:
    case ColumnType::MysqlDecimalBigInt:
      return StringOf(interp, value);
    case ColumnType::SqliteCustom:
    case ColumnType::MysqlCustom: {
      Value to_driver = GetProp(interp, config.custom_params, "toDriver");
      if (!interp.IsCallable(to_driver)) return value;
      Value args[1] = {value};
      return interp.Call(to_driver, config.custom_params, args);
    }
    case ColumnType::MysqlDateTime: {
      // toISOString().replace('T', ' ').replace('Z', '')
      std::string iso = IsoString(TimeOf(interp, value, "a datetime column"));
      if (size_t t = iso.find('T'); t != std::string::npos) iso[t] = ' ';
      if (size_t z = iso.find('Z'); z != std::string::npos) iso.erase(z, 1);
      return interp.Str(iso);
    }
    case ColumnType::MysqlTimestamp: {
      // toISOString().slice(0, -1).replace('T', ' ')
      std::string iso = IsoString(TimeOf(interp, value, "a timestamp column"));
      iso.pop_back();
      if (size_t t = iso.find('T'); t != std::string::npos) iso[t] = ' ';
      return interp.Str(iso);
    }
    default:
      return value;
  }
}

std::shared_ptr<ColumnHost> BuildColumn(ts::Interp& interp, BuilderHost& builder, TableHost* table) {
  ColumnConfig& config = builder.config;
  // SQLiteColumn / MySqlColumn constructor: a falsy uniqueName becomes the default (the
  // builder's config object is shared with the column, so the builder keeps it).
  if (!interp.Truthy(config.unique_name)) {
    config.unique_name = interp.Str(UniqueKeyName(table->name, {config.name}));
  }
  auto column = std::make_shared<ColumnHost>();
  column->lite_dialect = builder.dialect;
  column->dialect = DialectName(builder.dialect);
  column->span = builder.span;
  column->name = config.name;
  column->key_as_name = config.key_as_name;
  column->table = table;
  column->table_object = table->object;
  column->column_type = ColumnTypeName(config.type);
  column->data_type = DataTypeName(config.type);
  column->config = config;
  column->sql_type = SqlTypeOf(interp, config);
  return column;
}

ts::Object* AliasFields(ts::Interp& interp, ts::Object* fields, const std::string& alias, bool replace_original_name) {
  ts::Object* out = interp.NewObject();
  if (fields == nullptr) return out;
  // One alias table per source table, shared by that table's columns.
  std::vector<std::pair<const TableBase*, std::shared_ptr<TableBase>>> tables;
  for (const std::string& key : interp.OwnKeys(fields)) {
    Value v = interp.Get(Value::Obj(fields), key);
    ColumnBase* base = AsColumn(v);
    if (base != nullptr && (base->dialect == "sqlite" || base->dialect == "mysql") && base->table != nullptr) {
      auto* column = static_cast<ColumnHost*>(base);
      std::shared_ptr<TableBase> table;
      for (const auto& [from, to] : tables) {
        if (from == column->table) table = to;
      }
      if (!table) {
        auto copy = std::make_shared<TableHost>(*static_cast<const TableHost*>(column->table));
        copy->name = alias;
        copy->is_alias = true;
        if (replace_original_name) copy->original_name = alias;
        table = copy;
        tables.emplace_back(column->table, table);
      }
      auto aliased = std::make_shared<ColumnHost>(*column);
      aliased->table = table.get();
      aliased->alias_table = table;
      v = Value::Obj(ColumnObject(interp, std::move(aliased)));
    } else if (SqlAliasedHost* sql = AsAliased(v)) {
      v = Value::Obj(NewAliased(interp, sql->sql, sql->alias, true));
    } else if (v.IsObject() && HostOf(v) == nullptr && !interp.IsCallable(v) && !interp.IsArray(v)) {
      v = Value::Obj(AliasFields(interp, v.AsObject(), alias, replace_original_name));
    }
    out->props.Set(key, v);
  }
  return out;
}

ts::Object* ColumnObject(ts::Interp& interp, std::shared_ptr<ColumnHost> column) {
  return DslContext::Get(interp).Make(&kColumnTag, InitColumnProto, std::move(column));
}

}  // namespace dp::dsl::lite
