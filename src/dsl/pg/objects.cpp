// pgEnum, pgSchema (with its table/view/enum/sequence factories), pgSequence, pgRole, pgPolicy.
#include "dsl/pg/objects.h"

#include "dsl/common/sql.h"
#include "dsl/pg/columns.h"
#include "dsl/pg/table.h"
#include "dsl/pg/views.h"

namespace dp::dsl::pg {

namespace {

using ts::CallContext;
using ts::Value;

char kSchemaTag, kSequenceTag, kRoleTag, kPolicyTag;

void NoMethods(DslContext&, ts::Object*) {}

PgSchemaHost& SchemaSelf(CallContext& c, const char* method) {
  return ThisAs<PgSchemaHost>(c, HostKind::PgSchema, method);
}

void InitSchemaProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "table", [](CallContext& c) {
    std::string schema = SchemaSelf(c, "table").name;
    std::string name = c.interp.ToString(c.Arg(0));
    return Value::Obj(MakeTable(c, name, c.Arg(1), c.Arg(2), schema, name));
  });
  ctx.Method(proto, "enum", [](CallContext& c) { return MakeEnum(c, SchemaSelf(c, "enum").name); });
  ctx.Method(proto, "sequence", [](CallContext& c) { return MakeSequence(c, SchemaSelf(c, "sequence").name); });
  ctx.Method(proto, "view", [](CallContext& c) { return MakeViewBuilder(c, SchemaSelf(c, "view").name, false); });
  ctx.Method(proto, "materializedView",
             [](CallContext& c) { return MakeViewBuilder(c, SchemaSelf(c, "materializedView").name, true); });
  ctx.Method(proto, "getSQL", [](CallContext& c) {
    return Value::Obj(NewSql(c.interp, {Val(Value::Obj(NewName(c.interp, SchemaSelf(c, "getSQL").name)))}));
  });
  ctx.Method(proto, "shouldOmitSQLParens", [](CallContext&) { return Value::Boolean(true); });
  ctx.Getter(proto, "schemaName", [](CallContext& c) { return c.interp.Str(SchemaSelf(c, "schemaName").name); });
}

void InitRoleProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "existing", [](CallContext& c) {
    ThisAs<PgRoleHost>(c, HostKind::PgRole, "existing").existing = true;
    return c.this_value;
  });
  ctx.Getter(proto, "name", [](CallContext& c) {
    return c.interp.Str(ThisAs<PgRoleHost>(c, HostKind::PgRole, "name").name);
  });
}

void InitPolicyProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "link", [](CallContext& c) {
    ThisAs<PgPolicyHost>(c, HostKind::PgPolicy, "link").linked_table = c.Arg(0);
    return c.this_value;
  });
  ctx.Getter(proto, "name", [](CallContext& c) {
    return c.interp.Str(ThisAs<PgPolicyHost>(c, HostKind::PgPolicy, "name").name);
  });
}

// config?.[key], like `if (config) { this.x = config.x }`.
Value Opt(ts::Interp& interp, Value config, std::string_view key) {
  return interp.Truthy(config) ? interp.Get(config, key) : Value();
}

}  // namespace

bool PgEnumHost::RenderSql(SqlRenderer& renderer, ts::Object*) {
  if (schema) {
    renderer.Append(renderer.EscapeName(*schema) + "." + renderer.EscapeName(name));
  } else {
    renderer.Append(renderer.EscapeName(name));
  }
  return true;
}

bool PgSchemaHost::RenderSql(SqlRenderer& renderer, ts::Object*) {
  renderer.Append(renderer.EscapeName(name));
  return true;
}

PgEnumHost* AsEnum(ts::Interp& interp, ts::Value v) {
  if (!v.IsObject() || v.AsObject()->cls != ts::ObjectClass::Function) return nullptr;
  auto& hosts = DslContext::Get(interp).function_hosts;
  auto it = hosts.find(v.AsObject());
  if (it == hosts.end() || it->second->kind != HostKind::PgEnum) return nullptr;
  return static_cast<PgEnumHost*>(it->second.get());
}

