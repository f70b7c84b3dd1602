// The chain methods of pg column builders (.notNull() .default() .references() .array() ...),
// building a column from a builder for a table, and the built column's JS face.
#include <cmath>

#include "dsl/common/sql.h"
#include "dsl/pg/columns.h"
#include "dsl/pg/table.h"

namespace dp::dsl::pg {

namespace {

using ts::CallContext;
using ts::Value;

char kBuilderTag, kIntBuilderTag, kDateBuilderTag, kUuidBuilderTag, kColumnTag, kExtraColumnTag;

PgBuilderHost& Self(CallContext& c, std::string_view method) {
  return ThisAs<PgBuilderHost>(c, HostKind::PgColumnBuilder, method);
}

// Sets the default to sql`<text>` (defaultNow / defaultRandom).
Value SqlDefault(CallContext& c, const char* method, const char* text) {
  PgBuilderHost& self = Self(c, method);
  self.config.default_value = Value::Obj(NewSql(c.interp, {Text(text)}));
  self.config.has_default = true;
  return c.this_value;
}

// generatedAlwaysAsIdentity / generatedByDefaultAsIdentity.
Value Identity(CallContext& c, const char* method, const char* type) {
  PgBuilderHost& self = Self(c, method);
  Value sequence = c.Arg(0);
  self.config.has_identity = true;
  self.config.identity_type = type;
  self.config.identity_name = Value();
  self.config.identity_options = Value();
  if (c.interp.Truthy(sequence)) {
    self.config.identity_name = c.interp.Get(sequence, "name");
    ts::Object* options = c.interp.NewObject();
    if (sequence.IsObject()) {
      for (const std::string& key : c.interp.OwnKeys(sequence.AsObject())) {
        if (key != "name") options->props.Set(key, c.interp.Get(sequence, key));
      }
    }
    self.config.identity_options = Value::Obj(options);
  }
  self.config.has_default = true;
  self.config.not_null = true;
  return c.this_value;
}

void InitBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "$type", [](CallContext& c) { return c.this_value; });
  ctx.Method(proto, "notNull", [](CallContext& c) {
    Self(c, "notNull").config.not_null = true;
    return c.this_value;
  });
  ctx.Method(proto, "default", [](CallContext& c) {
    PgBuilderHost& self = Self(c, "default");
    self.config.default_value = c.Arg(0);
    self.config.has_default = true;
    return c.this_value;
  });
  auto default_fn = [](CallContext& c) {
    PgBuilderHost& self = Self(c, "$defaultFn");
    self.config.default_fn = c.Arg(0);
    self.config.has_default = true;
    return c.this_value;
  };
  ctx.Method(proto, "$defaultFn", default_fn);
  ctx.Method(proto, "$default", default_fn);
  auto on_update = [](CallContext& c) {
    PgBuilderHost& self = Self(c, "$onUpdateFn");
    self.config.on_update_fn = c.Arg(0);
    self.config.has_default = true;
    return c.this_value;
  };
  ctx.Method(proto, "$onUpdateFn", on_update);
  ctx.Method(proto, "$onUpdate", on_update);
  ctx.Method(proto, "primaryKey", [](CallContext& c) {
    PgBuilderHost& self = Self(c, "primaryKey");
    self.config.primary_key = true;
    self.config.not_null = true;
    return c.this_value;
  });
  ctx.Method(proto, "unique", [](CallContext& c) {
    PgBuilderHost& self = Self(c, "unique");
    self.config.is_unique = true;
    self.config.unique_name = c.Arg(0);
    Value config = c.Arg(1);
    self.config.unique_type = config.IsNullish() ? Value() : c.interp.Get(config, "nulls");
    return c.this_value;
  });
  ctx.Method(proto, "generatedAlwaysAs", [](CallContext& c) {
    PgBuilderHost& self = Self(c, "generatedAlwaysAs");
    self.config.has_generated = true;
    self.config.generated_as = c.Arg(0);
    return c.this_value;
  });
  ctx.Method(proto, "references", [](CallContext& c) {
    PgBuilderHost& self = Self(c, "references");
    PgReference ref;
    ref.ref = c.Arg(0);
    ref.span = c.call_span;
    Value actions = c.Arg(1);
    if (!actions.IsUndefined()) {
      ref.on_update = c.interp.Get(actions, "onUpdate");
      ref.on_delete = c.interp.Get(actions, "onDelete");
    }
    self.references.push_back(ref);
    return c.this_value;
  });
  ctx.Method(proto, "array", [](CallContext& c) {
    PgBuilderHost& self = Self(c, "array");
    ts::Object* array = NewBuilder(c.interp, PgType::Array, self.config.name, c.call_span);
    auto& config = static_cast<PgBuilderHost*>(array->host.get())->config;
    config.key_as_name = self.config.name.empty();
    config.base_builder = c.this_value.AsObject();
    config.array_size = c.Arg(0);
    return Value::Obj(array);
  });
}

void InitIntBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "generatedAlwaysAsIdentity",
             [](CallContext& c) { return Identity(c, "generatedAlwaysAsIdentity", "always"); });
  ctx.Method(proto, "generatedByDefaultAsIdentity",
             [](CallContext& c) { return Identity(c, "generatedByDefaultAsIdentity", "byDefault"); });
}

void InitDateBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "defaultNow", [](CallContext& c) { return SqlDefault(c, "defaultNow", "now()"); });
}

void InitUuidBuilderProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "defaultRandom",
             [](CallContext& c) { return SqlDefault(c, "defaultRandom", "gen_random_uuid()"); });
}

PgColumnHost& ColumnSelf(CallContext& c, std::string_view method) {
  ColumnBase* column = AsColumn(c.this_value);
  if (column == nullptr || column->dialect != "pg") {
    DslThrow(c.interp, std::string(method) + " called on an incompatible receiver");
  }
  return *static_cast<PgColumnHost*>(column);
}

void InitColumnProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) { return Value::Obj(NewSql(c.interp, {Val(c.this_value)})); });
  ctx.Method(proto, "getSQLType", [](CallContext& c) { return c.interp.Str(ColumnSelf(c, "getSQLType").sql_type); });
  ctx.Method(proto, "mapToDriverValue", [](CallContext& c) {
    return ColumnSelf(c, "mapToDriverValue").MapToDriver(c.interp, c.Arg(0));
  });
  ctx.Method(proto, "mapFromDriverValue", [](CallContext& c) { return c.Arg(0); });
  ctx.Getter(proto, "name", [](CallContext& c) { return c.interp.Str(ColumnSelf(c, "name").name); });
  ctx.Getter(proto, "keyAsName", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "keyAsName").key_as_name); });
  ctx.Getter(proto, "table", [](CallContext& c) {
    PgColumnHost& self = ColumnSelf(c, "table");
    return self.table_object != nullptr ? Value::Obj(self.table_object) : Value();
  });
  ctx.Getter(proto, "notNull", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "notNull").config.not_null); });
  ctx.Getter(proto, "primary", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "primary").config.primary_key); });
  ctx.Getter(proto, "hasDefault", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "hasDefault").config.has_default); });
  ctx.Getter(proto, "isUnique", [](CallContext& c) { return Value::Boolean(ColumnSelf(c, "isUnique").config.is_unique); });
  ctx.Getter(proto, "uniqueName", [](CallContext& c) {
    return c.interp.Str(UniqueNameOf(c.interp, ColumnSelf(c, "uniqueName").config));
  });
  ctx.Getter(proto, "default", [](CallContext& c) { return ColumnSelf(c, "default").config.default_value; });
  ctx.Getter(proto, "columnType", [](CallContext& c) { return c.interp.Str(ColumnSelf(c, "columnType").column_type); });
  ctx.Getter(proto, "dataType", [](CallContext& c) { return c.interp.Str(ColumnSelf(c, "dataType").data_type); });
}

void InitExtraColumnProto(DslContext& ctx, ts::Object* proto) {
  auto setter = [&](const char* name, auto apply) {
    ctx.Method(proto, name, [name, apply](CallContext& c) {
      PgColumnHost& self = ColumnSelf(c, name);
      apply(self.index_config, c);
      return c.this_value;
    });
  };
  setter("asc", [](PgIndexConfig& ic, CallContext&) { ic.order = "asc"; });
  setter("desc", [](PgIndexConfig& ic, CallContext&) { ic.order = "desc"; });
  setter("nullsFirst", [](PgIndexConfig& ic, CallContext&) { ic.nulls = "first"; });
  setter("nullsLast", [](PgIndexConfig& ic, CallContext&) { ic.nulls = "last"; });
  setter("op", [](PgIndexConfig& ic, CallContext& c) { ic.op_class = c.Arg(0); });
}

