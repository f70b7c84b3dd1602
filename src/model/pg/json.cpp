// PostgreSQL snapshot <-> JSON. Writers emit keys in the order drizzle-kit's
// serializer builds its objects (which is what JSON.stringify prints), omitting
// absent optionals; readers follow pgSchemaInternal (strict objects, zod defaults).
#include "model/pg/json.h"

#include "model/common_parts_io.h"
#include "model/json_io.h"
#include "model/json_text.h"
#include "model/pg/view_with_io.h"

namespace dp::model::pg {

namespace {

using detail::Json;
using detail::ObjectReader;
using detail::Presence;
using detail::PutOpt;
using detail::PutOptNumber;
using detail::ReadContext;
using detail::WriteMap;
using detail::WriteStringMap;

// ---- writers -------------------------------------------------------------------

void PutSequenceOptions(Json& json, const SequenceOptions& options) {
  PutOpt(json, "increment", options.increment);
  PutOpt(json, "startWith", options.start_with);
  PutOpt(json, "minValue", options.min_value);
  PutOpt(json, "maxValue", options.max_value);
  PutOpt(json, "cache", options.cache);
  PutOpt(json, "cycle", options.cycle);
}

Json WriteIdentity(const Identity& identity) {
  Json json = Json::object();
  json["type"] = identity.type;
  json["name"] = identity.name;
  json["schema"] = identity.schema;
  PutSequenceOptions(json, identity);
  return json;
}

Json WriteColumn(const Column& column) {
  Json json = Json::object();
  json["name"] = column.name;
  json["type"] = column.type;
  PutOpt(json, "typeSchema", column.type_schema);
  json["primaryKey"] = column.primary_key;
  json["notNull"] = column.not_null;
  if (column.generated) json["generated"] = detail::WriteGenerated(*column.generated);
  if (column.identity) json["identity"] = WriteIdentity(*column.identity);
  PutOpt(json, "default", column.default_value);
  PutOpt(json, "isUnique", column.is_unique);
  PutOpt(json, "uniqueName", column.unique_name);
  PutOpt(json, "nullsNotDistinct", column.nulls_not_distinct);
  return json;
}

Json WriteIndexColumn(const IndexColumn& column) {
  // drizzle-kit builds expression entries as {expression, asc, isExpression, nulls}
  // and column entries as {expression, isExpression, asc, nulls, opclass}.
  Json json = Json::object();
  json["expression"] = column.expression;
  if (column.is_expression) {
    json["asc"] = column.asc;
    json["isExpression"] = column.is_expression;
  } else {
    json["isExpression"] = column.is_expression;
    json["asc"] = column.asc;
  }
  PutOpt(json, "nulls", column.nulls);
  PutOpt(json, "opclass", column.opclass);
  return json;
}

Json WriteIndex(const Index& index) {
  Json json = Json::object();
  json["name"] = index.name;
  Json columns = Json::array();
  for (const auto& column : index.columns) columns.push_back(WriteIndexColumn(column));
  json["columns"] = std::move(columns);
  json["isUnique"] = index.is_unique;
  PutOpt(json, "where", index.where);
  json["concurrently"] = index.concurrently;
  json["method"] = index.method;
  if (index.with) json["with"] = WriteMap(*index.with, [](const Json& value) { return value; });
  return json;
}

Json WriteUnique(const UniqueConstraint& unique) {
  Json json = Json::object();
  json["name"] = unique.name;
  json["nullsNotDistinct"] = unique.nulls_not_distinct;
  json["columns"] = unique.columns;
  return json;
}

Json WritePolicy(const Policy& policy) {
  Json json = Json::object();
  json["name"] = policy.name;
  PutOpt(json, "as", policy.as);
  PutOpt(json, "for", policy.command);
  PutOpt(json, "to", policy.to);
  PutOpt(json, "using", policy.using_expr);
  PutOpt(json, "withCheck", policy.with_check);
  PutOpt(json, "schema", policy.schema);
  PutOpt(json, "on", policy.on);
  return json;
}

Json WriteTable(const Table& table) {
  Json json = Json::object();
  json["name"] = table.name;
  json["schema"] = table.schema;
  json["columns"] = WriteMap(table.columns, WriteColumn);
  json["indexes"] = WriteMap(table.indexes, WriteIndex);
  json["foreignKeys"] = WriteMap(table.foreign_keys, detail::WriteForeignKey<ForeignKey>);
  json["compositePrimaryKeys"] = WriteMap(table.composite_primary_keys, detail::WriteNamedColumns<CompositePk>);
  json["uniqueConstraints"] = WriteMap(table.unique_constraints, WriteUnique);
  json["policies"] = WriteMap(table.policies, WritePolicy);
  json["checkConstraints"] = WriteMap(table.check_constraints, detail::WriteCheck);
  json["isRLSEnabled"] = table.is_rls_enabled;
  return json;
}

Json WriteEnum(const Enum& value) {
  Json json = Json::object();
  json["name"] = value.name;
  json["schema"] = value.schema;
  json["values"] = value.values;
  return json;
}

Json WriteSequence(const Sequence& sequence) {
  Json json = Json::object();
  json["name"] = sequence.name;
  json["schema"] = sequence.schema;
  PutSequenceOptions(json, sequence);
  return json;
}

Json WriteRole(const Role& role) {
  Json json = Json::object();
  json["name"] = role.name;
  PutOpt(json, "createDb", role.create_db);
  PutOpt(json, "createRole", role.create_role);
  PutOpt(json, "inherit", role.inherit);
  return json;
}

Json WriteView(const View& view) {
  Json json = Json::object();
  json["columns"] = WriteMap(view.columns, WriteColumn);
  PutOpt(json, "definition", view.definition);
  json["name"] = view.name;
  json["schema"] = view.schema;
  json["isExisting"] = view.is_existing;
  if (view.with) json["with"] = view.with->Entries();
  PutOpt(json, "withNoData", view.with_no_data);
  json["materialized"] = view.materialized;
  PutOpt(json, "tablespace", view.tablespace);
  PutOpt(json, "using", view.using_method);
  return json;
}

Json WriteInternals(const KitInternals& internal) {
  Json json = Json::object();
  json["tables"] = WriteMap(internal.tables, [](const TableInternal& table) {
    Json table_json = Json::object();
    table_json["columns"] = WriteMap(table.columns, [](const ColumnInternal& column) {
      Json column_json = Json::object();
      PutOpt(column_json, "isArray", column.is_array);
      PutOptNumber(column_json, "dimensions", column.dimensions);
      PutOpt(column_json, "rawType", column.raw_type);
      PutOpt(column_json, "isDefaultAnExpression", column.is_default_an_expression);
      return column_json;
    });
    return table_json;
  });
  return json;
}

// ---- readers -------------------------------------------------------------------

void ReadSequenceOptions(ObjectReader& reader, SequenceOptions& options) {
  options.increment = reader.OptString("increment");
  options.min_value = reader.OptString("minValue");
  options.max_value = reader.OptString("maxValue");
  options.start_with = reader.OptString("startWith");
  options.cache = reader.OptString("cache");
  options.cycle = reader.OptBool("cycle");
}

Identity ReadIdentity(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Identity identity;
  identity.type = reader.String("type");
  identity.name = reader.String("name");
  identity.schema = reader.String("schema");
  ReadSequenceOptions(reader, identity);
  reader.Finish();
  return identity;
}

Column ReadColumn(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Column column;
  column.name = reader.String("name");
  column.type = reader.String("type");
  column.type_schema = reader.OptString("typeSchema");
  column.primary_key = reader.Bool("primaryKey");
  column.not_null = reader.Bool("notNull");
  column.default_value = reader.OptAny("default");
  column.is_unique = reader.OptBool("isUnique");
  column.unique_name = reader.OptString("uniqueName");
  column.nulls_not_distinct = reader.OptBool("nullsNotDistinct");
  if (const Json* generated = reader.Raw("generated")) {
    column.generated = detail::ReadGenerated<Generated>(context, *generated, detail::ChildPath(path, "generated"));
  }
  if (const Json* identity = reader.Raw("identity")) {
    column.identity = ReadIdentity(context, *identity, detail::ChildPath(path, "identity"));
  }
  reader.Finish();
  return column;
}

IndexColumn ReadIndexColumn(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  IndexColumn column;
  column.expression = reader.String("expression");
  column.is_expression = reader.Bool("isExpression");
  column.asc = reader.Bool("asc");
  column.nulls = reader.OptString("nulls");
  column.opclass = reader.OptString("opclass");
  return column;
}

Index ReadIndex(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Index index;
  index.name = reader.String("name");
  if (const Json* columns = reader.Raw("columns"); columns != nullptr && columns->is_array()) {
    std::string columns_path = detail::ChildPath(path, "columns");
    for (std::size_t column_idx = 0; column_idx < columns->size(); ++column_idx) {
      index.columns.push_back(
          ReadIndexColumn(context, (*columns)[column_idx], detail::IndexPath(columns_path, column_idx)));
    }
  } else if (!context.failed()) {
    context.Error(detail::ChildPath(path, "columns"),
                  columns == nullptr ? "missing required key" : "expected array");
  }
  index.is_unique = reader.Bool("isUnique");
  if (const Json* with = reader.Raw("with")) {
    std::string with_path = detail::ChildPath(path, "with");
    if (!with->is_object()) {
      context.Error(with_path, "expected object");
    } else {
      index.with.emplace();
      for (const auto& [key, value] : with->items()) index.with->insert_or_assign(key, value);
    }
  }
  index.method = reader.OptString("method").value_or("btree");
  index.where = reader.OptString("where");
  index.concurrently = reader.Bool("concurrently", false);
  reader.Finish();
  return index;
}

UniqueConstraint ReadUnique(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  UniqueConstraint unique;
  unique.name = reader.String("name");
  unique.columns = reader.Strings("columns");
  unique.nulls_not_distinct = reader.Bool("nullsNotDistinct");
  reader.Finish();
  return unique;
}

Policy ReadPolicy(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Policy policy;
  policy.name = reader.String("name");
  policy.as = reader.OptString("as");
  policy.command = reader.OptString("for");
  policy.to = reader.OptStrings("to");
  policy.using_expr = reader.OptString("using");
  policy.with_check = reader.OptString("withCheck");
  policy.on = reader.OptString("on");
  policy.schema = reader.OptString("schema");
  reader.Finish();
  return policy;
}

Table ReadTable(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Table table;
  table.name = reader.String("name");
  table.schema = reader.String("schema");
  table.columns = reader.Map<Column>("columns", Presence::kRequired, ReadColumn);
  table.indexes = reader.Map<Index>("indexes", Presence::kRequired, ReadIndex);
  table.foreign_keys =
      reader.Map<ForeignKey>("foreignKeys", Presence::kRequired, detail::ReadForeignKey<ForeignKey>);
  table.composite_primary_keys =
      reader.Map<CompositePk>("compositePrimaryKeys", Presence::kRequired, detail::ReadNamedColumns<CompositePk>);
  table.unique_constraints =
      reader.Map<UniqueConstraint>("uniqueConstraints", Presence::kOptional, ReadUnique);
  table.policies = reader.Map<Policy>("policies", Presence::kOptional, ReadPolicy);
  table.check_constraints =
      reader.Map<CheckConstraint>("checkConstraints", Presence::kOptional, detail::ReadCheck);
  table.is_rls_enabled = reader.Bool("isRLSEnabled", false);
  reader.Finish();
  return table;
}

Enum ReadEnum(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Enum value;
  value.name = reader.String("name");
  value.schema = reader.String("schema");
  value.values = reader.Strings("values");
  reader.Finish();
  return value;
}

Sequence ReadSequence(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Sequence sequence;
  sequence.name = reader.String("name");
  ReadSequenceOptions(reader, sequence);
  sequence.schema = reader.String("schema");
  reader.Finish();
  return sequence;
}

Role ReadRole(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Role role;
  role.name = reader.String("name");
  role.create_db = reader.OptBool("createDb");
  role.create_role = reader.OptBool("createRole");
  role.inherit = reader.OptBool("inherit");
  reader.Finish();
  return role;
}

View ReadView(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  View view;
  view.name = reader.String("name");
  view.schema = reader.String("schema");
  view.columns = reader.Map<Column>("columns", Presence::kRequired, ReadColumn);
  view.definition = reader.OptString("definition");
  view.materialized = reader.Bool("materialized");
  if (const Json* with = reader.Raw("with"))
    view.with = ReadViewWith(context, *with, detail::ChildPath(path, "with"));
  view.is_existing = reader.Bool("isExisting");
  view.with_no_data = reader.OptBool("withNoData");
  view.using_method = reader.OptString("using");
  view.tablespace = reader.OptString("tablespace");
  reader.Finish();
  return view;
}

Meta ReadMeta(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  Meta meta;
  meta.schemas = reader.StringMap("schemas", Presence::kRequired);
  meta.tables = reader.StringMap("tables", Presence::kRequired);
  meta.columns = reader.StringMap("columns", Presence::kRequired);
  return meta;
}

KitInternals ReadInternals(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  KitInternals internal;
  internal.tables = reader.Map<TableInternal>(
      "tables", Presence::kRequired,
      [](ReadContext& table_context, const Json& table_json, const std::string& table_path) {
        ObjectReader table_reader(table_context, table_json, table_path, /*strict=*/false);
        TableInternal table;
        table.columns = table_reader.Map<ColumnInternal>(
            "columns", Presence::kRequired,
            [](ReadContext& column_context, const Json& column_json, const std::string& column_path) {
              ObjectReader column_reader(column_context, column_json, column_path, /*strict=*/false);
              ColumnInternal column;
              column.is_array = column_reader.OptBool("isArray");
              column.dimensions = column_reader.OptNumber("dimensions");
              column.raw_type = column_reader.OptString("rawType");
              column.is_default_an_expression = column_reader.OptBool("isDefaultAnExpression");
              return column;
            });
        return table;
      });
  return internal;
}

}  // namespace

Json ToJson(const Snapshot& snapshot) {
  Json json = Json::object();
  PutOpt(json, "id", snapshot.id);
  PutOpt(json, "prevId", snapshot.prev_id);
  json["version"] = snapshot.version;
  json["dialect"] = snapshot.dialect;
  json["tables"] = WriteMap(snapshot.tables, WriteTable);
  json["enums"] = WriteMap(snapshot.enums, WriteEnum);
  json["schemas"] = WriteStringMap(snapshot.schemas);
  json["sequences"] = WriteMap(snapshot.sequences, WriteSequence);
  json["roles"] = WriteMap(snapshot.roles, WriteRole);
  json["policies"] = WriteMap(snapshot.policies, WritePolicy);
  json["views"] = WriteMap(snapshot.views, WriteView);
  Json meta = Json::object();
  meta["columns"] = WriteStringMap(snapshot.meta.columns);
  meta["schemas"] = WriteStringMap(snapshot.meta.schemas);
  meta["tables"] = WriteStringMap(snapshot.meta.tables);
  json["_meta"] = std::move(meta);
  if (snapshot.internal) json["internal"] = WriteInternals(*snapshot.internal);
  return json;
}

base::Result<Snapshot> FromJson(const Json& json) {
  ReadContext context;
  ObjectReader reader(context, json, "");
  Snapshot snapshot;
  snapshot.id = reader.OptString("id");
  snapshot.prev_id = reader.OptString("prevId");
  detail::ReadVersionAndDialect(reader, snapshot.version, snapshot.dialect, "7", "postgresql");
  snapshot.tables = reader.Map<Table>("tables", Presence::kRequired, ReadTable);
  snapshot.enums = reader.Map<Enum>("enums", Presence::kRequired, ReadEnum);
  snapshot.schemas = reader.StringMap("schemas", Presence::kRequired);
  snapshot.views = reader.Map<View>("views", Presence::kOptional, ReadView);
  snapshot.sequences = reader.Map<Sequence>("sequences", Presence::kOptional, ReadSequence);
  snapshot.roles = reader.Map<Role>("roles", Presence::kOptional, ReadRole);
  snapshot.policies = reader.Map<Policy>("policies", Presence::kOptional, ReadPolicy);
  if (const Json* meta = reader.RawRequired("_meta")) snapshot.meta = ReadMeta(context, *meta, "_meta");
  if (const Json* internal = reader.Raw("internal"))
    snapshot.internal = ReadInternals(context, *internal, "internal");
  reader.Finish();
  if (context.failed()) return base::Fail("postgresql snapshot: {}", *context.error());
  return snapshot;
}

std::string ToJsonText(const Snapshot& snapshot) {
  return JsStringify(ToJson(snapshot), 2);
}

base::Result<Snapshot> FromJsonText(std::string_view text) {
  return detail::ReadJsonText(text, "postgresql", [](const Json& json) { return FromJson(json); });
}

}  // namespace dp::model::pg
