// JavaScript's view of snapshot values: drizzle-kit builds SQL with template literals, so a
// default of 10 prints "10", true prints "true", and `if (value)` skips 0, "" and false.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace dp::diff::pg {

/// String(value) as JavaScript prints it (numbers as JS formats them, arrays joined by ",",
/// objects as "[object Object]", null as "null").
std::string JsString(const nlohmann::ordered_json& value);

/// JavaScript truthiness (false, 0, NaN, "" and null are falsy).
bool JsTruthy(const nlohmann::ordered_json& value);

}  // namespace dp::diff::pg
