// Reading catalog query results by column name: text, booleans ("t"/"f"), integers and
// JSON-encoded arrays, with the query's name in every error.
#pragma once

#include <nlohmann/json.hpp>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "base/result.h"
#include "db/connection.h"

namespace dp::introspect::pg {

/// A query result whose rows are read by column name.
class Rows {
 public:
  /// One row; accessors take a column name the query must have (programmer error otherwise).
  class Row {
   public:
    Row(const Rows& rows, const std::vector<std::optional<std::string>>& values)
        : rows_(rows), values_(values) {}
    /// The value, nullopt for SQL NULL.
    const std::optional<std::string>& Opt(std::string_view column) const;
    /// The value, "" for SQL NULL.
    const std::string& Text(std::string_view column) const;
    bool IsNull(std::string_view column) const { return !Opt(column).has_value(); }
    /// PostgreSQL boolean text ("t" / "true"); NULL is false.
    bool Bool(std::string_view column) const;
    /// An integer column; NULL is 0.
    long long Int(std::string_view column) const;
    /// A JSON column (array_to_json); NULL is an empty array.
    nlohmann::json Json(std::string_view column) const;
    /// A JSON array of strings; NULL is empty.
    std::vector<std::string> Strings(std::string_view column) const;
    /// An integer array in PostgreSQL's text form ("{1,2}"); NULL is empty.
    std::vector<long long> Ints(std::string_view column) const;

   private:
    const Rows& rows_;
    const std::vector<std::optional<std::string>>& values_;
  };

  Rows() = default;
  explicit Rows(db::QueryResult result);

  size_t size() const { return result_.rows.size(); }
  Row operator[](size_t index) const { return Row(*this, result_.rows[index]); }

  /// Iteration over rows.
  class Iterator {
   public:
    Iterator(const Rows& rows, size_t index) : rows_(rows), index_(index) {}
    Row operator*() const { return rows_[index_]; }
    Iterator& operator++() {
      ++index_;
      return *this;
    }
    bool operator!=(const Iterator& other) const { return index_ != other.index_; }

   private:
    const Rows& rows_;
    size_t index_;
  };
  Iterator begin() const { return Iterator(*this, 0); }
  Iterator end() const { return Iterator(*this, size()); }

 private:
  size_t Index(std::string_view column) const;

  /// Hashes std::string and std::string_view alike, so lookups by name do not allocate.
  struct NameHash {
    using is_transparent = void;
    size_t operator()(std::string_view name) const { return std::hash<std::string_view>{}(name); }
  };

  db::QueryResult result_;
  std::unordered_map<std::string, size_t, NameHash, std::equal_to<>> index_;
};

/// The text[] expression for a schema list: ARRAY['a', 'b']::text[], or every non-system
/// schema when `schemas` is empty.
std::string SchemaArraySql(const std::vector<std::string>& schemas);

/// Runs `sql` with `{schemas}` replaced by `schema_array` (SchemaArraySql); errors name
/// `what`.
base::Result<Rows> RunCatalogQuery(db::Connection& connection, std::string_view what, std::string_view sql,
                                   const std::string& schema_array);

/// A SQL string literal ('it''s').
std::string SqlLiteral(std::string_view text);

}  // namespace dp::introspect::pg
