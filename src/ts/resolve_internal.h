// The resolver's internals, shared by resolve.cpp (files, specifiers, tsconfig) and
// resolve_package.cpp (package entry points, "exports"/"imports", workspaces). Not an API.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ts/resolve.h"

namespace dp::ts {

/// True for .ts/.tsx/.mts/.cts files that are not declaration files.
bool IsTsSource(std::string_view path);
/// True for .d.ts/.d.mts/.d.cts files.
bool IsDeclarationFile(std::string_view path);

/// One resolution run; holds the context and caches.
class ModuleResolver {
 public:
  using Tried = std::vector<std::string>;

  ModuleResolver(Vfs& vfs, const ResolveContext& context);
  Resolution Resolve(std::string_view from_file, std::string_view spec);

 private:
  // resolve.cpp
  std::optional<std::string> Found(const std::string& path);
  /// A file at `path`, with extension probing; `ts_rule` maps .js to .ts and friends.
  std::optional<std::string> ResolveFile(const std::string& path, bool ts_rule, Tried& tried);
  /// A directory's package.json types/typings/main/module, then index.*.
  std::optional<std::string> ResolveDirectory(const std::string& dir, bool ts_rule, Tried& tried);
  std::optional<std::string> ResolveFileOrDirectory(const std::string& path, bool ts_rule, Tried& tried);
  /// The first target that resolves to TypeScript source; else (unless source_only) the
  /// first that resolves to a runnable, non-declaration file.
  std::optional<std::string> PickEntry(const std::vector<std::string>& targets, bool ts_rule,
                                       bool source_only, Tried& tried);
  /// The parsed package.json in `dir` (cached); nullptr when missing or invalid.
  const nlohmann::ordered_json* PackageJson(const std::string& dir);
  std::optional<BuiltinModule> MatchBuiltin(std::string_view spec) const;
  const TsConfig* ConfigFor(const std::string& dir, std::string& error);
  Resolution ResolveBare(std::string_view from_file, std::string_view spec);
  std::optional<std::string> FindInNodeModules(const std::string& from_dir, const std::string& package);

  // resolve_package.cpp
  /// The conditions "exports"/"imports" objects are matched with.
  bool ConditionActive(std::string_view condition) const;
  /// Targets of an "exports" or "imports" map for `key` ("." / "./sub" / "#x"), in the
  /// map's condition order, unresolved (relative to the package or bare).
  std::optional<std::vector<std::string>> MapTargets(const nlohmann::ordered_json& map, std::string_view key,
                                                     bool is_imports);
  void CollectTargets(const nlohmann::ordered_json& value, std::string_view star, bool has_star,
                      std::vector<std::string>& out);
  /// Entry candidates of a package directory for `subpath`; nullopt when "exports" does not
  /// export it.
  std::optional<std::vector<std::string>> EntryTargets(const std::string& dir,
                                                       const nlohmann::ordered_json* manifest,
                                                       const std::string& subpath);
  Resolution ResolveInstalledPackage(const std::string& dir, const std::string& package,
                                     const std::string& subpath, std::string_view spec, Tried& tried);
  Resolution ResolveWorkspacePackage(const std::string& dir, const std::string& package,
                                     const std::string& subpath, std::string_view spec, Tried& tried);
  Resolution ResolveSubpathImport(std::string_view from_file, std::string_view spec);
  /// A workspace package's directory from the root package.json "workspaces" or
  /// pnpm-workspace.yaml above `from_dir` (or the cwd).
  std::optional<std::string> FindWorkspacePackage(const std::string& from_dir, const std::string& package);
  std::optional<std::string> FindWorkspaceRoot(const std::string& start);
  const std::map<std::string, std::string>& WorkspaceMap(const std::string& root);

  Vfs& vfs_;
  const ResolveContext& context_;
  ResolveCache local_cache_;
  ResolveCache* cache_;
  std::vector<std::string> tsconfig_conditions_;  // customConditions of the config in use
};

}  // namespace dp::ts
