// Packages for the resolver: package.json entry points ("exports" with conditions and `*`
// patterns, "types"/"typings"/"main"/"module"), `#imports`, the workspace-or-third-party
// decision, and workspaces declared in package.json / pnpm-workspace.yaml.
#include <algorithm>

#include "ts/glob.h"
#include "ts/resolve_internal.h"

namespace dp::ts {

namespace {

constexpr std::string_view kDefaultConditions[] = {"types", "import", "require", "node", "module", "default"};

std::string_view TrimSpaces(std::string_view text) {
  while (!text.empty() && (text.front() == ' ' || text.front() == '\t' || text.front() == '\r'))
    text.remove_prefix(1);
  while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r'))
    text.remove_suffix(1);
  return text;
}

std::string Unquote(std::string_view text) {
  text = TrimSpaces(text);
  if (text.size() >= 2 && (text.front() == '\'' || text.front() == '"') && text.back() == text.front()) {
    text = text.substr(1, text.size() - 2);
  }
  return std::string(text);
}

/// Strips a YAML comment (" #...") outside quotes.
std::string_view StripYamlComment(std::string_view line) {
  char quote = 0;
  for (size_t pos = 0; pos < line.size(); ++pos) {
    char c = line[pos];
    if (quote != 0) {
      if (c == quote) quote = 0;
    } else if (c == '\'' || c == '"') {
      quote = c;
    } else if (c == '#' && (pos == 0 || line[pos - 1] == ' ' || line[pos - 1] == '\t')) {
      return line.substr(0, pos);
    }
  }
  return line;
}

/// The `packages:` list of a pnpm-workspace.yaml (block or flow sequence).
std::vector<std::string> PnpmWorkspacePatterns(std::string_view text) {
  std::vector<std::string> patterns;
  bool in_packages = false;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t newline = text.find('\n', pos);
    std::string_view line =
        text.substr(pos, newline == std::string_view::npos ? std::string_view::npos : newline - pos);
    pos = newline == std::string_view::npos ? text.size() : newline + 1;
    line = StripYamlComment(line);
    std::string_view trimmed = TrimSpaces(line);
    if (trimmed.empty()) continue;
    bool indented = line.front() == ' ' || line.front() == '\t';
    if (!indented && !trimmed.starts_with('-')) {
      in_packages = false;
      if (trimmed.starts_with("packages")) {
        std::string_view rest = TrimSpaces(trimmed.substr(std::string_view("packages").size()));
        if (!rest.starts_with(':')) continue;
        rest = TrimSpaces(rest.substr(1));
        if (rest.empty()) {
          in_packages = true;
        } else if (rest.front() == '[') {
          rest.remove_prefix(1);
          size_t close = rest.rfind(']');
          if (close != std::string_view::npos) rest = rest.substr(0, close);
          size_t item_start = 0;
          while (item_start <= rest.size()) {
            size_t comma = rest.find(',', item_start);
            std::string item = Unquote(rest.substr(
                item_start, comma == std::string_view::npos ? std::string_view::npos : comma - item_start));
            if (!item.empty()) patterns.push_back(item);
            if (comma == std::string_view::npos) break;
            item_start = comma + 1;
          }
        }
      }
      continue;
    }
    if (in_packages && trimmed.starts_with('-')) {
      std::string item = Unquote(trimmed.substr(1));
      if (!item.empty()) patterns.push_back(item);
    }
  }
  return patterns;
}

}  // namespace

bool ModuleResolver::ConditionActive(std::string_view condition) const {
  for (std::string_view known : kDefaultConditions) {
    if (known == condition) return true;
  }
  auto listed = [condition](const std::vector<std::string>& list) {
    return std::find(list.begin(), list.end(), condition) != list.end();
  };
  return listed(context_.conditions) || listed(tsconfig_conditions_);
}

void ModuleResolver::CollectTargets(const nlohmann::ordered_json& value, std::string_view star, bool has_star,
                                    std::vector<std::string>& out) {
  if (value.is_string()) {
    std::string target = value.get<std::string>();
    if (has_star) {
      std::string replaced;
      for (char c : target) {
        if (c == '*') {
          replaced += star;
        } else {
          replaced += c;
        }
      }
      target = std::move(replaced);
    }
    out.push_back(std::move(target));
  } else if (value.is_array()) {
    for (const auto& item : value) CollectTargets(item, star, has_star, out);
  } else if (value.is_object()) {
    for (const auto& [condition, nested] : value.items()) {
      if (ConditionActive(condition)) CollectTargets(nested, star, has_star, out);
    }
  }
}

