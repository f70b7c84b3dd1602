// Rendering of push results (see output.h).
#include "push/output.h"

#include <fmt/format.h>

#include <regex>

namespace dp::push {

using nlohmann::ordered_json;

namespace {

ordered_json PathJson(const diff::EntityPath& path) {
  ordered_json array = ordered_json::array();
  for (const std::string& part : path) array.push_back(part);
  return array;
}

std::string PathText(const diff::EntityPath& path) {
  std::string text = "[";
  for (size_t i = 0; i < path.size(); ++i) text += (i ? ", " : "") + ordered_json(path[i]).dump();
  return text + "]";
}

std::string PathDisplay(const diff::EntityPath& path) {
  std::string text;
  for (const std::string& part : path) text += (text.empty() ? "" : ".") + part;
  return text;
}

// drizzle-kit 1.0's placeholder for the old name in a rename snippet.
std::string FromPlaceholder(size_t length) {
  if (length == 1) return "[\"<old_name>\"]";
  if (length == 2) return "[\"<schema>\", \"<old_name>\"]";
  return "[\"<schema>\", \"<table>\", \"<old_name>\"]";
}

}  // namespace

ordered_json MissingHintsJson(const PushPlan& plan, const std::vector<DataLossWarning>& unconfirmed) {
  ordered_json hints = ordered_json::array();
  for (const diff::MissingHint& missing : plan.missing_hints) {
    ordered_json hint;
    hint["type"] = "rename_or_create";
    hint["kind"] = diff::EntityKindName(missing.kind);
    hint["entity"] = PathJson(missing.created);
    ordered_json candidates = ordered_json::array();
    for (const diff::EntityPath& from : missing.deleted) candidates.push_back(PathJson(from));
    hint["candidates"] = candidates;
    hints.push_back(hint);
  }
  for (const DataLossWarning& warning : unconfirmed) {
    ordered_json hint;
    hint["type"] = "confirm_data_loss";
    hint["kind"] = warning.kind;
    hint["entity"] = PathJson(warning.entity);
    hint["reason"] = warning.reason;
    if (warning.reason == "type_change") {
      hint["reason_details"] = {{"from", warning.type_from}, {"to", warning.type_to}};
    }
    hint["message"] = warning.message;
    hints.push_back(hint);
  }
  return hints;
}

std::string MissingHintsText(const PushPlan& plan, const std::vector<DataLossWarning>& unconfirmed) {
  size_t total = plan.missing_hints.size() + unconfirmed.size();
  std::string text = fmt::format("missing_hints: {} unresolved decision{}\n", total, total == 1 ? "" : "s");
  size_t index = 1;
  for (const diff::MissingHint& missing : plan.missing_hints) {
    const char* kind = diff::EntityKindName(missing.kind);
    text += fmt::format("\n{}. Rename or create  —  {}  {}\n", index++, kind, PathDisplay(missing.created));
    text += "   Add to --hints:\n";
    text += fmt::format("     {{ \"type\": \"rename\", \"kind\": \"{}\", \"from\": {}, \"to\": {} }}\n", kind,
                        FromPlaceholder(missing.created.size()), PathText(missing.created));
    text += "     OR\n";
    text += fmt::format("     {{ \"type\": \"create\", \"kind\": \"{}\", \"entity\": {} }}\n", kind, PathText(missing.created));
    if (!missing.deleted.empty()) {
      text += "   It could be renamed from:";
      for (const diff::EntityPath& from : missing.deleted) text += " " + PathText(from);
      text += "\n";
    }
  }
  for (const DataLossWarning& warning : unconfirmed) {
    text += fmt::format("\n{}. Confirm data loss  —  {}  {}  {}\n", index++, warning.kind, PathDisplay(warning.entity),
                        warning.message);
    text += "   Add to --hints:\n";
    text += fmt::format("     {{ \"type\": \"confirm_data_loss\", \"kind\": \"{}\", \"entity\": {} }}\n", warning.kind,
                        PathText(warning.entity));
  }
  return text;
}

ordered_json JsonReport(const std::string& status, const std::string& dialect, const PushPlan* plan,
                        const std::optional<std::string>& error, const ApplyReport* applied) {
  ordered_json report;
  report["status"] = status;
  report["dialect"] = dialect;
  ordered_json statements = ordered_json::array();
  ordered_json warnings = ordered_json::array();
  if (plan != nullptr) {
    for (const sqlgen::Statement& statement : plan->statements) {
      ordered_json item;
      item["sql"] = statement.sql;
      item["hazards"] = sqlgen::HazardNames(statement.hazards);
      if (statement.outside_transaction) item["outside_transaction"] = true;
      statements.push_back(item);
    }
    for (const DataLossWarning& warning : plan->warnings) warnings.push_back(warning.message);
    report["queries"] = plan->queries;
  }
  report["statements"] = statements;
  report["hints"] = ordered_json::array();
  report["warnings"] = warnings;
  if (applied != nullptr) {
    report["applied"] = applied->failure ? ordered_json(applied->applied.size()) : ordered_json(statements.size());
    report["rolled_back"] = applied->rolled_back;
  }
  if (error) report["error"] = *error;
  return report;
}

std::string ConfirmChoiceText(const PushPlan& plan) {
  auto part = [](size_t count, const char* verb, const char* one, const char* many, bool comma) {
    if (count == 0) return std::string(" ");
    return fmt::format(" {} {} {}{}", verb, count, count > 1 ? many : one, comma ? "," : "");
  };
  std::string text = "Yes, I want to" + part(plan.tables_to_remove, "remove", "table", "tables", true) +
                     part(plan.columns_to_remove, "remove", "column", "columns", true) +
                     (plan.tables_to_truncate ? part(plan.tables_to_truncate, "truncate", "table", "tables", false) : "") +
                     part(plan.matviews_to_remove, "remove", "materialize view", "materialized views", true);
  // drizzle-kit trims a trailing comma and collapses repeated spaces.
  while (!text.empty() && (text.back() == ' ')) text.pop_back();
  if (!text.empty() && text.back() == ',') text.pop_back();
  text = std::regex_replace(text, std::regex(" +(?= )"), "");
  return text;
}

}  // namespace dp::push
