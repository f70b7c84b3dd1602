// What introspection reads of the live database: drizzle-kit's config filters.
#pragma once

#include <string>
#include <vector>

namespace dp::introspect {

/// Filters from the config (drizzle-kit's names).
struct Filters {
  std::vector<std::string> tables;          // tablesFilter globs ("!" negation)
  std::vector<std::string> schemas;         // schemaFilter (pg; default {"public"})
  std::vector<std::string> extensions;      // extensionsFilters ("postgis")
  bool roles_enabled = false;               // entities.roles given
  std::string roles_provider;               // "supabase" | "neon" | ""
  std::vector<std::string> roles_include;
  std::vector<std::string> roles_exclude;
};

}  // namespace dp::introspect
