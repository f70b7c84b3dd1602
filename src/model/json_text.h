// JSON text exactly as JavaScript's JSON.stringify writes it (number formatting,
// string escapes, indentation), so snapshot files and JSON-in-SQL defaults match
// drizzle-kit byte for byte.
#pragma once

#include <nlohmann/json.hpp>
#include <string>

namespace dp::model {

/// JSON.stringify(value, null, indent) (indent 0: compact, no spaces).
std::string JsStringify(const nlohmann::ordered_json& value, int indent = 0);

/// A JS number as String(number) / JSON.stringify would print it ("1e+21", "0.1", "5").
std::string JsNumberToString(double number);

/// A JSON value for a JS number: an integer when it is integral and safely representable.
nlohmann::ordered_json JsNumber(double number);

}  // namespace dp::model
