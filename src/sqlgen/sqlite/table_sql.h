// Internal text builders shared by the SQLite generators (see table_sql.cpp).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/sqlite/snapshot.h"

namespace dp::sqlgen::sqlite {

/// `\tCONSTRAINT "name" CHECK(value)` per check; with `rename_from` set, table-qualified
/// references are rewritten to `rename_to` the way drizzle-kit's recreation does.
std::vector<std::string> CheckClauses(const model::sqlite::Table& table, const std::string& rename_from,
                                      const std::string& rename_to);

/// ALTER TABLE `t` ADD `c` ... (with an inline REFERENCES when `reference` is set).
std::string AddColumnSql(const std::string& table, const model::sqlite::Column& column,
                         const std::optional<model::sqlite::ForeignKey>& reference);

/// CREATE [UNIQUE] INDEX `i` ON `t` (...) [WHERE ...];
std::string CreateIndexSql(const std::string& table, const model::sqlite::Index& index,
                           const std::vector<bool>& expressions);

/// JavaScript's String.prototype.replaceAll for plain strings.
std::string ReplaceAll(std::string text, const std::string& from, const std::string& to);

}  // namespace dp::sqlgen::sqlite
