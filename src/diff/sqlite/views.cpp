// SQLite views: created, dropped and renamed views as drizzle-kit plans them, plus the two
// things it misses: a changed definition (drop + create) and views that read a table
// being rebuilt or dropped (SQLite then refuses the rebuild's RENAME, so such views are
// dropped first and created again last).
#include <algorithm>
#include <cctype>
#include <set>

#include "diff/sqlite/diff_internal.h"

namespace dp::diff::sqlite::detail {

namespace {

std::string Lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool IsWordChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) != 0 || c == '_' || c == '$' ||
         static_cast<unsigned char>(c) >= 0x80;
}

/// The identifiers of an SQL text (bare words and quoted names), lower-cased; string
/// literals and comments are skipped.
std::set<std::string> Identifiers(std::string_view sql) {
  std::set<std::string> names;
  size_t pos = 0;
  while (pos < sql.size()) {
    char c = sql[pos];
    if (c == '-' && pos + 1 < sql.size() && sql[pos + 1] == '-') {
      while (pos < sql.size() && sql[pos] != '\n') ++pos;
    } else if (c == '/' && pos + 1 < sql.size() && sql[pos + 1] == '*') {
      size_t close = sql.find("*/", pos + 2);
      pos = close == std::string_view::npos ? sql.size() : close + 2;
    } else if (c == '\'' || c == '"' || c == '`' || c == '[') {
      char close = c == '[' ? ']' : c;
      std::string name;
      ++pos;
      while (pos < sql.size()) {
        if (sql[pos] == close) {
          if (close != ']' && pos + 1 < sql.size() && sql[pos + 1] == close) {
            name.push_back(close);
            pos += 2;
            continue;
          }
          ++pos;
          break;
        }
        name.push_back(sql[pos++]);
      }
      if (c != '\'') names.insert(Lower(name));
    } else if (IsWordChar(c)) {
      size_t begin = pos;
      while (pos < sql.size() && IsWordChar(sql[pos])) ++pos;
      names.insert(Lower(sql.substr(begin, pos - begin)));
    } else {
      ++pos;
    }
  }
  return names;
}

template <class T>
bool IsChange(const Change& change, const std::string& name) {
  const T* typed = std::get_if<T>(&change);
  return typed != nullptr && typed->name == name;
}

}  // namespace

void CompareViews(DiffState& state, Resolver& resolver) {
  const model::sqlite::Snapshot& desired = *state.desired;
  std::vector<std::string> deleted;
  std::vector<std::string> created;
  for (const auto& [name, view] : state.current.views) {
    if (!desired.views.contains(name)) deleted.push_back(name);
  }
  for (const auto& [name, view] : desired.views) {
    if (!state.current.views.contains(name)) created.push_back(name);
  }
  std::vector<bool> renamed_from(deleted.size(), false);
  std::vector<bool> renamed_to(created.size(), false);
  if (!deleted.empty() && !created.empty()) {
    std::vector<EntityPath> deleted_paths;
    std::vector<EntityPath> created_paths;
    for (const std::string& name : deleted) deleted_paths.push_back(TablePath(name));
    for (const std::string& name : created) created_paths.push_back(TablePath(name));
    std::vector<Rename> renames = resolver.Resolve(EntityKind::View, deleted_paths, created_paths);
    std::stable_sort(renames.begin(), renames.end(),
                     [](const Rename& a, const Rename& b) { return a.to < b.to; });
    for (const Rename& rename : renames) {
      if (rename.from >= deleted.size() || rename.to >= created.size()) continue;
      if (renamed_from[rename.from] || renamed_to[rename.to]) continue;
      renamed_from[rename.from] = renamed_to[rename.to] = true;
      if (!desired.views.Get(created[rename.to])->is_existing) {
        state.views.renamed.emplace_back(deleted[rename.from], created[rename.to]);
      }
    }
  }
  for (size_t view_idx = 0; view_idx < deleted.size(); ++view_idx) {
    if (!renamed_from[view_idx]) state.views.deleted.push_back(deleted[view_idx]);
  }
  for (size_t view_idx = 0; view_idx < created.size(); ++view_idx) {
    if (!renamed_to[view_idx] && !desired.views.Get(created[view_idx])->is_existing) {
      state.views.created.push_back(created[view_idx]);
    }
  }
  for (const auto& [name, view] : state.current.views) {
    const model::sqlite::View* wanted = desired.views.Get(name);
    if (wanted == nullptr || wanted->is_existing) continue;
    if (CanonicalExpression(view.definition.value_or("")) !=
        CanonicalExpression(wanted->definition.value_or(""))) {
      state.views.altered.push_back(name);
      state.plan.notes.push_back(
          {"view " + name +
           " definition changed: dropped and created again (drizzle-kit 0.31 push ignores this)"});
    }
  }
}

void ProtectDependentViews(DiffState& state, std::vector<Change>& changes) {
  // SQLite re-checks every view on ALTER TABLE RENAME / DROP COLUMN and fails on one that
  // names a missing table. A rebuild always renames; a dropped table only matters when
  // such a statement follows (otherwise drizzle-kit's order, views last, is kept).
  bool revalidates = std::any_of(changes.begin(), changes.end(), [](const Change& change) {
    return std::holds_alternative<RecreateTable>(change) || std::holds_alternative<RenameTable>(change) ||
           std::holds_alternative<RenameColumn>(change) || std::holds_alternative<DropColumn>(change) ||
           std::holds_alternative<ReAddColumn>(change);
  });
  std::set<std::string> rebuilt;  // lower-cased table names recreated (or dropped, when it matters)
  for (const Change& change : changes) {
    if (const auto* recreate = std::get_if<RecreateTable>(&change))
      rebuilt.insert(Lower(recreate->table.name));
    if (const auto* drop = std::get_if<DropTable>(&change); drop != nullptr && revalidates) {
      rebuilt.insert(Lower(drop->name));
    }
  }
  if (rebuilt.empty()) return;
  std::vector<Change> front;
  std::vector<Change> back;
  for (const auto& [name, view] : state.current.views) {
    std::set<std::string> identifiers = Identifiers(view.definition.value_or(""));
    bool depends = std::any_of(rebuilt.begin(), rebuilt.end(),
                               [&](const std::string& table) { return identifiers.count(table) != 0; });
    if (!depends) continue;
    changes.erase(std::remove_if(changes.begin(), changes.end(),
                                 [&](const Change& change) { return IsChange<DropView>(change, name); }),
                  changes.end());
    front.push_back(DropView{name});
    bool created_later = std::any_of(changes.begin(), changes.end(), [&](const Change& change) {
      return IsChange<CreateView>(change, name);
    });
    const model::sqlite::View* wanted = state.desired->views.Get(name);
    if (!created_later && wanted != nullptr) {
      const std::optional<std::string>& definition =
          wanted->is_existing ? view.definition : wanted->definition;
      back.push_back(CreateView{name, definition.value_or("")});
    }
    state.plan.notes.push_back(
        {"view " + name +
         " reads a table that is rebuilt or dropped: it is dropped first and created again "
         "(drizzle-kit 0.31 fails on the rebuild's RENAME here)"});
  }
  changes.insert(changes.begin(), front.begin(), front.end());
  changes.insert(changes.end(), back.begin(), back.end());
}

}  // namespace dp::diff::sqlite::detail
