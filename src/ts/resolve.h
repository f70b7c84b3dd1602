// Module resolution: turns an import specifier seen in one file into the file to evaluate,
// a built-in module the runtime provides, or an opaque third-party package. It follows
// TypeScript + Node (what tsx does for drizzle-kit): relative paths with TypeScript's
// extension rules, tsconfig `paths`/`baseUrl`, node_modules lookup with package.json
// "exports"/"types"/"main", and monorepo workspace packages evaluated from their sources.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "ts/tsconfig.h"
#include "ts/vfs.h"

namespace dp::ts {

/// A source file to load and evaluate (absolute, symlinks resolved, so every module has
/// one identity). Its extension may be .ts/.tsx/.mts/.cts/.js/.jsx/.mjs/.cjs/.json.
struct ResolvedFile {
  std::string path;
};

/// A module the runtime implements natively.
struct BuiltinModule {
  /// The registered name that matched: the specifier itself, or its other spelling for Node
  /// core modules ("node:path" <-> "path"). For an unregistered subpath of a registered
  /// package ("drizzle-orm/node-postgres" when only "drizzle-orm" is registered), and for an
  /// unregistered Node core module, the specifier as written ("node:" added for core modules).
  std::string name;
  /// False when `name` itself is not in ResolveContext::builtins (family or core match); the
  /// runtime then decides between an opaque module and an error naming the import.
  bool registered = true;
};

/// A third-party package we do not evaluate; imports from it become opaque values.
struct ExternalPackage {
  std::string name;         // package name: "zod", "@paralleldrive/cuid2"
  std::string specifier;    // as written: "zod/v4"
  std::string package_dir;  // absolute directory in node_modules; empty when not installed
};

/// Nothing matched; the message says why and `tried` lists the candidates looked at.
struct NotFound {
  std::string message;
  std::vector<std::string> tried;
};

using Resolution = std::variant<ResolvedFile, BuiltinModule, ExternalPackage, NotFound>;

/// Caches shared by many resolutions (tsconfig files, package.json files, workspace maps).
/// Optional; without it every call reads what it needs again.
struct ResolveCache {
  TsConfigCache tsconfigs;
  std::map<std::string, std::optional<nlohmann::ordered_json>> package_json;  // path -> parsed
  std::map<std::string, std::map<std::string, std::string>> workspaces;       // root dir -> name -> dir
};

/// What a resolution depends on besides the importing file.
struct ResolveContext {
  /// Names the runtime implements: "drizzle-orm", "drizzle-orm/pg-core", "dotenv/config",
  /// "path", "node:path", ... A registered package name also claims its subpaths (see
  /// BuiltinModule). Matching is exact and case-sensitive.
  std::set<std::string, std::less<>> builtins;
  /// Where the tool runs; the fallback for finding tsconfig.json and for workspace roots.
  std::string cwd;
  /// A tsconfig.json to use for every file instead of the nearest one (absolute).
  std::string tsconfig_path;
  /// package.json "exports"/"imports" conditions in addition to "types", "import",
  /// "require", "node", "default" and the tsconfig's customConditions.
  std::vector<std::string> conditions;
  /// Optional caches; keep one per program load.
  ResolveCache* cache = nullptr;
};

/// Resolves `specifier` imported from `from_file` (absolute path of the importing file).
/// Order: builtins; relative/absolute paths; tsconfig `paths` then `baseUrl`; node_modules
/// (workspace packages and packages whose entry is TypeScript source resolve to files, other
/// installed packages are ExternalPackage); workspaces declared in the root package.json /
/// pnpm-workspace.yaml. A bare specifier found nowhere is ExternalPackage with an empty
/// package_dir (the user may run without node_modules), except when a tsconfig `paths`
/// pattern matched it: then NotFound lists the mapped candidates.
Resolution ResolveImport(Vfs& vfs, const ResolveContext& context, std::string_view from_file,
                         std::string_view specifier);

/// The package name of a bare specifier: "@a/b/c" -> "@a/b", "zod/v4" -> "zod"; empty for
/// relative, absolute or malformed specifiers.
std::string PackageNameOf(std::string_view specifier);

/// True for Node's core modules ("fs", "path", "node:test", ...), with or without "node:".
bool IsNodeCoreModule(std::string_view specifier);

/// A one-line description of a resolution, for tests and --verbose ("file /a/b.ts",
/// "builtin drizzle-orm", "external zod", "not found: ...").
std::string DescribeResolution(const Resolution& resolution);

}  // namespace dp::ts
