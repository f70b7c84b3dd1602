// SQLite snapshot <-> JSON. Writers emit keys in the order drizzle-kit's serializer
// builds its objects, omitting absent optionals; readers follow the v6 zod schema.
#include "model/sqlite/json.h"

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
using detail::WriteStringMap;

// ---- writers -------------------------------------------------------------------

Json WriteColumn(const Column& column) {
  Json json = Json::object();
  json["name"] = column.name;
  json["type"] = column.type;
  json["primaryKey"] = column.primary_key;
  json["notNull"] = column.not_null;
  PutOpt(json, "autoincrement", column.autoincrement);
  if (column.generated) {
    Json generated = Json::object();
    generated["as"] = column.generated->as;
    generated["type"] = column.generated->type;
    json["generated"] = std::move(generated);
  }
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

Json WriteForeignKey(const ForeignKey& fk) {
  Json json = Json::object();
  json["name"] = fk.name;
  json["tableFrom"] = fk.table_from;
  json["tableTo"] = fk.table_to;
  json["columnsFrom"] = fk.columns_from;
  json["columnsTo"] = fk.columns_to;
  PutOpt(json, "onDelete", fk.on_delete);
  PutOpt(json, "onUpdate", fk.on_update);
  return json;
}

Json WriteCompositePk(const CompositePk& pk) {
  Json json = Json::object();
  json["columns"] = pk.columns;
  PutOpt(json, "name", pk.name);
  return json;
}

Json WriteUnique(const UniqueConstraint& unique) {
  Json json = Json::object();
  json["name"] = unique.name;
  json["columns"] = unique.columns;
  return json;
}

Json WriteCheck(const CheckConstraint& check) {
  Json json = Json::object();
  json["name"] = check.name;
  json["value"] = check.value;
  return json;
}

Json WriteTable(const Table& table) {
  Json json = Json::object();
  json["name"] = table.name;
  json["columns"] = WriteMap(table.columns, WriteColumn);
  json["indexes"] = WriteMap(table.indexes, WriteIndex);
  json["foreignKeys"] = WriteMap(table.foreign_keys, WriteForeignKey);
  json["compositePrimaryKeys"] = WriteMap(table.composite_primary_keys, WriteCompositePk);
  json["uniqueConstraints"] = WriteMap(table.unique_constraints, WriteUnique);
  json["checkConstraints"] = WriteMap(table.check_constraints, WriteCheck);
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
  if (internal.indexes) {
    json["indexes"] = WriteMap(*internal.indexes, [](const IndexInternal& index) {
      Json index_json = Json::object();
      index_json["columns"] = WriteMap(index.columns, [](const IndexColumnInternal& column) {
        Json column_json = Json::object();
        PutOpt(column_json, "isExpression", column.is_expression);
        return column_json;
      });
      return index_json;
    });
  }
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
  if (const Json* generated = reader.Raw("generated")) {
    ObjectReader generated_reader(context, *generated, detail::ChildPath(path, "generated"));
    column.generated.emplace();
    column.generated->type = generated_reader.String("type");
    column.generated->as = generated_reader.String("as");
    generated_reader.Finish();
  }
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

ForeignKey ReadForeignKey(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  ForeignKey fk;
  fk.name = reader.String("name");
  fk.table_from = reader.String("tableFrom");
  fk.columns_from = reader.Strings("columnsFrom");
  fk.table_to = reader.String("tableTo");
  fk.columns_to = reader.Strings("columnsTo");
  fk.on_update = reader.OptString("onUpdate");
  fk.on_delete = reader.OptString("onDelete");
  reader.Finish();
  return fk;
}

CompositePk ReadCompositePk(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  CompositePk pk;
  pk.columns = reader.Strings("columns");
  pk.name = reader.OptString("name");
  reader.Finish();
  return pk;
}

UniqueConstraint ReadUnique(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  UniqueConstraint unique;
  unique.name = reader.String("name");
  unique.columns = reader.Strings("columns");
  reader.Finish();
  return unique;
}

CheckConstraint ReadCheck(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  CheckConstraint check;
  check.name = reader.String("name");
  check.value = reader.String("value");
  reader.Finish();
  return check;
}

Table ReadTable(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Table table;
  table.name = reader.String("name");
  table.columns = reader.Map<Column>("columns", Presence::kRequired, ReadColumn);
  table.indexes = reader.Map<Index>("indexes", Presence::kRequired, ReadIndex);
  table.foreign_keys = reader.Map<ForeignKey>("foreignKeys", Presence::kRequired, ReadForeignKey);
  table.composite_primary_keys =
      reader.Map<CompositePk>("compositePrimaryKeys", Presence::kRequired, ReadCompositePk);
  table.unique_constraints =
      reader.Map<UniqueConstraint>("uniqueConstraints", Presence::kOptional, ReadUnique);
  table.check_constraints = reader.Map<CheckConstraint>("checkConstraints", Presence::kOptional, ReadCheck);
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

Meta ReadMeta(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  Meta meta;
  if (reader.Raw("schemas") != nullptr) {
    meta.schemas = reader.StringMap("schemas", Presence::kRequired);
  } else {
    meta.schemas.reset();
  }
  meta.tables = reader.StringMap("tables", Presence::kRequired);
  meta.columns = reader.StringMap("columns", Presence::kRequired);
  return meta;
}

KitInternals ReadInternals(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  KitInternals internal;
  internal.indexes.reset();
  if (reader.Raw("indexes") == nullptr) return internal;
  internal.indexes = reader.Map<IndexInternal>(
      "indexes", Presence::kRequired,
      [](ReadContext& index_context, const Json& index_json, const std::string& index_path) {
        ObjectReader index_reader(index_context, index_json, index_path, /*strict=*/false);
        IndexInternal index;
        index.columns = index_reader.Map<IndexColumnInternal>(
            "columns", Presence::kRequired,
            [](ReadContext& column_context, const Json& column_json, const std::string& column_path) {
              ObjectReader column_reader(column_context, column_json, column_path, /*strict=*/false);
              IndexColumnInternal column;
              column.is_expression = column_reader.OptBool("isExpression");
              return column;
            });
        return index;
      });
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
  Json meta = Json::object();
  if (snapshot.meta.schemas) meta["schemas"] = WriteStringMap(*snapshot.meta.schemas);
  meta["tables"] = WriteStringMap(snapshot.meta.tables);
  meta["columns"] = WriteStringMap(snapshot.meta.columns);
  json["_meta"] = std::move(meta);
  if (snapshot.internal) json["internal"] = WriteInternals(*snapshot.internal);
  return json;
}

base::Result<Snapshot> FromJson(const Json& json) {
  ReadContext context;
  ObjectReader reader(context, json, "");
  Snapshot snapshot;
  snapshot.version = reader.String("version");
  if (!context.failed() && snapshot.version != "6") {
    context.Error("version",
                  "expected \"6\" (drizzle-kit sqlite snapshot v6), got \"" + snapshot.version + "\"");
  }
  snapshot.dialect = reader.String("dialect");
  if (!context.failed() && snapshot.dialect != "sqlite") {
    context.Error("dialect", "expected \"sqlite\", got \"" + snapshot.dialect + "\"");
  }
  snapshot.id = reader.OptString("id");
  snapshot.prev_id = reader.OptString("prevId");
  snapshot.tables = reader.Map<Table>("tables", Presence::kRequired, ReadTable);
  snapshot.views = reader.Map<View>("views", Presence::kOptional, ReadView);
  if (const Json* enums = reader.Raw("enums"); enums == nullptr || !enums->is_object()) {
    if (!context.failed())
      context.Error("enums", enums == nullptr ? "missing required key" : "expected object");
  }
  if (const Json* meta = reader.Raw("_meta")) {
    snapshot.meta = ReadMeta(context, *meta, "_meta");
  } else if (!context.failed()) {
    context.Error("_meta", "missing required key");
  }
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
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& error) {
    return base::Fail("sqlite snapshot: {}", error.what());
  }
  return FromJson(json);
}

}  // namespace dp::model::sqlite
