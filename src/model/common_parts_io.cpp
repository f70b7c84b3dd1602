// JSON reading and writing of the snapshot parts shared by dialects (see common_parts_io.h).
#include "model/common_parts_io.h"

#include <fmt/format.h>

namespace dp::model::detail {

Json WriteCheck(const common::CheckConstraint& check) {
  Json json = Json::object();
  json["name"] = check.name;
  json["value"] = check.value;
  return json;
}

common::CheckConstraint ReadCheck(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path);
  common::CheckConstraint check;
  check.name = reader.String("name");
  check.value = reader.String("value");
  reader.Finish();
  return check;
}

Json WriteCommonMeta(const common::Meta& meta) {
  Json json = Json::object();
  if (meta.schemas) json["schemas"] = WriteStringMap(*meta.schemas);
  json["tables"] = WriteStringMap(meta.tables);
  json["columns"] = WriteStringMap(meta.columns);
  return json;
}

common::Meta ReadCommonMeta(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  common::Meta meta;
  if (reader.Raw("schemas") != nullptr) {
    meta.schemas = reader.StringMap("schemas", Presence::kRequired);
  } else {
    meta.schemas.reset();
  }
  meta.tables = reader.StringMap("tables", Presence::kRequired);
  meta.columns = reader.StringMap("columns", Presence::kRequired);
  return meta;
}

Json WriteIndexInternal(const common::IndexInternal& index) {
  Json json = Json::object();
  json["columns"] = WriteMap(index.columns, [](const common::IndexColumnInternal& column) {
    Json column_json = Json::object();
    PutOpt(column_json, "isExpression", column.is_expression);
    return column_json;
  });
  return json;
}

common::IndexInternal ReadIndexInternal(ReadContext& context, const Json& json, const std::string& path) {
  ObjectReader reader(context, json, path, /*strict=*/false);
  common::IndexInternal index;
  index.columns = reader.Map<common::IndexColumnInternal>(
      "columns", Presence::kRequired,
      [](ReadContext& column_context, const Json& column_json, const std::string& column_path) {
        ObjectReader column_reader(column_context, column_json, column_path, /*strict=*/false);
        common::IndexColumnInternal column;
        column.is_expression = column_reader.OptBool("isExpression");
        return column;
      });
  return index;
}

void ReadVersionAndDialect(ObjectReader& reader, std::string& version, std::string& dialect,
                           std::string_view want_version, std::string_view want_dialect) {
  ReadContext& context = reader.context();
  version = reader.String("version");
  if (!context.failed() && version != want_version) {
    context.Error("version", fmt::format("expected \"{}\" (drizzle-kit {} snapshot v{}), got \"{}\"", want_version,
                                         want_dialect, want_version, version));
  }
  dialect = reader.String("dialect");
  if (!context.failed() && dialect != want_dialect) {
    context.Error("dialect", fmt::format("expected \"{}\", got \"{}\"", want_dialect, dialect));
  }
}

}  // namespace dp::model::detail
