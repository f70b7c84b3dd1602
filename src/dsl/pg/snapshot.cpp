// BuildPgSnapshot: collecting exports (prepareFromExports) and the table loop of
// generatePgSnapshot, with diagnostics for its failure cases.
#include "dsl/pg/snapshot.h"

#include <algorithm>

#include "dsl/pg/snapshot_internal.h"

namespace dp::dsl {

namespace pg {

namespace {

using ts::Value;

std::string Join(const std::vector<std::string>& items, const char* separator) {
  std::string out;
  for (size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += separator;
    out += items[i];
  }
  return out;
}

}  // namespace

SnapshotBuilder::SnapshotBuilder(ts::Interp& interp, const PgSnapshotOptions& options, base::DiagSink& diags)
    : interp_(interp), options_(options), diags_(diags), casing_(options.casing) {}

void SnapshotBuilder::Error(base::Span span, std::string message) {
  ++errors_;
  diags_.Error(base::DiagKind::DslError, span, std::move(message));
}

void SnapshotBuilder::Warning(base::Span span, std::string message) {
  base::Diag diag;
  diag.kind = base::DiagKind::DslError;
  diag.severity = base::Severity::Warning;
  diag.span = span;
  diag.message = std::move(message);
  diags_.Add(std::move(diag));
}

void SnapshotBuilder::ReportException(const ts::ScriptException& ex, base::Span fallback) {
  std::string message;
  if (ex.value.IsObject()) {
    Value text = interp_.Get(ex.value, "message");
    Value name = interp_.Get(ex.value, "name");
    message = text.IsString() ? text.AsString() : interp_.ToString(ex.value);
    if (ex.kind == base::DiagKind::EvalThrown && name.IsString()) message = name.AsString() + ": " + message;
  } else {
    message = "uncaught " + interp_.Describe(ex.value);
  }
  ++errors_;
  diags_.Error(ex.kind, ex.span.begin.file != 0 ? ex.span : fallback, std::move(message));
}

std::string SnapshotBuilder::Render(ts::Value sql, bool indexes) {
  RenderOptions options;
  options.dialect = &PgSqlDialect();
  options.casing = &casing_;
  options.indexes_source = indexes;
  return RenderSql(interp_, sql, options);
}

std::string SnapshotBuilder::CasedName(const ColumnBase& column) const {
  if (column.name.empty()) return std::string();
  return casing_.ColumnName(column);
}

void SnapshotBuilder::Collect(ts::Object* ns) {
  // The namespace lists exports as drizzle-kit sees them (esbuild's CommonJS output: the
  // module's own exports sorted by name, then what `export *` adds); Object.values follows it.
  std::vector<std::string> keys = interp_.OwnKeys(ns);
  for (const std::string& key : keys) {
    Value v = interp_.Get(Value::Obj(ns), key);
    if (PgEnumHost* e = AsEnum(interp_, v)) {
      enums_.push_back(e);
      continue;
    }
    if (PgTableHost* table = AsPgTable(v)) {
      if (!table->is_alias && table_set_.insert(table).second) tables_.push_back(v);
      continue;
    }
    Host* host = HostOf(v);
    if (host == nullptr) continue;
    switch (host->kind) {
      case HostKind::PgSchema: schemas_.push_back(static_cast<PgSchemaHost*>(host)); break;
      case HostKind::PgSequence: sequences_.push_back(static_cast<PgSequenceHost*>(host)); break;
      case HostKind::PgRole: roles_.push_back(static_cast<PgRoleHost*>(host)); break;
      case HostKind::PgPolicy: policies_.push_back(static_cast<PgPolicyHost*>(host)); break;
      case HostKind::View:
        if (PgViewHost* view = AsPgView(v)) (view->materialized ? mat_views_ : views_).push_back(view);
        break;
      default: break;
    }
  }
}

void SnapshotBuilder::AddExtraConfig(model::pg::Table& out, PgTableHost& table,
                                     IndexNames& indexes) {
  std::vector<Value> values;
  if (!table.extra_config.IsUndefined()) {
    Value args[1] = {Value::Obj(ExtraConfigColumns(interp_, table))};
    Value config = interp_.Call(table.extra_config, Value(), args);
    if (interp_.IsArray(config)) {
      for (Value v : ArrayElements(interp_, config)) {
        if (interp_.IsArray(v)) {
          for (Value inner : ArrayElements(interp_, v)) values.push_back(inner);
        } else {
          values.push_back(v);
        }
      }
    } else if (config.IsObject()) {
      for (const std::string& key : interp_.OwnKeys(config.AsObject())) values.push_back(interp_.Get(config, key));
    }
  }
  std::vector<PgIndexHost*> index_hosts;
  std::vector<PgCheckHost*> checks;
  std::vector<PgUniqueHost*> uniques;
  std::vector<PgPrimaryKeyHost*> primary_keys;
  std::vector<PgForeignKeyHost*> foreign_keys;
  std::vector<PgPolicyHost*> policies;
  for (ts::Object* fk : table.inline_foreign_keys) {
    foreign_keys.push_back(static_cast<PgForeignKeyHost*>(fk->host.get()));
  }
  for (Value v : values) {
    Host* host = HostOf(v);
    if (host == nullptr) continue;
    switch (host->kind) {
      case HostKind::PgIndexBuilder: index_hosts.push_back(static_cast<PgIndexHost*>(host)); break;
      case HostKind::PgCheckBuilder: checks.push_back(static_cast<PgCheckHost*>(host)); break;
      case HostKind::PgUniqueBuilder: uniques.push_back(static_cast<PgUniqueHost*>(host)); break;
      case HostKind::PgPrimaryKeyBuilder: primary_keys.push_back(static_cast<PgPrimaryKeyHost*>(host)); break;
      case HostKind::PgForeignKeyBuilder: foreign_keys.push_back(static_cast<PgForeignKeyHost*>(host)); break;
      case HostKind::PgPolicy: policies.push_back(static_cast<PgPolicyHost*>(host)); break;
      default: break;
    }
  }

  for (PgPrimaryKeyHost* pk : primary_keys) {
    Guard(pk->span, [&] {
      std::vector<std::string> raw, cased;
      for (Value v : pk->columns) {
        ColumnBase* column = AsColumn(v);
        if (column == nullptr) DslThrow(interp_, "primaryKey(): " + interp_.Describe(v) + " is not a column");
        raw.push_back(column->name);
        cased.push_back(CasedName(*column));
      }
      std::string name = pk->name.IsNullish() ? table.name + "_" + Join(raw, "_") + "_pk" : interp_.ToString(pk->name);
      if (casing_.casing() != Casing::None) {
        for (size_t i = 0; i < raw.size(); ++i) name = ReplaceFirst(name, raw[i], cased[i]);
      }
      out.composite_primary_keys.insert_or_assign(name, model::pg::CompositePk{name, cased});
    });
  }

  for (PgUniqueHost* unique : uniques) {
    Guard(unique->span, [&] {
      std::vector<std::string> raw, cased;
      for (Value v : unique->columns) {
        ColumnBase* column = AsColumn(v);
        if (column == nullptr) DslThrow(interp_, "unique().on(): " + interp_.Describe(v) + " is not a column");
        raw.push_back(column->name);
        cased.push_back(CasedName(*column));
      }
      std::string name =
          unique->name.IsNullish() ? UniqueKeyName(table.name, raw) : interp_.ToString(unique->name);
      if (const auto* existing = out.unique_constraints.Get(name)) {
        Error(unique->span, "We've found duplicated unique constraint names in " + table.name +
                                " table. The unique constraint " + name + " on the " + Join(cased, ",") +
                                " columns is confilcting with a unique constraint name already defined for " +
                                Join(existing->columns, ",") + " columns");
        return;
      }
      out.unique_constraints.insert_or_assign(name, model::pg::UniqueConstraint{name, cased, unique->nulls_not_distinct});
    });
  }

  for (PgForeignKeyHost* fk : foreign_keys) {
    Guard(fk->span, [&] {
      if (std::optional<model::pg::ForeignKey> built = ForeignKey(table, *fk)) {
        std::string name = built->name;
        out.foreign_keys.insert_or_assign(name, std::move(*built));
      }
    });
  }

  std::string schema_key = table.schema.value_or("public");
  for (PgIndexHost* index : index_hosts) {
    Guard(index->span, [&] {
      std::optional<model::pg::Index> built = Index(table, *index);
      if (!built) return;
      if (!indexes[schema_key].insert(built->name).second) {
        Error(index->span, "We've found duplicated index name across " + schema_key +
                               " schema. Please rename your index in either the " + table.name +
                               " table or the table with the duplicated index name");
        return;
      }
      std::string name = built->name;
      out.indexes.insert_or_assign(name, std::move(*built));
    });
  }

  std::string table_key = schema_key + "." + table.name;
  for (PgPolicyHost* policy : policies) {
    Guard(policy->span, [&] {
      if (out.policies.contains(policy->name)) {
        Error(policy->span, "We've found duplicated policy name across " + table_key +
                                " table. Please rename one of the policies with " + policy->name + " name");
        return;
      }
      out.policies.insert_or_assign(policy->name, Policy(*policy));
    });
  }

  std::vector<std::string> check_names;
  for (PgCheckHost* check : checks) {
    Guard(check->span, [&] {
      std::string name = interp_.ToString(check->name);
      for (const std::string& existing : check_names) {
        if (existing == name) {
          Error(check->span, "We've found duplicated check constraint name across " + schema_key + " schema in " +
                                 table.name + ". Please rename your check constraint in either the " + table.name +
                                 " table or the table with the duplicated check contraint name");
          return;
        }
      }
      check_names.push_back(name);
      out.check_constraints.insert_or_assign(name, model::pg::CheckConstraint{name, Render(check->value)});
    });
  }
}

void SnapshotBuilder::AddTable(model::pg::Snapshot& out, PgTableHost& table,
                               IndexNames& indexes) {
  if (options_.schema_filter) {
    const std::vector<std::string>& filter = *options_.schema_filter;
    if (std::find(filter.begin(), filter.end(), table.schema.value_or("public")) == filter.end()) return;
  }
  model::pg::Table result;
  result.name = table.name;
  result.schema = table.schema.value_or("");
  for (const auto& [key, column_object] : table.columns) {
    auto* column = static_cast<PgColumnHost*>(column_object->host.get());
    Guard(column->span, [&] {
      model::pg::Column built = TableColumn(table, *column);
      if (column->config.is_unique) {
        std::string unique_name = UniqueNameOf(interp_, column->config);
        if (const auto* existing = result.unique_constraints.Get(unique_name)) {
          Error(column->span, "We've found duplicated unique constraint names in " + table.name +
                                  " table. The unique constraint " + unique_name + " on the " + built.name +
                                  " column is conflicting with a unique constraint name already defined for " +
                                  Join(existing->columns, ",") + " columns");
          return;
        }
        Value type = column->config.unique_type;
        bool not_distinct = type.IsString() && type.AsString() == "not distinct";
        result.unique_constraints.insert_or_assign(unique_name,
                                                   model::pg::UniqueConstraint{unique_name, {built.name}, not_distinct});
      }
      std::string name = built.name;
      result.columns.insert_or_assign(name, std::move(built));
    });
  }
  Guard(table.span, [&] { AddExtraConfig(result, table, indexes); });
  result.is_rls_enabled = table.enable_rls;
  std::string key = table.schema.value_or("public") + "." + table.name;
  out.tables.insert_or_assign(key, std::move(result));
}

model::pg::Snapshot SnapshotBuilder::Build() {
  model::pg::Snapshot out;
  IndexNames indexes;
  for (Value v : tables_) AddTable(out, *AsPgTable(v), indexes);
  AddLinkedPolicies(out);
  AddSequences(out);
  AddRoles(out);
  AddViews(out);
  AddEnums(out);
  AddSchemas(out);
  return out;
}

}  // namespace pg

base::Result<model::pg::Snapshot> BuildPgSnapshot(ts::Interp& interp,
                                                  std::span<ts::Object* const> schema_module_namespaces,
                                                  const PgSnapshotOptions& options, base::DiagSink& diags) {
  pg::SnapshotBuilder builder(interp, options, diags);
  for (ts::Object* ns : schema_module_namespaces) builder.Collect(ns);
  model::pg::Snapshot snapshot = builder.Build();
  if (builder.error_count() > 0) {
    return base::Fail("the schema has {} error{}", builder.error_count(), builder.error_count() == 1 ? "" : "s");
  }
  return snapshot;
}

}  // namespace dp::dsl
