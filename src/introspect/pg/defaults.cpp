// Column defaults read the way drizzle-kit's fromDatabase reads them (see defaults.h).
#include "introspect/pg/defaults.h"

#include <cctype>
#include <cstdlib>
#include <regex>
#include <vector>

#include "model/json_text.h"

namespace dp::introspect::pg {

namespace {

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_';
}

bool StartsWith(std::string_view text, std::string_view prefix) {
  return text.substr(0, prefix.size()) == prefix;
}
bool EndsWith(std::string_view text, std::string_view suffix) {
  return text.size() >= suffix.size() && text.substr(text.size() - suffix.size()) == suffix;
}

bool IsNumericType(std::string_view type) {
  return type == "integer" || type == "smallint" || type == "bigint" || type == "double precision" ||
         type == "real";
}

/// One element of a parsed array literal: a leaf (text as PostgreSQL printed it, and its
/// unescaped value) or a nested array.
struct ArrayNode {
  bool is_array = false;
  bool quoted = false;
  bool is_null = false;
  std::string raw;    // the token as printed (quotes and escapes included)
  std::string value;  // unescaped
  std::vector<ArrayNode> items;
};

class ArrayParser {
 public:
  explicit ArrayParser(std::string_view text) : text_(text) {}

  std::optional<ArrayNode> ParseAll() {
    auto node = ParseArray();
    if (!node || pos_ != text_.size()) return std::nullopt;
    return node;
  }

 private:
  std::optional<ArrayNode> ParseArray() {
    if (pos_ >= text_.size() || text_[pos_] != '{') return std::nullopt;
    ++pos_;
    ArrayNode node;
    node.is_array = true;
    if (pos_ < text_.size() && text_[pos_] == '}') {
      ++pos_;
      return node;
    }
    while (true) {
      std::optional<ArrayNode> item = text_[pos_] == '{' ? ParseArray() : ParseLeaf();
      if (!item) return std::nullopt;
      node.items.push_back(std::move(*item));
      if (pos_ >= text_.size()) return std::nullopt;
      if (text_[pos_] == ',') {
        ++pos_;
        continue;
      }
      if (text_[pos_] == '}') {
        ++pos_;
        return node;
      }
      return std::nullopt;
    }
  }

  std::optional<ArrayNode> ParseLeaf() {
    ArrayNode leaf;
    size_t start = pos_;
    if (pos_ < text_.size() && text_[pos_] == '"') {
      leaf.quoted = true;
      ++pos_;
      while (pos_ < text_.size() && text_[pos_] != '"') {
        if (text_[pos_] == '\\' && pos_ + 1 < text_.size()) ++pos_;
        leaf.value += text_[pos_++];
      }
      if (pos_ >= text_.size()) return std::nullopt;
      ++pos_;
    } else {
      while (pos_ < text_.size() && text_[pos_] != ',' && text_[pos_] != '}') leaf.value += text_[pos_++];
      leaf.is_null = leaf.value == "NULL";
    }
    leaf.raw = std::string(text_.substr(start, pos_ - start));
    return leaf;
  }

