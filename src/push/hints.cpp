// Parsing and validation of drizzle-kit 1.0 hints.
#include "push/hints.h"

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

namespace dp::push {

namespace {

using nlohmann::json;

// Number of path elements an entity of each kind has (drizzle-kit 1.0's tuple schemas).
size_t PathLength(diff::EntityKind kind) {
  switch (kind) {
    case diff::EntityKind::Schema:
    case diff::EntityKind::Role: return 1;
    case diff::EntityKind::Table:
    case diff::EntityKind::Enum:
    case diff::EntityKind::Sequence:
    case diff::EntityKind::View: return 2;
    case diff::EntityKind::Column:
    case diff::EntityKind::Policy: return 3;
  }
  return 0;
}

size_t ConfirmPathLength(std::string_view kind) {
  if (kind == "schema") return 1;
  if (kind == "table" || kind == "view") return 2;
  if (kind == "column" || kind == "primary_key" || kind == "add_not_null" || kind == "add_unique") return 3;
  return 0;
}

base::Result<diff::EntityPath> ReadPath(const json& hint, const char* key, size_t expected, size_t index,
                                       std::string_view kind) {
  auto it = hint.find(key);
  if (it == hint.end() || !it->is_array()) return base::Fail("hint {}: \"{}\" must be an array of names", index, key);
  diff::EntityPath path;
  for (const json& part : *it) {
    if (!part.is_string()) return base::Fail("hint {}: \"{}\" must contain only strings", index, key);
    path.push_back(part.get<std::string>());
  }
  if (path.size() != expected) {
    return base::Fail("hint {}: \"{}\" of a {} must have {} element{}", index, key, kind, expected,
                      expected == 1 ? "" : "s");
  }
  return path;
}

base::Result<void> AddHint(const json& hint, size_t index, Hints& hints) {
  if (!hint.is_object()) return base::Fail("hint {}: expected an object", index);
  std::string type = hint.value("type", "");
  std::string kind_name = hint.value("kind", "");
  if (type == "confirm_data_loss") {
    size_t length = ConfirmPathLength(kind_name);
    if (length == 0) return base::Fail("hint {}: unknown kind \"{}\" for confirm_data_loss", index, kind_name);
    auto entity = ReadPath(hint, "entity", length, index, kind_name);
    if (!entity) return tl::unexpected(entity.error());
    hints.confirms.push_back({kind_name, std::move(*entity)});
    return {};
  }
  auto kind = diff::ParseEntityKind(kind_name);
  if (!kind) return base::Fail("hint {}: unknown kind \"{}\"", index, kind_name);
  size_t length = PathLength(*kind);
  if (type == "rename") {
    auto from = ReadPath(hint, "from", length, index, kind_name);
    if (!from) return tl::unexpected(from.error());
    auto to = ReadPath(hint, "to", length, index, kind_name);
    if (!to) return tl::unexpected(to.error());
    hints.renames.push_back({*kind, std::move(*from), std::move(*to)});
    return {};
  }
  if (type == "create") {
    auto entity = ReadPath(hint, "entity", length, index, kind_name);
    if (!entity) return tl::unexpected(entity.error());
    hints.creates.push_back({*kind, std::move(*entity)});
    return {};
  }
  return base::Fail("hint {}: \"type\" must be \"rename\", \"create\" or \"confirm_data_loss\"", index);
}

}  // namespace

bool Hints::Confirms(std::string_view kind, const diff::EntityPath& entity) const {
  for (const ConfirmHint& hint : confirms) {
    if (hint.kind == kind && hint.entity == entity) return true;
  }
  return false;
}

base::Result<Hints> ParseHints(std::string_view json_text) {
  json parsed = json::parse(json_text, nullptr, /*allow_exceptions=*/false);
  if (parsed.is_discarded()) return base::Fail("invalid hints: not valid JSON");
  if (parsed.is_object()) parsed = json::array({parsed});
  if (!parsed.is_array()) return base::Fail("invalid hints: expected a JSON array of hints");
  Hints hints;
  for (size_t i = 0; i < parsed.size(); ++i) {
    auto added = AddHint(parsed[i], i + 1, hints);
    if (!added) return base::Fail("invalid hints: {}", added.error().message);
  }
  return hints;
}

base::Result<Hints> LoadHintsFile(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return base::Fail("cannot read hints file '{}'", path);
  std::stringstream text;
  text << in.rdbuf();
  return ParseHints(text.str());
}

}  // namespace dp::push
