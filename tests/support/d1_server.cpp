// D1Server: Cloudflare-shaped envelopes ({result, success, errors, messages}) over SQLite.
#include "support/d1_server.h"

#include <sqlite3.h>

#include <cctype>
#include <cstdio>
#include <cstdlib>

namespace dp::test {

namespace {

using Json = nlohmann::json;

constexpr int kSqlErrorCode = 7500;

std::string Upper(std::string_view text) {
  std::string out;
  for (char c : text) out.push_back(static_cast<char>(std::toupper(static_cast<unsigned char>(c))));
  return out;
}

bool IsTransactionControl(sqlite3_stmt* stmt) {
  std::string sql = Upper(sqlite3_sql(stmt));
  size_t start = sql.find_first_not_of(" \t\r\n");
  if (start == std::string::npos) return false;
  for (const char* word : {"BEGIN", "COMMIT", "END", "ROLLBACK", "SAVEPOINT", "RELEASE"}) {
    if (sql.compare(start, std::char_traits<char>::length(word), word) == 0) return true;
  }
  return false;
}

Json Failure(int code, const std::string& message) {
  return Json{{"result", Json::array()},
              {"success", false},
              {"errors", Json::array({Json{{"code", code}, {"message", message}}})},
              {"messages", Json::array()}};
}

Json ColumnValue(sqlite3_stmt* stmt, int column_idx) {
  switch (sqlite3_column_type(stmt, column_idx)) {
    case SQLITE_INTEGER:
      return sqlite3_column_int64(stmt, column_idx);
    case SQLITE_FLOAT:
      return sqlite3_column_double(stmt, column_idx);
    case SQLITE_TEXT:
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(stmt, column_idx)),
                         sqlite3_column_bytes(stmt, column_idx));
    case SQLITE_BLOB: {
      Json bytes = Json::array();
      const auto* data = static_cast<const unsigned char*>(sqlite3_column_blob(stmt, column_idx));
      for (int i = 0; i < sqlite3_column_bytes(stmt, column_idx); ++i) bytes.push_back(data[i]);
      return bytes;
    }
    default:
      return nullptr;
  }
}

}  // namespace