void InitExtraColumnProtoWithParent(DslContext& ctx, ts::Object* proto) { InitExtraColumnProto(ctx, proto); }

std::string NumberText(ts::Interp& interp, Value v) { return interp.ToString(v); }

// makePgArray over already-mapped items.
std::string MakePgArray(ts::Interp& interp, Value array) {
  std::string out = "{";
  const std::vector<Value> items = ArrayElements(interp, array);
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += ',';
    Value item = items[i];
    if (interp.IsArray(item)) {
      out += MakePgArray(interp, item);
    } else if (item.IsString()) {
      out += '"';
      for (char ch : item.AsString()) {
        if (ch == '\\') out += "\\\\";
        else if (ch == '"') out += "\\\"";
        else out += ch;
      }
      out += '"';
    } else {
      out += interp.ToString(item);
    }
  }
  out += '}';
  return out;
}

Value MapArrayItems(ts::Interp& interp, const PgColumnHost& array, Value value) {
  std::vector<Value> mapped;
  for (Value v : ArrayElements(interp, value)) {
    if (v.IsNull()) {
      mapped.push_back(v);
    } else if (array.base_column && array.base_column->config.type == PgType::Array) {
      mapped.push_back(MapArrayItems(interp, *array.base_column, v));
    } else if (array.base_column) {
      mapped.push_back(array.base_column->MapToDriver(interp, v));
    } else {
      mapped.push_back(v);
    }
  }
  return Value::Obj(interp.NewArray(std::move(mapped)));
}

}  // namespace

ts::Object* NewBuilder(ts::Interp& interp, PgType type, std::string name, base::Span span) {
  DslContext& ctx = DslContext::Get(interp);
  auto host = std::make_shared<PgBuilderHost>();
  host->span = span;
  PgColumnConfig& config = host->config;
  config.type = type;
  config.key_as_name = name.empty();
  config.name = std::move(name);
  if (const char* fixed = FixedSqlType(type)) config.sql_type = fixed;
  if (type == PgType::Serial || type == PgType::SmallSerial || type == PgType::BigSerial53) {
    config.has_default = true;
    config.not_null = true;
  } else if (type == PgType::BigSerial64) {
    config.has_default = true;
  }
  ts::Object* base = ctx.Proto(&kBuilderTag, InitBuilderProto);
  switch (type) {
    case PgType::Integer:
    case PgType::SmallInt:
    case PgType::BigInt53:
    case PgType::BigInt64:
      return interp.NewHost(ctx.Proto(&kIntBuilderTag, InitIntBuilderProto, base), std::move(host));
    case PgType::Date:
    case PgType::DateString:
    case PgType::Time:
    case PgType::Timestamp:
    case PgType::TimestampString:
      return interp.NewHost(ctx.Proto(&kDateBuilderTag, InitDateBuilderProto, base), std::move(host));
    case PgType::Uuid:
      return interp.NewHost(ctx.Proto(&kUuidBuilderTag, InitUuidBuilderProto, base), std::move(host));
    default:
      return interp.NewHost(base, std::move(host));
  }
}

std::shared_ptr<PgColumnHost> BuildColumn(ts::Interp& interp, PgBuilderHost& builder, PgTableHost* table,
                                          ts::Object* table_object) {
  PgColumnConfig& config = builder.config;
  if (config.default_unique_table == nullptr && !interp.Truthy(config.unique_name)) {
    config.default_unique_table = table;
  }
  auto column = std::make_shared<PgColumnHost>(std::make_shared<const PgColumnConfig>(config));
  column->dialect = "pg";
  column->span = builder.span;
  column->name = config.name;
  column->key_as_name = config.key_as_name;
  column->table = table;
  column->table_object = table_object;
  column->column_type = ColumnTypeName(config.type);
  column->data_type = DataTypeName(config.type);
  switch (config.type) {
    case PgType::Custom: {
      Value data_type = interp.Get(config.custom_params, "dataType");
      Value args[1] = {config.field_config};
      column->sql_type = interp.ToString(interp.Call(data_type, config.custom_params, args));
      break;
    }
    case PgType::Array: {
      auto* base = AsBuilder(Value::Obj(config.base_builder));
      if (base == nullptr) break;
      column->base_column = BuildColumn(interp, *base, table, table_object);
      column->sql_type = column->base_column->sql_type + "[" +
                         (config.array_size.IsNumber() ? interp.ToString(config.array_size) : std::string()) + "]";
      break;
    }
    default:
      column->sql_type = config.sql_type;
      break;
  }
  return column;
}

