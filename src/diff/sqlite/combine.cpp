// drizzle-kit's sqliteCombineStatements over typed changes: statements are grouped by
// table (groups ordered like the keys of a JS object: array-index keys ascending, then
// insertion order); the first statement SQLite cannot run as ALTER TABLE turns the group
// into a single table recreation (keeping earlier statements only after a rename); table
// renames, then column renames, move to the front.
#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>

#include "diff/sqlite/diff_internal.h"

namespace dp::diff::sqlite::detail {

namespace {

struct Group {
  std::string key;
  std::vector<Raw> entries;
};

/// True when `key` is a canonical JS array index ("0", "17"; not "01", not >= 2^32 - 1).
bool IsArrayIndex(const std::string& key) {
  if (key.empty() || key.size() > 10) return false;
  if (!std::all_of(key.begin(), key.end(), [](char c) { return c >= '0' && c <= '9'; })) return false;
  if (key.size() > 1 && key[0] == '0') return false;
  return std::stoull(key) < 4294967295ULL;
}

bool HasRecreate(const Group& group) {
  return std::any_of(group.entries.begin(), group.entries.end(),
                     [](const Raw& raw) { return raw.kind == RawKind::Recreate; });
}

/// drizzle-kit keeps a group's earlier statements when it holds a table rename; we also
/// keep them after a column rename (drizzle-kit drops the RENAME COLUMN there, and its
/// copy then selects a column that does not exist yet).
bool HasRename(const Group& group) {
  return std::any_of(group.entries.begin(), group.entries.end(), [](const Raw& raw) {
    return raw.change && (std::holds_alternative<RenameTable>(*raw.change) ||
                          std::holds_alternative<RenameColumn>(*raw.change));
  });
}

class Combiner {
 public:
  void Add(Raw raw) {
    switch (raw.kind) {
      case RawKind::Recreate:
        reasons_[raw.group].push_back(raw.reason);
        Promote(raw.group);
        return;
      case RawKind::CreateReference:
        AddReference(std::move(raw));
        return;
      case RawKind::Plain:
        break;
    }
    Group* group = Find(raw.group);
    if (group == nullptr) {
      Create(raw.group).entries.push_back(std::move(raw));
    } else if (!HasRecreate(*group)) {
      group->entries.push_back(std::move(raw));
    }
  }

  /// Why each rebuilt table is rebuilt, in the order the reasons came up.
  const std::map<std::string, std::vector<std::string>>& reasons() const { return reasons_; }

  /// Groups in JS object key order.
  std::vector<Group> Take() {
    std::vector<Group> ordered;
    std::vector<Group*> numeric;
    for (Group& group : groups_) {
      if (IsArrayIndex(group.key)) numeric.push_back(&group);
    }
    std::sort(numeric.begin(), numeric.end(),
              [](const Group* a, const Group* b) { return std::stoull(a->key) < std::stoull(b->key); });
    for (Group* group : numeric) ordered.push_back(std::move(*group));
    for (Group& group : groups_) {
      if (!IsArrayIndex(group.key)) ordered.push_back(std::move(group));
    }
    return ordered;
  }

 private:
  Group* Find(const std::string& key) {
    auto it = index_.find(key);
    return it == index_.end() ? nullptr : &groups_[it->second];
  }

  Group& Create(const std::string& key) {
    index_.emplace(key, groups_.size());
    groups_.push_back(Group{key, {}});
    return groups_.back();
  }

  void Promote(const std::string& key) {
    Group* group = Find(key);
    Raw recreate{RawKind::Recreate, key, std::nullopt, {}};
    if (group == nullptr) {
      Create(key).entries.push_back(std::move(recreate));
      return;
    }
    if (HasRecreate(*group)) return;
    if (!HasRename(*group)) group->entries.clear();
    group->entries.push_back(std::move(recreate));
  }

