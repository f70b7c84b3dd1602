// The `sql` tag and the SQL / SQL.Aliased / Name / Param / Placeholder host objects with
// their methods (as, mapWith, inlineParams, append, if, getSQL).
#include "dsl/common/sql.h"

namespace dp::dsl {

namespace {

using ts::CallContext;
using ts::Value;

char kSqlTag, kAliasedTag, kNameTag, kParamTag, kPlaceholderTag;

ts::Object* NewSqlFrom(DslContext& ctx, std::shared_ptr<SqlHost> host);

void InitSqlProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) { return c.this_value; });
  ctx.Method(proto, "as", [](CallContext& c) {
    ThisAs<SqlHost>(c, HostKind::Sql, "SQL.as");
    Value alias = c.Arg(0);
    if (alias.IsUndefined()) return c.this_value;
    return Value::Obj(NewAliased(c.interp, c.this_value.AsObject(), c.interp.ToString(alias)));
  });
  ctx.Method(proto, "mapWith", [](CallContext& c) {
    ThisAs<SqlHost>(c, HostKind::Sql, "SQL.mapWith");
    return c.this_value;
  });
  ctx.Method(proto, "inlineParams", [](CallContext& c) {
    ThisAs<SqlHost>(c, HostKind::Sql, "SQL.inlineParams").inline_params = true;
    return c.this_value;
  });
  ctx.Method(proto, "append", [](CallContext& c) {
    SqlHost& self = ThisAs<SqlHost>(c, HostKind::Sql, "SQL.append");
    SqlHost* other = AsSql(c.Arg(0));
    if (other == nullptr) DslThrow(c.interp, "SQL.append expects an sql`...` value");
    std::vector<SqlChunk> copy = other->chunks;  // other may be self
    self.chunks.insert(self.chunks.end(), copy.begin(), copy.end());
    return c.this_value;
  });
  ctx.Method(proto, "if", [](CallContext& c) {
    ThisAs<SqlHost>(c, HostKind::Sql, "SQL.if");
    return c.interp.Truthy(c.Arg(0)) ? c.this_value : Value();
  });
  ctx.Getter(proto, "queryChunks", [](CallContext& c) {
    SqlHost& self = ThisAs<SqlHost>(c, HostKind::Sql, "SQL.queryChunks");
    std::vector<Value> values;
    for (const SqlChunk& chunk : self.chunks) {
      values.push_back(chunk.is_text ? c.interp.Str(chunk.text) : chunk.value);
    }
    return Value::Obj(c.interp.NewArray(std::move(values)));
  });
}

void InitAliasedProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) {
    return Value::Obj(ThisAs<SqlAliasedHost>(c, HostKind::SqlAliased, "SQL.Aliased.getSQL").sql);
  });
  ctx.Getter(proto, "sql", [](CallContext& c) {
    return Value::Obj(ThisAs<SqlAliasedHost>(c, HostKind::SqlAliased, "SQL.Aliased.sql").sql);
  });
  ctx.Getter(proto, "fieldAlias", [](CallContext& c) {
    return c.interp.Str(ThisAs<SqlAliasedHost>(c, HostKind::SqlAliased, "SQL.Aliased.fieldAlias").alias);
  });
}

// Name, Param and Placeholder: getSQL() wraps them in a new SQL.
void InitWrapperProto(DslContext& ctx, ts::Object* proto) {
  ctx.Method(proto, "getSQL", [](CallContext& c) {
    return Value::Obj(NewSql(c.interp, {Val(c.this_value)}));
  });
}

void InitNameProto(DslContext& ctx, ts::Object* proto) {
  InitWrapperProto(ctx, proto);
  ctx.Getter(proto, "value", [](CallContext& c) {
    return c.interp.Str(ThisAs<NameHost>(c, HostKind::Name, "Name.value").value);
  });
}

void InitParamProto(DslContext& ctx, ts::Object* proto) {
  InitWrapperProto(ctx, proto);
  ctx.Getter(proto, "value", [](CallContext& c) {
    return ThisAs<ParamHost>(c, HostKind::Param, "Param.value").value;
  });
}

void InitPlaceholderProto(DslContext& ctx, ts::Object* proto) {
  InitWrapperProto(ctx, proto);
  ctx.Getter(proto, "name", [](CallContext& c) {
    return c.interp.Str(ThisAs<PlaceholderHost>(c, HostKind::Placeholder, "Placeholder.name").name);
  });
}

ts::Object* NewSqlFrom(DslContext& ctx, std::shared_ptr<SqlHost> host) {
  return ctx.Make(&kSqlTag, InitSqlProto, std::move(host));
}

// The tag: sql`text ${param} text`.
Value SqlTagCall(CallContext& c) {
  Value strings_value = c.Arg(0);
  if (!strings_value.IsObject() || !c.interp.IsArray(strings_value)) {
    DslThrow(c.interp, "sql must be used as a template tag (sql`...`); use sql.raw() for a string");
  }
  const std::vector<Value>& strings = strings_value.AsObject()->elements;
  auto text_at = [&](size_t i) -> std::string {
    if (i >= strings.size() || !strings[i].IsString()) return std::string();
    return strings[i].AsString();
  };
  size_t param_count = c.args.size() - 1;
  auto host = std::make_shared<SqlHost>();
  host->span = c.call_span;
  host->chunks.reserve(param_count * 2 + 1);
  if (param_count > 0 || (!strings.empty() && !text_at(0).empty())) host->chunks.push_back(Text(text_at(0)));
  for (size_t i = 0; i < param_count; ++i) {
    host->chunks.push_back(Val(c.args[i + 1]));
    host->chunks.push_back(Text(text_at(i + 1)));
  }
  return Value::Obj(NewSqlFrom(DslContext::Get(c.interp), std::move(host)));
}

