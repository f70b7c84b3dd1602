// SQLite snapshot <-> JSON. Writers emit keys in the order drizzle-kit's serializer
// builds its objects, omitting absent optionals; readers follow the v6 zod schema.
#include "model/sqlite/json.h"

#include "model/common_parts_io.h"
#include "model/json_io.h"
#include "model/json_text.h"

namespace dp::model::sqlite {

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
  if (column.generated) json["generated"] = detail::WriteGenerated(*column.generated);
  PutOpt(json, "default", column.default_value);
  return json;
}

Json WriteIndex(const Index& index) {
  Json json = Json::object();
  json["name"] = index.name;
  json["columns"] = index.columns;
  json["isUnique"] = index.is_unique;
  PutOpt(json, "where", index.where);
  return json;
}

Json WriteCompositePk(const CompositePk& pk) {
  Json json = Json::object();
  json["columns"] = pk.columns;
  PutOpt(json, "name", pk.name);
  return json;
}

Json WriteTable(const Table& table) {
  Json json = Json::object();
  json["name"] = table.name;
  json["columns"] = WriteMap(table.columns, WriteColumn);
  json["indexes"] = WriteMap(table.indexes, WriteIndex);
  json["foreignKeys"] = WriteMap(table.foreign_keys, detail::WriteForeignKey<ForeignKey>);
  json["compositePrimaryKeys"] = WriteMap(table.composite_primary_keys, WriteCompositePk);
  json["uniqueConstraints"] = WriteMap(table.unique_constraints, detail::WriteNamedColumns<UniqueConstraint>);
  json["checkConstraints"] = WriteMap(table.check_constraints, detail::WriteCheck);
  return json;
}

Json WriteView(const View& view) {
  Json json = Json::object();
  json["columns"] = WriteMap(view.columns, WriteColumn);
  json["name"] = view.name;
  json["isExisting"] = view.is_existing;
  PutOpt(json, "definition", view.definition);
  return json;
}

Json WriteInternals(const KitInternals& internal) {
  Json json = Json::object();
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
  index.where = reader.OptString("where");
  index.is_unique = reader.Bool("isUnique");
  reader.Finish();
  return index;
}

CompositePk ReadCompositePk(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  CompositePk pk;
  pk.columns = reader.Strings("columns");
  pk.name = reader.OptString("name");
  reader.Finish();
  return pk;
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
      reader.Map<CompositePk>("compositePrimaryKeys", Presence::kRequired, ReadCompositePk);
  table.unique_constraints =
      reader.Map<UniqueConstraint>("uniqueConstraints", Presence::kOptional, detail::ReadNamedColumns<UniqueConstraint>);
  table.check_constraints =
      reader.Map<CheckConstraint>("checkConstraints", Presence::kOptional, detail::ReadCheck);
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
  reader.Finish();
  return view;
}

KitInternals ReadInternals(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  KitInternals internal;
  internal.indexes.reset();
  if (reader.Raw("indexes") == nullptr) return internal;
  internal.indexes = reader.Map<IndexInternal>("indexes", Presence::kRequired, detail::ReadIndexInternal);
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
  json["enums"] = Json::object();
  json["_meta"] = detail::WriteCommonMeta(snapshot.meta);
  if (snapshot.internal) json["internal"] = WriteInternals(*snapshot.internal);
  return json;
}

base::Result<Snapshot> FromJson(const Json& json) {
  ReadContext context;
  ObjectReader reader(context, json, "");
  Snapshot snapshot;
  detail::ReadVersionAndDialect(reader, snapshot.version, snapshot.dialect, "6", "sqlite");
  snapshot.id = reader.OptString("id");
  snapshot.prev_id = reader.OptString("prevId");
  snapshot.tables = reader.Map<Table>("tables", Presence::kRequired, ReadTable);
  snapshot.views = reader.Map<View>("views", Presence::kOptional, ReadView);
  if (const Json* enums = reader.Raw("enums"); enums == nullptr || !enums->is_object()) {
    if (!context.failed())
      context.Error("enums", enums == nullptr ? "missing required key" : "expected object");
  }
  if (const Json* meta = reader.RawRequired("_meta")) snapshot.meta = detail::ReadCommonMeta(context, *meta, "_meta");
  if (const Json* internal = reader.Raw("internal")) {
    snapshot.internal = ReadInternals(context, *internal, "internal");
  } else {
    snapshot.internal.reset();
  }
  reader.Finish();
  if (context.failed()) return base::Fail("sqlite snapshot: {}", *context.error());
  return snapshot;
}

std::string ToJsonText(const Snapshot& snapshot) {
  return JsStringify(ToJson(snapshot), 2);
}

base::Result<Snapshot> FromJsonText(std::string_view text) {
  return detail::ReadJsonText(text, "sqlite", [](const Json& json) { return FromJson(json); });
}

}  // namespace dp::model::sqlite
