// First-difference comparison of two JSON documents (see json_compare.h).
#include "model/json_compare.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "model/json_io.h"
#include "model/json_text.h"

namespace dp::model {

namespace {

using Json = nlohmann::ordered_json;

constexpr std::size_t kMaxShownValue = 80;

std::string Show(const Json& value) {
  std::string text = JsStringify(value);
  if (text.size() > kMaxShownValue) text = text.substr(0, kMaxShownValue) + "...";
  return text;
}

bool SameNumber(const Json& a, const Json& b) {
  if (a.is_number_float() || b.is_number_float()) return a.get<double>() == b.get<double>();
  if (a.is_number_unsigned() && b.is_number_unsigned())
    return a.get<std::uint64_t>() == b.get<std::uint64_t>();
  if (a.is_number_integer() && b.is_number_integer() && !a.is_number_unsigned() && !b.is_number_unsigned()) {
    return a.get<std::int64_t>() == b.get<std::int64_t>();
  }
  return a == b;
}

std::optional<JsonDifference> Compare(const Json& expected, const Json& actual, const std::string& path,
                                      const JsonCompareOptions& options, bool top_level) {
  if (expected.is_number() && actual.is_number()) {
    if (SameNumber(expected, actual)) return std::nullopt;
    return JsonDifference{path, fmt::format("expected {}, got {}", Show(expected), Show(actual))};
  }
  if (expected.type() != actual.type()) {
    return JsonDifference{path, fmt::format("expected {} {}, got {} {}", detail::TypeName(expected),
                                            Show(expected), detail::TypeName(actual), Show(actual))};
  }
  if (expected.is_object()) {
    auto ignored = [&](const std::string& key) {
      return top_level && options.ignore_top_level_keys.count(key) != 0;
    };
    for (const auto& [key, value] : expected.items()) {
      if (ignored(key)) continue;
      std::string child = detail::ChildPath(path, key);
      auto it = actual.find(key);
      if (it == actual.end())
        return JsonDifference{child, fmt::format("missing key (expected {})", Show(value))};
      if (auto difference = Compare(value, *it, child, options, false)) return difference;
    }
    for (const auto& [key, value] : actual.items()) {
      if (ignored(key)) continue;
      if (!expected.contains(key)) {
        return JsonDifference{detail::ChildPath(path, key),
                              fmt::format("unexpected key (got {})", Show(value))};
      }
    }
    if (options.check_key_order) {
      std::vector<std::string> expected_keys;
      std::vector<std::string> actual_keys;
      for (const auto& [key, value] : expected.items()) {
        if (!ignored(key)) expected_keys.push_back(key);
      }
      for (const auto& [key, value] : actual.items()) {
        if (!ignored(key)) actual_keys.push_back(key);
      }
      if (expected_keys != actual_keys) {
        return JsonDifference{path.empty() ? "$" : path,
                              fmt::format("key order differs: expected [{}], got [{}]",
                                          fmt::join(expected_keys, ", "), fmt::join(actual_keys, ", "))};
      }
    }
    return std::nullopt;
  }
  if (expected.is_array()) {
    std::size_t common = std::min(expected.size(), actual.size());
    for (std::size_t item_idx = 0; item_idx < common; ++item_idx) {
      if (auto difference = Compare(expected[item_idx], actual[item_idx], detail::IndexPath(path, item_idx),
                                    options, false)) {
        return difference;
      }
    }
    if (expected.size() != actual.size()) {
      return JsonDifference{path,
                            fmt::format("expected {} elements, got {}", expected.size(), actual.size())};
    }
    return std::nullopt;
  }
  if (expected == actual) return std::nullopt;
  return JsonDifference{path, fmt::format("expected {}, got {}", Show(expected), Show(actual))};
}

}  // namespace

std::optional<JsonDifference> CompareJson(const Json& expected, const Json& actual,
                                          const JsonCompareOptions& options) {
  return Compare(expected, actual, "", options, true);
}

std::string ToString(const JsonDifference& difference) {
  return fmt::format("{}: {}", difference.path.empty() ? "$" : difference.path, difference.message);
}

}  // namespace dp::model
