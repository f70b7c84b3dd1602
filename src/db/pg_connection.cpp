// PostgreSQL over libpq. One statement per call through the extended protocol (PQexecParams
// refuses several statements), text results, errors as "<message> [<SQLSTATE>]" like
// drizzle-kit prints them.
#include <libpq-fe.h>
#include <sys/stat.h>

#include <cstdlib>
#include <memory>
#include <utility>
#include <vector>

#include "db/drivers.h"
#include "db/pg_params.h"
#include "db/temp_file.h"

namespace dp::db {

namespace {

std::string TrimRight(std::string text) {
  while (!text.empty() && (text.back() == '\n' || text.back() == ' ' || text.back() == '\r')) text.pop_back();
  return text;
}

std::string Field(const PGresult* result, int code) {
  const char* value = PQresultErrorField(result, code);
  return value ? value : "";
}

void IgnoreNotice(void*, const char*) {}

class PgConnection final : public Connection {
 public:
  PgConnection(PGconn* conn, std::string password) : conn_(conn), password_(std::move(password)) {}
  ~PgConnection() override { PQfinish(conn_); }

  std::string_view Dialect() const override { return "postgresql"; }
  std::string_view Driver() const override { return "libpq"; }

  base::Result<QueryResult> Query(std::string_view sql) override { return Run(sql, nullptr); }

  base::Result<void> Exec(std::string_view sql) override {
    auto result = Run(sql, nullptr);
    if (!result) return base::Fail(result.error());
    return {};
  }

  base::Result<void> Commit() override {
    // COMMIT of a failed transaction "succeeds" with the tag ROLLBACK: report it as an error.
    std::string tag;
    auto result = Run("COMMIT", &tag);
    if (!result) return base::Fail(result.error());
    if (tag == "ROLLBACK") {
      return base::Fail("COMMIT rolled back the transaction: an earlier statement in it failed");
    }
    return {};
  }

  bool SupportsTransactionalDdl() const override { return true; }

 private:
  base::Result<QueryResult> Run(std::string_view sql, std::string* command_tag) {
    CountQuery();
    last_error_ = {};
    std::string text(sql);
    std::unique_ptr<PGresult, decltype(&PQclear)> result(
        PQexecParams(conn_, text.c_str(), 0, nullptr, nullptr, nullptr, nullptr, 0), &PQclear);
    if (!result) {
      last_error_.message = TrimRight(PQerrorMessage(conn_));
      return base::Fail("{}", base::RedactSecrets(last_error_.message, password_));
    }
    ExecStatusType status = PQresultStatus(result.get());
    if (command_tag) *command_tag = PQcmdStatus(result.get());
    if (status == PGRES_COMMAND_OK || status == PGRES_EMPTY_QUERY) return QueryResult{};
    if (status == PGRES_TUPLES_OK) {
      QueryResult out;
      int columns = PQnfields(result.get());
      int rows = PQntuples(result.get());
      out.columns.reserve(columns);
      for (int column_idx = 0; column_idx < columns; ++column_idx) {
        out.columns.emplace_back(PQfname(result.get(), column_idx));
      }
      out.rows.reserve(rows);
      for (int row_idx = 0; row_idx < rows; ++row_idx) {
        std::vector<std::optional<std::string>> row;
        row.reserve(columns);
        for (int column_idx = 0; column_idx < columns; ++column_idx) {
          if (PQgetisnull(result.get(), row_idx, column_idx)) {
            row.emplace_back(std::nullopt);
          } else {
            row.emplace_back(std::string(PQgetvalue(result.get(), row_idx, column_idx),
                                         PQgetlength(result.get(), row_idx, column_idx)));
          }
        }
        out.rows.push_back(std::move(row));
      }
      return out;
    }
    last_error_.code = Field(result.get(), PG_DIAG_SQLSTATE);
    last_error_.message = Field(result.get(), PG_DIAG_MESSAGE_PRIMARY);
    last_error_.detail = Field(result.get(), PG_DIAG_MESSAGE_DETAIL);
    last_error_.hint = Field(result.get(), PG_DIAG_MESSAGE_HINT);
    if (last_error_.message.empty()) last_error_.message = TrimRight(PQresultErrorMessage(result.get()));
    if (last_error_.message.empty()) last_error_.message = TrimRight(PQerrorMessage(conn_));
    std::string message = last_error_.code.empty()
                              ? last_error_.message
                              : fmt::format("{} [{}]", last_error_.message, last_error_.code);
    return base::Fail("{}", base::RedactSecrets(std::move(message), password_));
  }

  PGconn* conn_;
  std::string password_;
};

bool FileExists(const std::string& path) {
  struct stat info {};
  return ::stat(path.c_str(), &info) == 0;
}

}  // namespace

base::Result<std::unique_ptr<Connection>> ConnectPostgres(const PgCredentials& credentials) {
  auto params = PgConnectParams(credentials);
  if (!params) return base::Fail(params.error());

  // PEM texts from an `ssl` object go to private temp files for the duration of the handshake.
  TempFile ca_file, cert_file, key_file;
  auto add_pem = [&](const std::optional<std::string>& pem, TempFile& file,
                     const char* keyword) -> base::Result<void> {
    if (!pem) return {};
    DP_TRY(file.Write(*pem));
    params->keywords.emplace_back(keyword, file.path());
    return {};
  };
  DP_TRY(add_pem(credentials.ssl_ca_pem, ca_file, "sslrootcert"));
  DP_TRY(add_pem(credentials.ssl_cert_pem, cert_file, "sslcert"));
  DP_TRY(add_pem(credentials.ssl_key_pem, key_file, "sslkey"));

  // Node verifies against the system CAs; libpq 15 wants a root file: point it at the system bundle.
  if (params->NeedsRootCert() && !credentials.ssl_ca_pem) {
    const char* home = std::getenv("HOME");
    bool user_root = home && FileExists(std::string(home) + "/.postgresql/root.crt");
    constexpr const char* kSystemBundle = "/etc/ssl/certs/ca-certificates.crt";
    if (!user_root && std::getenv("PGSSLROOTCERT") == nullptr && FileExists(kSystemBundle)) {
      params->keywords.emplace_back("sslrootcert", kSystemBundle);
    }
  }

  std::vector<const char*> keywords, values;
  for (const auto& [keyword, value] : params->keywords) {
    keywords.push_back(keyword.c_str());
    values.push_back(value.c_str());
  }
  keywords.push_back(nullptr);
  values.push_back(nullptr);
  PGconn* conn = PQconnectdbParams(keywords.data(), values.data(), /*expand_dbname=*/1);
  if (conn == nullptr) return base::Fail("postgres: out of memory while connecting");
  if (PQstatus(conn) != CONNECTION_OK) {
    auto text = [](const char* value) { return std::string(value ? value : ""); };
    std::string message = fmt::format(
        "cannot connect to PostgreSQL at {}:{} (database \"{}\", user \"{}\"): {}", text(PQhost(conn)),
        text(PQport(conn)), text(PQdb(conn)), text(PQuser(conn)), TrimRight(text(PQerrorMessage(conn))));
    PQfinish(conn);
    return base::Fail("{}", base::RedactSecrets(std::move(message), params->password));
  }
  PQsetNoticeProcessor(conn, &IgnoreNotice, nullptr);
  return std::unique_ptr<Connection>(new PgConnection(conn, params->password));
}

}  // namespace dp::db
