// Rendering chunk trees to SQL text, chunk kind by chunk kind in the order drizzle-orm's
// SQL.buildQueryFromSourceParams tests them, and the PostgreSQL escaping rules.
#include <string>

#include "dsl/common/sql.h"

namespace dp::dsl {

namespace {

std::string PgEscapeName(std::string_view name) {
  std::string out = "\"";
  for (char c : name) {
    if (c == '"') out += "\"\"";
    else out.push_back(c);
  }
  out.push_back('"');
  return out;
}

std::string PgEscapeParam(size_t index) { return "$" + std::to_string(index + 1); }

std::string PgEscapeString(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += "''";
    else out.push_back(c);
  }
  out.push_back('\'');
  return out;
}

}  // namespace

const SqlDialect& PgSqlDialect() {
  static const SqlDialect dialect{&PgEscapeName, &PgEscapeParam, &PgEscapeString};
  return dialect;
}

SqlRenderer::SqlRenderer(ts::Interp& interp, const RenderOptions& options)
    : interp_(interp), options_(options), inline_(options.inline_params) {}

void SqlRenderer::Forbidden() { DslThrow(interp_, options_.forbid_escapes); }

std::string SqlRenderer::EscapeName(std::string_view name) {
  if (options_.forbid_escapes != nullptr) Forbidden();
  return options_.dialect->escape_name(name);
}

std::string SqlRenderer::EscapeParam() {
  if (options_.forbid_escapes != nullptr) Forbidden();
  return options_.dialect->escape_param(param_index_++);
}

std::string SqlRenderer::EscapeString(std::string_view text) {
  if (options_.forbid_escapes != nullptr) Forbidden();
  return options_.dialect->escape_string(text);
}

void SqlRenderer::RenderSqlObject(const SqlHost& sql) {
  bool saved = inline_;
  inline_ = inline_ || sql.inline_params;
  RenderChunks(sql.chunks);
  inline_ = saved;
}

void SqlRenderer::RenderChunks(const std::vector<SqlChunk>& chunks) {
  for (const SqlChunk& chunk : chunks) {
    if (chunk.is_text) {
      out_ += chunk.text;
    } else {
      Render(chunk.value);
    }
  }
}

void SqlRenderer::RenderColumn(const ColumnBase& column) {
  CasingCache none;
  const CasingCache& casing = options_.casing != nullptr ? *options_.casing : none;
  std::string name = casing.ColumnName(column);
  if (options_.indexes_source) {
    out_ += EscapeName(name);
    return;
  }
  const TableBase* table = column.table;
  if (table == nullptr) {
    out_ += EscapeName(name);
    return;
  }
  if (table->is_alias || !table->schema) {
    out_ += EscapeName(table->name);
  } else {
    out_ += EscapeName(*table->schema);
    out_ += '.';
    out_ += EscapeName(table->name);
  }
  out_ += '.';
  out_ += EscapeName(name);
}

void SqlRenderer::RenderInline(ts::Value value) {
  switch (value.kind()) {
    case ts::ValueKind::Null:
      out_ += "null";
      return;
    case ts::ValueKind::Number:
    case ts::ValueKind::Boolean:
      out_ += interp_.ToString(value);
      return;
    case ts::ValueKind::String:
      out_ += EscapeString(value.AsString());
      return;
    case ts::ValueKind::Object: {
      std::string text = interp_.ToString(value);
      if (text == "[object Object]") {
        std::optional<std::string> json = interp_.JsonStringify(value);
        out_ += EscapeString(json ? *json : std::string("undefined"));
      } else {
        out_ += EscapeString(text);
      }
      return;
    }
    case ts::ValueKind::Undefined:
    case ts::ValueKind::BigInt:
      break;
  }
  interp_.ThrowTypeError("Unexpected param value: " + interp_.ToString(value), base::DiagKind::DslError);
}

