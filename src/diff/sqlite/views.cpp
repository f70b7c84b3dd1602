// SQLite views: created, dropped and renamed views as drizzle-kit plans them, plus the two
// things it misses: a changed definition (drop + create) and views that read a table
// being rebuilt or dropped (SQLite then refuses the rebuild's RENAME, so such views are
// dropped first and created again last).
#include <algorithm>
#include <set>

#include "diff/sqlite/diff_internal.h"
#include "model/sqlite/sql_text.h"

namespace dp::diff::sqlite::detail {

namespace {

using model::sqlite::LowerAscii;
using model::sqlite::SqlTokenKind;

/// The identifiers of an SQL text (bare words and quoted names), lower-cased; string
/// literals and comments are skipped.
std::set<std::string> Identifiers(std::string_view sql) {
  std::set<std::string> names;
  for (const model::sqlite::SqlToken& token : model::sqlite::TokenizeSql(sql)) {
    std::string_view text = model::sqlite::TokenText(sql, token);
    if (token.kind == SqlTokenKind::kWord) names.insert(LowerAscii(text));
    if (token.kind == SqlTokenKind::kQuotedName)
      names.insert(LowerAscii(model::sqlite::UnquoteIdentifier(text)));
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
  NameChanges names = MatchNames(state.current.views.Keys(), desired.views.Keys(), resolver, EntityKind::View,
                                 [](const std::string& name) { return TablePath(name); });
  auto existing = [&](const std::string& name) { return desired.views.Get(name)->is_existing; };
  for (auto& [from, to] : names.renamed) {
    if (!existing(to)) state.views.renamed.emplace_back(from, to);
  }
  state.views.deleted = std::move(names.deleted);
  for (std::string& name : names.created) {
    if (!existing(name)) state.views.created.push_back(std::move(name));
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
      rebuilt.insert(LowerAscii(recreate->table.name));
    if (const auto* drop = std::get_if<DropTable>(&change); drop != nullptr && revalidates) {
      rebuilt.insert(LowerAscii(drop->name));
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