std::optional<std::vector<std::string>> ModuleResolver::MapTargets(const nlohmann::ordered_json& map,
                                                                   std::string_view key, bool is_imports) {
  std::vector<std::string> out;
  char marker = is_imports ? '#' : '.';
  bool is_subpath_map = map.is_object() && !map.empty() && map.begin().key().starts_with(marker);
  if (!is_subpath_map) {
    if (is_imports || key != ".") return std::nullopt;
    CollectTargets(map, {}, false, out);  // "exports": "./x.js" / [..] / {conditions}
    return out;
  }
  if (map.contains(std::string(key)) && key.find('*') == std::string_view::npos) {
    CollectTargets(map[std::string(key)], {}, false, out);
    return out;
  }
  // Patterns: the longest prefix before '*' wins, then the longer key (Node's ordering).
  const nlohmann::ordered_json* best = nullptr;
  std::string best_key;
  std::string_view best_star;
  for (const auto& [pattern, value] : map.items()) {
    size_t star = pattern.find('*');
    if (star == std::string::npos || pattern.find('*', star + 1) != std::string::npos) continue;
    std::string_view prefix = std::string_view(pattern).substr(0, star);
    std::string_view suffix = std::string_view(pattern).substr(star + 1);
    if (key.size() < pattern.size() || !key.starts_with(prefix) || !key.ends_with(suffix)) continue;
    bool better = best == nullptr || star + 1 > best_key.find('*') + 1 ||
                  (star == best_key.find('*') && pattern.size() > best_key.size());
    if (better) {
      best = &value;
      best_key = pattern;
      best_star = key.substr(prefix.size(), key.size() - prefix.size() - suffix.size());
    }
  }
  if (best == nullptr) return std::nullopt;
  CollectTargets(*best, best_star, true, out);
  return out;
}

std::optional<std::vector<std::string>> ModuleResolver::EntryTargets(const std::string& dir,
                                                                     const nlohmann::ordered_json* manifest,
                                                                     const std::string& subpath) {
  std::vector<std::string> targets;
  if (manifest != nullptr && manifest->contains("exports") && !(*manifest)["exports"].is_null()) {
    auto mapped = MapTargets((*manifest)["exports"], subpath, false);
    if (!mapped) return std::nullopt;
    for (const std::string& target : *mapped) {
      if (target.starts_with("./")) targets.push_back(JoinPath(dir, target));
    }
    return targets;
  }
  if (subpath != ".") return std::vector<std::string>{JoinPath(dir, subpath)};
  if (manifest != nullptr) {
    for (const char* field : {"types", "typings", "main", "module"}) {
      if (manifest->contains(field) && (*manifest)[field].is_string()) {
        targets.push_back(JoinPath(dir, (*manifest)[field].get<std::string>()));
      }
    }
  }
  targets.push_back(JoinPath(dir, "index"));
  return targets;
}

Resolution ModuleResolver::ResolveInstalledPackage(const std::string& dir, const std::string& package,
                                                   const std::string& subpath, std::string_view spec,
                                                   Tried& tried) {
  auto real = vfs_.RealPath(dir);
  std::string real_dir = real ? *real : dir;
  // A symlink out of node_modules (npm/yarn/pnpm workspaces) is a package of this repository.
  if (!PathHasNodeModules(real_dir)) return ResolveWorkspacePackage(real_dir, package, subpath, spec, tried);
  const nlohmann::ordered_json* manifest = PackageJson(real_dir);
  if (auto targets = EntryTargets(real_dir, manifest, subpath)) {
    // Third-party code is evaluated only when its entry point is TypeScript source.
    if (auto source = PickEntry(*targets, /*ts_rule=*/false, /*source_only=*/true, tried))
      return ResolvedFile{*source};
  }
  return ExternalPackage{package, std::string(spec), dir};
}

Resolution ModuleResolver::ResolveWorkspacePackage(const std::string& dir, const std::string& package,
                                                   const std::string& subpath, std::string_view spec,
                                                   Tried& tried) {
  const nlohmann::ordered_json* manifest = PackageJson(dir);
  auto targets = EntryTargets(dir, manifest, subpath);
  if (!targets) {
    return NotFound{fmt::format("workspace package '{}' ({}) does not export '{}'", package, dir, subpath),
                    tried};
  }
  if (auto entry = PickEntry(*targets, /*ts_rule=*/true, /*source_only=*/false, tried))
    return ResolvedFile{*entry};
  return NotFound{
      fmt::format("cannot find the entry point of workspace package '{}' ({}) for '{}'", package, dir, spec),
      tried};
}

