// MySQL / MariaDB over the MariaDB client library (libmariadb). Text protocol, one
// statement per call (multi-statements stay off), errors as the server's message text.
#include <mysql.h>
#include <sys/stat.h>

#include <memory>
#include <utility>

#include "db/drivers.h"
#include "db/temp_file.h"

namespace dp::db {

namespace {

constexpr unsigned int kConnectTimeoutSeconds = 15;
constexpr const char* kSystemCaBundle = "/etc/ssl/certs/ca-certificates.crt";

class MysqlConnection final : public Connection {
 public:
  MysqlConnection(MYSQL* mysql, std::string password) : mysql_(mysql), password_(std::move(password)) {}
  ~MysqlConnection() override { mysql_close(mysql_); }

  std::string_view Dialect() const override { return "mysql"; }
  std::string_view Driver() const override { return "mariadb"; }
  bool SupportsTransactionalDdl() const override { return false; }

  base::Result<QueryResult> Query(std::string_view sql) override {
    CountQuery();
    last_error_ = {};
    if (mysql_real_query(mysql_, sql.data(), sql.size()) != 0) return Error();
    QueryResult out;
    if (mysql_field_count(mysql_) == 0) return out;
    std::unique_ptr<MYSQL_RES, decltype(&mysql_free_result)> result(mysql_store_result(mysql_),
                                                                    &mysql_free_result);
    if (!result) return Error();
    unsigned int columns = mysql_num_fields(result.get());
    MYSQL_FIELD* fields = mysql_fetch_fields(result.get());
    for (unsigned int column_idx = 0; column_idx < columns; ++column_idx) {
      out.columns.emplace_back(fields[column_idx].name, fields[column_idx].name_length);
    }
    while (MYSQL_ROW row = mysql_fetch_row(result.get())) {
      unsigned long* lengths = mysql_fetch_lengths(result.get());
      std::vector<std::optional<std::string>> values;
      values.reserve(columns);
      for (unsigned int column_idx = 0; column_idx < columns; ++column_idx) {
        if (row[column_idx] == nullptr) {
          values.emplace_back(std::nullopt);
        } else {
          values.emplace_back(std::string(row[column_idx], lengths[column_idx]));
        }
      }
      out.rows.push_back(std::move(values));
    }
    return out;
  }

 private:
  tl::unexpected<base::Error> Error() {
    last_error_.code = std::to_string(mysql_errno(mysql_));
    last_error_.message = mysql_error(mysql_);
    return base::Fail("{}", base::RedactSecrets(last_error_.message, password_));
  }

  MYSQL* mysql_;
  std::string password_;
};

bool FileExists(const char* path) {
  struct stat info {};
  return ::stat(path, &info) == 0;
}

}  // namespace

base::Result<std::unique_ptr<Connection>> ConnectMysql(const MysqlCredentials& credentials) {
  MYSQL* mysql = mysql_init(nullptr);
  if (mysql == nullptr) return base::Fail("mysql: out of memory");
  std::unique_ptr<MYSQL, decltype(&mysql_close)> guard(mysql, &mysql_close);

  unsigned int timeout = kConnectTimeoutSeconds;
  mysql_optionsv(mysql, MYSQL_OPT_CONNECT_TIMEOUT, &timeout);
  mysql_optionsv(mysql, MYSQL_SET_CHARSET_NAME, "utf8mb4");
  if (!credentials.socket) {
    // mysql2 always uses TCP, also for "localhost" (libmariadb would pick the unix socket).
    unsigned int protocol = MYSQL_PROTOCOL_TCP;
    mysql_optionsv(mysql, MYSQL_OPT_PROTOCOL, &protocol);
  }

  TempFile ca_file, cert_file, key_file;
  if (credentials.ssl) {
    my_bool enforce = 1;
    my_bool verify = credentials.ssl_verify ? 1 : 0;
    mysql_optionsv(mysql, MYSQL_OPT_SSL_ENFORCE, &enforce);
    mysql_optionsv(mysql, MYSQL_OPT_SSL_VERIFY_SERVER_CERT, &verify);
    if (credentials.ssl_ca_pem) {
      DP_TRY(ca_file.Write(*credentials.ssl_ca_pem));
      mysql_optionsv(mysql, MYSQL_OPT_SSL_CA, ca_file.path().c_str());
    } else if (credentials.ssl_verify && FileExists(kSystemCaBundle)) {
      mysql_optionsv(mysql, MYSQL_OPT_SSL_CA, kSystemCaBundle);
    }
    if (credentials.ssl_cert_pem) {
      DP_TRY(cert_file.Write(*credentials.ssl_cert_pem));
      mysql_optionsv(mysql, MYSQL_OPT_SSL_CERT, cert_file.path().c_str());
    }
    if (credentials.ssl_key_pem) {
      DP_TRY(key_file.Write(*credentials.ssl_key_pem));
      mysql_optionsv(mysql, MYSQL_OPT_SSL_KEY, key_file.path().c_str());
    }
  }

  const std::string password = credentials.password.value_or("");
  const char* user = credentials.user ? credentials.user->c_str() : nullptr;
  const char* socket = credentials.socket ? credentials.socket->c_str() : nullptr;
  if (mysql_real_connect(mysql, credentials.host.c_str(), user,
                         credentials.password ? password.c_str() : nullptr, credentials.database.c_str(),
                         static_cast<unsigned int>(credentials.port), socket,
                         /*clientflag=*/0) == nullptr) {
    std::string where =
        credentials.socket ? *credentials.socket : fmt::format("{}:{}", credentials.host, credentials.port);
    std::string message =
        fmt::format("cannot connect to MySQL at {} (database \"{}\", user \"{}\"): {}", where,
                    credentials.database, credentials.user.value_or(""), mysql_error(mysql));
    return base::Fail("{}", base::RedactSecrets(std::move(message), password));
  }
  guard.release();
  return std::unique_ptr<Connection>(new MysqlConnection(mysql, password));
}

}  // namespace dp::db