std::shared_ptr<PgColumnHost> BuildExtraColumn(const PgColumnHost& column) {
  auto extra = std::make_shared<PgColumnHost>(column.config_holder);
  extra->dialect = column.dialect;
  extra->span = column.span;
  extra->name = column.name;
  extra->key_as_name = column.key_as_name;
  extra->table = column.table;
  extra->table_object = column.table_object;
  extra->column_type = column.column_type;
  extra->data_type = column.data_type;
  extra->extra = true;
  return extra;
}

std::string UniqueNameOf(ts::Interp& interp, const PgColumnConfig& config) {
  if (interp.Truthy(config.unique_name) || config.default_unique_table == nullptr) {
    return interp.ToString(config.unique_name);
  }
  return UniqueKeyName(config.default_unique_table->name, {config.name});
}

ts::Object* ColumnObject(ts::Interp& interp, std::shared_ptr<PgColumnHost> column) {
  DslContext& ctx = DslContext::Get(interp);
  ts::Object* proto = ctx.Proto(&kColumnTag, InitColumnProto);
  if (column->extra) proto = ctx.Proto(&kExtraColumnTag, InitExtraColumnProtoWithParent, proto);
  return interp.NewHost(proto, std::move(column));
}

ts::Value PgColumnHost::MapToDriver(ts::Interp& interp, ts::Value value) const {
  switch (config.type) {
    case PgType::Json:
    case PgType::Jsonb:
    case PgType::Vector:
    case PgType::HalfVector: {
      std::optional<std::string> json = interp.JsonStringify(value);
      return json ? interp.Str(*json) : Value();
    }
    case PgType::Timestamp:
    case PgType::Date: {
      Value fn = interp.Get(value, "toISOString");
      return interp.Call(fn, value, {});
    }
    case PgType::NumericNumber:
    case PgType::NumericBigInt:
      return interp.Str(interp.ToString(value));
    case PgType::PointTuple:
      return interp.Str("(" + NumberText(interp, interp.Get(value, "0")) + "," +
                        NumberText(interp, interp.Get(value, "1")) + ")");
    case PgType::PointObject:
      return interp.Str("(" + NumberText(interp, interp.Get(value, "x")) + "," +
                        NumberText(interp, interp.Get(value, "y")) + ")");
    case PgType::Line:
      return interp.Str("{" + NumberText(interp, interp.Get(value, "0")) + "," +
                        NumberText(interp, interp.Get(value, "1")) + "," + NumberText(interp, interp.Get(value, "2")) +
                        "}");
    case PgType::LineABC:
      return interp.Str("{" + NumberText(interp, interp.Get(value, "a")) + "," +
                        NumberText(interp, interp.Get(value, "b")) + "," + NumberText(interp, interp.Get(value, "c")) +
                        "}");
    case PgType::Geometry:
      return interp.Str("point(" + NumberText(interp, interp.Get(value, "0")) + " " +
                        NumberText(interp, interp.Get(value, "1")) + ")");
    case PgType::GeometryObject:
      return interp.Str("point(" + NumberText(interp, interp.Get(value, "x")) + " " +
                        NumberText(interp, interp.Get(value, "y")) + ")");
    case PgType::Custom: {
      Value fn = GetProp(interp, config.custom_params, "toDriver");
      if (!interp.IsCallable(fn)) return value;
      Value args[1] = {value};
      return interp.Call(fn, config.custom_params, args);
    }
    case PgType::Array:
      return interp.Str(MakePgArray(interp, MapArrayItems(interp, *this, value)));
    default:
      return value;
  }
}

}  // namespace dp::dsl::pg
