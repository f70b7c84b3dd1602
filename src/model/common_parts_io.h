// Internal: JSON reading and writing of the snapshot parts more than one dialect writes
// alike (common_parts.h, and same-shaped per-dialect structs through templates), so each
// dialect's json.cpp keeps only what is its own. Key orders are drizzle-kit's.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/common_parts.h"
#include "model/json_io.h"

namespace dp::model::detail {

/// {name, value}.
Json WriteCheck(const common::CheckConstraint& check);
common::CheckConstraint ReadCheck(ReadContext& context, const Json& json, const std::string& path);

/// sqlite / mysql `_meta`: {schemas?, tables, columns}; schemas stays absent when absent.
Json WriteCommonMeta(const common::Meta& meta);
common::Meta ReadCommonMeta(ReadContext& context, const Json& json, const std::string& path);

/// `internal.indexes[name]`: {columns: {expr: {isExpression?}}} (loose objects).
Json WriteIndexInternal(const common::IndexInternal& index);
common::IndexInternal ReadIndexInternal(ReadContext& context, const Json& json, const std::string& path);

/// Reads "version" then "dialect" and reports a version or dialect other than wanted
/// ("expected \"6\" (drizzle-kit sqlite snapshot v6), got ...").
void ReadVersionAndDialect(ObjectReader& reader, std::string& version, std::string& dialect,
                           std::string_view want_version, std::string_view want_dialect);

/// `generated: {as, type}` (read strictly: type, as).
template <class Generated>
Json WriteGenerated(const Generated& generated) {
  Json json = Json::object();
  json["as"] = generated.as;
  json["type"] = generated.type;
  return json;
}

template <class Generated>
Generated ReadGenerated(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Generated generated;
  generated.type = reader.String("type");
  generated.as = reader.String("as");
  reader.Finish();
  return generated;
}

/// A foreign key; pg's carries an optional "schemaTo" after "tableTo".
template <class ForeignKey>
Json WriteForeignKey(const ForeignKey& fk) {
  Json json = Json::object();
  json["name"] = fk.name;
  json["tableFrom"] = fk.table_from;
  json["tableTo"] = fk.table_to;
  if constexpr (requires { fk.schema_to; }) PutOpt(json, "schemaTo", fk.schema_to);
  json["columnsFrom"] = fk.columns_from;
  json["columnsTo"] = fk.columns_to;
  PutOpt(json, "onDelete", fk.on_delete);
  PutOpt(json, "onUpdate", fk.on_update);
  return json;
}

template <class ForeignKey>
ForeignKey ReadForeignKey(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  ForeignKey fk;
  fk.name = reader.String("name");
  fk.table_from = reader.String("tableFrom");
  fk.columns_from = reader.Strings("columnsFrom");
  fk.table_to = reader.String("tableTo");
  if constexpr (requires { fk.schema_to; }) fk.schema_to = reader.OptString("schemaTo");
  fk.columns_to = reader.Strings("columnsTo");
  fk.on_update = reader.OptString("onUpdate");
  fk.on_delete = reader.OptString("onDelete");
  reader.Finish();
  return fk;
}

/// {name, columns}: a primary key (pg, mysql) or a unique constraint (sqlite, mysql).
template <class Named>
Json WriteNamedColumns(const Named& named) {
  Json json = Json::object();
  json["name"] = named.name;
  json["columns"] = named.columns;
  return json;
}

template <class Named>
Named ReadNamedColumns(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  Named named;
  named.name = reader.String("name");
  named.columns = reader.Strings("columns");
  reader.Finish();
  return named;
}

}  // namespace dp::model::detail
