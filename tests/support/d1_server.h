// A local stand-in for Cloudflare's D1 HTTP API (the subset drizzle-kit uses):
// POST /client/v4/accounts/{account}/d1/database/{database}/{query|raw} with {sql, params},
// Bearer token, a real SQLite file behind it. Several statements in one request run as an
// atomic batch, as on D1; BEGIN/COMMIT/SAVEPOINT are refused, as on D1.
#pragma once

#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/http_server.h"

struct sqlite3;

namespace dp::test {

class D1Server {
 public:
  D1Server(std::string sqlite_path, std::string account_id, std::string database_id, std::string token);
  ~D1Server();

  /// The API base to put in DP_D1_BASE_URL: "http://127.0.0.1:<port>/client/v4".
  std::string base_url() const { return http_.url() + "/client/v4"; }
  /// Request bodies received so far, parsed (with "endpoint": "query" | "raw" added).
  std::vector<nlohmann::json> requests() const;

 private:
  HttpReply Handle(const HttpRequest& request);
  nlohmann::json Run(const std::string& sql, const nlohmann::json& params, bool raw, std::string* error);

  std::string account_id_;
  std::string database_id_;
  std::string token_;
  sqlite3* db_ = nullptr;
  mutable std::mutex mutex_;
  std::vector<nlohmann::json> requests_;
  LocalHttpServer http_;  // last: starts serving once everything above exists
};

}  // namespace dp::test
