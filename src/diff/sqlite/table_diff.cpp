// Per-table comparison of the SQLite snapshots and the raw statement list in the exact
// order drizzle-kit's applySqliteSnapshotsDiff pushes its JSON statements (that order,
// after combination, is the order of the executed SQL).
#include <algorithm>

#include "diff/sqlite/diff_internal.h"

namespace dp::diff::sqlite::detail {

namespace {

using model::sqlite::Column;
using model::sqlite::CompositePk;
using model::sqlite::Table;

constexpr ColumnChange kRebuildingChanges = ColumnChange::Type | ColumnChange::PrimaryKey |
                                            ColumnChange::NotNull | ColumnChange::Autoincrement |
                                            ColumnChange::Default;

const CompositePk* FirstPk(const Table& table) {
  return table.composite_primary_keys.empty() ? nullptr : &table.composite_primary_keys.begin()->second;
}

PkChange ComparePks(const Table& current, const Table& desired) {
  const CompositePk* current_pk = FirstPk(current);
  const CompositePk* desired_pk = FirstPk(desired);
  if (current_pk == nullptr && desired_pk == nullptr) return PkChange::None;
  if (current_pk != nullptr && desired_pk != nullptr) {
    if (current_pk->columns == desired_pk->columns) return PkChange::None;
    std::string current_name = current.composite_primary_keys.begin()->first;
    std::string desired_name = desired.composite_primary_keys.begin()->first;
    return current_name == desired_name ? PkChange::Altered : PkChange::Deleted;
  }
  return current_pk != nullptr ? PkChange::Deleted : PkChange::Created;
}

TableDiff CompareTable(const Table& current, const Table& desired) {
  TableDiff diff;
  diff.name = desired.name;
  diff.current = &current;
  diff.desired = &desired;
  for (const auto& [name, column] : desired.columns) {
    if (!current.columns.contains(name)) diff.added_columns.push_back(name);
  }
  for (const auto& [name, column] : current.columns) {
    const Column* wanted = desired.columns.Get(name);
    if (wanted == nullptr) {
      diff.dropped_columns.push_back(name);
      continue;
    }
    ColumnChange change = CompareColumns(column, *wanted);
    if (change != ColumnChange::None) diff.altered_columns.emplace_back(name, change);
  }
  for (const auto& [name, fk] : current.foreign_keys) {
    bool kept = std::any_of(desired.foreign_keys.begin(), desired.foreign_keys.end(),
                            [&](const auto& entry) { return SameForeignKey(fk, entry.second); });
    if (!kept) diff.deleted_fks.push_back(fk);
  }
  for (const auto& [name, fk] : desired.foreign_keys) {
    bool exists = std::any_of(current.foreign_keys.begin(), current.foreign_keys.end(),
                              [&](const auto& entry) { return SameForeignKey(entry.second, fk); });
    if (!exists) diff.added_fks.push_back(fk);
  }
  for (const auto& [name, check] : current.check_constraints) {
    const model::sqlite::CheckConstraint* wanted = desired.check_constraints.Get(name);
    if (wanted == nullptr) {
      diff.deleted_checks.push_back(name);
    } else if (CanonicalExpression(check.value) != CanonicalExpression(wanted->value)) {
      diff.altered_checks.push_back(name);
    }
  }
  for (const auto& [name, check] : desired.check_constraints) {
    if (!current.check_constraints.contains(name)) diff.added_checks.push_back(name);
  }
  for (const auto& [name, index] : current.indexes) {
    const model::sqlite::Index* wanted = desired.indexes.Get(name);
    if (wanted == nullptr) {
      diff.deleted_indexes.push_back(name);
    } else if (!SameIndex(index, *wanted)) {
      diff.altered_indexes.push_back(name);
    }
  }
  for (const auto& [name, index] : desired.indexes) {
    if (!current.indexes.contains(name)) diff.added_indexes.push_back(name);
  }
  diff.pk_change = ComparePks(current, desired);
  return diff;
}

Raw Plain(std::string group, Change change) {
  return Raw{RawKind::Plain, std::move(group), std::move(change), {}};
}
Raw Rebuild(std::string group, std::string reason) {
  return Raw{RawKind::Recreate, std::move(group), std::nullopt, {}, std::move(reason)};
}

std::string DescribeChange(ColumnChange change) {
  std::string out;
  auto add = [&](ColumnChange bit, const char* name) {
    if (!Has(change, bit)) return;
    if (!out.empty()) out += ", ";
    out += name;
  };
  add(ColumnChange::Type, "type");
  add(ColumnChange::PrimaryKey, "primary key");
  add(ColumnChange::NotNull, "not null");
  add(ColumnChange::Autoincrement, "autoincrement");
  add(ColumnChange::Default, "default");
  return out;
}

std::string DescribeForeignKey(const model::sqlite::ForeignKey& fk) {
  std::string from;
  for (const std::string& column : fk.columns_from) from += (from.empty() ? "" : ", ") + column;
  std::string to;
  for (const std::string& column : fk.columns_to) to += (to.empty() ? "" : ", ") + column;
  return "(" + from + ") -> " + fk.table_to + "(" + to + ")";
}

CreateIndex MakeCreateIndex(const model::sqlite::Snapshot& desired, const std::string& table,
                            const model::sqlite::Index& index) {
  return CreateIndex{table, index, IndexExpressions(desired, index)};
}

/// Step 9: drizzle-kit's prepareSqliteAlterColumns for one table.
void EmitAlteredColumns(const TableDiff& table, std::vector<Raw>& raws, Plan& plan) {
  for (const auto& [name, change] : table.altered_columns) {
    if ((static_cast<uint8_t>(change) & static_cast<uint8_t>(kRebuildingChanges)) != 0) {
      raws.push_back(Rebuild(table.name, "column " + name + ": " + DescribeChange(change)));
    }
    if (!Has(change, ColumnChange::Generated)) continue;
    const Column& current = *table.current->columns.Get(name);
    const Column& desired = *table.desired->columns.Get(name);
    if (!desired.generated) {
      raws.push_back(Plain(table.name, ReAddColumn{table.name, desired, GeneratedChange::Drop}));
    } else if (desired.generated->type == "virtual") {
      GeneratedChange kind = current.generated ? GeneratedChange::Alter : GeneratedChange::Set;
      raws.push_back(Plain(table.name, ReAddColumn{table.name, desired, kind}));
    } else {
      plan.notes.push_back({"stored generated column " + table.name + "." + name +
                            " changed: the table is rebuilt (drizzle-kit 0.31 push skips this change)"});
      raws.push_back(Rebuild(table.name, "column " + name + ": stored generated expression"));
    }
  }
}

/// Step 11: _prepareSqliteAddColumns (and the combiner's rule for primary-key columns).
void EmitAddedColumns(const TableDiff& table, std::vector<Raw>& raws, Plan& plan) {
  for (const std::string& name : table.added_columns) {
    const Column& column = *table.desired->columns.Get(name);
    if (column.generated && column.generated->type == "stored") {
      plan.notes.push_back(
          {"stored generated column " + table.name + "." + name +
           " added: the table is rebuilt (SQLite cannot ADD a STORED column; drizzle-kit 0.31 "
           "push skips it)"});
      raws.push_back(Rebuild(table.name, "stored generated column " + name + " added"));
    } else if (column.primary_key) {
      raws.push_back(Rebuild(table.name, "primary-key column " + name + " added"));
    } else {
      raws.push_back(Plain(table.name, AddColumn{table.name, column, std::nullopt}));
    }
  }
}

}  // namespace

bool TableDiff::empty() const {
  return added_columns.empty() && dropped_columns.empty() && altered_columns.empty() && deleted_fks.empty() &&
         added_fks.empty() && deleted_checks.empty() && added_checks.empty() && altered_checks.empty() &&
         deleted_indexes.empty() && added_indexes.empty() && altered_indexes.empty() &&
         pk_change == PkChange::None;
}

void CompareTables(DiffState& state) {
  for (const auto& [name, table] : state.current.tables) {
    const Table* desired = state.desired->tables.Get(name);
    if (desired == nullptr) continue;
    TableDiff diff = CompareTable(table, *desired);
    if (!diff.empty()) state.tables.push_back(std::move(diff));
  }
}

std::vector<Raw> EmitRaw(DiffState& state) {
  const model::sqlite::Snapshot& desired = *state.desired;
  Plan& plan = state.plan;
  std::vector<Raw> raws;
  for (const std::string& name : state.created_tables) {
    raws.push_back(Plain(name, CreateTable{*desired.tables.Get(name)}));
  }
  for (const std::string& name : state.deleted_tables) raws.push_back(Plain(name, DropTable{name}));
  for (const auto& [from, to] : state.renamed_tables) raws.push_back(Plain(to, RenameTable{from, to}));
  for (const RenameColumn& rename : state.renamed_columns) raws.push_back(Plain(rename.table, rename));
  for (const TableDiff& table : state.tables) {
    for (const model::sqlite::ForeignKey& fk : table.deleted_fks) {
      raws.push_back(Rebuild(table.name, "foreign key " + DescribeForeignKey(fk) + " dropped"));
    }
  }
  for (const TableDiff& table : state.tables) {
    for (const std::string& name : table.deleted_checks) {
      raws.push_back(Rebuild(table.name, "check " + name + " dropped"));
    }
    for (const std::string& name : table.altered_checks) {
      plan.notes.push_back({"check constraint " + name + " on " + table.name +
                            " changed: the table is rebuilt (drizzle-kit 0.31 push ignores check changes)"});
      raws.push_back(Rebuild(table.name, "check " + name + " changed"));
    }
  }
  for (const TableDiff& table : state.tables) {
    for (const std::string& name : table.deleted_indexes) {
      raws.push_back(Plain(table.name, DropIndex{table.name, name}));
    }
  }
  for (const TableDiff& table : state.tables) {
    for (const std::string& name : table.altered_indexes) {
      raws.push_back(Plain(table.name, DropIndex{table.name, name}));
    }
  }
  for (const TableDiff& table : state.tables) {
    if (table.pk_change == PkChange::Deleted) raws.push_back(Rebuild(table.name, "primary key changed"));
  }
  for (const TableDiff& table : state.tables) EmitAlteredColumns(table, raws, plan);
  for (const TableDiff& table : state.tables) {
    if (table.pk_change == PkChange::Created) raws.push_back(Rebuild(table.name, "primary key added"));
  }
  for (const TableDiff& table : state.tables) EmitAddedColumns(table, raws, plan);
  for (const std::string& name : state.created_tables) {
    const Table& table = *desired.tables.Get(name);
    for (const auto& [index_name, index] : table.indexes) {
      raws.push_back(Plain(name, MakeCreateIndex(desired, name, index)));
    }
  }
  for (const TableDiff& table : state.tables) {
    for (const std::string& name : table.added_indexes) {
      raws.push_back(
          Plain(table.name, MakeCreateIndex(desired, table.name, *table.desired->indexes.Get(name))));
    }
  }
  for (const TableDiff& table : state.tables) {
    for (const std::string& name : table.altered_indexes) {
      raws.push_back(
          Plain(table.name, MakeCreateIndex(desired, table.name, *table.desired->indexes.Get(name))));
    }
  }
  for (const TableDiff& table : state.tables) {
    for (const std::string& name : table.added_checks)
      raws.push_back(Rebuild(table.name, "check " + name + " added"));
  }
  for (const TableDiff& table : state.tables) {
    for (const model::sqlite::ForeignKey& fk : table.added_fks) {
      raws.push_back(Raw{RawKind::CreateReference, table.name, std::nullopt, fk,
                         "foreign key " + DescribeForeignKey(fk) + " added"});
    }
  }
  for (const TableDiff& table : state.tables) {
    for (const std::string& name : table.dropped_columns) {
      raws.push_back(Plain(table.name, DropColumn{table.name, name}));
    }
  }
  for (const TableDiff& table : state.tables) {
    if (table.pk_change == PkChange::Altered) raws.push_back(Rebuild(table.name, "primary key changed"));
  }
  const std::string kViewsGroup = "undefined";  // drizzle-kit's view statements carry no tableName
  for (const std::string& name : state.views.deleted) raws.push_back(Plain(kViewsGroup, DropView{name}));
  for (const auto& [from, to] : state.views.renamed) raws.push_back(Plain(kViewsGroup, DropView{from}));
  for (const std::string& name : state.views.altered) raws.push_back(Plain(kViewsGroup, DropView{name}));
  for (const std::string& name : state.views.created) {
    raws.push_back(Plain(kViewsGroup, CreateView{name, desired.views.Get(name)->definition.value_or("")}));
  }
  for (const auto& [from, to] : state.views.renamed) {
    raws.push_back(Plain(kViewsGroup, CreateView{to, desired.views.Get(to)->definition.value_or("")}));
  }
  for (const std::string& name : state.views.altered) {
    raws.push_back(Plain(kViewsGroup, CreateView{name, desired.views.Get(name)->definition.value_or("")}));
  }
  return raws;
}

}  // namespace dp::diff::sqlite::detail
