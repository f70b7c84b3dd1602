// JSON.stringify-compatible printing (see json_text.h).
#include "model/json_text.h"

#include <charconv>
#include <cmath>
#include <cstdio>
#include <string_view>

namespace dp::model {

namespace {

constexpr double kMaxSafeInteger = 9007199254740991.0;

void AppendEscaped(std::string& out, std::string_view text) {
  out.push_back('"');
  for (char c : text) {
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          char buffer[8];
          std::snprintf(buffer, sizeof buffer, "\\u%04x",
                        static_cast<unsigned>(static_cast<unsigned char>(c)));
          out += buffer;
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

void AppendNewline(std::string& out, int indent, int depth) {
  out.push_back('\n');
  out.append(static_cast<std::size_t>(indent) * static_cast<std::size_t>(depth), ' ');
}

void Append(std::string& out, const nlohmann::ordered_json& value, int indent, int depth) {
  using Type = nlohmann::ordered_json::value_t;
  switch (value.type()) {
    case Type::null:
    case Type::discarded:
      out += "null";
      return;
    case Type::boolean:
      out += value.get<bool>() ? "true" : "false";
      return;
    case Type::number_integer:
      out += std::to_string(value.get<std::int64_t>());
      return;
    case Type::number_unsigned:
      out += std::to_string(value.get<std::uint64_t>());
      return;
    case Type::number_float:
      out += JsNumberToString(value.get<double>());
      return;
    case Type::string:
      AppendEscaped(out, value.get_ref<const std::string&>());
      return;
    case Type::binary:
      out += "{}";
      return;
    case Type::array: {
      if (value.empty()) {
        out += "[]";
        return;
      }
      out.push_back('[');
      bool first = true;
      for (const auto& item : value) {
        if (!first) out.push_back(',');
        first = false;
        if (indent > 0) AppendNewline(out, indent, depth + 1);
        Append(out, item, indent, depth + 1);
      }
      if (indent > 0) AppendNewline(out, indent, depth);
      out.push_back(']');
      return;
    }
    case Type::object: {
      if (value.empty()) {
        out += "{}";
        return;
      }
      out.push_back('{');
      bool first = true;
      for (const auto& [key, item] : value.items()) {
        if (!first) out.push_back(',');
        first = false;
        if (indent > 0) AppendNewline(out, indent, depth + 1);
        AppendEscaped(out, key);
        out += indent > 0 ? ": " : ":";
        Append(out, item, indent, depth + 1);
      }
      if (indent > 0) AppendNewline(out, indent, depth);
      out.push_back('}');
      return;
    }
  }
}

}  // namespace

std::string JsNumberToString(double number) {
  if (std::isnan(number) || std::isinf(number)) return "null";  // JSON.stringify writes null
  if (number == 0) return "0";
  std::string sign;
  if (number < 0) {
    sign = "-";
    number = -number;
  }
  // Shortest round-trip digits in scientific form: d[.ddd]e[+-]x.
  char buffer[64];
  auto result = std::to_chars(buffer, buffer + sizeof buffer, number, std::chars_format::scientific);
  std::string_view sci(buffer, static_cast<std::size_t>(result.ptr - buffer));
  std::size_t e_pos = sci.find('e');
  std::string digits;
  for (char c : sci.substr(0, e_pos)) {
    if (c != '.') digits.push_back(c);
  }
  int exponent = std::stoi(std::string(sci.substr(e_pos + 1)));
  int k = static_cast<int>(digits.size());
  int n = exponent + 1;  // ECMAScript Number::toString: value = 0.digits * 10^n
  std::string out = sign;
  if (k <= n && n <= 21) {
    out += digits;
    out.append(static_cast<std::size_t>(n - k), '0');
  } else if (0 < n && n <= 21) {
    out += digits.substr(0, static_cast<std::size_t>(n));
    out.push_back('.');
    out += digits.substr(static_cast<std::size_t>(n));
  } else if (-6 < n && n <= 0) {
    out += "0.";
    out.append(static_cast<std::size_t>(-n), '0');
    out += digits;
  } else {
    out.push_back(digits[0]);
    if (k > 1) {
      out.push_back('.');
      out += digits.substr(1);
    }
    out.push_back('e');
    out += n - 1 >= 0 ? "+" : "-";
    out += std::to_string(std::abs(n - 1));
  }
  return out;
}

nlohmann::ordered_json JsNumber(double number) {
  if (std::isfinite(number) && std::trunc(number) == number && std::fabs(number) <= kMaxSafeInteger) {
    return nlohmann::ordered_json(static_cast<std::int64_t>(number));
  }
  return nlohmann::ordered_json(number);
}

std::string JsStringify(const nlohmann::ordered_json& value, int indent) {
  std::string out;
  Append(out, value, indent, 0);
  return out;
}

}  // namespace dp::model
