// tsconfig.json loading: JSONC, `extends` chains and the module-resolution options, with
// TypeScript's rules for what relative baseUrl/paths are taken against.
#include "ts/tsconfig.h"

#include <set>

namespace dp::ts {

namespace {

/// Blanks out comments and trailing commas (outside strings) so a strict JSON parser
/// accepts the text; offsets stay the same for error messages.
std::string StripJsonc(std::string_view text) {
  std::string out(text);
  if (out.size() >= 3 && out.compare(0, 3, "\xEF\xBB\xBF") == 0) out.replace(0, 3, "   ");
  size_t pos = 0;
  size_t last_comma = std::string::npos;  // a ',' not yet followed by a significant char
  while (pos < out.size()) {
    char c = out[pos];
    if (c == '"') {
      last_comma = std::string::npos;
      ++pos;
      while (pos < out.size() && out[pos] != '"') pos += out[pos] == '\\' ? 2 : 1;
      ++pos;
      continue;
    }
    if (c == '/' && pos + 1 < out.size() && out[pos + 1] == '/') {
      while (pos < out.size() && out[pos] != '\n') out[pos++] = ' ';
      continue;
    }
    if (c == '/' && pos + 1 < out.size() && out[pos + 1] == '*') {
      size_t end = out.find("*/", pos + 2);
      end = end == std::string::npos ? out.size() : end + 2;
      for (; pos < end; ++pos) {
        if (out[pos] != '\n') out[pos] = ' ';
      }
      continue;
    }
    if (c == ',') {
      last_comma = pos;
    } else if (c == '}' || c == ']') {
      if (last_comma != std::string::npos) out[last_comma] = ' ';
      last_comma = std::string::npos;
    } else if (c != ' ' && c != '\t' && c != '\n' && c != '\r') {
      last_comma = std::string::npos;
    }
    ++pos;
  }
  return out;
}

/// Finds `specifier` (a package name or package subpath) for `extends` in node_modules
/// directories above `dir`: the file itself, with ".json" added, or a package directory's
/// package.json "tsconfig" field or tsconfig.json.
std::optional<std::string> FindExtendsPackage(Vfs& vfs, const std::string& dir,
                                              const std::string& specifier) {
  std::string current = dir;
  while (true) {
    if (BaseName(current) != "node_modules") {
      std::string base = JoinPath(current, "node_modules/" + specifier);
      if (vfs.IsFile(base)) return base;
      if (vfs.IsFile(base + ".json")) return base + ".json";
      if (vfs.IsDirectory(base)) {
        std::string manifest = JoinPath(base, "package.json");
        if (vfs.IsFile(manifest)) {
          if (auto text = vfs.ReadFile(manifest)) {
            auto json = nlohmann::ordered_json::parse(*text, nullptr, false);
            if (json.is_object() && json.contains("tsconfig") && json["tsconfig"].is_string()) {
              std::string field = JoinPath(base, json["tsconfig"].get<std::string>());
              if (vfs.IsFile(field)) return field;
            }
          }
        }
        std::string config = JoinPath(base, "tsconfig.json");
        if (vfs.IsFile(config)) return config;
      }
    }
    if (current == "/") return std::nullopt;
    current = DirName(current);
  }
}

/// Where an `extends` entry of the config in `dir` points.
base::Result<std::string> ResolveExtends(Vfs& vfs, const std::string& dir, const std::string& extends,
                                         const std::string& from) {
  bool relative = extends.starts_with("./") || extends.starts_with("../") || extends == "." ||
                  extends == ".." || IsAbsolutePath(extends);
  if (relative) {
    std::string path = JoinPath(dir, extends);
    if (vfs.IsFile(path)) return path;
    if (!path.ends_with(".json") && vfs.IsFile(path + ".json")) return path + ".json";
    return base::Fail("{}: cannot find base config '{}' ({})", from, extends, path);
  }
  if (auto found = FindExtendsPackage(vfs, dir, extends)) return *found;
  return base::Fail("{}: cannot find base config '{}' in node_modules", from, extends);
}

/// The options of one file after its bases are merged, with where relative values came from.
struct Layer {
  nlohmann::ordered_json options = nlohmann::ordered_json::object();
  std::optional<std::string> base_url;   // absolute
  std::optional<std::string> paths_dir;  // directory of the config that set `paths`
};

/// Loads one config file and its bases. A base that cannot be loaded is skipped with a
/// warning (TypeScript reports it and keeps the file's own options, so `paths` still work
/// when, say, an extended package is not installed).
base::Result<Layer> LoadLayer(Vfs& vfs, const std::string& path, std::set<std::string>& visiting,
                              std::vector<std::string>& warnings) {
  if (!visiting.insert(path).second) return base::Fail("{}: circular 'extends'", path);
  auto text = vfs.ReadFile(path);
  if (!text) return base::Fail(text.error());
  auto json = ParseJsonc(*text, path);
  if (!json) return base::Fail(json.error());
  if (!json->is_object()) return base::Fail("{}: expected a JSON object", path);
  std::string dir = DirName(path);

  Layer layer;
  std::vector<std::string> bases;
  if (json->contains("extends")) {
    const auto& extends = (*json)["extends"];
    if (extends.is_string()) {
      bases.push_back(extends.get<std::string>());
    } else if (extends.is_array()) {
      for (const auto& item : extends) {
        if (item.is_string()) bases.push_back(item.get<std::string>());
      }
    } else {
      return base::Fail("{}: 'extends' must be a string or an array of strings", path);
    }
  }
  for (const std::string& base_spec : bases) {
    auto base_path = ResolveExtends(vfs, dir, base_spec, path);
    if (!base_path) {
      warnings.push_back(base_path.error().message);
      continue;
    }
    auto base_layer = LoadLayer(vfs, *base_path, visiting, warnings);
    if (!base_layer) {
      warnings.push_back(base_layer.error().message);
      continue;
    }
    for (const auto& [key, value] : base_layer->options.items()) layer.options[key] = value;
    if (base_layer->base_url) layer.base_url = base_layer->base_url;
    if (base_layer->paths_dir) layer.paths_dir = base_layer->paths_dir;
  }

  if (json->contains("compilerOptions") && (*json)["compilerOptions"].is_object()) {
    const auto& options = (*json)["compilerOptions"];
    for (const auto& [key, value] : options.items()) layer.options[key] = value;
    if (options.contains("baseUrl") && options["baseUrl"].is_string()) {
      layer.base_url = JoinPath(dir, options["baseUrl"].get<std::string>());
    }
    if (options.contains("paths")) layer.paths_dir = dir;
  }
  visiting.erase(path);
  return layer;
}

/// The part of `pattern` before and after its single '*'; nullopt for two or more stars.
std::optional<std::pair<std::string_view, std::string_view>> SplitStar(std::string_view pattern) {
  size_t star = pattern.find('*');
  if (star == std::string_view::npos) return std::pair{pattern, std::string_view{}};
  if (pattern.find('*', star + 1) != std::string_view::npos) return std::nullopt;
  return std::pair{pattern.substr(0, star), pattern.substr(star + 1)};
}

}  // namespace

base::Result<nlohmann::ordered_json> ParseJsonc(std::string_view text, std::string_view name) {
  std::string clean = StripJsonc(text);
  try {
    return nlohmann::ordered_json::parse(clean);
  } catch (const nlohmann::json::parse_error& error) {
    return base::Fail("{}: invalid JSON: {}", name, error.what());
  }
}

base::Result<TsConfig> LoadTsConfig(Vfs& vfs, std::string_view path) {
  std::string abs = NormalizePath(path);
  std::set<std::string> visiting;
  std::vector<std::string> warnings;
  auto layer = LoadLayer(vfs, abs, visiting, warnings);
  if (!layer) return base::Fail(layer.error());

  TsConfig config;
  config.path = abs;
  config.warnings = std::move(warnings);
  config.base_url = layer->base_url;
  config.compiler_options = layer->options;
  config.paths_base = config.base_url ? *config.base_url : layer->paths_dir.value_or(DirName(abs));
  const auto& options = config.compiler_options;
  if (options.contains("paths") && options["paths"].is_object()) {
    for (const auto& [pattern, targets] : options["paths"].items()) {
      PathMapping mapping;
      mapping.pattern = pattern;
      if (targets.is_array()) {
        for (const auto& target : targets) {
          if (target.is_string())
            mapping.targets.push_back(JoinPath(config.paths_base, target.get<std::string>()));
        }
      }
      config.paths.push_back(std::move(mapping));
    }
  }
  if (options.contains("customConditions") && options["customConditions"].is_array()) {
    for (const auto& condition : options["customConditions"]) {
      if (condition.is_string()) config.custom_conditions.push_back(condition.get<std::string>());
    }
  }
  return config;
}

std::optional<std::string> FindTsConfig(Vfs& vfs, std::string_view start_dir, std::string_view file_name) {
  std::string dir = NormalizePath(start_dir);
  while (true) {
    std::string candidate = JoinPath(dir, file_name);
    if (vfs.IsFile(candidate)) return candidate;
    if (dir == "/" || dir == ".") return std::nullopt;
    dir = DirName(dir);
  }
}

std::optional<std::vector<std::string>> MatchPaths(const TsConfig& config, std::string_view specifier) {
  const PathMapping* best = nullptr;
  std::string_view star_text;
  for (const PathMapping& mapping : config.paths) {
    if (mapping.pattern == specifier && mapping.pattern.find('*') == std::string::npos) {
      best = &mapping;  // an exact pattern wins outright
      break;
    }
  }
  size_t best_prefix = 0;
  const bool exact = best != nullptr;
  for (const PathMapping& mapping : config.paths) {
    if (exact) break;
    auto parts = SplitStar(mapping.pattern);
    if (!parts || mapping.pattern.find('*') == std::string::npos) continue;
    auto [prefix, suffix] = *parts;
    if (specifier.size() < prefix.size() + suffix.size()) continue;
    if (!specifier.starts_with(prefix) || !specifier.ends_with(suffix)) continue;
    if (best == nullptr || prefix.size() > best_prefix) {
      best = &mapping;
      best_prefix = prefix.size();
      star_text = specifier.substr(prefix.size(), specifier.size() - prefix.size() - suffix.size());
    }
  }
  if (best == nullptr) return std::nullopt;
  std::vector<std::string> candidates;
  const bool wildcard = best->pattern.find('*') != std::string::npos;
  for (const std::string& target : best->targets) {
    size_t star = target.find('*');
    // Only the first '*' is substituted. tsx (get-tsconfig) substitutes an empty match too,
    // where tsc would keep the '*'; drizzle-kit runs under tsx.
    if (star == std::string::npos || !wildcard) {
      candidates.push_back(target);
    } else {
      candidates.push_back(
          NormalizePath(target.substr(0, star) + std::string(star_text) + target.substr(star + 1)));
    }
  }
  return candidates;
}

const base::Result<TsConfig>& TsConfigCache::Load(Vfs& vfs, const std::string& path) {
  auto it = by_path_.find(path);
  if (it == by_path_.end()) {
    it = by_path_.emplace(path, std::make_unique<base::Result<TsConfig>>(LoadTsConfig(vfs, path))).first;
  }
  return *it->second;
}

const TsConfig* TsConfigCache::Nearest(Vfs& vfs, const std::string& dir, std::string* error) {
  auto it = nearest_.find(dir);
  if (it == nearest_.end()) it = nearest_.emplace(dir, FindTsConfig(vfs, dir)).first;
  if (!it->second) return nullptr;
  const auto& loaded = Load(vfs, *it->second);
  if (!loaded) {
    if (error != nullptr) *error = loaded.error().message;
    return nullptr;
  }
  return &*loaded;
}

}  // namespace dp::ts
