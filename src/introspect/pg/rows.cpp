// Catalog query results by column name (see rows.h).
#include "introspect/pg/rows.h"

#include <cstdlib>

#include "base/assert.h"

namespace dp::introspect::pg {

Rows::Rows(db::QueryResult result) : result_(std::move(result)) {
  for (size_t column_idx = 0; column_idx < result_.columns.size(); ++column_idx) {
    index_.emplace(result_.columns[column_idx], column_idx);
  }
}

size_t Rows::Index(std::string_view column) const {
  auto it = index_.find(column);
  DP_ASSERT(it != index_.end(), "catalog query has no such column");
  return it->second;
}

const std::optional<std::string>& Rows::Row::Opt(std::string_view column) const {
  return values_[rows_.Index(column)];
}

const std::string& Rows::Row::Text(std::string_view column) const {
  static const std::string kEmpty;
  const auto& value = Opt(column);
  return value ? *value : kEmpty;
}

bool Rows::Row::Bool(std::string_view column) const {
  const std::string& value = Text(column);
  return value == "t" || value == "true" || value == "1";
}

long long Rows::Row::Int(std::string_view column) const {
  const auto& value = Opt(column);
  return value ? std::strtoll(value->c_str(), nullptr, 10) : 0;
}

nlohmann::json Rows::Row::Json(std::string_view column) const {
  const auto& value = Opt(column);
  if (!value) return nlohmann::json::array();
  auto parsed = nlohmann::json::parse(*value, nullptr, false);
  return parsed.is_discarded() ? nlohmann::json::array() : parsed;
}

std::vector<std::string> Rows::Row::Strings(std::string_view column) const {
  std::vector<std::string> out;
  for (const auto& item : Json(column)) {
    if (item.is_string()) out.push_back(item.get<std::string>());
  }
  return out;
}

std::vector<long long> Rows::Row::Ints(std::string_view column) const {
  std::vector<long long> out;
  const auto& value = Opt(column);
  if (!value) return out;
  const char* pos = value->c_str();
  while (*pos != '\0') {
    if (*pos == '-' || (*pos >= '0' && *pos <= '9')) {
      char* end = nullptr;
      out.push_back(std::strtoll(pos, &end, 10));
      pos = end;
    } else {
      ++pos;
    }
  }
  return out;
}

std::string SqlLiteral(std::string_view text) {
  std::string out = "'";
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out + "'";
}

std::string SchemaArraySql(const std::vector<std::string>& schemas) {
  if (schemas.empty()) {
    return "ARRAY(SELECT nspname::text FROM pg_catalog.pg_namespace WHERE nspname NOT LIKE 'pg\\_%' "
           "AND nspname <> 'information_schema')";
  }
  std::string array = "ARRAY[";
  for (size_t schema_idx = 0; schema_idx < schemas.size(); ++schema_idx) {
    if (schema_idx > 0) array += ", ";
    array += SqlLiteral(schemas[schema_idx]);
  }
  return array + "]::text[]";
}

base::Result<Rows> RunCatalogQuery(db::Connection& connection, std::string_view what, std::string_view sql,
                                   const std::string& array) {
  std::string text(sql);
  constexpr std::string_view kPlaceholder = "{schemas}";
  for (size_t pos = text.find(kPlaceholder); pos != std::string::npos; pos = text.find(kPlaceholder, pos)) {
    text.replace(pos, kPlaceholder.size(), array);
    pos += array.size();
  }
  auto result = connection.Query(text);
  if (!result) return tl::unexpected(result.error().Wrap(fmt::format("introspect {}", what)));
  return Rows(std::move(*result));
}

}  // namespace dp::introspect::pg
