// Connect(): validate drizzle config credentials, then dispatch to the driver.
#include <type_traits>

#include "db/connection.h"
#include "db/drivers.h"

namespace dp::db {

base::Result<std::unique_ptr<Connection>> Connect(const Credentials& credentials) {
  return std::visit(
      [](const auto& typed) -> base::Result<std::unique_ptr<Connection>> {
        using T = std::decay_t<decltype(typed)>;
        if constexpr (std::is_same_v<T, PgCredentials>) {
          return ConnectPostgres(typed);
        } else if constexpr (std::is_same_v<T, MysqlCredentials>) {
          return ConnectMysql(typed);
        } else if constexpr (std::is_same_v<T, SqliteCredentials>) {
          return ConnectSqlite(typed);
        } else if constexpr (std::is_same_v<T, LibsqlCredentials>) {
          return ConnectLibsql(typed);
        } else if constexpr (std::is_same_v<T, D1Credentials>) {
          return ConnectD1(typed);
        } else {
          static_assert(std::is_same_v<T, UnsupportedCredentials>);
          return base::Fail("driver '{}' is not supported by drizzle-push", typed.driver);
        }
      },
      credentials);
}

base::Result<std::unique_ptr<Connection>> Connect(const ConnectOptions& options) {
  auto credentials = ParseCredentials(options);
  if (!credentials) return base::Fail(credentials.error());
  return Connect(*credentials);
}

}  // namespace dp::db
