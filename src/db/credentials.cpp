// drizzle-kit's dbCredentials validation for push (cli/validations/{postgres,mysql,sqlite,
// libsql}.ts and their printConfigConnectionIssues), reproduced shape by shape.
#include "db/credentials.h"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "db/url.h"

namespace dp::db {

namespace {

using Json = nlohmann::json;

bool Has(const Json& options, const char* key) {
  return options.contains(key);
}

/// zod string().min(1), required.
bool NonEmptyString(const Json& options, const char* key) {
  auto it = options.find(key);
  return it != options.end() && it->is_string() && !it->get_ref<const std::string&>().empty();
}

/// zod string().min(1).optional(): absent, or a non-empty string.
bool OptionalNonEmptyString(const Json& options, const char* key) {
  return !Has(options, key) || NonEmptyString(options, key);
}

std::optional<std::string> GetString(const Json& options, const char* key) {
  auto it = options.find(key);
  if (it == options.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

/// JavaScript Number(value) for the JSON kinds a config can hold.
double JsNumber(const Json& value) {
  if (value.is_number()) return value.get<double>();
  if (value.is_boolean()) return value.get<bool>() ? 1 : 0;
  if (value.is_null()) return 0;
  if (value.is_string()) {
    std::string text = value.get<std::string>();
    size_t begin = text.find_first_not_of(" \t\n\r\f\v");
    if (begin == std::string::npos) return 0;
    size_t end = text.find_last_not_of(" \t\n\r\f\v");
    text = text.substr(begin, end - begin + 1);
    char* stop = nullptr;
    double number = std::strtod(text.c_str(), &stop);
    if (stop != text.c_str() + text.size()) return std::nan("");
    // strtod accepts "inf"/"nan" spellings that Number() does not.
    if (text.find_first_of("nN") != std::string::npos) return std::nan("");
    return number;
  }
  return std::nan("");
}

/// zod coerce.number().min(1).optional(); writes the value when present.
bool OptionalPort(const Json& options, const char* key, std::optional<int>* port) {
  auto it = options.find(key);
  if (it == options.end()) return true;
  double number = JsNumber(*it);
  if (std::isnan(number) || number < 1) return false;
  *port = number > 1e9 ? 1000000000 : static_cast<int>(number);  // out-of-range ports fail at connect
  return true;
}

bool DriverIsUndefined(const Json& options) {
  return !Has(options, "driver") || options["driver"].is_null();
}

std::string DriverString(const Json& options) {
  auto value = GetString(options, "driver");
  return value ? *value : std::string();
}

std::string Lines(std::string_view header, const std::vector<std::string>& lines) {
  std::string text(header);
  for (const std::string& line : lines) {
    text += '\n';
    text += line;
  }
  return text;
}

std::optional<std::string> PemText(const Json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_array()) {
    std::string joined;
    for (const Json& item : value) {
      if (!item.is_string()) return std::nullopt;
      if (!joined.empty() && joined.back() != '\n') joined += '\n';
      joined += item.get<std::string>();
    }
    return joined;
  }
  return std::nullopt;
}

// ---- PostgreSQL -----------------------------------------------------------------------

bool PgSslValid(const Json& options) {
  auto it = options.find("ssl");
  if (it == options.end()) return true;
  if (it->is_boolean() || it->is_object()) return true;
  if (!it->is_string()) return false;
  const std::string& mode = it->get_ref<const std::string&>();
  return mode == "require" || mode == "allow" || mode == "prefer" || mode == "verify-full";
}

void ApplyPgSsl(const Json& options, PgCredentials* out) {
  auto it = options.find("ssl");
  if (it == options.end()) return;
  if (it->is_boolean()) {
    // Node's `ssl: true` verifies the certificate and the host name.
    out->ssl = it->get<bool>() ? PgSslMode::kVerifyFull : PgSslMode::kDisable;
  } else if (it->is_string()) {
    const std::string& mode = it->get_ref<const std::string&>();
    out->ssl = mode == "require"  ? PgSslMode::kRequire
               : mode == "allow"  ? PgSslMode::kAllow
               : mode == "prefer" ? PgSslMode::kPrefer
                                  : PgSslMode::kVerifyFull;
  } else if (it->is_object()) {
    auto reject = it->find("rejectUnauthorized");
    bool verify = reject == it->end() || !reject->is_boolean() || reject->get<bool>();
    out->ssl = verify ? PgSslMode::kVerifyFull : PgSslMode::kRequire;
    if (auto ca = it->find("ca"); ca != it->end()) out->ssl_ca_pem = PemText(*ca);
    if (auto cert = it->find("cert"); cert != it->end()) out->ssl_cert_pem = PemText(*cert);
    if (auto key = it->find("key"); key != it->end()) out->ssl_key_pem = PemText(*key);
  }
}

base::Result<Credentials> ParsePostgres(const Json& options) {
  if (DriverIsUndefined(options)) {
    PgCredentials host_form;
    if (NonEmptyString(options, "host") && OptionalPort(options, "port", &host_form.port) &&
        OptionalNonEmptyString(options, "user") && OptionalNonEmptyString(options, "password") &&
        NonEmptyString(options, "database") && PgSslValid(options)) {
      host_form.host = *GetString(options, "host");
      host_form.user = GetString(options, "user");
      host_form.password = GetString(options, "password");
      host_form.database = *GetString(options, "database");
      ApplyPgSsl(options, &host_form);
      return host_form;
    }
    if (NonEmptyString(options, "url")) {
      PgCredentials url_form;
      url_form.url = GetString(options, "url");
      return url_form;
    }
  }
  const std::string driver = DriverString(options);
  if (driver == "aws-data-api" && NonEmptyString(options, "database") &&
      NonEmptyString(options, "secretArn") && NonEmptyString(options, "resourceArn")) {
    return UnsupportedCredentials{"aws-data-api"};
  }
  if (driver == "pglite" && NonEmptyString(options, "url")) return UnsupportedCredentials{"pglite"};

  if (driver == "aws-data-api") {
    return base::Fail("{}", Lines("Please provide required params for AWS Data API driver:",
                                  {WrapParam(options, "database"),
                                   WrapParam(options, "secretArn", false, ParamKind::kSecret),
                                   WrapParam(options, "resourceArn", false, ParamKind::kSecret)}));
  }
  if (Has(options, "url")) {
    return base::Fail("{}", Lines("Please provide required params for Postgres driver:",
                                  {WrapParam(options, "url", false, ParamKind::kUrl)}));
  }
  if (Has(options, "host") || Has(options, "database")) {
    return base::Fail("{}", Lines("Please provide required params for Postgres driver:",
                                  {WrapParam(options, "host"), WrapParam(options, "port", true),
                                   WrapParam(options, "user", true),
                                   WrapParam(options, "password", true, ParamKind::kSecret),
                                   WrapParam(options, "database"), WrapParam(options, "ssl", true)}));
  }
  return base::Fail(
      "Either connection \"url\" or \"host\", \"database\" are required for PostgreSQL database connection");
}

// ---- MySQL ----------------------------------------------------------------------------

bool MysqlSslValid(const Json& options) {
  auto it = options.find("ssl");
  if (it == options.end() || it->is_string()) return true;
  if (!it->is_object()) return false;
  for (const char* key : {"pfx", "key", "passphrase", "cert", "ciphers"}) {
    if (it->contains(key) && !(*it)[key].is_string()) return false;
  }
  for (const char* key : {"ca", "crl"}) {
    if (!it->contains(key)) continue;
    const Json& value = (*it)[key];
    if (value.is_string()) continue;
    if (!value.is_array()) return false;
    for (const Json& item : value) {
      if (!item.is_string()) return false;
    }
  }
  if (it->contains("rejectUnauthorized") && !(*it)["rejectUnauthorized"].is_boolean()) return false;
  return true;
}

/// mysql2's `ssl`: a profile name (TLS, no CA of ours to check it with) or Node TLS options.
void ApplyMysqlSsl(const Json& ssl, MysqlCredentials* out) {
  if (ssl.is_string()) {
    out->ssl = true;
    out->ssl_verify = false;
  } else if (ssl.is_object()) {
    out->ssl = true;
    auto reject = ssl.find("rejectUnauthorized");
    out->ssl_verify = reject == ssl.end() || !reject->is_boolean() || reject->get<bool>();
    if (auto ca = ssl.find("ca"); ca != ssl.end()) out->ssl_ca_pem = PemText(*ca);
    if (auto cert = ssl.find("cert"); cert != ssl.end()) out->ssl_cert_pem = PemText(*cert);
    if (auto key = ssl.find("key"); key != ssl.end()) out->ssl_key_pem = PemText(*key);
  } else if (ssl.is_boolean() && ssl.get<bool>()) {
    out->ssl = true;
    out->ssl_verify = true;
  }
}

base::Result<MysqlCredentials> MysqlFromUrl(const std::string& text) {
  auto url = ParseUrl(text);
  if (!url) return base::Fail("Invalid URL");
  MysqlCredentials out;
  out.url = text;
  // drizzle-kit takes the database from the last path segment.
  std::string_view path = url->path;
  size_t slash = path.rfind('/');
  std::string database(slash == std::string_view::npos ? path : path.substr(slash + 1));
  if (database.empty()) {
    return base::Fail(
        "You should specify a database name in connection string (mysql://USER:PASSWORD@HOST:PORT/DATABASE)");
  }
  out.database = database;
  out.host = url->host.empty() ? "localhost" : url->host;
  out.port = url->port.value_or(3306);
  if (!url->user.empty()) out.user = url->user;
  out.password = url->password;
  out.socket = url->QueryValue("socket");
  if (auto ssl = url->QueryValue("ssl")) {
    // mysql2 JSON-parses query values; a bare word stays a string (an SSL profile name).
    Json value = Json::parse(*ssl, nullptr, false);
    ApplyMysqlSsl(value.is_discarded() ? Json(*ssl) : value, &out);
  }
  return out;
}

base::Result<Credentials> ParseMysql(const Json& options) {
  std::optional<int> port;
  if (NonEmptyString(options, "host") && OptionalPort(options, "port", &port) &&
      OptionalNonEmptyString(options, "user") && OptionalNonEmptyString(options, "password") &&
      NonEmptyString(options, "database") && MysqlSslValid(options)) {
    MysqlCredentials out;
    out.host = *GetString(options, "host");
    out.port = port.value_or(3306);
    out.user = GetString(options, "user");
    out.password = GetString(options, "password");
    out.database = *GetString(options, "database");
    if (options.contains("ssl")) ApplyMysqlSsl(options["ssl"], &out);
    return out;
  }
  if (NonEmptyString(options, "url")) {
    auto parsed = MysqlFromUrl(*GetString(options, "url"));
    if (!parsed) return base::Fail(parsed.error());
    return *parsed;
  }
  if (Has(options, "url")) {
    return base::Fail("{}", Lines("Please provide required params for MySQL driver:",
                                  {WrapParam(options, "url", false, ParamKind::kUrl)}));
  }
  return base::Fail(
      "{}", Lines("Please provide required params for MySQL driver:",
                  {WrapParam(options, "host"), WrapParam(options, "port", true),
                   WrapParam(options, "user", true), WrapParam(options, "password", true, ParamKind::kSecret),
                   WrapParam(options, "database"), WrapParam(options, "ssl", true)}));
}

// ---- SQLite / libsql / D1 ---------------------------------------------------------------

/// sqlite's printConfigConnectionIssues (drizzle-kit uses it for the turso dialect too).
base::Error SqliteIssues(const Json& options, const std::string& command) {
  const std::string driver = DriverString(options);
  if (driver == "expo") {
    if (command == "migrate") {
      return {
          "You can't use 'migrate' command with Expo SQLite, please follow migration instructions in our "
          "docs - "
          "https://orm.drizzle.team/docs/get-started-sqlite#expo-sqlite"};
    }
    if (command == "studio") {
      return {
          "You can't use 'studio' command with Expo SQLite, please use Expo Plugin "
          "https://www.npmjs.com/package/expo-drizzle-studio-plugin"};
    }
    if (command == "pull" || command == "push")
      return {"You can't use '" + command + "' command with Expo SQLite"};
    return {"Unexpected error with expo driver 🤔"};
  }
  if (driver == "d1-http") {
    return {Lines("Please provide required params for D1 HTTP driver:",
                  {WrapParam(options, "accountId"), WrapParam(options, "databaseId"),
                   WrapParam(options, "token", false, ParamKind::kSecret)})};
  }
  if (driver == "durable-sqlite") {
    if (command == "migrate" || command == "studio" || command == "pull" || command == "push") {
      return {"You can't use '" + command + "' command with SQLite Durable Objects"};
    }
    return {"Unexpected error with SQLite Durable Object driver 🤔"};
  }
  return {Lines("Please provide required params:", {WrapParam(options, "url")})};
}

Credentials SqliteOrLibsql(std::string url, std::optional<std::string> auth_token) {
  if (IsRemoteLibsqlUrl(url)) return LibsqlCredentials{std::move(url), std::move(auth_token)};
  return SqliteCredentials{std::move(url)};
}

base::Result<Credentials> ParseSqlite(const Json& options, const std::string& command) {
  const std::string driver = DriverString(options);
  if (driver == "turso" && NonEmptyString(options, "url") && OptionalNonEmptyString(options, "authToken")) {
    return SqliteOrLibsql(*GetString(options, "url"), GetString(options, "authToken"));
  }
  if (driver == "d1-http" && NonEmptyString(options, "accountId") && NonEmptyString(options, "databaseId") &&
      NonEmptyString(options, "token")) {
    return D1Credentials{*GetString(options, "accountId"), *GetString(options, "databaseId"),
                         *GetString(options, "token")};
  }
  if (DriverIsUndefined(options) && NonEmptyString(options, "url")) {
    return SqliteOrLibsql(*GetString(options, "url"), std::nullopt);
  }
  return base::Fail(SqliteIssues(options, command));
}

base::Result<Credentials> ParseTurso(const Json& options, const std::string& command) {
  if (NonEmptyString(options, "url") && OptionalNonEmptyString(options, "authToken")) {
    return SqliteOrLibsql(*GetString(options, "url"), GetString(options, "authToken"));
  }
  return base::Fail(SqliteIssues(options, command));
}

}  // namespace

ConnectOptions ConnectOptions::FromConfig(const nlohmann::json& config) {
  ConnectOptions options;
  if (auto dialect = config.find("dialect"); dialect != config.end() && dialect->is_string()) {
    options.dialect = dialect->get<std::string>();
  }
  if (auto driver = config.find("driver"); driver != config.end() && driver->is_string()) {
    options.driver = driver->get<std::string>();
  }
  if (auto credentials = config.find("dbCredentials");
      credentials != config.end() && credentials->is_object()) {
    options.credentials = *credentials;
  }
  return options;
}

std::string WrapParam(const nlohmann::json& options, const char* name, bool optional, ParamKind kind) {
  auto it = options.find(name);
  if (it != options.end() && it->is_string()) {
    const std::string& value = it->get_ref<const std::string&>();
    if (value.empty()) return fmt::format("    [x] {}: ''", name);
    if (kind == ParamKind::kSecret) return fmt::format("    [✓] {}: '*****'", name);
    if (kind == ParamKind::kUrl) {
      // drizzle-kit masks /(?<=:\/\/[^:\n]*:)([^@]*)/: from the first ':' after "://" up to '@'.
      std::string masked = value;
      for (size_t scheme = masked.find("://"); scheme != std::string::npos;
           scheme = masked.find("://", scheme + 1)) {
        size_t colon = masked.find_first_of(":\n", scheme + 3);
        if (colon == std::string::npos || masked[colon] == '\n') continue;
        size_t at = masked.find('@', colon + 1);
        masked.replace(colon + 1, (at == std::string::npos ? masked.size() : at) - colon - 1, "****");
        break;
      }
      return fmt::format("    [✓] {}: '{}'", name, masked);
    }
    return fmt::format("    [✓] {}: '{}'", name, value);
  }
  if (optional) return fmt::format("        {}?: ", name);
  return fmt::format("    [x] {}: undefined", name);
}

bool IsRemoteLibsqlUrl(std::string_view url) {
  for (std::string_view scheme : {"libsql://", "https://", "http://", "wss://", "ws://"}) {
    if (url.substr(0, scheme.size()) == scheme) return true;
  }
  return false;
}

base::Result<Credentials> ParseCredentials(const ConnectOptions& options) {
  // drizzle-kit flattens dbCredentials into the config: the config's driver is visible
  // to the credential schemas unless dbCredentials sets its own.
  Json merged = options.credentials.is_object() ? options.credentials : Json::object();
  if (options.driver && !merged.contains("driver")) merged["driver"] = *options.driver;

  const std::string& dialect = options.dialect;
  if (dialect == "postgresql") return ParsePostgres(merged);
  if (dialect == "mysql") return ParseMysql(merged);
  if (dialect == "sqlite") return ParseSqlite(merged, options.command);
  if (dialect == "turso") return ParseTurso(merged, options.command);
  if (dialect == "gel") return base::Fail("You can't use '{}' command with Gel dialect", options.command);
  if (dialect == "singlestore") return base::Fail("dialect 'singlestore' is not supported by drizzle-push");
  return base::Fail("unknown dialect '{}': expected postgresql, mysql, sqlite or turso", dialect);
}

}  // namespace dp::db
