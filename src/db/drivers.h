// Internal: one factory per driver, called by Connect() after credential validation.
#pragma once

#include <memory>

#include "db/connection.h"

namespace dp::db {

base::Result<std::unique_ptr<Connection>> ConnectPostgres(const PgCredentials& credentials);
base::Result<std::unique_ptr<Connection>> ConnectMysql(const MysqlCredentials& credentials);
base::Result<std::unique_ptr<Connection>> ConnectSqlite(const SqliteCredentials& credentials);
base::Result<std::unique_ptr<Connection>> ConnectLibsql(const LibsqlCredentials& credentials);
base::Result<std::unique_ptr<Connection>> ConnectD1(const D1Credentials& credentials);

}  // namespace dp::db
