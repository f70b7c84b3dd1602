// Views and materialized views, as drizzle-kit's fromDatabase reads them: the definition
// from pg_get_viewdef (whitespace collapsed), reloptions as camelCased `with` options,
// the tablespace of a materialized view; plus the access method drizzle-kit leaves out.
#include <cctype>
#include <cstdlib>

#include "introspect/pg/builders.h"

namespace dp::introspect::pg {

namespace mpg = model::pg;

namespace {

/// One reloption: its name and exactly one ViewWith member.
struct OptionField {
  const char* option;  ///< reloption name
  const char* key;     ///< snapshot key
  std::optional<std::string> mpg::ViewWith::*text = nullptr;
  std::optional<bool> mpg::ViewWith::*flag = nullptr;
  std::optional<double> mpg::ViewWith::*number = nullptr;
};

constexpr OptionField Text(const char* option, const char* key,
                           std::optional<std::string> mpg::ViewWith::*m) {
  return {option, key, m, nullptr, nullptr};
}
constexpr OptionField Flag(const char* option, const char* key, std::optional<bool> mpg::ViewWith::*m) {
  return {option, key, nullptr, m, nullptr};
}
constexpr OptionField Number(const char* option, const char* key, std::optional<double> mpg::ViewWith::*m) {
  return {option, key, nullptr, nullptr, m};
}

constexpr OptionField kOptions[] = {
    Text("check_option", "checkOption", &mpg::ViewWith::check_option),
    Flag("security_barrier", "securityBarrier", &mpg::ViewWith::security_barrier),
    Flag("security_invoker", "securityInvoker", &mpg::ViewWith::security_invoker),
    Number("fillfactor", "fillfactor", &mpg::ViewWith::fillfactor),
    Number("toast_tuple_target", "toastTupleTarget", &mpg::ViewWith::toast_tuple_target),
    Number("parallel_workers", "parallelWorkers", &mpg::ViewWith::parallel_workers),
    Flag("autovacuum_enabled", "autovacuumEnabled", &mpg::ViewWith::autovacuum_enabled),
    Text("vacuum_index_cleanup", "vacuumIndexCleanup", &mpg::ViewWith::vacuum_index_cleanup),
    Flag("vacuum_truncate", "vacuumTruncate", &mpg::ViewWith::vacuum_truncate),
    Number("autovacuum_vacuum_threshold", "autovacuumVacuumThreshold",
           &mpg::ViewWith::autovacuum_vacuum_threshold),
    Number("autovacuum_vacuum_scale_factor", "autovacuumVacuumScaleFactor",
           &mpg::ViewWith::autovacuum_vacuum_scale_factor),
    Number("autovacuum_vacuum_cost_delay", "autovacuumVacuumCostDelay",
           &mpg::ViewWith::autovacuum_vacuum_cost_delay),
    Number("autovacuum_vacuum_cost_limit", "autovacuumVacuumCostLimit",
           &mpg::ViewWith::autovacuum_vacuum_cost_limit),
    Number("autovacuum_freeze_min_age", "autovacuumFreezeMinAge", &mpg::ViewWith::autovacuum_freeze_min_age),
    Number("autovacuum_freeze_max_age", "autovacuumFreezeMaxAge", &mpg::ViewWith::autovacuum_freeze_max_age),
    Number("autovacuum_freeze_table_age", "autovacuumFreezeTableAge",
           &mpg::ViewWith::autovacuum_freeze_table_age),
    Number("autovacuum_multixact_freeze_min_age", "autovacuumMultixactFreezeMinAge",
           &mpg::ViewWith::autovacuum_multixact_freeze_min_age),
    Number("autovacuum_multixact_freeze_max_age", "autovacuumMultixactFreezeMaxAge",
           &mpg::ViewWith::autovacuum_multixact_freeze_max_age),
    Number("autovacuum_multixact_freeze_table_age", "autovacuumMultixactFreezeTableAge",
           &mpg::ViewWith::autovacuum_multixact_freeze_table_age),
    Number("log_autovacuum_min_duration", "logAutovacuumMinDuration",
           &mpg::ViewWith::log_autovacuum_min_duration),
    Flag("user_catalog_table", "userCatalogTable", &mpg::ViewWith::user_catalog_table),
};

bool SetOption(mpg::ViewWith& with, std::string_view option, const std::string& value) {
  for (const OptionField& field : kOptions) {
    if (option != field.option) continue;
    if (field.text != nullptr) {
      with.*field.text = value;
    } else if (field.flag != nullptr) {
      if (value != "true" && value != "false") return false;
      with.*field.flag = value == "true";
    } else {
      char* end = nullptr;
      double number = std::strtod(value.c_str(), &end);
      if (value.empty() || end == nullptr || *end != '\0') return false;
      with.*field.number = number;
    }
    with.key_order.push_back(field.key);
    return true;
  }
  return false;
}

}  // namespace

std::string ViewDefinition(const std::string& definition) {
  std::string collapsed;
  bool in_space = false;
  for (char c : definition) {
    if (std::isspace(static_cast<unsigned char>(c)) != 0) {
      if (!in_space) collapsed += ' ';
      in_space = true;
      continue;
    }
    in_space = false;
    collapsed += c;
  }
  size_t semicolon = collapsed.find(';');
  if (semicolon != std::string::npos) collapsed.erase(semicolon, 1);
  size_t start = collapsed.find_first_not_of(' ');
  if (start == std::string::npos) return "";
  size_t end = collapsed.find_last_not_of(' ');
  return collapsed.substr(start, end - start + 1);
}

mpg::View BuildView(const Relation& relation, std::vector<mpg::Column> columns) {
  mpg::View view;
  view.name = relation.name;
  view.schema = relation.schema;
  for (mpg::Column& column : columns) {
    if (column.identity) column.identity->schema = relation.schema;
    std::string name = column.name;
    view.columns.insert_or_assign(name, std::move(column));
  }
  view.definition = ViewDefinition(relation.definition.value_or(""));
  view.materialized = relation.kind == 'm';
  mpg::ViewWith with;
  for (const std::string& option : relation.options) {
    size_t eq = option.find('=');
    if (eq == std::string::npos) continue;
    SetOption(with, std::string_view(option).substr(0, eq), option.substr(eq + 1));
  }
  if (!with.key_order.empty()) view.with = std::move(with);
  view.is_existing = false;
  if (view.materialized) {
    view.tablespace = relation.tablespace;
    view.using_method = relation.access_method;
  }
  return view;
}

}  // namespace dp::introspect::pg
