// libpq keywords from drizzle-kit credentials (see pg_params.h).
#include "db/pg_params.h"

#include <libpq-fe.h>

#include <cstdlib>
#include <memory>
#include <set>

#include "db/url.h"

namespace dp::db {

namespace {

constexpr const char* kConnectTimeoutSeconds = "15";

/// Every keyword this libpq understands.
const std::set<std::string>& LibpqKeywords() {
  static const std::set<std::string> keywords = [] {
    std::set<std::string> names;
    PQconninfoOption* options = PQconndefaults();
    for (PQconninfoOption* option = options; option && option->keyword; ++option)
      names.insert(option->keyword);
    PQconninfoFree(options);
    return names;
  }();
  return keywords;
}

/// Splits off node-postgres-only query parameters: returns the URL libpq accepts and
/// appends translated keywords to `extra`.
std::string CleanUrl(const std::string& url, std::vector<std::pair<std::string, std::string>>* extra) {
  size_t question = url.find('?');
  if (question == std::string::npos) return url;
  std::string cleaned = url.substr(0, question);
  std::string_view query = std::string_view(url).substr(question + 1);
  std::string kept;
  for (const QueryParam& param : SplitQuery(query)) {
    const std::string& key = param.key;
    const std::string& value = param.value;
    if (key == "ssl") {
      // node-postgres: ssl=true verifies like Node's TLS defaults; ssl=false turns TLS off.
      if (value == "true" || value == "1") extra->emplace_back("sslmode", "verify-full");
      if (value == "false" || value == "0") extra->emplace_back("sslmode", "disable");
      continue;
    }
    if (key == "sslmode" && value == "no-verify") {
      extra->emplace_back("sslmode", "require");
      continue;
    }
    if (!LibpqKeywords().count(key)) continue;  // e.g. uselibpqcompat, schema: ignored like pg does
    kept += kept.empty() ? "" : "&";
    kept += param.raw;
  }
  if (!kept.empty()) cleaned += "?" + kept;
  return cleaned;
}

/// The password as written in a URL's userinfo (still percent-encoded), for redaction.
std::string RawUrlPassword(const std::string& url) {
  size_t scheme = url.find("://");
  if (scheme == std::string::npos) return "";
  size_t authority_end = url.find_first_of("/?", scheme + 3);
  std::string authority = url.substr(
      scheme + 3, authority_end == std::string::npos ? std::string::npos : authority_end - scheme - 3);
  size_t at = authority.rfind('@');
  if (at == std::string::npos) return "";
  size_t colon = authority.find(':');
  if (colon == std::string::npos || colon > at) return "";
  return authority.substr(colon + 1, at - colon - 1);
}

}  // namespace

const char* PgSslModeName(PgSslMode mode) {
  switch (mode) {
    case PgSslMode::kDefault:
      return "";
    case PgSslMode::kDisable:
      return "disable";
    case PgSslMode::kAllow:
      return "allow";
    case PgSslMode::kPrefer:
      return "prefer";
    case PgSslMode::kRequire:
      return "require";
    case PgSslMode::kVerifyFull:
      return "verify-full";
  }
  return "";
}

std::string PgParams::Get(const std::string& keyword) const {
  std::string value;
  for (const auto& [key, item] : keywords) {
    if (key == keyword) value = item;
  }
  return value;
}

bool PgParams::NeedsRootCert() const {
  std::string mode = Get("sslmode");
  return (mode == "verify-full" || mode == "verify-ca") && Get("sslrootcert").empty();
}

base::Result<PgParams> PgConnectParams(const PgCredentials& credentials) {
  PgParams params;
  params.keywords = {{"connect_timeout", kConnectTimeoutSeconds},
                     {"fallback_application_name", "drizzle-push"},
                     {"client_encoding", "UTF8"}};
  if (credentials.url) {
    std::vector<std::pair<std::string, std::string>> extra;
    std::string url = CleanUrl(*credentials.url, &extra);
    char* error = nullptr;
    PQconninfoOption* parsed = PQconninfoParse(url.c_str(), &error);
    if (parsed == nullptr) {
      std::string message = error ? error : "out of memory";
      PQfreemem(error);
      while (!message.empty() && message.back() == '\n') message.pop_back();
      return base::Fail("invalid PostgreSQL url: {}", base::RedactSecrets(message, RawUrlPassword(url)));
    }
    // Expand the URL's own keywords so the effective sslmode/sslrootcert/password are visible.
    std::vector<std::pair<std::string, std::string>> from_url;
    for (PQconninfoOption* option = parsed; option->keyword; ++option) {
      if (option->val != nullptr) from_url.emplace_back(option->keyword, option->val);
    }
    PQconninfoFree(parsed);
    params.keywords.emplace_back("dbname", url);
    for (const auto& [key, value] : from_url) {
      if (key == "password") params.password = value;
      if (key == "sslmode" || key == "sslrootcert") params.keywords.emplace_back(key, value);
    }
    for (auto& keyword : extra) params.keywords.push_back(std::move(keyword));
  } else {
    params.keywords.emplace_back("host", credentials.host);
    if (credentials.port) params.keywords.emplace_back("port", std::to_string(*credentials.port));
    if (credentials.user) params.keywords.emplace_back("user", *credentials.user);
    if (credentials.password) {
      params.keywords.emplace_back("password", *credentials.password);
      params.password = *credentials.password;
    }
    params.keywords.emplace_back("dbname", credentials.database);
    if (credentials.ssl != PgSslMode::kDefault) {
      params.keywords.emplace_back("sslmode", PgSslModeName(credentials.ssl));
    }
  }
  if (params.password.empty()) {
    if (const char* env = std::getenv("PGPASSWORD")) params.password = env;
  }
  return params;
}

}  // namespace dp::db