  void AddReference(Raw raw) {
    Group* group = Find(raw.group);
    if (group == nullptr || HasRecreate(*group)) {
      reasons_[raw.group].push_back(raw.reason);
      Promote(raw.group);
      return;
    }
    if (raw.reference.columns_from.size() == 1) {
      for (Raw& entry : group->entries) {
        if (!entry.change) continue;
        auto* add = std::get_if<AddColumn>(&*entry.change);
        if (add == nullptr || add->column.name != raw.reference.columns_from[0]) continue;
        // drizzle-kit drops the reference here (its ADD COLUMN then lacks REFERENCES and
        // the next push rebuilds the table); we render it inline when SQLite allows that.
        if (DefaultIsNull(add->column.default_value)) {
          add->reference = raw.reference;
          return;
        }
        break;
      }
    }
    reasons_[raw.group].push_back(raw.reason);
    Promote(raw.group);
  }

  std::vector<Group> groups_;
  std::unordered_map<std::string, size_t> index_;
  std::map<std::string, std::vector<std::string>> reasons_;
};

RecreateTable BuildRecreate(const DiffState& state, const std::string& name, const std::vector<Raw>& earlier,
                            const std::vector<std::string>& reasons) {
  const model::sqlite::Table& desired = *state.desired->tables.Get(name);
  const model::sqlite::Table* current = state.current.tables.Get(name);
  std::set<std::string> added_earlier;
  for (const Raw& raw : earlier) {
    if (!raw.change) continue;
    if (const auto* add = std::get_if<AddColumn>(&*raw.change)) added_earlier.insert(add->column.name);
  }
  RecreateTable recreate;
  recreate.table = desired;
  recreate.reasons = reasons;
  for (const auto& [index_name, index] : desired.indexes) {
    recreate.index_expressions.push_back(IndexExpressions(*state.desired, index));
  }
  for (const auto& [column_name, column] : desired.columns) {
    bool existed =
        (current != nullptr && current->columns.contains(column_name)) || added_earlier.count(column_name);
    if (!existed) {
      recreate.added_columns.push_back(column_name);
    } else if (!column.generated) {
      recreate.copied_columns.push_back(column_name);
    }
  }
  if (current != nullptr) {
    for (const auto& [column_name, column] : current->columns) {
      if (!desired.columns.contains(column_name)) recreate.removed_columns.push_back(column_name);
    }
  }
  for (const auto& [table_name, table] : state.desired->tables) {
    for (const auto& [fk_name, fk] : table.foreign_keys) {
      if (fk.table_to == name) recreate.referenced = true;
    }
  }
  return recreate;
}

int RenameRank(const Change& change) {
  if (std::holds_alternative<RenameTable>(change)) return 0;
  if (std::holds_alternative<RenameColumn>(change)) return 1;
  return 2;
}

}  // namespace

std::vector<Change> Combine(const DiffState& state, std::vector<Raw> raws) {
  Combiner combiner;
  for (Raw& raw : raws) combiner.Add(std::move(raw));
  std::vector<Change> changes;
  std::map<std::string, std::vector<std::string>> reasons = combiner.reasons();
  for (Group& group : combiner.Take()) {
    for (size_t entry_idx = 0; entry_idx < group.entries.size(); ++entry_idx) {
      Raw& raw = group.entries[entry_idx];
      if (raw.kind == RawKind::Recreate) {
        std::vector<Raw> earlier(group.entries.begin(),
                                 group.entries.begin() + static_cast<std::ptrdiff_t>(entry_idx));
        changes.push_back(BuildRecreate(state, group.key, earlier, reasons[group.key]));
      } else if (raw.change) {
        changes.push_back(std::move(*raw.change));
      }
    }
  }
  std::stable_sort(changes.begin(), changes.end(),
                   [](const Change& a, const Change& b) { return RenameRank(a) < RenameRank(b); });
  return changes;
}

}  // namespace dp::diff::sqlite::detail
