// Minimal RFC 3986 URL splitting for connection strings (mysql://, libsql://, https://):
// scheme, userinfo, host (IPv6 in brackets), port, path, query pairs; percent-decoding.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "base/result.h"

namespace dp::db {

/// A parsed URL; user, password, path and query values are percent-decoded.
struct Url {
  std::string scheme;  ///< Lower-cased, without "://".
  std::string user;
  std::optional<std::string> password;
  std::string host;  ///< Without IPv6 brackets.
  std::optional<int> port;
  std::string path;  ///< Starts with "/" when present.
  std::vector<std::pair<std::string, std::string>> query;

  /// The value of the first query parameter named `key`.
  std::optional<std::string> QueryValue(std::string_view key) const;
};

/// Parses "scheme://[user[:password]@]host[:port][/path][?query][#fragment]".
/// Errors never include the password.
base::Result<Url> ParseUrl(std::string_view text);

/// One `key=value` of a query string: decoded key and value, and the pair as written.
struct QueryParam {
  std::string_view raw;
  std::string key;
  std::string value;  ///< "" when the pair has no '='.
};

/// Splits a query string (without '?') at '&', skipping empty pairs.
std::vector<QueryParam> SplitQuery(std::string_view query);

/// Decodes %XX escapes (and nothing else; '+' stays '+').
std::string PercentDecode(std::string_view text);

/// Escapes everything but RFC 3986 unreserved characters.
std::string PercentEncode(std::string_view text);

}  // namespace dp::db
