// libsql / Turso over "Hrana over HTTP" (POST {url}/v2/pipeline). Outside a transaction
// each call is a one-shot stream (execute + close); BEGIN keeps the stream open and its
// baton travels with every later request until COMMIT/ROLLBACK closes it.
#include <cctype>
#include <nlohmann/json.hpp>
#include <utility>

#include "db/drivers.h"
#include "db/http/http_client.h"
#include "db/temp_file.h"
#include "db/url.h"

namespace dp::db {

namespace {

using Json = nlohmann::json;

/// The leading keyword of a statement, upper-cased ("BEGIN", "COMMIT", ...).
std::string LeadingKeyword(std::string_view sql) {
  size_t i = 0;
  while (i < sql.size() && std::isspace(static_cast<unsigned char>(sql[i]))) ++i;
  std::string word;
  while (i < sql.size() && std::isalpha(static_cast<unsigned char>(sql[i]))) {
    word.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(sql[i++]))));
  }
  // "ROLLBACK TO [SAVEPOINT] x" keeps the transaction open.
  if (word == "ROLLBACK") {
    std::string upper;
    for (char c : sql.substr(i))
      upper.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
    size_t to = upper.find_first_not_of(" \t\r\n");
    if (to != std::string::npos && upper.compare(to, 2, "TO") == 0) return "ROLLBACK TO";
  }
  return word;
}

base::Result<std::string> DecodeBase64(std::string_view text) {
  auto value = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  unsigned int buffer = 0;
  int bits = 0;
  for (char c : text) {
    if (c == '=' || c == '\n' || c == '\r') continue;
    int v = value(c);
    if (v < 0) return base::Fail("invalid base64 in blob value");
    buffer = (buffer << 6) | static_cast<unsigned int>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<char>((buffer >> bits) & 0xFF));
    }
  }
  return out;
}

/// A Hrana Value as text (SQLite's own rendering for floats).
base::Result<std::optional<std::string>> ValueText(const Json& value) {
  const std::string type = value.value("type", "");
  if (type == "null") return std::optional<std::string>();
  if (type == "integer") {
    const Json& v = value.at("value");
    return std::optional<std::string>(v.is_string() ? v.get<std::string>() : v.dump());
  }
  if (type == "float") return std::optional<std::string>(SqliteRealText(value.at("value").get<double>()));
  if (type == "text") return std::optional<std::string>(value.at("value").get<std::string>());
  if (type == "blob") {
    auto bytes = DecodeBase64(value.value("base64", ""));
    if (!bytes) return base::Fail(bytes.error());
    return std::optional<std::string>(std::move(*bytes));
  }
  return base::Fail("unknown Hrana value type '{}'", type);
}

class LibsqlConnection final : public Connection {
 public:
  LibsqlConnection(std::string base_url, std::string token)
      : base_url_(std::move(base_url)), token_(std::move(token)) {}

  ~LibsqlConnection() override {
    if (baton_) (void)Pipeline({Json{{"type", "close"}}});
  }

  std::string_view Dialect() const override { return "sqlite"; }
  std::string_view Driver() const override { return "libsql-http"; }
  bool SupportsTransactionalDdl() const override { return true; }

  base::Result<QueryResult> Query(std::string_view sql) override {
    CountQuery();
    last_error_ = {};
    const std::string keyword = LeadingKeyword(sql);
    const bool opens = keyword == "BEGIN" || keyword == "SAVEPOINT";
    const bool closes = keyword == "COMMIT" || keyword == "END" || keyword == "ROLLBACK";
    // Keep the stream while a transaction is open (or being opened); otherwise one-shot.
    const bool had_stream = baton_.has_value();
    const bool keep_stream = had_stream ? !closes : opens;

    Json execute = {{"type", "execute"}, {"stmt", {{"sql", std::string(sql)}, {"want_rows", true}}}};
    std::vector<Json> requests = {std::move(execute)};
    if (!keep_stream) requests.push_back(Json{{"type", "close"}});
    auto results = Pipeline(requests);
    if (!results) return base::Fail(results.error());
    const Json& first = (*results)[0];
    if (first.value("type", "") != "ok") {
      // A BEGIN that failed opened nothing: close the stream it would have used.
      if (opens && keep_stream && baton_ && !had_stream) (void)Pipeline({Json{{"type", "close"}}});
      const Json error = first.value("error", Json::object());
      last_error_.message = error.value("message", "unknown error");
      if (error.contains("code") && error["code"].is_string())
        last_error_.code = error["code"].get<std::string>();
      return base::Fail("{}", base::RedactSecrets(last_error_.message, token_));
    }
    return ParseResult(first.at("response").at("result"));
  }

