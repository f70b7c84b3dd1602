// A generated SQL statement and what applying it risks. Hazards are data: sqlgen marks
// them, push decides what to ask; sqlgen never prints.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace dp::sqlgen {

/// Bit set of what a statement risks.
enum class Hazard : uint8_t {
  None = 0,
  DataLoss = 1 << 0,      // drops a table/column/value, truncates, narrows a type
  TableRewrite = 1 << 1,  // rewrites the table (type change, SQLite recreation)
  Lock = 1 << 2,          // takes a lock that blocks writes for its duration (index build, validation)
};

inline Hazard operator|(Hazard a, Hazard b) { return static_cast<Hazard>(static_cast<uint8_t>(a) | static_cast<uint8_t>(b)); }
inline Hazard& operator|=(Hazard& a, Hazard b) { return a = a | b; }
inline bool HasHazard(Hazard set, Hazard h) { return (static_cast<uint8_t>(set) & static_cast<uint8_t>(h)) != 0; }

/// Names of the set bits, for --output json: "data_loss", "table_rewrite", "lock".
std::vector<std::string> HazardNames(Hazard set);

struct Statement {
  std::string sql;  // exactly as drizzle-kit would emit it, ending in ";"
  Hazard hazards = Hazard::None;
  /// Cannot run inside a transaction (CREATE INDEX CONCURRENTLY): applied after COMMIT.
  bool outside_transaction = false;
};

}  // namespace dp::sqlgen