  std::string_view text_;
  size_t pos_ = 0;
};

std::string RenderLeaf(const ArrayNode& leaf, std::string_view element_type) {
  if (leaf.is_null) return "NULL";
  if (IsNumericType(element_type)) return leaf.value;
  if (element_type == "boolean") {
    if (leaf.value == "t") return "true";
    if (leaf.value == "f") return "false";
    return leaf.value;
  }
  if (StartsWith(element_type, "timestamp") || element_type == "interval") return leaf.raw;
  if (element_type == "json" || element_type == "jsonb") {
    auto parsed = nlohmann::ordered_json::parse(leaf.value, nullptr, false);
    if (!parsed.is_discarded()) return model::JsStringify(nlohmann::ordered_json(model::JsStringify(parsed)));
    return model::JsStringify(nlohmann::ordered_json(leaf.value));
  }
  return "\"" + leaf.value + "\"";
}

std::string RenderNode(const ArrayNode& node, std::string_view element_type) {
  if (!node.is_array) return RenderLeaf(node, element_type);
  std::string out = "{";
  for (size_t item_idx = 0; item_idx < node.items.size(); ++item_idx) {
    if (item_idx > 0) out += ",";
    out += RenderNode(node.items[item_idx], element_type);
  }
  return out + "}";
}

bool IsQuotedLiteral(std::string_view text) {
  if (text.size() < 2 || text.front() != '\'' || text.back() != '\'') return false;
  for (size_t pos = 1; pos + 1 < text.size(); ++pos) {
    if (text[pos] != '\'') continue;
    if (pos + 2 < text.size() && text[pos + 1] == '\'') {
      ++pos;
      continue;
    }
    return false;  // the literal ends before the text does
  }
  return true;
}

std::string UnescapeSql(std::string_view body) {
  std::string out;
  for (size_t pos = 0; pos < body.size(); ++pos) {
    out += body[pos];
    if (body[pos] == '\'' && pos + 1 < body.size() && body[pos + 1] == '\'') ++pos;
  }
  return out;
}

std::string EscapeSql(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\'') out += '\'';
    out += c;
  }
  return out;
}

}  // namespace

std::string StripTrailingCast(std::string_view expression) {
  std::string text(expression);
  if (text.empty() || !(IsWordChar(text.back()) || text.back() == '"')) return text;
  int depth = 0;
  bool in_single = false;
  bool in_double = false;
  for (size_t pos = 0; pos + 1 < text.size(); ++pos) {
    char c = text[pos];
    if (in_single) {
      if (c == '\'') in_single = false;  // '' re-enters on the next quote
      continue;
    }
    if (in_double) {
      if (c == '"') in_double = false;
      continue;
    }
    if (c == '\'') {
      in_single = true;
    } else if (c == '"') {
      in_double = true;
    } else if (c == '(' || c == '[') {
      ++depth;
    } else if (c == ')' || c == ']') {
      --depth;
    } else if (c == ':' && text[pos + 1] == ':' && depth == 0) {
      return text.substr(0, pos);
    }
  }
  return text;
}

std::optional<std::string> RenderArrayLiteral(std::string_view body, std::string_view element_type) {
  auto node = ArrayParser(body).ParseAll();
  if (!node) return std::nullopt;
  return RenderNode(*node, element_type);
}

nlohmann::ordered_json ReadColumnDefault(const DefaultInput& input) {
  std::string_view raw = input.expression;
  if (EndsWith(raw, "[]")) raw.remove_suffix(2);
  const std::string text = StripTrailingCast(raw);
  const std::string_view type = input.data_type;

  if (input.is_array) {
    if (IsQuotedLiteral(text)) {
      std::string element_type(type);
      if (EndsWith(element_type, "[]")) element_type.resize(element_type.size() - 2);
      std::string body = UnescapeSql(std::string_view(text).substr(1, text.size() - 2));
      if (auto rendered = RenderArrayLiteral(body, element_type)) return "'" + EscapeSql(*rendered) + "'";
    }
    return text;
  }
  if (IsNumericType(type)) {
    static const std::regex kNumber(R"(^-?[\d.]+(?:e-?\d+)?$)");
    if (std::regex_match(text, kNumber)) return model::JsNumber(std::strtod(text.c_str(), nullptr));
    return text;
  }
  if (type.find("numeric") != std::string_view::npos) {
    return text.find('\'') != std::string::npos ? text : "'" + text + "'";
  }
  if (type == "json" || type == "jsonb") {
    if (IsQuotedLiteral(text)) {
      auto parsed = nlohmann::ordered_json::parse(text.substr(1, text.size() - 2), nullptr, false);
      if (!parsed.is_discarded()) return "'" + model::JsStringify(parsed) + "'::" + std::string(type);
    }
    return text;
  }
  if (type == "boolean") {
    if (text == "true") return true;
    if (text == "false") return false;
    return text;
  }
  return text;
}

}  // namespace dp::introspect::pg
