// Hazard names for machine-readable output.
#include "sqlgen/statement.h"

namespace dp::sqlgen {

std::vector<std::string> HazardNames(Hazard set) {
  std::vector<std::string> names;
  if (HasHazard(set, Hazard::DataLoss)) names.emplace_back("data_loss");
  if (HasHazard(set, Hazard::TableRewrite)) names.emplace_back("table_rewrite");
  if (HasHazard(set, Hazard::Lock)) names.emplace_back("lock");
  return names;
}

}  // namespace dp::sqlgen
