// A PostgreSQL view's `with` options: one table of (JSON key, member) drives equality,
// writing in key order, and strict reading.
#include <algorithm>
#include <array>

#include "model/json_text.h"
#include "model/pg/view_with_io.h"

namespace dp::model::pg {

namespace {

using detail::Json;

/// One option: its JSON key and exactly one member pointer.
struct Field {
  const char* key;
  std::optional<std::string> ViewWith::*text = nullptr;
  std::optional<bool> ViewWith::*flag = nullptr;
  std::optional<double> ViewWith::*number = nullptr;
};

constexpr Field Text(const char* key, std::optional<std::string> ViewWith::*member) {
  return {key, member, nullptr, nullptr};
}
constexpr Field Flag(const char* key, std::optional<bool> ViewWith::*member) {
  return {key, nullptr, member, nullptr};
}
constexpr Field Number(const char* key, std::optional<double> ViewWith::*member) {
  return {key, nullptr, nullptr, member};
}

// zod order (viewWithOption merged with matViewWithOption).
const std::array<Field, 21> kFields = {
    Text("checkOption", &ViewWith::check_option),
    Flag("securityBarrier", &ViewWith::security_barrier),
    Flag("securityInvoker", &ViewWith::security_invoker),
    Number("fillfactor", &ViewWith::fillfactor),
    Number("toastTupleTarget", &ViewWith::toast_tuple_target),
    Number("parallelWorkers", &ViewWith::parallel_workers),
    Flag("autovacuumEnabled", &ViewWith::autovacuum_enabled),
    Text("vacuumIndexCleanup", &ViewWith::vacuum_index_cleanup),
    Flag("vacuumTruncate", &ViewWith::vacuum_truncate),
    Number("autovacuumVacuumThreshold", &ViewWith::autovacuum_vacuum_threshold),
    Number("autovacuumVacuumScaleFactor", &ViewWith::autovacuum_vacuum_scale_factor),
    Number("autovacuumVacuumCostDelay", &ViewWith::autovacuum_vacuum_cost_delay),
    Number("autovacuumVacuumCostLimit", &ViewWith::autovacuum_vacuum_cost_limit),
    Number("autovacuumFreezeMinAge", &ViewWith::autovacuum_freeze_min_age),
    Number("autovacuumFreezeMaxAge", &ViewWith::autovacuum_freeze_max_age),
    Number("autovacuumFreezeTableAge", &ViewWith::autovacuum_freeze_table_age),
    Number("autovacuumMultixactFreezeMinAge", &ViewWith::autovacuum_multixact_freeze_min_age),
    Number("autovacuumMultixactFreezeMaxAge", &ViewWith::autovacuum_multixact_freeze_max_age),
    Number("autovacuumMultixactFreezeTableAge", &ViewWith::autovacuum_multixact_freeze_table_age),
    Number("logAutovacuumMinDuration", &ViewWith::log_autovacuum_min_duration),
    Flag("userCatalogTable", &ViewWith::user_catalog_table),
};

const Field* FindField(std::string_view key) {
  for (const Field& field : kFields) {
    if (key == field.key) return &field;
  }
  return nullptr;
}

bool IsSet(const ViewWith& with, const Field& field) {
  if (field.text != nullptr) return (with.*field.text).has_value();
  if (field.flag != nullptr) return (with.*field.flag).has_value();
  return (with.*field.number).has_value();
}

Json ValueOf(const ViewWith& with, const Field& field) {
  if (field.text != nullptr) return Json(*(with.*field.text));
  if (field.flag != nullptr) return Json(*(with.*field.flag));
  return JsNumber(*(with.*field.number));
}

}  // namespace

bool ViewWith::operator==(const ViewWith& other) const {
  for (const Field& field : kFields) {
    if (field.text != nullptr && this->*field.text != other.*field.text) return false;
    if (field.flag != nullptr && this->*field.flag != other.*field.flag) return false;
    if (field.number != nullptr && this->*field.number != other.*field.number) return false;
  }
  return true;
}

nlohmann::ordered_json ViewWith::Entries() const {
  Json json = Json::object();
  for (const std::string& key : key_order) {
    const Field* field = FindField(key);
    if (field != nullptr && IsSet(*this, *field)) json[field->key] = ValueOf(*this, *field);
  }
  for (const Field& field : kFields) {
    if (IsSet(*this, field) && !json.contains(field.key)) json[field.key] = ValueOf(*this, field);
  }
  return json;
}

ViewWith ReadViewWith(detail::ReadContext& context, const Json& json, const std::string& path) {
  ViewWith with;
  if (!json.is_object()) {
    context.Error(path, "expected object, got " + std::string(detail::TypeName(json)));
    return with;
  }
  for (const auto& [key, value] : json.items()) {
    std::string value_path = detail::ChildPath(path, key);
    const Field* field = FindField(key);
    if (field == nullptr) {
      context.Error(value_path, "unknown key");
      return with;
    }
    if (field->text != nullptr) {
      if (!value.is_string())
        context.Error(value_path, "expected string, got " + std::string(detail::TypeName(value)));
      else
        with.*field->text = value.get<std::string>();
    } else if (field->flag != nullptr) {
      if (!value.is_boolean())
        context.Error(value_path, "expected boolean, got " + std::string(detail::TypeName(value)));
      else
        with.*field->flag = value.get<bool>();
    } else {
      if (!value.is_number())
        context.Error(value_path, "expected number, got " + std::string(detail::TypeName(value)));
      else
        with.*field->number = value.get<double>();
    }
    with.key_order.push_back(key);
  }
  return with;
}

}  // namespace dp::model::pg