ts::Value MakeEnum(ts::CallContext& c, std::optional<std::string> schema) {
  ts::Interp& interp = c.interp;
  auto host = std::make_shared<PgEnumHost>();
  host->span = c.call_span;
  host->name = interp.ToString(c.Arg(0));
  host->schema = std::move(schema);
  Value input = c.Arg(1);
  std::vector<Value> values;
  if (interp.IsArray(input)) {
    values = ArrayElements(interp, input);
  } else if (input.IsObject()) {
    host->object_form = true;
    for (const std::string& key : interp.OwnKeys(input.AsObject())) values.push_back(interp.Get(input, key));
  } else {
    DslThrow(interp, "pgEnum(\"" + host->name + "\") expects an array of values or an enum object");
  }
  for (Value v : values) host->values.push_back(interp.ToString(v));

  PgEnumHost* enum_host = host.get();
  ts::Object* fn = interp.NewFunction(host->name, [enum_host](CallContext& call) -> Value {
    Value name = call.Arg(0);
    std::string text = name.IsNullish() ? std::string() : call.interp.ToString(name);
    ts::Object* builder = NewBuilder(call.interp, enum_host->object_form ? PgType::EnumObject : PgType::Enum,
                                     std::move(text), call.call_span);
    PgColumnConfig& config = static_cast<PgBuilderHost*>(builder->host.get())->config;
    config.sql_type = enum_host->name;
    config.enum_host = enum_host;
    return Value::Obj(builder);
  });
  fn->props.Set("enumName", interp.Str(host->name));
  fn->props.Set("enumValues", Value::Obj(interp.NewArray(values)));
  fn->props.Set("schema", host->schema ? interp.Str(*host->schema) : Value());
  DslContext::Get(interp).function_hosts[fn] = std::move(host);
  return Value::Obj(fn);
}

ts::Value MakeSequence(ts::CallContext& c, std::optional<std::string> schema) {
  auto host = std::make_shared<PgSequenceHost>();
  host->span = c.call_span;
  host->name = c.interp.ToString(c.Arg(0));
  host->options = c.Arg(1);
  host->schema = std::move(schema);
  return Value::Obj(DslContext::Get(c.interp).Make(&kSequenceTag, NoMethods, std::move(host)));
}

void AddObjectFunctions(ts::Interp& interp, ts::Object* ns) {
  auto fn = [&](std::string_view name, ts::NativeFn f) {
    ns->props.Set(name, Value::Obj(interp.NewFunction(std::string(name), std::move(f))));
  };
  fn("pgEnum", [](CallContext& c) { return MakeEnum(c, std::nullopt); });
  fn("pgSequence", [](CallContext& c) { return MakeSequence(c, std::nullopt); });
  fn("pgSchema", [](CallContext& c) {
    std::string name = c.interp.ToString(c.Arg(0));
    if (name == "public") {
      DslThrow(c.interp,
               "You can't specify 'public' as schema name. Postgres is using public schema by default. If you want "
               "to use 'public' schema, just use pgTable() instead of creating a schema");
    }
    auto host = std::make_shared<PgSchemaHost>();
    host->span = c.call_span;
    host->name = std::move(name);
    return Value::Obj(DslContext::Get(c.interp).Make(&kSchemaTag, InitSchemaProto, std::move(host)));
  });
  fn("pgRole", [](CallContext& c) {
    auto host = std::make_shared<PgRoleHost>();
    host->span = c.call_span;
    host->name = c.interp.ToString(c.Arg(0));
    Value config = c.Arg(1);
    host->create_db = Opt(c.interp, config, "createDb");
    host->create_role = Opt(c.interp, config, "createRole");
    host->inherit = Opt(c.interp, config, "inherit");
    return Value::Obj(DslContext::Get(c.interp).Make(&kRoleTag, InitRoleProto, std::move(host)));
  });
  fn("pgPolicy", [](CallContext& c) {
    auto host = std::make_shared<PgPolicyHost>();
    host->span = c.call_span;
    host->name = c.interp.ToString(c.Arg(0));
    Value config = c.Arg(1);
    host->as = Opt(c.interp, config, "as");
    host->for_ = Opt(c.interp, config, "for");
    host->to = Opt(c.interp, config, "to");
    host->using_ = Opt(c.interp, config, "using");
    host->with_check = Opt(c.interp, config, "withCheck");
    return Value::Obj(DslContext::Get(c.interp).Make(&kPolicyTag, InitPolicyProto, std::move(host)));
  });
}

}  // namespace dp::dsl::pg
