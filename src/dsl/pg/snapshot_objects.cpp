// The non-table parts of the pg snapshot: linked policies, sequences, roles, views and
// materialized views, enums and schemas, as generatePgSnapshot writes them.
#include <algorithm>

#include "dsl/pg/snapshot_internal.h"

namespace dp::dsl::pg {

namespace {

using ts::Value;

std::string Upper(std::string s) {
  for (char& c : s) {
    if (c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
  }
  return s;
}

// JS default sort (UTF-16 code units); for ASCII and BMP text byte order matches.
void JsSort(std::vector<std::string>& items) { std::sort(items.begin(), items.end()); }

struct WithField {
  const char* key;
  std::optional<std::string> model::pg::ViewWith::*text;
  std::optional<bool> model::pg::ViewWith::*flag;
  std::optional<double> model::pg::ViewWith::*number;
};

using VW = model::pg::ViewWith;
constexpr WithField kWithFields[] = {
    {"checkOption", &VW::check_option, nullptr, nullptr},
    {"securityBarrier", nullptr, &VW::security_barrier, nullptr},
    {"securityInvoker", nullptr, &VW::security_invoker, nullptr},
    {"fillfactor", nullptr, nullptr, &VW::fillfactor},
    {"toastTupleTarget", nullptr, nullptr, &VW::toast_tuple_target},
    {"parallelWorkers", nullptr, nullptr, &VW::parallel_workers},
    {"autovacuumEnabled", nullptr, &VW::autovacuum_enabled, nullptr},
    {"vacuumIndexCleanup", &VW::vacuum_index_cleanup, nullptr, nullptr},
    {"vacuumTruncate", nullptr, &VW::vacuum_truncate, nullptr},
    {"autovacuumVacuumThreshold", nullptr, nullptr, &VW::autovacuum_vacuum_threshold},
    {"autovacuumVacuumScaleFactor", nullptr, nullptr, &VW::autovacuum_vacuum_scale_factor},
    {"autovacuumVacuumCostDelay", nullptr, nullptr, &VW::autovacuum_vacuum_cost_delay},
    {"autovacuumVacuumCostLimit", nullptr, nullptr, &VW::autovacuum_vacuum_cost_limit},
    {"autovacuumFreezeMinAge", nullptr, nullptr, &VW::autovacuum_freeze_min_age},
    {"autovacuumFreezeMaxAge", nullptr, nullptr, &VW::autovacuum_freeze_max_age},
    {"autovacuumFreezeTableAge", nullptr, nullptr, &VW::autovacuum_freeze_table_age},
    {"autovacuumMultixactFreezeMinAge", nullptr, nullptr, &VW::autovacuum_multixact_freeze_min_age},
    {"autovacuumMultixactFreezeMaxAge", nullptr, nullptr, &VW::autovacuum_multixact_freeze_max_age},
    {"autovacuumMultixactFreezeTableAge", nullptr, nullptr, &VW::autovacuum_multixact_freeze_table_age},
    {"logAutovacuumMinDuration", nullptr, nullptr, &VW::log_autovacuum_min_duration},
    {"userCatalogTable", nullptr, &VW::user_catalog_table, nullptr},
};

}  // namespace

model::pg::Policy SnapshotBuilder::Policy(PgPolicyHost& policy) {
  model::pg::Policy out;
  out.name = policy.name;
  std::vector<std::string> to;
  Value target = policy.to;
  if (!interp_.Truthy(target)) {
    to.push_back("public");
  } else if (target.IsString()) {
    to.push_back(target.AsString());
  } else if (auto* role = HostAs<PgRoleHost>(target, HostKind::PgRole)) {
    to.push_back(role->name);
  } else if (interp_.IsArray(target)) {
    for (Value v : ArrayElements(interp_, target)) {
      if (v.IsString()) {
        to.push_back(v.AsString());
      } else if (auto* r = HostAs<PgRoleHost>(v, HostKind::PgRole)) {
        to.push_back(r->name);
      }
    }
  }
  JsSort(to);
  out.as = policy.as.IsNullish() ? std::string("PERMISSIVE") : Upper(interp_.ToString(policy.as));
  out.command = policy.for_.IsNullish() ? std::string("ALL") : Upper(interp_.ToString(policy.for_));
  out.to = std::move(to);
  if (AsSql(policy.using_) != nullptr) out.using_expr = Render(policy.using_);
  if (AsSql(policy.with_check) != nullptr) out.with_check = Render(policy.with_check);
  return out;
}

void SnapshotBuilder::AddLinkedPolicies(model::pg::Snapshot& out) {
  for (PgPolicyHost* policy : policies_) {
    PgTableHost* table = AsPgTable(policy->linked_table);
    if (table == nullptr) {
      Warning(policy->span, "Policy " + policy->name +
                                " was skipped because it was not linked to any table. You should either include the "
                                "policy in a table or use .link() on the policy to link it to any table you have.");
      continue;
    }
    Guard(policy->span, [&] {
      std::string schema = table->schema.value_or("public");
      std::string key = schema + "." + table->name;
      model::pg::Table* target = out.tables.Get(key);
      if ((target != nullptr && target->policies.contains(policy->name)) || out.policies.contains(policy->name)) {
        Error(policy->span, "We've found duplicated policy name across " + key +
                                " table. Please rename one of the policies with " + policy->name + " name");
        return;
      }
      model::pg::Policy built = Policy(*policy);
      if (target != nullptr) {
        target->policies.insert_or_assign(policy->name, std::move(built));
      } else {
        built.schema = schema;
        built.on = "\"" + schema + "\".\"" + table->name + "\"";
        out.policies.insert_or_assign(policy->name, std::move(built));
      }
    });
  }
}

void SnapshotBuilder::AddSequences(model::pg::Snapshot& out) {
  for (PgSequenceHost* sequence : sequences_) {
    Guard(sequence->span, [&] {
      std::string schema = sequence->schema.value_or("public");
      std::string key = schema + "." + sequence->name;
      if (out.sequences.contains(key)) return;
      Value options = sequence->options;
      auto option = [&](const char* name) { return options.IsObject() ? interp_.Get(options, name) : Value(); };
      model::pg::Sequence seq;
      seq.name = sequence->name;
      seq.schema = schema;
      std::string increment = IdentityProperty(interp_, option("increment")).value_or("1");
      bool negative = ParsesNegative(increment);
      std::string min_value = IdentityProperty(interp_, option("minValue"))
                                  .value_or(negative ? "-9223372036854775808" : "1");
      std::string max_value = IdentityProperty(interp_, option("maxValue"))
                                  .value_or(negative ? "-1" : "9223372036854775807");
      seq.increment = increment;
      seq.start_with = IdentityProperty(interp_, option("startWith")).value_or(negative ? max_value : min_value);
      seq.min_value = min_value;
      seq.max_value = max_value;
      seq.cache = IdentityProperty(interp_, option("cache")).value_or("1");
      Value cycle = option("cycle");
      seq.cycle = cycle.IsNullish() ? false : interp_.Truthy(cycle);
      out.sequences.insert_or_assign(key, std::move(seq));
    });
  }
}

void SnapshotBuilder::AddRoles(model::pg::Snapshot& out) {
  for (PgRoleHost* role : roles_) {
    if (role->existing) continue;
    model::pg::Role r;
    r.name = role->name;
    r.create_db = role->create_db.IsUndefined() ? false : interp_.Truthy(role->create_db);
    r.create_role = role->create_role.IsUndefined() ? false : interp_.Truthy(role->create_role);
    r.inherit = role->inherit.IsUndefined() ? true : interp_.Truthy(role->inherit);
    out.roles.insert_or_assign(role->name, std::move(r));
  }
}

void SnapshotBuilder::AddViews(model::pg::Snapshot& out) {
  std::vector<PgViewHost*> all = views_;
  all.insert(all.end(), mat_views_.begin(), mat_views_.end());
  for (PgViewHost* view : all) {
    Guard(view->span, [&] {
      std::string schema = view->schema.value_or("public");
      std::string key = schema + "." + view->name;
      if (out.views.contains(key)) {
        Error(view->span, "We've found duplicated view name across " + schema + " schema. Please rename your view");
        return;
      }
      model::pg::View result;
      result.name = view->name;
      result.schema = schema;
      if (view->selected_fields != nullptr) {
        for (const std::string& field : interp_.OwnKeys(view->selected_fields)) {
          PgColumnHost* column = AsPgColumn(interp_.Get(Value::Obj(view->selected_fields), field));
          if (column == nullptr) continue;
          model::pg::Column col;
          col.name = column->name;
          col.type = column->sql_type;
          if (column->config.type == PgType::Enum && column->config.enum_host != nullptr) {
            col.type_schema = column->config.enum_host->schema.value_or("public");
          }
          col.primary_key = column->config.primary_key;
          col.not_null = column->config.not_null;
          if (column->config.has_generated) {
            Value as = column->config.generated_as;
            model::pg::Generated generated;
            generated.as = AsSql(as) != nullptr       ? Render(as)
                           : interp_.IsCallable(as) ? Render(interp_.Call(as, Value(), {}))
                                                    : interp_.ToString(as);
            col.generated = generated;
          }
          col.identity = ColumnIdentity(*column, view->name, column->name, view->schema);
          col.default_value = SnapshotDefault(interp_, *column, casing_, false);
          result.columns.insert_or_assign(column->name, std::move(col));
        }
      }
      if (!view->is_existing) result.definition = Render(view->query);
      result.materialized = view->materialized;
      result.is_existing = view->is_existing;
      if (view->has_pg_config && view->with.IsObject()) {
        model::pg::ViewWith with;
        for (const std::string& option : interp_.OwnKeys(view->with.AsObject())) {
          Value v = interp_.Get(view->with, option);
          for (const WithField& f : kWithFields) {
            if (option != f.key || v.IsUndefined()) continue;
            if (f.text != nullptr) with.*f.text = interp_.ToString(v);
            if (f.flag != nullptr) with.*f.flag = interp_.Truthy(v);
            if (f.number != nullptr) with.*f.number = interp_.ToNumber(v);
            with.key_order.push_back(option);
          }
        }
        result.with = std::move(with);
      }
      if (view->materialized) {
        if (!view->with_no_data.IsUndefined()) result.with_no_data = interp_.Truthy(view->with_no_data);
        if (!view->using_.IsUndefined()) result.using_method = interp_.ToString(view->using_);
        if (!view->tablespace.IsUndefined()) result.tablespace = interp_.ToString(view->tablespace);
      }
      out.views.insert_or_assign(key, std::move(result));
    });
  }
}

void SnapshotBuilder::AddEnums(model::pg::Snapshot& out) {
  for (PgEnumHost* e : enums_) {
    std::string schema = e->schema.value_or("public");
    out.enums.insert_or_assign(schema + "." + e->name, model::pg::Enum{e->name, schema, e->values});
  }
}

void SnapshotBuilder::AddSchemas(model::pg::Snapshot& out) {
  for (PgSchemaHost* schema : schemas_) {
    if (schema->name == "public") continue;
    if (options_.schema_filter) {
      const auto& filter = *options_.schema_filter;
      if (std::find(filter.begin(), filter.end(), schema->name) == filter.end()) continue;
    }
    out.schemas.insert_or_assign(schema->name, schema->name);
  }
}

}  // namespace dp::dsl::pg
