// Module resolution (see resolve.h): builtins, relative paths with TypeScript's extension
// rules, tsconfig paths/baseUrl, node_modules with package.json entry points, `#imports`,
// and monorepo workspaces. Package entry points and workspace discovery are in
// resolve_package.cpp.
#include "ts/resolve.h"

#include <algorithm>
#include <array>

#include "ts/resolve_internal.h"

namespace dp::ts {

namespace {

constexpr std::array<std::string_view, 8> kProbeExtensions = {".ts", ".tsx", ".mts", ".cts",
                                                              ".js", ".jsx", ".mjs", ".cjs"};
constexpr std::array<std::string_view, 9> kKnownExtensions = {".ts",  ".tsx", ".mts", ".cts", ".js",
                                                              ".jsx", ".mjs", ".cjs", ".json"};

// Node's core modules; "test", "sqlite", "sea" and "test/reporters" exist only as "node:x".
constexpr std::string_view kNodeCoreModules[] = {"assert",
                                                 "assert/strict",
                                                 "async_hooks",
                                                 "buffer",
                                                 "child_process",
                                                 "cluster",
                                                 "console",
                                                 "constants",
                                                 "crypto",
                                                 "dgram",
                                                 "diagnostics_channel",
                                                 "dns",
                                                 "dns/promises",
                                                 "domain",
                                                 "events",
                                                 "fs",
                                                 "fs/promises",
                                                 "http",
                                                 "http2",
                                                 "https",
                                                 "inspector",
                                                 "inspector/promises",
                                                 "module",
                                                 "net",
                                                 "os",
                                                 "path",
                                                 "path/posix",
                                                 "path/win32",
                                                 "perf_hooks",
                                                 "process",
                                                 "punycode",
                                                 "querystring",
                                                 "readline",
                                                 "readline/promises",
                                                 "repl",
                                                 "stream",
                                                 "stream/consumers",
                                                 "stream/promises",
                                                 "stream/web",
                                                 "string_decoder",
                                                 "sys",
                                                 "timers",
                                                 "timers/promises",
                                                 "tls",
                                                 "trace_events",
                                                 "tty",
                                                 "url",
                                                 "util",
                                                 "util/types",
                                                 "v8",
                                                 "vm",
                                                 "wasi",
                                                 "worker_threads",
                                                 "zlib"};

bool IsRelativeSpecifier(std::string_view spec) {
  return spec == "." || spec == ".." || spec.starts_with("./") || spec.starts_with("../");
}

}  // namespace

bool IsTsSource(std::string_view path) {
  for (std::string_view ext : {".ts", ".tsx", ".mts", ".cts"}) {
    if (path.ends_with(ext)) return !IsDeclarationFile(path);
  }
  return false;
}

bool IsDeclarationFile(std::string_view path) {
  return path.ends_with(".d.ts") || path.ends_with(".d.mts") || path.ends_with(".d.cts");
}

bool IsNodeCoreModule(std::string_view specifier) {
  if (specifier.starts_with("node:")) return specifier.size() > 5;
  for (std::string_view name : kNodeCoreModules) {
    if (name == specifier) return true;
  }
  return false;
}

std::string PackageNameOf(std::string_view specifier) {
  if (specifier.empty() || specifier.front() == '.' || specifier.front() == '/' || specifier.front() == '#')
    return {};
  if (specifier.find(':') != std::string_view::npos) return {};
  size_t slash = specifier.find('/');
  if (specifier.front() == '@') {
    if (slash == std::string_view::npos || slash == 1 || slash + 1 == specifier.size()) return {};
    size_t second = specifier.find('/', slash + 1);
    return std::string(specifier.substr(0, second));
  }
  return std::string(specifier.substr(0, slash));
}

std::string DescribeResolution(const Resolution& resolution) {
  struct Visitor {
    std::string operator()(const ResolvedFile& file) const { return "file " + file.path; }
    std::string operator()(const BuiltinModule& builtin) const {
      return std::string(builtin.registered ? "builtin " : "builtin (unregistered) ") + builtin.name;
    }
    std::string operator()(const ExternalPackage& external) const {
      std::string out = "external " + external.specifier;
      if (external.package_dir.empty()) out += " (not installed)";
      return out;
    }
    std::string operator()(const NotFound& not_found) const { return "not found: " + not_found.message; }
  };
  return std::visit(Visitor{}, resolution);
}

// --- Resolver: files and directories

ModuleResolver::ModuleResolver(Vfs& vfs, const ResolveContext& context)
    : vfs_(vfs), context_(context), cache_(context.cache != nullptr ? context.cache : &local_cache_) {}

std::optional<std::string> ModuleResolver::Found(const std::string& path) {
  auto real = vfs_.RealPath(path);
  return real ? *real : path;
}

std::optional<std::string> ModuleResolver::ResolveFile(const std::string& path, bool ts_rule, Tried& tried) {
  auto probe = [&](const std::string& candidate) {
    tried.push_back(candidate);
    return vfs_.IsFile(candidate);
  };
  std::string ext = Extension(path);
  if (ts_rule) {
    // TypeScript: "./x.js" may name "./x.ts" (and .jsx -> .tsx, .mjs -> .mts, .cjs -> .cts).
    std::string stem = path.substr(0, path.size() - ext.size());
    std::vector<std::string> replacements;
    if (ext == ".js") replacements = {".ts", ".tsx"};
    if (ext == ".jsx") replacements = {".tsx"};
    if (ext == ".mjs") replacements = {".mts"};
    if (ext == ".cjs") replacements = {".cts"};
    for (const std::string& replacement : replacements) {
      if (probe(stem + replacement)) return Found(stem + replacement);
    }
  }
  bool known = std::find(kKnownExtensions.begin(), kKnownExtensions.end(), ext) != kKnownExtensions.end();
  if (known) {
    if (probe(path)) return Found(path);
    return std::nullopt;
  }
  if (path.ends_with('/')) return std::nullopt;
  for (std::string_view candidate_ext : kProbeExtensions) {
    if (probe(path + std::string(candidate_ext))) return Found(path + std::string(candidate_ext));
  }
  if (probe(path)) return Found(path);
  // A declaration file gives an empty module: imports used only as types then still work.
  if (probe(path + ".d.ts")) return Found(path + ".d.ts");
  return std::nullopt;
}

std::optional<std::string> ModuleResolver::ResolveDirectory(const std::string& dir, bool ts_rule,
                                                            Tried& tried) {
  if (!vfs_.IsDirectory(dir)) return std::nullopt;
  if (const auto* manifest = PackageJson(dir)) {
    std::vector<std::string> targets;
    for (const char* field : {"types", "typings", "main", "module"}) {
      if (manifest->contains(field) && (*manifest)[field].is_string()) {
        targets.push_back(JoinPath(dir, (*manifest)[field].get<std::string>()));
      }
    }
    if (auto picked = PickEntry(targets, ts_rule, /*source_only=*/false, tried)) return picked;
  }
  for (std::string_view ext : kProbeExtensions) {
    std::string index = JoinPath(dir, "index" + std::string(ext));
    tried.push_back(index);
    if (vfs_.IsFile(index)) return Found(index);
  }
  return std::nullopt;
}

std::optional<std::string> ModuleResolver::ResolveFileOrDirectory(const std::string& path, bool ts_rule,
                                                                  Tried& tried) {
  if (auto file = ResolveFile(path, ts_rule, tried)) return file;
  return ResolveDirectory(path, ts_rule, tried);
}

std::optional<std::string> ModuleResolver::PickEntry(const std::vector<std::string>& targets, bool ts_rule,
                                                     bool source_only, Tried& tried) {
  std::vector<std::string> resolved;
  for (const std::string& target : targets) {
    auto file = ResolveFile(target, ts_rule, tried);
    if (!file) file = ResolveDirectory(target, ts_rule, tried);
    if (file && IsTsSource(*file)) return file;
    if (file) resolved.push_back(*file);
  }
  if (source_only) return std::nullopt;
  for (const std::string& file : resolved) {
    if (!IsDeclarationFile(file)) return file;
  }
  return std::nullopt;
}

const nlohmann::ordered_json* ModuleResolver::PackageJson(const std::string& dir) {
  std::string path = JoinPath(dir, "package.json");
  auto it = cache_->package_json.find(path);
  if (it == cache_->package_json.end()) {
    std::optional<nlohmann::ordered_json> parsed;
    if (vfs_.IsFile(path)) {
      if (auto text = vfs_.ReadFile(path)) {
        auto json = nlohmann::ordered_json::parse(*text, nullptr, false);
        if (json.is_object()) parsed = std::move(json);
      }
    }
    it = cache_->package_json.emplace(path, std::move(parsed)).first;
  }
  return it->second ? &*it->second : nullptr;
}

// --- Resolver: specifiers

std::optional<BuiltinModule> ModuleResolver::MatchBuiltin(std::string_view spec) const {
  const auto& builtins = context_.builtins;
  if (builtins.contains(spec)) return BuiltinModule{std::string(spec), true};
  if (IsNodeCoreModule(spec)) {
    std::string bare = spec.starts_with("node:") ? std::string(spec.substr(5)) : std::string(spec);
    std::string prefixed = "node:" + bare;
    if (builtins.contains(bare)) return BuiltinModule{bare, true};
    if (builtins.contains(prefixed)) return BuiltinModule{prefixed, true};
    return BuiltinModule{prefixed, false};
  }
  std::string package = PackageNameOf(spec);
  if (!package.empty() && package != spec && builtins.contains(package)) {
    return BuiltinModule{std::string(spec), false};
  }
  return std::nullopt;
}

const TsConfig* ModuleResolver::ConfigFor(const std::string& dir, std::string& error) {
  if (!context_.tsconfig_path.empty()) {
    const auto& loaded = cache_->tsconfigs.Load(vfs_, context_.tsconfig_path);
    if (!loaded) {
      error = loaded.error().message;
      return nullptr;
    }
    return &*loaded;
  }
  return cache_->tsconfigs.Nearest(vfs_, dir, &error);
}

Resolution ModuleResolver::Resolve(std::string_view from_file_arg, std::string_view spec) {
  if (spec.empty()) return NotFound{"empty module specifier", {}};
  const std::string from_file =
      ResolvePath(context_.cwd.empty() ? vfs_.Cwd() : context_.cwd, from_file_arg);  // absolute, normalized
  if (auto builtin = MatchBuiltin(spec)) return *builtin;

  std::string from_dir = DirName(from_file);
  Tried tried;
  if (IsRelativeSpecifier(spec) || IsAbsolutePath(spec)) {
    std::string target = JoinPath(from_dir, spec);
    // ".", "..", "./dir/" and "../.." name directories only, as in Node.
    std::string_view last = spec.substr(spec.rfind('/') == std::string_view::npos ? 0 : spec.rfind('/') + 1);
    bool directory_only = last.empty() || last == "." || last == "..";
    auto file =
        directory_only ? ResolveDirectory(target, true, tried) : ResolveFileOrDirectory(target, true, tried);
    if (file) return ResolvedFile{*file};
    return NotFound{fmt::format("cannot find module '{}' imported from {}", spec, from_file), tried};
  }
  if (spec.starts_with('#')) return ResolveSubpathImport(from_file, spec);
  return ResolveBare(from_file, spec);
}

Resolution ModuleResolver::ResolveBare(std::string_view from_file, std::string_view spec) {
  std::string from_dir = DirName(from_file);
  Tried tried;
  bool paths_matched = false;
  std::string config_error;

  // tsconfig paths, then baseUrl: from the importing file's nearest config, then the cwd's.
  if (!PathHasNodeModules(from_dir)) {
    std::vector<const TsConfig*> configs;
    if (const TsConfig* nearest = ConfigFor(from_dir, config_error)) {
      configs.push_back(nearest);
      tsconfig_conditions_ = nearest->custom_conditions;
    }
    if (context_.tsconfig_path.empty() && !context_.cwd.empty()) {
      std::string cwd_error;
      const TsConfig* at_cwd = cache_->tsconfigs.Nearest(vfs_, context_.cwd, &cwd_error);
      if (at_cwd != nullptr && (configs.empty() || configs.front()->path != at_cwd->path))
        configs.push_back(at_cwd);
    }
    for (const TsConfig* config : configs) {
      if (auto candidates = MatchPaths(*config, spec)) {
        paths_matched = true;
        for (const std::string& candidate : *candidates) {
          if (auto file = ResolveFileOrDirectory(candidate, true, tried)) return ResolvedFile{*file};
        }
      }
      if (config->base_url) {
        if (auto file = ResolveFileOrDirectory(JoinPath(*config->base_url, spec), true, tried)) {
          return ResolvedFile{*file};
        }
      }
    }
  }

  std::string config_note = config_error.empty() ? std::string() : " (" + config_error + ")";
  std::string package = PackageNameOf(spec);
  if (package.empty()) {
    return NotFound{
        fmt::format("cannot find module '{}' imported from {}: no tsconfig \"paths\" entry maps it and "
                    "it is not a package name{}",
                    spec, from_file, config_note),
        tried};
  }
  std::string subpath = spec.size() > package.size() ? "." + std::string(spec.substr(package.size())) : ".";

  if (auto dir = FindInNodeModules(from_dir, package))
    return ResolveInstalledPackage(*dir, package, subpath, spec, tried);
  if (auto dir = FindWorkspacePackage(from_dir, package)) {
    return ResolveWorkspacePackage(*dir, package, subpath, spec, tried);
  }
  if (paths_matched) {
    return NotFound{
        fmt::format("cannot find module '{}' imported from {}: a tsconfig \"paths\" entry maps it, "
                    "but none of its targets exists",
                    spec, from_file),
        tried};
  }
  return ExternalPackage{package, std::string(spec), {}};
}

std::optional<std::string> ModuleResolver::FindInNodeModules(const std::string& from_dir,
                                                             const std::string& package) {
  std::string dir = from_dir;
  while (true) {
    if (BaseName(dir) != "node_modules") {
      std::string candidate = JoinPath(dir, "node_modules/" + package);
      if (vfs_.IsDirectory(candidate)) return candidate;
    }
    if (dir == "/" || dir == ".") return std::nullopt;
    dir = DirName(dir);
  }
}

Resolution ResolveImport(Vfs& vfs, const ResolveContext& context, std::string_view from_file,
                         std::string_view specifier) {
  ModuleResolver resolver(vfs, context);
  return resolver.Resolve(from_file, specifier);
}

}  // namespace dp::ts