D1Server::D1Server(std::string sqlite_path, std::string account_id, std::string database_id,
                   std::string token)
    : account_id_(std::move(account_id)),
      database_id_(std::move(database_id)),
      token_(std::move(token)),
      http_([this](const HttpRequest& request) { return Handle(request); }) {
  if (sqlite3_open_v2(sqlite_path.c_str(), &db_, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
      SQLITE_OK) {
    std::fprintf(stderr, "D1Server: cannot open %s\n", sqlite_path.c_str());
    std::abort();
  }
  sqlite3_exec(db_, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
}

D1Server::~D1Server() {
  std::lock_guard lock(mutex_);
  sqlite3_close_v2(db_);
  db_ = nullptr;
}

std::vector<Json> D1Server::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

/// Runs every statement of `sql` inside a savepoint; all or nothing. Returns one result per statement.
Json D1Server::Run(const std::string& sql, const Json& params, bool raw, std::string* error) {
  Json results = Json::array();
  sqlite3_exec(db_, "SAVEPOINT d1_batch", nullptr, nullptr, nullptr);
  const char* cursor = sql.c_str();
  const char* end = cursor + sql.size();
  bool first = true;
  while (cursor < end && error->empty()) {
    sqlite3_stmt* stmt = nullptr;
    const char* tail = nullptr;
    if (sqlite3_prepare_v2(db_, cursor, static_cast<int>(end - cursor), &stmt, &tail) != SQLITE_OK) {
      *error = std::string(sqlite3_errmsg(db_)) + ": SQLITE_ERROR";
      break;
    }
    cursor = tail;
    if (stmt == nullptr) continue;  // whitespace or comment
    if (IsTransactionControl(stmt)) {
      *error =
          "To execute a transaction, please use the state.storage.transaction() or "
          "state.storage.transactionSync() APIs instead of the SQL BEGIN TRANSACTION or SAVEPOINT "
          "statements: SQLITE_AUTH";
      sqlite3_finalize(stmt);
      break;
    }
    if (first && params.is_array()) {
      for (size_t i = 0; i < params.size(); ++i) {
        const Json& value = params[i];
        int index = static_cast<int>(i + 1);
        if (value.is_null())
          sqlite3_bind_null(stmt, index);
        else if (value.is_number_integer())
          sqlite3_bind_int64(stmt, index, value.get<int64_t>());
        else if (value.is_number())
          sqlite3_bind_double(stmt, index, value.get<double>());
        else
          sqlite3_bind_text(stmt, index,
                            value.is_string() ? value.get<std::string>().c_str() : value.dump().c_str(), -1,
                            SQLITE_TRANSIENT);
      }
    }
    first = false;
    Json columns = Json::array();
    for (int column_idx = 0; column_idx < sqlite3_column_count(stmt); ++column_idx) {
      columns.push_back(sqlite3_column_name(stmt, column_idx));
    }
    Json rows = Json::array();
    int rc;
    while ((rc = sqlite3_step(stmt)) == SQLITE_ROW) {
      if (raw) {
        Json row = Json::array();
        for (int column_idx = 0; column_idx < sqlite3_column_count(stmt); ++column_idx) {
          row.push_back(ColumnValue(stmt, column_idx));
        }
        rows.push_back(std::move(row));
      } else {
        Json row = Json::object();
        for (int column_idx = 0; column_idx < sqlite3_column_count(stmt); ++column_idx) {
          row[sqlite3_column_name(stmt, column_idx)] = ColumnValue(stmt, column_idx);
        }
        rows.push_back(std::move(row));
      }
    }
    if (rc != SQLITE_DONE) {
      *error = std::string(sqlite3_errmsg(db_)) + ": SQLITE_ERROR";
      sqlite3_finalize(stmt);
      break;
    }
    sqlite3_finalize(stmt);
    Json meta = {{"changes", sqlite3_changes(db_)},
                 {"last_row_id", sqlite3_last_insert_rowid(db_)},
                 {"duration", 0.1},
                 {"changed_db", sqlite3_changes(db_) > 0},
                 {"rows_read", 0},
                 {"rows_written", 0},
                 {"size_after", 0}};
    Json body = raw ? Json{{"columns", columns}, {"rows", rows}} : rows;
    results.push_back({{"results", body}, {"success", true}, {"meta", meta}});
  }
  if (!error->empty()) sqlite3_exec(db_, "ROLLBACK TO d1_batch", nullptr, nullptr, nullptr);
  sqlite3_exec(db_, "RELEASE d1_batch", nullptr, nullptr, nullptr);
  return results;
}

HttpReply D1Server::Handle(const HttpRequest& request) {
  const std::string prefix = "/client/v4/accounts/" + account_id_ + "/d1/database/" + database_id_ + "/";
  auto authorization = request.headers.find("authorization");
  if (authorization == request.headers.end() || authorization->second != "Bearer " + token_) {
    return HttpReply{403, Failure(10000, "Authentication error").dump()};
  }
  if (request.path.rfind(prefix, 0) != 0)
    return HttpReply{404, Failure(7404, "Could not route to " + request.path).dump()};
  const std::string endpoint = request.path.substr(prefix.size());
  if (endpoint != "query" && endpoint != "raw")
    return HttpReply{404, Failure(7003, "No route for that URI").dump()};
  if (request.method != "POST") return HttpReply{405, Failure(10405, "Method not allowed").dump()};
  Json body = Json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("sql") || !body["sql"].is_string()) {
    return HttpReply{400, Failure(7400, "The request is malformed: sql is required").dump()};
  }
  std::lock_guard lock(mutex_);
  Json logged = body;
  logged["endpoint"] = endpoint;
  requests_.push_back(logged);
  std::string error;
  Json results =
      Run(body["sql"].get<std::string>(), body.value("params", Json::array()), endpoint == "raw", &error);
  if (!error.empty()) return HttpReply{400, Failure(kSqlErrorCode, error).dump()};
  Json envelope = {
      {"result", results}, {"success", true}, {"errors", Json::array()}, {"messages", Json::array()}};
  return HttpReply{200, envelope.dump()};
}

}  // namespace dp::test
