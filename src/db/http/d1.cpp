// Cloudflare D1 over its HTTP API: POST {base}/accounts/{account}/d1/database/{db}/raw for
// queries (columns + array rows) and /query for statements, Bearer token. The base URL is
// https://api.cloudflare.com/client/v4 unless DP_D1_BASE_URL overrides it (tests).
// D1 has no interactive transactions; ExecBatch sends one multi-statement request, which
// D1 runs as an atomic batch.
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <utility>

#include "db/drivers.h"
#include "db/http/http_client.h"
#include "db/temp_file.h"
#include "db/url.h"

namespace dp::db {

namespace {

using Json = nlohmann::json;

constexpr const char* kDefaultBaseUrl = "https://api.cloudflare.com/client/v4";

std::optional<std::string> D1ValueText(const Json& value) {
  if (value.is_null()) return std::nullopt;
  if (value.is_string()) return value.get<std::string>();
  if (value.is_boolean()) return std::string(value.get<bool>() ? "1" : "0");
  if (value.is_number_integer()) return value.dump();
  if (value.is_number_float()) return SqliteRealText(value.get<double>());
  if (value.is_array()) {
    // Blobs come back as arrays of byte values.
    std::string bytes;
    for (const Json& byte : value) {
      if (!byte.is_number_integer()) return value.dump();
      bytes.push_back(static_cast<char>(byte.get<int>()));
    }
    return bytes;
  }
  return value.dump();
}

/// Drops trailing semicolons and whitespace so statements can be joined with ";\n".
std::string_view TrimStatement(std::string_view sql) {
  while (!sql.empty() && (sql.back() == ';' || sql.back() == ' ' || sql.back() == '\n' ||
                          sql.back() == '\t' || sql.back() == '\r')) {
    sql.remove_suffix(1);
  }
  return sql;
}

class D1Connection final : public Connection {
 public:
  D1Connection(std::string database_url, std::string token)
      : database_url_(std::move(database_url)), token_(std::move(token)) {}

  std::string_view Dialect() const override { return "sqlite"; }
  std::string_view Driver() const override { return "d1-http"; }
  bool SupportsTransactionalDdl() const override { return false; }

  base::Result<QueryResult> Query(std::string_view sql) override {
    CountQuery();
    auto results = Post("raw", sql);
    if (!results) return base::Fail(results.error());
    QueryResult out;
    if (results->empty()) return out;
    const Json& last = results->back().value("results", Json::object());
    if (last.is_object()) {
      for (const Json& column : last.value("columns", Json::array()))
        out.columns.push_back(column.get<std::string>());
      for (const Json& row : last.value("rows", Json::array())) {
        std::vector<std::optional<std::string>> values;
        for (const Json& value : row) values.push_back(D1ValueText(value));
        out.rows.push_back(std::move(values));
      }
    }
    return out;
  }

  base::Result<void> Exec(std::string_view sql) override {
    CountQuery();
    auto results = Post("query", sql);
    if (!results) return base::Fail(results.error());
    return {};
  }

  base::Result<void> ExecBatch(const std::vector<std::string>& statements) override {
    if (statements.empty()) return {};
    std::string joined;
    for (const std::string& statement : statements) {
      if (!joined.empty()) joined += ";\n";
      joined += TrimStatement(statement);
    }
    return Exec(joined);
  }

  base::Result<void> Begin() override { return NoTransactions(); }
  base::Result<void> Commit() override { return NoTransactions(); }
  base::Result<void> Rollback() override { return NoTransactions(); }

 private:
  static base::Result<void> NoTransactions() {
    return base::Fail("D1 over HTTP has no interactive transactions; use ExecBatch for an atomic batch");
  }

  /// POSTs {sql, params: []} to /raw or /query; returns the `result` array.
  base::Result<Json> Post(const char* endpoint, std::string_view sql) {
    last_error_ = {};
    Json body = {{"sql", std::string(sql)}, {"params", Json::array()}};
    const std::string url = database_url_ + "/" + endpoint;
    auto response = client_.PostJson(url, body.dump(), token_);
    if (!response) return base::Fail("d1-http: {}", response.error().message);
    Json parsed = Json::parse(response->body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object()) {
      return base::Fail("d1-http: HTTP {} from {}: {}", response->status, url,
                        base::RedactSecrets(response->body.substr(0, 500), token_));
    }
    if (!parsed.value("success", false)) {
      // drizzle-kit joins D1 errors as "<code>: <message>" lines.
      std::string message;
      for (const Json& error : parsed.value("errors", Json::array())) {
        if (!message.empty()) message += '\n';
        message += fmt::format("{}: {}", error.value("code", Json(0)).dump(), error.value("message", ""));
        if (last_error_.code.empty()) last_error_.code = error.value("code", Json(0)).dump();
      }
      if (message.empty()) message = fmt::format("HTTP {}", response->status);
      last_error_.message = message;
      return base::Fail("{}", base::RedactSecrets(message, token_));
    }
    Json result = parsed.value("result", Json::array());
    if (!result.is_array()) return base::Fail("d1-http: malformed response from {}", url);
    return result;
  }

  http::HttpClient client_;
  std::string database_url_;
  std::string token_;
};

}  // namespace

base::Result<std::unique_ptr<Connection>> ConnectD1(const D1Credentials& credentials) {
  const char* env = std::getenv("DP_D1_BASE_URL");
  std::string base = env && *env ? env : kDefaultBaseUrl;
  while (!base.empty() && base.back() == '/') base.pop_back();
  std::string database_url =
      fmt::format("{}/accounts/{}/d1/database/{}", base, PercentEncode(credentials.account_id),
                  PercentEncode(credentials.database_id));
  auto connection = std::make_unique<D1Connection>(database_url, credentials.token);
  if (auto probe = connection->Query("SELECT 1"); !probe) {
    return base::Fail("cannot connect to D1 database {} (account {}): {}", credentials.database_id,
                      credentials.account_id, probe.error().message);
  }
  connection->reset_query_count();
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace dp::db
