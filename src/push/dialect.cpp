// The dialect registry.
#include "push/dialect.h"

namespace dp::push {

std::unique_ptr<Dialect> MakePgDialect();
std::unique_ptr<Dialect> MakeSqliteDialect();
std::unique_ptr<Dialect> MakeMysqlDialect();

base::Result<std::unique_ptr<Dialect>> MakeDialect(std::string_view dialect, std::string_view command) {
  if (dialect == "postgresql") return MakePgDialect();
  if (dialect == "sqlite" || dialect == "turso") return MakeSqliteDialect();
  if (dialect == "mysql") return MakeMysqlDialect();
  return base::Fail("drizzle-push cannot {} with dialect '{}'", command, dialect);
}

}  // namespace dp::push
