// libcurl-backed JSON POST for the libsql and D1 drivers.
#include "db/http/http_client.h"

#include <curl/curl.h>

#include <mutex>

namespace dp::db::http {

namespace {

constexpr long kConnectTimeoutSeconds = 15;
constexpr long kRequestTimeoutSeconds = 300;

size_t AppendBody(char* data, size_t size, size_t count, void* user) {
  static_cast<std::string*>(user)->append(data, size * count);
  return size * count;
}

void GlobalInit() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

}  // namespace

HttpClient::HttpClient() {
  GlobalInit();
  curl_ = curl_easy_init();
}

HttpClient::~HttpClient() {
  if (curl_) curl_easy_cleanup(static_cast<CURL*>(curl_));
}

base::Result<HttpResponse> HttpClient::PostJson(const std::string& url, const std::string& body,
                                                const std::string& bearer_token) {
  CURL* curl = static_cast<CURL*>(curl_);
  if (curl == nullptr) return base::Fail("cannot initialise libcurl");
  curl_easy_reset(curl);

  struct curl_slist* headers = nullptr;
  headers = curl_slist_append(headers, "Content-Type: application/json");
  headers = curl_slist_append(headers, "Accept: application/json");
  headers = curl_slist_append(headers, "Expect:");  // no 100-continue round trip
  std::string authorization;
  if (!bearer_token.empty()) {
    authorization = "Authorization: Bearer " + bearer_token;
    headers = curl_slist_append(headers, authorization.c_str());
  }

  HttpResponse response;
  char error_buffer[CURL_ERROR_SIZE] = {0};
  curl_easy_setopt(curl, CURLOPT_URL, url.c_str());
  curl_easy_setopt(curl, CURLOPT_POST, 1L);
  curl_easy_setopt(curl, CURLOPT_POSTFIELDS, body.data());
  curl_easy_setopt(curl, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(body.size()));
  curl_easy_setopt(curl, CURLOPT_HTTPHEADER, headers);
  curl_easy_setopt(curl, CURLOPT_WRITEFUNCTION, &AppendBody);
  curl_easy_setopt(curl, CURLOPT_WRITEDATA, &response.body);
  curl_easy_setopt(curl, CURLOPT_ERRORBUFFER, error_buffer);
  curl_easy_setopt(curl, CURLOPT_CONNECTTIMEOUT, kConnectTimeoutSeconds);
  curl_easy_setopt(curl, CURLOPT_TIMEOUT, kRequestTimeoutSeconds);
  curl_easy_setopt(curl, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(curl, CURLOPT_USERAGENT, "drizzle-push");
  curl_easy_setopt(curl, CURLOPT_PROTOCOLS_STR, "http,https");

  CURLcode code = curl_easy_perform(curl);
  curl_slist_free_all(headers);
  if (code != CURLE_OK) {
    std::string reason = error_buffer[0] ? error_buffer : curl_easy_strerror(code);
    return base::Fail("request to {} failed: {}", base::RedactSecrets(url, bearer_token),
                      base::RedactSecrets(reason, bearer_token));
  }
  curl_easy_getinfo(curl, CURLINFO_RESPONSE_CODE, &response.status);
  return response;
}

}  // namespace dp::db::http
