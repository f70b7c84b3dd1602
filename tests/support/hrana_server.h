// A local "Hrana over HTTP" v2 server (the documented subset libsql clients use): POST
// /v2/pipeline with execute/close requests, batons naming streams, one SQLite connection
// per stream on a real database file, optional Bearer token.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "support/http_server.h"

struct sqlite3;

namespace dp::test {

class HranaServer {
 public:
  /// Serves the SQLite database at `sqlite_path`; `token` empty = no authentication.
  explicit HranaServer(std::string sqlite_path, std::string token = "");
  ~HranaServer();

  /// "http://127.0.0.1:<port>" (clients use libsql://... with ?tls=0 or this URL).
  std::string url() const { return http_.url(); }
  int port() const { return http_.port(); }
  /// Pipeline requests received (each is one HTTP request).
  size_t pipeline_count() const;
  /// Streams currently open (a transaction in progress keeps one open).
  size_t open_streams() const;
  /// Request bodies received so far, parsed.
  std::vector<nlohmann::json> requests() const;

 private:
  HttpReply Handle(const HttpRequest& request);
  nlohmann::json Execute(sqlite3* db, const nlohmann::json& stmt);

  std::string sqlite_path_;
  std::string token_;
  mutable std::mutex mutex_;
  std::map<std::string, sqlite3*> streams_;  // baton -> connection
  std::vector<nlohmann::json> requests_;
  size_t next_baton_ = 1;
  LocalHttpServer http_;  // last: starts serving once everything above exists
};

}  // namespace dp::test