  base::Result<void> Rollback() override {
    if (!baton_) return {};  // the stream (and its transaction) is already gone
    return Exec("ROLLBACK");
  }

 private:
  /// Sends one pipeline on the current stream; returns `results`, one per request.
  base::Result<Json> Pipeline(const std::vector<Json>& requests) {
    Json body = {{"baton", baton_ ? Json(*baton_) : Json(nullptr)}, {"requests", requests}};
    const std::string url = (stream_url_.empty() ? base_url_ : stream_url_) + "/v2/pipeline";
    auto response = client_.PostJson(url, body.dump(), token_);
    if (!response) {
      ResetStream();
      return base::Fail("libsql: {}", response.error().message);
    }
    if (response->status < 200 || response->status >= 300) {
      ResetStream();  // an HTTP error invalidates the stream
      std::string text = response->body;
      Json parsed = Json::parse(text, nullptr, false);
      if (!parsed.is_discarded() && parsed.is_object()) {
        if (parsed.contains("error") && parsed["error"].is_string()) {
          text = parsed["error"].get<std::string>();
        } else if (parsed.contains("message") && parsed["message"].is_string()) {
          text = parsed["message"].get<std::string>();
        }
      }
      return base::Fail("libsql: HTTP {} from {}: {}", response->status, url,
                        base::RedactSecrets(text, token_));
    }
    Json parsed = Json::parse(response->body, nullptr, false);
    if (parsed.is_discarded() || !parsed.is_object() || !parsed.contains("results") ||
        !parsed["results"].is_array() || parsed["results"].size() != requests.size()) {
      ResetStream();
      return base::Fail("libsql: malformed pipeline response from {}", url);
    }
    if (parsed.contains("baton") && parsed["baton"].is_string()) {
      baton_ = parsed["baton"].get<std::string>();
    } else {
      baton_.reset();
    }
    if (parsed.contains("base_url") && parsed["base_url"].is_string()) {
      stream_url_ = parsed["base_url"].get<std::string>();
      while (!stream_url_.empty() && stream_url_.back() == '/') stream_url_.pop_back();
    }
    if (!baton_) stream_url_.clear();
    return parsed["results"];
  }

  void ResetStream() {
    baton_.reset();
    stream_url_.clear();
  }

  static base::Result<QueryResult> ParseResult(const Json& result) {
    QueryResult out;
    for (const Json& column : result.value("cols", Json::array())) {
      const Json name = column.value("name", Json());
      out.columns.push_back(name.is_string() ? name.get<std::string>() : std::string());
    }
    for (const Json& row : result.value("rows", Json::array())) {
      std::vector<std::optional<std::string>> values;
      values.reserve(row.size());
      for (const Json& value : row) {
        auto text = ValueText(value);
        if (!text) return base::Fail(text.error());
        values.push_back(std::move(*text));
      }
      out.rows.push_back(std::move(values));
    }
    return out;
  }

  http::HttpClient client_;
  std::string base_url_;
  std::string token_;
  std::optional<std::string> baton_;
  std::string stream_url_;
};

}  // namespace

base::Result<std::unique_ptr<Connection>> ConnectLibsql(const LibsqlCredentials& credentials) {
  auto url = ParseUrl(credentials.url);
  if (!url) return base::Fail("invalid libsql url: {}", url.error().message);
  std::string token = credentials.auth_token.value_or(url->QueryValue("authToken").value_or(""));
  const bool tls = url->QueryValue("tls").value_or("1") != "0";
  std::string scheme;
  if (url->scheme == "libsql") {
    scheme = tls ? "https" : "http";
  } else if (url->scheme == "https" || url->scheme == "wss") {
    scheme = "https";
  } else if (url->scheme == "http" || url->scheme == "ws") {
    scheme = "http";
  } else {
    return base::Fail("unsupported libsql url scheme '{}:'", url->scheme);
  }
  const bool ipv6 = url->host.find(':') != std::string::npos;
  std::string base = fmt::format("{}://{}{}{}", scheme, ipv6 ? "[" + url->host + "]" : url->host,
                                 url->port ? fmt::format(":{}", *url->port) : "", url->path);
  while (!base.empty() && base.back() == '/') base.pop_back();
  auto connection = std::make_unique<LibsqlConnection>(base, std::move(token));
  // Fail now, like the other drivers, when the server or the token is wrong.
  if (auto probe = connection->Query("SELECT 1"); !probe) {
    return base::Fail("cannot connect to libsql at {}: {}", base, probe.error().message);
  }
  connection->reset_query_count();
  return std::unique_ptr<Connection>(std::move(connection));
}

}  // namespace dp::db
