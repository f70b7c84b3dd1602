// HranaServer: pipeline handling over real SQLite connections.
#include "support/hrana_server.h"

#include <sqlite3.h>

#include <random>

namespace dp::test {

namespace {

using Json = nlohmann::json;

std::string Base64(const unsigned char* data, size_t size) {
  static constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string out;
  for (size_t i = 0; i < size; i += 3) {
    unsigned int chunk = data[i] << 16;
    if (i + 1 < size) chunk |= data[i + 1] << 8;
    if (i + 2 < size) chunk |= data[i + 2];
    out.push_back(kAlphabet[(chunk >> 18) & 63]);
    out.push_back(kAlphabet[(chunk >> 12) & 63]);
    out.push_back(i + 1 < size ? kAlphabet[(chunk >> 6) & 63] : '=');
    out.push_back(i + 2 < size ? kAlphabet[chunk & 63] : '=');
  }
  return out;
}

const char* CodeName(int rc) {
  switch (rc & 0xFF) {
    case SQLITE_CONSTRAINT:
      return "SQLITE_CONSTRAINT";
    case SQLITE_BUSY:
      return "SQLITE_BUSY";
    case SQLITE_ERROR:
      return "SQLITE_ERROR";
    default:
      return "SQLITE_UNKNOWN";
  }
}

Json ErrorJson(std::string message, const char* code) {
  return Json{{"message", std::move(message)}, {"code", code}};
}

}  // namespace

HranaServer::HranaServer(std::string sqlite_path, std::string token)
    : sqlite_path_(std::move(sqlite_path)),
      token_(std::move(token)),
      http_([this](const HttpRequest& request) { return Handle(request); }) {}

HranaServer::~HranaServer() {
  std::lock_guard lock(mutex_);
  for (auto& [baton, db] : streams_) sqlite3_close_v2(db);
  streams_.clear();
}

size_t HranaServer::pipeline_count() const {
  std::lock_guard lock(mutex_);
  return requests_.size();
}

size_t HranaServer::open_streams() const {
  std::lock_guard lock(mutex_);
  return streams_.size();
}

std::vector<Json> HranaServer::requests() const {
  std::lock_guard lock(mutex_);
  return requests_;
}

Json HranaServer::Execute(sqlite3* db, const Json& stmt) {
  const std::string sql = stmt.value("sql", "");
  const bool want_rows = stmt.value("want_rows", true);
  sqlite3_stmt* prepared = nullptr;
  const char* tail = nullptr;
  int rc = sqlite3_prepare_v2(db, sql.c_str(), static_cast<int>(sql.size()), &prepared, &tail);
  if (rc != SQLITE_OK) return Json{{"type", "error"}, {"error", ErrorJson(sqlite3_errmsg(db), CodeName(rc))}};
  // The spec: one statement per execute.
  if (tail && *tail) {
    sqlite3_stmt* next = nullptr;
    int next_rc = sqlite3_prepare_v2(db, tail, -1, &next, nullptr);
    sqlite3_finalize(next);
    if (next_rc != SQLITE_OK || next != nullptr) {
      sqlite3_finalize(prepared);
      return Json{{"type", "error"},
                  {"error", ErrorJson("SQL string contains more than one statement", "SQL_MANY_STATEMENTS")}};
    }
  }
  Json result = {{"cols", Json::array()},
                 {"rows", Json::array()},
                 {"affected_row_count", 0},
                 {"last_insert_rowid", nullptr}};
  if (prepared == nullptr)
    return Json{{"type", "ok"}, {"response", {{"type", "execute"}, {"result", result}}}};
  int columns = sqlite3_column_count(prepared);
  for (int column_idx = 0; column_idx < columns; ++column_idx) {
    const char* decltype_name = sqlite3_column_decltype(prepared, column_idx);
    result["cols"].push_back({{"name", sqlite3_column_name(prepared, column_idx)},
                              {"decltype", decltype_name ? Json(decltype_name) : Json(nullptr)}});
  }
  while ((rc = sqlite3_step(prepared)) == SQLITE_ROW) {
    if (!want_rows) continue;
    Json row = Json::array();
    for (int column_idx = 0; column_idx < columns; ++column_idx) {
      switch (sqlite3_column_type(prepared, column_idx)) {
        case SQLITE_INTEGER:
          row.push_back(
              {{"type", "integer"}, {"value", std::to_string(sqlite3_column_int64(prepared, column_idx))}});
          break;
        case SQLITE_FLOAT:
          row.push_back({{"type", "float"}, {"value", sqlite3_column_double(prepared, column_idx)}});
          break;
        case SQLITE_TEXT:
          row.push_back(
              {{"type", "text"},
               {"value", std::string(reinterpret_cast<const char*>(sqlite3_column_text(prepared, column_idx)),
                                     sqlite3_column_bytes(prepared, column_idx))}});
          break;
        case SQLITE_BLOB:
          row.push_back(
              {{"type", "blob"},
               {"base64", Base64(static_cast<const unsigned char*>(sqlite3_column_blob(prepared, column_idx)),
                                 sqlite3_column_bytes(prepared, column_idx))}});
          break;
        default:
          row.push_back({{"type", "null"}});
      }
    }
    result["rows"].push_back(std::move(row));
  }
  if (rc != SQLITE_DONE) {
    Json error = ErrorJson(sqlite3_errmsg(db), CodeName(sqlite3_extended_errcode(db)));
    sqlite3_finalize(prepared);
    return Json{{"type", "error"}, {"error", error}};
  }
  sqlite3_finalize(prepared);
  result["affected_row_count"] = sqlite3_changes(db);
  result["last_insert_rowid"] = std::to_string(sqlite3_last_insert_rowid(db));
  return Json{{"type", "ok"}, {"response", {{"type", "execute"}, {"result", result}}}};
}

HttpReply HranaServer::Handle(const HttpRequest& request) {
  if (request.method == "GET" && request.path == "/v2") return HttpReply{200, "", "text/plain"};
  if (request.path != "/v2/pipeline") return HttpReply{404, R"({"error":"not found"})"};
  if (request.method != "POST") return HttpReply{405, R"({"error":"method not allowed"})"};
  if (!token_.empty()) {
    auto it = request.headers.find("authorization");
    if (it == request.headers.end() || it->second != "Bearer " + token_) {
      return HttpReply{401, R"({"error":"Authentication failed: invalid or missing token"})"};
    }
  }
  Json body = Json::parse(request.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("requests") ||
      !body["requests"].is_array()) {
    return HttpReply{400, R"({"error":"invalid pipeline request body"})"};
  }

  std::lock_guard lock(mutex_);
  requests_.push_back(body);
  sqlite3* db = nullptr;
  std::string baton;
  if (body.contains("baton") && body["baton"].is_string()) {
    baton = body["baton"].get<std::string>();
    auto it = streams_.find(baton);
    if (it == streams_.end())
      return HttpReply{400, R"({"error":"Stream not found: invalid or expired baton"})"};
    db = it->second;
    streams_.erase(it);
  } else {
    if (sqlite3_open_v2(sqlite_path_.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) !=
        SQLITE_OK) {
      sqlite3_close_v2(db);
      return HttpReply{500, R"({"error":"cannot open database"})"};
    }
    sqlite3_busy_timeout(db, 2000);
    sqlite3_exec(db, "PRAGMA foreign_keys = ON", nullptr, nullptr, nullptr);
  }

  Json results = Json::array();
  bool closed = false;
  for (const Json& item : body["requests"]) {
    const std::string type = item.value("type", "");
    if (closed) {
      results.push_back({{"type", "error"}, {"error", ErrorJson("stream is closed", "STREAM_CLOSED")}});
    } else if (type == "execute") {
      results.push_back(Execute(db, item.value("stmt", Json::object())));
    } else if (type == "close") {
      closed = true;
      results.push_back({{"type", "ok"}, {"response", {{"type", "close"}}}});
    } else {
      results.push_back(
          {{"type", "error"}, {"error", ErrorJson("unsupported request type " + type, "NOT_SUPPORTED")}});
    }
  }
  Json response = {{"baton", nullptr}, {"base_url", nullptr}, {"results", results}};
  if (closed) {
    sqlite3_close_v2(db);  // an open transaction is rolled back
  } else {
    std::string next =
        "baton-" + std::to_string(next_baton_++) + "-" + std::to_string(std::random_device{}());
    streams_[next] = db;
    response["baton"] = next;
  }
  return HttpReply{200, response.dump()};
}

}  // namespace dp::test
