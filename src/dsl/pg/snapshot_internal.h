// Internal to the pg snapshot builder (snapshot*.cpp): the builder's state and helpers shared
// by the table, view/object and default-value parts.
#pragma once

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <set>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <vector>

#include "dsl/common/sql.h"
#include "dsl/pg/columns.h"
#include "dsl/pg/objects.h"
#include "dsl/pg/snapshot.h"
#include "dsl/pg/table.h"
#include "dsl/pg/views.h"

namespace dp::dsl::pg {

/// drizzle-kit's column default text/value for a snapshot column, or nullopt when the column
/// has no default. `escape_quotes` is false for view columns (drizzle-kit does not escape
/// string defaults there). Throws ts::ScriptException for unsupported defaults.
std::optional<nlohmann::ordered_json> SnapshotDefault(ts::Interp& interp, const PgColumnHost& column,
                                                      const CasingCache& casing, bool escape_quotes);

/// Date.prototype.toISOString of a Date object (throws a RangeError-like TypeError when invalid).
std::string DateIso(ts::Interp& interp, ts::Value date);

/// JSON of a JS value as JSON.stringify makes it (nullopt when not serializable).
std::optional<nlohmann::ordered_json> ToJsonValue(ts::Interp& interp, ts::Value value);

/// drizzle-kit's stringFromIdentityProperty: strings as is, undefined as nullopt, else String(v).
std::optional<std::string> IdentityProperty(ts::Interp& interp, ts::Value v);

/// JS parseFloat(text) < 0.
bool ParsesNegative(const std::string& text);

/// String.prototype.replace(from, to) with a string pattern: the first occurrence only.
std::string ReplaceFirst(std::string text, const std::string& from, const std::string& to);

/// Index names seen per schema (drizzle-kit refuses duplicates within a schema).
using IndexNames = std::unordered_map<std::string, std::unordered_set<std::string>>;

/// Builds one snapshot: collects exports, then converts entity by entity.
class SnapshotBuilder {
 public:
  SnapshotBuilder(ts::Interp& interp, const PgSnapshotOptions& options, base::DiagSink& diags);

  /// prepareFromExports over one module namespace.
  void Collect(ts::Object* ns);
  /// generatePgSnapshot.
  model::pg::Snapshot Build();
  size_t error_count() const { return errors_; }

 private:
  // snapshot_tables.cpp
  void AddTable(model::pg::Snapshot& out, PgTableHost& table, IndexNames& indexes);
  model::pg::Column TableColumn(PgTableHost& table, PgColumnHost& column);
  void AddExtraConfig(model::pg::Table& out, PgTableHost& table, IndexNames& indexes);
  std::optional<model::pg::ForeignKey> ForeignKey(PgTableHost& table, PgForeignKeyHost& fk);
  std::optional<model::pg::Index> Index(PgTableHost& table, PgIndexHost& index);
  // snapshot_objects.cpp
  model::pg::Policy Policy(PgPolicyHost& policy);
  void AddLinkedPolicies(model::pg::Snapshot& out);
  void AddSequences(model::pg::Snapshot& out);
  void AddRoles(model::pg::Snapshot& out);
  void AddViews(model::pg::Snapshot& out);
  void AddEnums(model::pg::Snapshot& out);
  void AddSchemas(model::pg::Snapshot& out);
  std::optional<model::pg::Identity> ColumnIdentity(const PgColumnHost& column, const std::string& owner_name,
                                                    const std::string& column_name,
                                                    const std::optional<std::string>& schema);

 public:
  /// Reports an error at `span` (or `fallback` when span is empty).
  void Error(base::Span span, std::string message);
  void Warning(base::Span span, std::string message);
  /// Runs `body`, turning a script exception into an error located at `fallback`.
  template <class F>
  bool Guard(base::Span fallback, F&& body) {
    try {
      body();
      return true;
    } catch (ts::ScriptException& ex) {
      ReportException(ex, fallback);
      return false;
    }
  }
  /// sqlToQuery(sql).sql with the configured casing (`indexes`: bare column names).
  std::string Render(ts::Value sql, bool indexes = false);
  /// getColumnCasing(column, casing).
  std::string CasedName(const ColumnBase& column) const;
  ts::Interp& interp() { return interp_; }

 private:
  void ReportException(const ts::ScriptException& ex, base::Span fallback);

  ts::Interp& interp_;
  const PgSnapshotOptions& options_;
  base::DiagSink& diags_;
  CasingCache casing_;
  size_t errors_ = 0;

  std::vector<ts::Value> tables_;
  std::set<const void*> table_set_;
  std::vector<PgEnumHost*> enums_;
  std::vector<PgSchemaHost*> schemas_;
  std::vector<PgSequenceHost*> sequences_;
  std::vector<PgRoleHost*> roles_;
  std::vector<PgPolicyHost*> policies_;
  std::vector<PgViewHost*> views_;
  std::vector<PgViewHost*> mat_views_;
};

}  // namespace dp::dsl::pg
