// MySQL snapshot <-> JSON. Writers emit keys in the order drizzle-kit's serializer
// builds its objects, omitting absent optionals; readers follow the v5 zod schema.
#include "model/mysql/json.h"

#include "model/common_parts_io.h"
#include "model/json_io.h"
#include "model/json_text.h"

namespace dp::model::mysql {

namespace {

using detail::Json;
using detail::ObjectReader;
using detail::Presence;
using detail::PutOpt;
using detail::ReadContext;
using detail::WriteMap;

// ---- writers -------------------------------------------------------------------

Json WriteColumn(const Column& column) {
  Json json = Json::object();
  json["name"] = column.name;
  json["type"] = column.type;
  json["primaryKey"] = column.primary_key;
  json["notNull"] = column.not_null;
  PutOpt(json, "autoincrement", column.autoincrement);
  PutOpt(json, "onUpdate", column.on_update);
  if (column.generated) json["generated"] = detail::WriteGenerated(*column.generated);
  PutOpt(json, "default", column.default_value);
  return json;
}

Json WriteIndex(const Index& index) {
  Json json = Json::object();
  json["name"] = index.name;
  json["columns"] = index.columns;
  json["isUnique"] = index.is_unique;
  PutOpt(json, "using", index.using_method);
  PutOpt(json, "algorithm", index.algorithm);
  PutOpt(json, "lock", index.lock);
  return json;
}

Json WriteTable(const Table& table) {
  Json json = Json::object();
  json["name"] = table.name;
  json["columns"] = WriteMap(table.columns, WriteColumn);
  json["indexes"] = WriteMap(table.indexes, WriteIndex);
  json["foreignKeys"] = WriteMap(table.foreign_keys, detail::WriteForeignKey<ForeignKey>);
  json["compositePrimaryKeys"] = WriteMap(table.composite_primary_keys, detail::WriteNamedColumns<CompositePk>);
  json["uniqueConstraints"] = WriteMap(table.unique_constraints, detail::WriteNamedColumns<UniqueConstraint>);
  json["checkConstraint"] = WriteMap(table.check_constraints, detail::WriteCheck);
  return json;
}

Json WriteView(const View& view) {
  Json json = Json::object();
  json["columns"] = WriteMap(view.columns, WriteColumn);
  json["name"] = view.name;
  json["isExisting"] = view.is_existing;
  PutOpt(json, "definition", view.definition);
  PutOpt(json, "withCheckOption", view.with_check_option);
  json["algorithm"] = view.algorithm;
  json["sqlSecurity"] = view.sql_security;
  return json;
}

Json WriteInternals(const KitInternals& internal) {
  Json json = Json::object();
  if (internal.tables) {
    json["tables"] = WriteMap(*internal.tables, [](const TableInternal& table) {
      Json table_json = Json::object();
      table_json["columns"] = WriteMap(table.columns, [](const ColumnInternal& column) {
        Json column_json = Json::object();
        PutOpt(column_json, "isDefaultAnExpression", column.is_default_an_expression);
        return column_json;
      });
      return table_json;
    });
  }
  if (internal.indexes) json["indexes"] = WriteMap(*internal.indexes, detail::WriteIndexInternal);
  return json;
}

// ---- readers -------------------------------------------------------------------

Column ReadColumn(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Column column;
  column.name = reader.String("name");
  column.type = reader.String("type");
  column.primary_key = reader.Bool("primaryKey");
  column.not_null = reader.Bool("notNull");
  column.autoincrement = reader.OptBool("autoincrement");
  column.default_value = reader.OptAny("default");
  column.on_update = reader.OptBool("onUpdate");
  if (const Json* generated = reader.Raw("generated"))
    column.generated = detail::ReadGenerated<Generated>(context, *generated, detail::ChildPath(path, "generated"));
  reader.Finish();
  return column;
}

Index ReadIndex(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Index index;
  index.name = reader.String("name");
  index.columns = reader.Strings("columns");
  index.is_unique = reader.Bool("isUnique");
  index.using_method = reader.OptString("using");
  index.algorithm = reader.OptString("algorithm");
  index.lock = reader.OptString("lock");
  reader.Finish();
  return index;
}

Table ReadTable(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Table table;
  table.name = reader.String("name");
  table.columns = reader.Map<Column>("columns", Presence::kRequired, ReadColumn);
  table.indexes = reader.Map<Index>("indexes", Presence::kRequired, ReadIndex);
  table.foreign_keys =
      reader.Map<ForeignKey>("foreignKeys", Presence::kRequired, detail::ReadForeignKey<ForeignKey>);
  table.composite_primary_keys =
      reader.Map<CompositePk>("compositePrimaryKeys", Presence::kRequired, detail::ReadNamedColumns<CompositePk>);
  table.unique_constraints =
      reader.Map<UniqueConstraint>("uniqueConstraints", Presence::kOptional, detail::ReadNamedColumns<UniqueConstraint>);
  table.check_constraints =
      reader.Map<CheckConstraint>("checkConstraint", Presence::kOptional, detail::ReadCheck);
  reader.Finish();
  return table;
}

View ReadView(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  View view;
  view.name = reader.String("name");
  view.columns = reader.Map<Column>("columns", Presence::kRequired, ReadColumn);
  view.definition = reader.OptString("definition");
  view.is_existing = reader.Bool("isExisting");
  view.algorithm = reader.String("algorithm");
  view.sql_security = reader.String("sqlSecurity");
  view.with_check_option = reader.OptString("withCheckOption");
  reader.Finish();
  return view;
}

TableInternal ReadTableInternal(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  TableInternal table;
  table.columns = reader.Map<ColumnInternal>(
      "columns", Presence::kRequired,
      [](ReadContext& column_context, const Json& column_json, const std::string& column_path) {
        ObjectReader column_reader(column_context, column_json, column_path, /*strict=*/false);
        ColumnInternal column;
        column.is_default_an_expression = column_reader.OptBool("isDefaultAnExpression");
        return column;
      });
  return table;
}

KitInternals ReadInternals(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  KitInternals internal;
  internal.tables.reset();
  internal.indexes.reset();
  if (reader.Raw("tables") != nullptr) {
    internal.tables = reader.Map<TableInternal>("tables", Presence::kRequired, ReadTableInternal);
  }
  if (reader.Raw("indexes") != nullptr) {
    internal.indexes = reader.Map<IndexInternal>("indexes", Presence::kRequired, detail::ReadIndexInternal);
  }
  return internal;
}

}  // namespace

Json ToJson(const Snapshot& snapshot) {
  Json json = Json::object();
  json["version"] = snapshot.version;
  json["dialect"] = snapshot.dialect;
  PutOpt(json, "id", snapshot.id);
  PutOpt(json, "prevId", snapshot.prev_id);
  json["tables"] = WriteMap(snapshot.tables, WriteTable);
  json["views"] = WriteMap(snapshot.views, WriteView);
  json["_meta"] = detail::WriteCommonMeta(snapshot.meta);
  if (snapshot.internal) json["internal"] = WriteInternals(*snapshot.internal);
  return json;
}

base::Result<Snapshot> FromJson(const Json& json) {
  ReadContext context;
  ObjectReader reader(context, json, "");
  Snapshot snapshot;
  detail::ReadVersionAndDialect(reader, snapshot.version, snapshot.dialect, "5", "mysql");
  snapshot.id = reader.OptString("id");
  snapshot.prev_id = reader.OptString("prevId");
  snapshot.tables = reader.Map<Table>("tables", Presence::kRequired, ReadTable);
  snapshot.views = reader.Map<View>("views", Presence::kOptional, ReadView);
  if (const Json* meta = reader.RawRequired("_meta")) snapshot.meta = detail::ReadCommonMeta(context, *meta, "_meta");
  if (const Json* internal = reader.Raw("internal")) {
    snapshot.internal = ReadInternals(context, *internal, "internal");
  } else {
    snapshot.internal.reset();
  }
  reader.Finish();
  if (context.failed()) return base::Fail("mysql snapshot: {}", *context.error());
  return snapshot;
}

std::string ToJsonText(const Snapshot& snapshot) {
  return JsStringify(ToJson(snapshot), 2);
}

base::Result<Snapshot> FromJsonText(std::string_view text) {
  return detail::ReadJsonText(text, "mysql", [](const Json& json) { return FromJson(json); });
}

}  // namespace dp::model::mysql
