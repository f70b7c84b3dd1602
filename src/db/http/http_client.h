// Internal: a small blocking HTTPS client over libcurl for the HTTP database drivers
// (JSON POST with a Bearer token, one reused handle for keep-alive).
#pragma once

#include <string>

#include "base/result.h"

namespace dp::db::http {

struct HttpResponse {
  long status = 0;
  std::string body;
};

class HttpClient {
 public:
  HttpClient();
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  /// POSTs `body` as application/json; `bearer_token` may be empty. Transport failures are
  /// errors; any HTTP status is a response. Messages never carry the token.
  base::Result<HttpResponse> PostJson(const std::string& url, const std::string& body,
                                      const std::string& bearer_token);

 private:
  void* curl_ = nullptr;  // CURL*
};

}  // namespace dp::db::http
