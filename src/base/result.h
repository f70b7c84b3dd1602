// Result<T> for stage errors: tl::expected with an Error that gathers context as it
// crosses stage boundaries ("postgres: introspect columns: <libpq text>", Atlas's %w).
#pragma once

#include <fmt/format.h>

#include <string>
#include <tl/expected.hpp>
#include <utility>

namespace dp::base {

/// A stage error: a human-readable message, already free of secrets.
struct Error {
  std::string message;

  /// Prefixes context: Wrap("introspect") turns "x" into "introspect: x".
  Error Wrap(std::string_view context) const { return Error{fmt::format("{}: {}", context, message)}; }
};

template <typename T>
using Result = tl::expected<T, Error>;

/// The unexpected value for a Result, formatted like fmt::format.
template <typename... Args>
tl::unexpected<Error> Fail(fmt::format_string<Args...> format, Args&&... args) {
  return tl::unexpected<Error>(Error{fmt::format(format, std::forward<Args>(args)...)});
}

inline tl::unexpected<Error> Fail(Error error) { return tl::unexpected<Error>(std::move(error)); }

/// Removes the password from a connection URL or libpq conninfo string, and any
/// literal occurrence of `password` in `text`, so messages never leak it.
std::string RedactSecrets(std::string text, std::string_view password = {});

}  // namespace dp::base

/// Propagates a failed Result from the current function.
#define DP_TRY(expr)                                               \
  do {                                                             \
    auto&& dp_try_result_ = (expr);                                \
    if (!dp_try_result_) return ::tl::unexpected(dp_try_result_.error()); \
  } while (0)
