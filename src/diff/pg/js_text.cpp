// JavaScript String() and truthiness over JSON values (see js_text.h).
#include "diff/pg/js_text.h"

#include <cmath>

#include "model/json_text.h"

namespace dp::diff::pg {

std::string JsString(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::string:
      return value.get<std::string>();
    case nlohmann::ordered_json::value_t::boolean:
      return value.get<bool>() ? "true" : "false";
    case nlohmann::ordered_json::value_t::number_integer:
      return std::to_string(value.get<int64_t>());
    case nlohmann::ordered_json::value_t::number_unsigned:
      return std::to_string(value.get<uint64_t>());
    case nlohmann::ordered_json::value_t::number_float:
      return model::JsNumberToString(value.get<double>());
    case nlohmann::ordered_json::value_t::null:
      return "null";
    case nlohmann::ordered_json::value_t::array: {
      std::string out;
      bool first = true;
      for (const auto& element : value) {
        if (!first) out += ',';
        first = false;
        if (!element.is_null()) out += JsString(element);
      }
      return out;
    }
    case nlohmann::ordered_json::value_t::object:
      return "[object Object]";
    default:
      return "";
  }
}

bool JsTruthy(const nlohmann::ordered_json& value) {
  switch (value.type()) {
    case nlohmann::ordered_json::value_t::string:
      return !value.get<std::string>().empty();
    case nlohmann::ordered_json::value_t::boolean:
      return value.get<bool>();
    case nlohmann::ordered_json::value_t::number_integer:
      return value.get<int64_t>() != 0;
    case nlohmann::ordered_json::value_t::number_unsigned:
      return value.get<uint64_t>() != 0;
    case nlohmann::ordered_json::value_t::number_float: {
      double number = value.get<double>();
      return number != 0 && !std::isnan(number);
    }
    case nlohmann::ordered_json::value_t::null:
    case nlohmann::ordered_json::value_t::discarded:
      return false;
    default:
      return true;  // arrays and objects
  }
}

}  // namespace dp::diff::pg
