// A tiny HTTP/1.1 server on 127.0.0.1 (random port) for driver tests: one thread, one
// request per connection ("Connection: close"), the handler runs on the server thread.
#pragma once

#include <atomic>
#include <functional>
#include <map>
#include <string>
#include <thread>

namespace dp::test {

struct HttpRequest {
  std::string method;
  std::string path;                            ///< Without the query string.
  std::map<std::string, std::string> headers;  ///< Lower-cased names.
  std::string body;
};

struct HttpReply {
  int status = 200;
  std::string body;
  std::string content_type = "application/json";
};

class LocalHttpServer {
 public:
  using Handler = std::function<HttpReply(const HttpRequest&)>;

  /// Binds 127.0.0.1 on a free port and starts serving; aborts the test binary on failure.
  explicit LocalHttpServer(Handler handler);
  ~LocalHttpServer();
  LocalHttpServer(const LocalHttpServer&) = delete;
  LocalHttpServer& operator=(const LocalHttpServer&) = delete;

  int port() const { return port_; }
  /// "http://127.0.0.1:<port>".
  std::string url() const;
  /// Requests answered so far.
  size_t request_count() const { return request_count_.load(); }

 private:
  void Serve();
  void HandleConnection(int fd);

  Handler handler_;
  int listen_fd_ = -1;
  int port_ = 0;
  std::atomic<bool> stop_{false};
  std::atomic<size_t> request_count_{0};
  std::thread thread_;
};

}  // namespace dp::test
