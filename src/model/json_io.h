// Helpers shared by the per-dialect snapshot readers and writers: a reader that walks
// a JSON object key by key, records the first error with its JSON path, and rejects
// unknown keys of strict (zod .strict()) objects; and small writer helpers.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "base/result.h"
#include "model/ordered_map.h"

namespace dp::model::detail {

using Json = nlohmann::ordered_json;

/// `parent.key`, or `parent["key"]` when the key is not identifier-like.
std::string ChildPath(std::string_view parent, std::string_view key);
/// `parent[index]`.
std::string IndexPath(std::string_view parent, std::size_t index);
/// "string", "boolean", "number", "object", "array", "null" (for messages).
std::string_view TypeName(const Json& value);

/// Keeps the first error of a whole read.
class ReadContext {
 public:
  void Error(std::string_view path, std::string_view message);
  bool failed() const { return error_.has_value(); }
  const std::optional<std::string>& error() const { return error_; }

 private:
  std::optional<std::string> error_;
};

/// Whether a key must exist.
enum class Presence { kRequired, kOptional };

/// Reads one JSON object. Every accessor marks its key as seen; Finish() reports keys
/// never asked for when the object is strict. On error the accessors return defaults.
class ObjectReader {
 public:
  ObjectReader(ReadContext& context, const Json& json, std::string path, bool strict = true);

  const std::string& path() const { return path_; }
  ReadContext& context() { return context_; }
  /// The raw value of `key` (nullptr when absent or this is not an object).
  const Json* Raw(std::string_view key);
  /// Raw(), but an absent key is a "missing required key" error.
  const Json* RawRequired(std::string_view key);

  std::string String(std::string_view key);
  std::optional<std::string> OptString(std::string_view key);
  bool Bool(std::string_view key);
  bool Bool(std::string_view key, bool default_value);
  std::optional<bool> OptBool(std::string_view key);
  std::optional<double> OptNumber(std::string_view key);
  std::vector<std::string> Strings(std::string_view key);
  std::optional<std::vector<std::string>> OptStrings(std::string_view key);
  /// Any JSON value (zod `any()`), absent -> nullopt.
  std::optional<Json> OptAny(std::string_view key);
  /// A record of strings (`record(string(), string())`).
  OrderedMap<std::string> StringMap(std::string_view key, Presence presence);

  /// A record of objects read by `read(context, json, path) -> T`. Absent and optional
  /// gives an empty map.
  template <class T, class F>
  OrderedMap<T> Map(std::string_view key, Presence presence, F&& read) {
    OrderedMap<T> result;
    const Json* value = Lookup(key, presence);
    if (value == nullptr) return result;
    std::string path = ChildPath(path_, key);
    if (!value->is_object()) {
      TypeError(path, "object", *value);
      return result;
    }
    for (const auto& [entry_key, entry_value] : value->items()) {
      result.insert_or_assign(entry_key, read(context_, entry_value, ChildPath(path, entry_key)));
      if (context_.failed()) break;
    }
    return result;
  }

  /// Reports unknown keys (strict objects only).
  void Finish();

 private:
  const Json* Lookup(std::string_view key, Presence presence);
  void TypeError(std::string_view path, std::string_view expected, const Json& got);

  ReadContext& context_;
  const Json& json_;
  std::string path_;
  bool strict_;
  std::set<std::string, std::less<>> seen_;
};

/// An object of the map's entries, each written by `write(value)`; `{}` when empty.
template <class T, class F>
Json WriteMap(const OrderedMap<T>& map, F&& write) {
  Json result = Json::object();
  for (const auto& [key, value] : map) result[key] = write(value);
  return result;
}

/// An object of string entries; `{}` when empty.
Json WriteStringMap(const OrderedMap<std::string>& map);

/// Sets `json[key]` when the optional has a value.
template <class T>
void PutOpt(Json& json, const char* key, const std::optional<T>& value) {
  if (value) json[key] = *value;
}

/// Sets `json[key]` to a JS-formatted number when present.
void PutOptNumber(Json& json, const char* key, const std::optional<double>& value);

/// Parses snapshot text (keeping key order) and reads it with `from_json`; a parse error
/// reads "<dialect> snapshot: <what>".
template <class F>
auto ReadJsonText(std::string_view text, std::string_view dialect, F&& from_json) -> decltype(from_json(Json())) {
  Json json;
  try {
    json = Json::parse(text);
  } catch (const Json::parse_error& error) {
    return base::Fail("{} snapshot: {}", dialect, error.what());
  }
  return from_json(json);
}

}  // namespace dp::model::detail
