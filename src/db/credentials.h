// Database credentials as drizzle.config's `dbCredentials` gives them, validated the way
// drizzle-kit 0.31 validates them for push (same accepted shapes, same messages), into
// one typed struct per driver.
#pragma once

#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <variant>

#include "base/result.h"

namespace dp::db {

/// What Connect() needs from drizzle config.
struct ConnectOptions {
  std::string dialect;                ///< "postgresql" | "mysql" | "sqlite" | "turso" | "singlestore" | "gel"
  std::optional<std::string> driver;  ///< config `driver`: "d1-http" | "expo" | "durable-sqlite" |
                                      ///< "aws-data-api" | "pglite" | "turso"
  nlohmann::json credentials = nlohmann::json::object();  ///< `dbCredentials`, as written
  std::string command = "push";                           ///< For drizzle-kit's command-specific messages.

  /// From a whole config object: {dialect, driver?, dbCredentials?}.
  static ConnectOptions FromConfig(const nlohmann::json& config);
};

/// libpq sslmode derived from drizzle-kit's `ssl` option.
enum class PgSslMode { kDefault, kDisable, kAllow, kPrefer, kRequire, kVerifyFull };

/// PostgreSQL: `{url}` or `{host, port?, user?, password?, database, ssl?}`.
struct PgCredentials {
  std::optional<std::string> url;
  std::string host;
  std::optional<int> port;
  std::optional<std::string> user;
  std::optional<std::string> password;
  std::string database;
  PgSslMode ssl = PgSslMode::kDefault;
  /// From an `ssl` object (Node TLS options): PEM texts written to temp files for libpq.
  std::optional<std::string> ssl_ca_pem, ssl_cert_pem, ssl_key_pem;
};

/// MySQL / MariaDB: `{url}` or `{host, port?, user?, password?, database, ssl?}`.
struct MysqlCredentials {
  std::string host;
  int port = 3306;
  std::optional<std::string> user;
  std::optional<std::string> password;
  std::string database;
  std::optional<std::string> socket;  ///< From a URL's `?socket=` parameter.
  bool ssl = false;                   ///< TLS required.
  bool ssl_verify = false;            ///< Verify the server certificate (Node's rejectUnauthorized).
  std::optional<std::string> ssl_ca_pem, ssl_cert_pem, ssl_key_pem;
  std::optional<std::string> url;  ///< The URL it came from, when it did (for messages).
};

/// A local SQLite database: a path, a `file:` URI or ":memory:".
struct SqliteCredentials {
  std::string url;
};

/// libsql / Turso over HTTP (Hrana): libsql://, https://, http://, wss://, ws:// URLs.
struct LibsqlCredentials {
  std::string url;
  std::optional<std::string> auth_token;
};

/// Cloudflare D1 over its HTTP API.
struct D1Credentials {
  std::string account_id;
  std::string database_id;
  std::string token;
};

/// Accepted by validation but not implemented by drizzle-push (yet): named in the error.
struct UnsupportedCredentials {
  std::string driver;
};

using Credentials = std::variant<PgCredentials, MysqlCredentials, SqliteCredentials, LibsqlCredentials,
                                 D1Credentials, UnsupportedCredentials>;

/// Validates `options` like drizzle-kit push does. On failure the message is drizzle-kit's
/// text (without its red " Error " badge and colors), e.g. "Please provide required params
/// for Postgres driver:\n    [✓] host: 'localhost'\n ...". Secrets are never echoed.
base::Result<Credentials> ParseCredentials(const ConnectOptions& options);

/// drizzle-kit's wrapParam line for one config key: "    [✓] host: 'db'", "    [x] database: undefined",
/// "        port?: ", secrets as '*****', URLs with the password as '****'.
enum class ParamKind { kPlain, kUrl, kSecret };
std::string WrapParam(const nlohmann::json& options, const char* name, bool optional = false,
                      ParamKind kind = ParamKind::kPlain);

/// True when a `url` for the sqlite/turso dialects names a remote libsql server, not a file.
bool IsRemoteLibsqlUrl(std::string_view url);

}  // namespace dp::db
