// Internal: libpq connection keywords from PgCredentials: drizzle-kit's `ssl` forms mapped to
// sslmode, node-postgres-only URL parameters translated or dropped so libpq accepts the URL.
#pragma once

#include <string>
#include <utility>
#include <vector>

#include "db/credentials.h"

namespace dp::db {

/// Keywords for PQconnectdbParams (expand_dbname=1), in order; later ones win.
struct PgParams {
  std::vector<std::pair<std::string, std::string>> keywords;
  std::string password;  ///< The password in use, for redaction ("" when none).

  /// The last value given for `keyword` ("" when absent).
  std::string Get(const std::string& keyword) const;
  /// verify-ca/verify-full without an sslrootcert: libpq would look for ~/.postgresql/root.crt.
  bool NeedsRootCert() const;
};

/// Builds the keywords; fails on a URL libpq cannot parse (message without the password).
base::Result<PgParams> PgConnectParams(const PgCredentials& credentials);

/// The libpq sslmode name for a mode ("" for kDefault).
const char* PgSslModeName(PgSslMode mode);

}  // namespace dp::db