void AddStatic(ts::Interp& interp, ts::Object* target, std::string_view name, ts::NativeFn fn) {
  target->props.Set(name, Value::Obj(interp.NewFunction(std::string(name), std::move(fn))));
}

}  // namespace

ts::Object* NewSql(ts::Interp& interp, std::vector<SqlChunk> chunks) {
  auto host = std::make_shared<SqlHost>();
  host->chunks = std::move(chunks);
  host->span = interp.CurrentCallSpan();
  return NewSqlFrom(DslContext::Get(interp), std::move(host));
}

ts::Object* NewRawSql(ts::Interp& interp, std::string text) { return NewSql(interp, {Text(std::move(text))}); }

ts::Object* NewName(ts::Interp& interp, std::string value) {
  auto host = std::make_shared<NameHost>();
  host->value = std::move(value);
  return DslContext::Get(interp).Make(&kNameTag, InitNameProto, std::move(host));
}

ts::Object* NewParam(ts::Interp& interp, ts::Value value, ts::Value encoder) {
  auto host = std::make_shared<ParamHost>();
  host->value = value;
  host->encoder = encoder;
  return DslContext::Get(interp).Make(&kParamTag, InitParamProto, std::move(host));
}

ts::Object* NewAliased(ts::Interp& interp, ts::Object* sql, std::string alias, bool is_selection_field) {
  auto host = std::make_shared<SqlAliasedHost>();
  host->sql = sql;
  host->alias = std::move(alias);
  host->is_selection_field = is_selection_field;
  return DslContext::Get(interp).Make(&kAliasedTag, InitAliasedProto, std::move(host));
}

bool IsSqlWrapper(ts::Interp& interp, ts::Value v) {
  if (!v.IsObject()) return false;
  if (Host* h = HostOf(v)) {
    switch (h->kind) {
      case HostKind::Sql:
      case HostKind::SqlAliased:
      case HostKind::Name:
      case HostKind::Param:
      case HostKind::Placeholder:
      case HostKind::Table:
      case HostKind::Column:
      case HostKind::View:
      case HostKind::Subquery:
      case HostKind::PgSchema:
      case HostKind::PgSelect:
        return true;
      default:
        break;
    }
  }
  return interp.IsCallable(interp.Get(v, "getSQL"));
}

ts::Value BindIfParam(ts::Interp& interp, ts::Value value, ts::Value column) {
  if (AsColumn(column) == nullptr) return value;
  if (IsSqlWrapper(interp, value)) return value;
  return ts::Value::Obj(NewParam(interp, value, column));
}

ts::Object* MakeSqlTag(ts::Interp& interp) {
  ts::Object* tag = interp.NewFunction("sql", SqlTagCall);
  AddStatic(interp, tag, "raw", [](CallContext& c) {
    return Value::Obj(NewRawSql(c.interp, c.Arg(0).IsString() ? c.Arg(0).AsString() : c.interp.ToString(c.Arg(0))));
  });
  AddStatic(interp, tag, "empty", [](CallContext& c) { return Value::Obj(NewSql(c.interp, {})); });
  auto from_list = [](CallContext& c) {
    std::vector<SqlChunk> chunks;
    for (Value v : ArrayElements(c.interp, c.Arg(0))) chunks.push_back(Val(v));
    return Value::Obj(NewSql(c.interp, std::move(chunks)));
  };
  AddStatic(interp, tag, "fromList", from_list);
  AddStatic(interp, tag, "join", [](CallContext& c) {
    std::vector<SqlChunk> chunks;
    Value separator = c.Arg(1);
    std::vector<Value> items = ArrayElements(c.interp, c.Arg(0));
    for (size_t i = 0; i < items.size(); ++i) {
      if (i > 0 && !separator.IsUndefined()) chunks.push_back(Val(separator));
      chunks.push_back(Val(items[i]));
    }
    return Value::Obj(NewSql(c.interp, std::move(chunks)));
  });
  AddStatic(interp, tag, "identifier", [](CallContext& c) {
    return Value::Obj(NewName(c.interp, c.interp.ToString(c.Arg(0))));
  });
  AddStatic(interp, tag, "placeholder", [](CallContext& c) {
    auto host = std::make_shared<PlaceholderHost>();
    host->name = c.interp.ToString(c.Arg(0));
    return Value::Obj(DslContext::Get(c.interp).Make(&kPlaceholderTag, InitPlaceholderProto, std::move(host)));
  });
  AddStatic(interp, tag, "param", [](CallContext& c) {
    return Value::Obj(NewParam(c.interp, c.Arg(0), c.Arg(1)));
  });
  return tag;
}

}  // namespace dp::dsl