Resolution ModuleResolver::ResolveSubpathImport(std::string_view from_file, std::string_view spec) {
  Tried tried;
  std::string dir = DirName(from_file);
  while (true) {
    if (const auto* manifest = PackageJson(dir)) {
      // The nearest package.json is the package scope, whether or not it has "imports".
      if (manifest->contains("imports") && (*manifest)["imports"].is_object()) {
        if (auto targets = MapTargets((*manifest)["imports"], spec, true)) {
          for (const std::string& target : *targets) {
            if (target.starts_with("./")) {
              if (auto file = PickEntry({JoinPath(dir, target)}, true, false, tried))
                return ResolvedFile{*file};
            } else if (!target.starts_with('#') && !target.starts_with('/') && !target.starts_with("../")) {
              return ResolveBare(from_file, target);
            }
          }
          return NotFound{fmt::format("cannot find '{}' (package.json \"imports\" in {})", spec, dir), tried};
        }
      }
      break;
    }
    if (dir == "/" || dir == ".") break;
    dir = DirName(dir);
  }
  return ResolveBare(from_file, spec);  // tsconfig paths may still map "#x"
}

std::optional<std::string> ModuleResolver::FindWorkspaceRoot(const std::string& start) {
  std::string dir = start;
  while (true) {
    if (vfs_.IsFile(JoinPath(dir, "pnpm-workspace.yaml"))) return dir;
    if (const auto* manifest = PackageJson(dir)) {
      if (manifest->contains("workspaces")) return dir;
    }
    if (dir == "/" || dir == ".") return std::nullopt;
    dir = DirName(dir);
  }
}

const std::map<std::string, std::string>& ModuleResolver::WorkspaceMap(const std::string& root) {
  auto cached = cache_->workspaces.find(root);
  if (cached != cache_->workspaces.end()) return cached->second;

  std::vector<std::string> patterns;
  if (const auto* manifest = PackageJson(root); manifest != nullptr && manifest->contains("workspaces")) {
    const auto& workspaces = (*manifest)["workspaces"];
    const auto& list =
        workspaces.is_object() && workspaces.contains("packages") ? workspaces["packages"] : workspaces;
    if (list.is_array()) {
      for (const auto& item : list) {
        if (item.is_string()) patterns.push_back(item.get<std::string>());
      }
    }
  }
  std::string yaml_path = JoinPath(root, "pnpm-workspace.yaml");
  if (vfs_.IsFile(yaml_path)) {
    if (auto text = vfs_.ReadFile(yaml_path)) {
      auto from_yaml = PnpmWorkspacePatterns(*text);
      patterns.insert(patterns.end(), from_yaml.begin(), from_yaml.end());
    }
  }
  std::vector<GlobPattern> excludes;
  for (const std::string& pattern : patterns) {
    // Like pnpm and npm, match the package.json files: "!**/test/**" drops packages/test too.
    std::string exclude = pattern.substr(1);
    while (exclude.ends_with('/')) exclude.pop_back();
    if (pattern.starts_with('!')) excludes.push_back(GlobPattern::Compile(exclude + "/package.json"));
  }
  std::map<std::string, std::string> names;
  for (const std::string& pattern : patterns) {
    if (pattern.starts_with('!')) continue;
    for (const std::string& match : GlobSync(vfs_, root, pattern)) {
      std::string dir = ResolvePath(root, match);
      if (!PathIsWithin(dir, root) || PathHasNodeModules(dir.substr(root.size()))) continue;
      std::string relative = dir == root ? "." : dir.substr(root == "/" ? 1 : root.size() + 1);
      bool excluded = std::any_of(excludes.begin(), excludes.end(), [&](const GlobPattern& exclude) {
        return exclude.Match(relative + "/package.json");
      });
      if (excluded || !vfs_.IsDirectory(dir)) continue;
      const auto* manifest = PackageJson(dir);
      if (manifest == nullptr || !manifest->contains("name") || !(*manifest)["name"].is_string()) continue;
      names.emplace((*manifest)["name"].get<std::string>(), dir);
    }
  }
  return cache_->workspaces.emplace(root, std::move(names)).first->second;
}

std::optional<std::string> ModuleResolver::FindWorkspacePackage(const std::string& from_dir,
                                                                const std::string& package) {
  std::vector<std::string> roots;
  if (auto root = FindWorkspaceRoot(from_dir)) roots.push_back(*root);
  if (!context_.cwd.empty()) {
    if (auto root = FindWorkspaceRoot(context_.cwd); root && (roots.empty() || roots.front() != *root)) {
      roots.push_back(*root);
    }
  }
  for (const std::string& root : roots) {
    const auto& names = WorkspaceMap(root);
    auto it = names.find(package);
    if (it != names.end()) return it->second;
  }
  return std::nullopt;
}

}  // namespace dp::ts
