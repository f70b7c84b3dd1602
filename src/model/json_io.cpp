// Shared snapshot JSON reading/writing helpers (see json_io.h).
#include "model/json_io.h"

#include <fmt/format.h>

#include "model/json_text.h"

namespace dp::model::detail {

namespace {

bool IsIdentifier(std::string_view key) {
  if (key.empty()) return false;
  for (std::size_t char_idx = 0; char_idx < key.size(); ++char_idx) {
    char c = key[char_idx];
    bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == '$';
    bool digit = c >= '0' && c <= '9';
    if (!alpha && !(digit && char_idx > 0)) return false;
  }
  return true;
}

}  // namespace

std::string ChildPath(std::string_view parent, std::string_view key) {
  if (IsIdentifier(key)) {
    return parent.empty() ? std::string(key) : fmt::format("{}.{}", parent, key);
  }
  return fmt::format("{}[{}]", parent, JsStringify(Json(std::string(key))));
}

std::string IndexPath(std::string_view parent, std::size_t index) {
  return fmt::format("{}[{}]", parent, index);
}

std::string_view TypeName(const Json& value) {
  switch (value.type()) {
    case Json::value_t::null:
      return "null";
    case Json::value_t::object:
      return "object";
    case Json::value_t::array:
      return "array";
    case Json::value_t::string:
      return "string";
    case Json::value_t::boolean:
      return "boolean";
    case Json::value_t::number_integer:
    case Json::value_t::number_unsigned:
    case Json::value_t::number_float:
      return "number";
    case Json::value_t::binary:
      return "binary";
    case Json::value_t::discarded:
      return "discarded";
  }
  return "unknown";
}

void ReadContext::Error(std::string_view path, std::string_view message) {
  if (error_) return;
  error_ = path.empty() ? std::string(message) : fmt::format("{}: {}", path, message);
}

ObjectReader::ObjectReader(ReadContext& context, const Json& json, std::string path, bool strict)
    : context_(context), json_(json), path_(std::move(path)), strict_(strict) {
  if (!json_.is_object()) TypeError(path_, "object", json_);
}

void ObjectReader::TypeError(std::string_view path, std::string_view expected, const Json& got) {
  context_.Error(path, fmt::format("expected {}, got {}", expected, TypeName(got)));
}

const Json* ObjectReader::Lookup(std::string_view key, Presence presence) {
  seen_.emplace(key);
  if (!json_.is_object() || context_.failed()) return nullptr;
  auto it = json_.find(std::string(key));
  if (it == json_.end()) {
    if (presence == Presence::kRequired) context_.Error(ChildPath(path_, key), "missing required key");
    return nullptr;
  }
  return &*it;
}

const Json* ObjectReader::Raw(std::string_view key) {
  return Lookup(key, Presence::kOptional);
}

const Json* ObjectReader::RawRequired(std::string_view key) {
  return Lookup(key, Presence::kRequired);
}

std::string ObjectReader::String(std::string_view key) {
  const Json* value = Lookup(key, Presence::kRequired);
  if (value == nullptr) return {};
  if (!value->is_string()) {
    TypeError(ChildPath(path_, key), "string", *value);
    return {};
  }
  return value->get<std::string>();
}

std::optional<std::string> ObjectReader::OptString(std::string_view key) {
  const Json* value = Lookup(key, Presence::kOptional);
  if (value == nullptr) return std::nullopt;
  if (!value->is_string()) {
    TypeError(ChildPath(path_, key), "string", *value);
    return std::nullopt;
  }
  return value->get<std::string>();
}

bool ObjectReader::Bool(std::string_view key) {
  const Json* value = Lookup(key, Presence::kRequired);
  if (value == nullptr) return false;
  if (!value->is_boolean()) {
    TypeError(ChildPath(path_, key), "boolean", *value);
    return false;
  }
  return value->get<bool>();
}

bool ObjectReader::Bool(std::string_view key, bool default_value) {
  std::optional<bool> value = OptBool(key);
  return value.value_or(default_value);
}

std::optional<bool> ObjectReader::OptBool(std::string_view key) {
  const Json* value = Lookup(key, Presence::kOptional);
  if (value == nullptr) return std::nullopt;
  if (!value->is_boolean()) {
    TypeError(ChildPath(path_, key), "boolean", *value);
    return std::nullopt;
  }
  return value->get<bool>();
}

std::optional<double> ObjectReader::OptNumber(std::string_view key) {
  const Json* value = Lookup(key, Presence::kOptional);
  if (value == nullptr) return std::nullopt;
  if (!value->is_number()) {
    TypeError(ChildPath(path_, key), "number", *value);
    return std::nullopt;
  }
  return value->get<double>();
}

std::optional<std::vector<std::string>> ObjectReader::OptStrings(std::string_view key) {
  const Json* value = Lookup(key, Presence::kOptional);
  if (value == nullptr) return std::nullopt;
  std::string path = ChildPath(path_, key);
  if (!value->is_array()) {
    TypeError(path, "array", *value);
    return std::nullopt;
  }
  std::vector<std::string> result;
  result.reserve(value->size());
  for (std::size_t item_idx = 0; item_idx < value->size(); ++item_idx) {
    const Json& item = (*value)[item_idx];
    if (!item.is_string()) {
      TypeError(IndexPath(path, item_idx), "string", item);
      return std::nullopt;
    }
    result.push_back(item.get<std::string>());
  }
  return result;
}

std::vector<std::string> ObjectReader::Strings(std::string_view key) {
  if (json_.is_object() && !context_.failed() && !json_.contains(std::string(key))) {
    seen_.emplace(key);
    context_.Error(ChildPath(path_, key), "missing required key");
    return {};
  }
  return OptStrings(key).value_or(std::vector<std::string>{});
}

std::optional<Json> ObjectReader::OptAny(std::string_view key) {
  const Json* value = Lookup(key, Presence::kOptional);
  if (value == nullptr) return std::nullopt;
  return *value;
}

OrderedMap<std::string> ObjectReader::StringMap(std::string_view key, Presence presence) {
  return Map<std::string>(key, presence,
                          [](ReadContext& context, const Json& value, const std::string& path) {
                            if (!value.is_string()) {
                              context.Error(path, fmt::format("expected string, got {}", TypeName(value)));
                              return std::string();
                            }
                            return value.get<std::string>();
                          });
}

void ObjectReader::Finish() {
  if (!strict_ || !json_.is_object() || context_.failed()) return;
  for (const auto& [key, value] : json_.items()) {
    if (seen_.find(key) == seen_.end()) {
      context_.Error(ChildPath(path_, key), "unknown key");
      return;
    }
  }
}

Json WriteStringMap(const OrderedMap<std::string>& map) {
  return WriteMap(map, [](const std::string& value) { return Json(value); });
}

void PutOptNumber(Json& json, const char* key, const std::optional<double>& value) {
  if (value) json[key] = JsNumber(*value);
}

}  // namespace dp::model::detail
