// Connection defaults (transaction control by plain statements) and the RAII Transaction.
#include "db/connection.h"

namespace dp::db {

base::Result<void> Connection::Exec(std::string_view sql) {
  DP_TRY(Query(sql));
  return {};
}

base::Result<void> Connection::Begin() {
  return Exec("BEGIN");
}
base::Result<void> Connection::Commit() {
  return Exec("COMMIT");
}
base::Result<void> Connection::Rollback() {
  return Exec("ROLLBACK");
}
bool Connection::SupportsTransactionalDdl() const {
  return true;
}

base::Result<void> Connection::ExecBatch(const std::vector<std::string>& statements) {
  for (const std::string& statement : statements) {
    DP_TRY(Exec(statement));
  }
  return {};
}

Transaction::Transaction(Connection& connection)
    : connection_(connection), begin_status_(connection.Begin()) {
  open_ = begin_status_.has_value();
}

Transaction::~Transaction() {
  if (open_) {
    (void)connection_.Rollback();
  }
}

base::Result<void> Transaction::Commit() {
  if (!begin_status_) return base::Fail(begin_status_.error());
  if (!open_) return base::Fail("transaction is no longer open");
  auto result = connection_.Commit();
  if (result) open_ = false;
  return result;
}

base::Result<void> Transaction::Rollback() {
  if (!open_) return {};
  open_ = false;
  return connection_.Rollback();
}

}  // namespace dp::db
