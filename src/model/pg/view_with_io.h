// Internal: reading a PostgreSQL view's `with` object (pg/json.cpp uses it).
#pragma once

#include <string>

#include "model/json_io.h"
#include "model/pg/snapshot.h"

namespace dp::model::pg {

/// Reads `with` (strict: unknown options are errors), recording the key order.
ViewWith ReadViewWith(detail::ReadContext& context, const detail::Json& json, const std::string& path);

}  // namespace dp::model::pg