void SqlRenderer::RenderParam(const ParamHost& param) {
  if (HostAs<PlaceholderHost>(param.value, HostKind::Placeholder) != nullptr) {
    out_ += EscapeParam();
    return;
  }
  ts::Value mapped = param.value;
  if (!param.value.IsNull()) {
    if (const ColumnBase* column = AsColumn(param.encoder)) {
      mapped = column->MapToDriver(interp_, param.value);
    } else if (param.encoder.IsObject()) {
      ts::Value fn = interp_.Get(param.encoder, "mapToDriverValue");
      if (interp_.IsCallable(fn)) {
        ts::Value args[1] = {param.value};
        mapped = interp_.Call(fn, param.encoder, args);
      }
    }
  }
  if (SqlHost* sql = AsSql(mapped)) {
    RenderSqlObject(*sql);
    return;
  }
  if (inline_) {
    RenderInline(mapped);
    return;
  }
  out_ += EscapeParam();
}

void SqlRenderer::Render(ts::Value chunk) {
  if (chunk.IsUndefined()) return;
  if (chunk.IsObject()) {
    ts::Object* object = chunk.AsObject();
    if (Host* host = HostOf(chunk)) {
      switch (host->kind) {
        case HostKind::Name:
          out_ += EscapeName(static_cast<NameHost*>(host)->value);
          return;
        case HostKind::Sql:
          RenderSqlObject(*static_cast<SqlHost*>(host));
          return;
        case HostKind::Table: {
          auto* table = static_cast<TableBase*>(host);
          if (!table->schema || table->is_alias) {
            out_ += EscapeName(table->name);
          } else {
            out_ += EscapeName(*table->schema) + "." + EscapeName(table->name);
          }
          return;
        }
        case HostKind::Column:
          RenderColumn(*static_cast<ColumnBase*>(host));
          return;
        case HostKind::View: {
          auto* view = static_cast<ViewBase*>(host);
          if (!view->schema || view->is_alias) {
            out_ += EscapeName(view->name);
          } else {
            out_ += EscapeName(*view->schema) + "." + EscapeName(view->name);
          }
          return;
        }
        case HostKind::Param:
          RenderParam(*static_cast<ParamHost*>(host));
          return;
        case HostKind::Placeholder:
          out_ += EscapeParam();
          return;
        case HostKind::SqlAliased:
          out_ += EscapeName(static_cast<SqlAliasedHost*>(host)->alias);
          return;
        default:
          if (host->RenderSql(*this, object)) return;
          break;
      }
    }
    if (object->cls == ts::ObjectClass::Function) {
      auto& hosts = DslContext::Get(interp_).function_hosts;
      auto it = hosts.find(object);
      if (it != hosts.end() && it->second->RenderSql(*this, object)) return;
    }
    if (interp_.IsArray(chunk)) {
      out_ += '(';
      const std::vector<ts::Value> elements = object->elements;
      for (size_t i = 0; i < elements.size(); ++i) {
        if (i > 0) out_ += ", ";
        Render(elements[i]);
      }
      out_ += ')';
      return;
    }
    if (object->cls == ts::ObjectClass::Opaque) {
      std::string what = object->opaque ? object->opaque->description : std::string("an unevaluated package");
      interp_.ThrowTypeError("a value from " + what + " cannot be used in SQL", base::DiagKind::EvalOpaqueValue);
    }
    {
      ts::Value get_sql = interp_.Get(chunk, "getSQL");
      if (interp_.IsCallable(get_sql)) {
        ts::Value sql = interp_.Call(get_sql, chunk, {});
        ts::Value omit = interp_.Get(chunk, "shouldOmitSQLParens");
        bool omit_parens = interp_.IsCallable(omit) && interp_.Truthy(interp_.Call(omit, chunk, {}));
        if (!omit_parens) out_ += '(';
        Render(sql);
        if (!omit_parens) out_ += ')';
        return;
      }
    }
  }
  if (inline_) {
    RenderInline(chunk);
    return;
  }
  out_ += EscapeParam();
}

std::string RenderSql(ts::Interp& interp, ts::Value sql, const RenderOptions& options) {
  SqlRenderer renderer(interp, options);
  renderer.Render(sql);
  return renderer.Take();
}

}  // namespace dp::dsl
