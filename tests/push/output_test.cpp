// What push prints: the confirmation choice and missing-hint reports.
#include "push/output.h"

#include <gtest/gtest.h>

namespace dp::push {
namespace {

TEST(OutputTest, ConfirmChoiceLikeDrizzleKit) {
  PushPlan plan;
  plan.tables_to_remove = 1;
  EXPECT_EQ(ConfirmChoiceText(plan), "Yes, I want to remove 1 table");
  plan.columns_to_remove = 2;
  plan.tables_to_truncate = 2;
  EXPECT_EQ(ConfirmChoiceText(plan), "Yes, I want to remove 1 table, remove 2 columns, truncate 2 tables");
}

TEST(OutputTest, MissingHintsJsonShape) {
  PushPlan plan;
  plan.missing_hints.push_back({diff::EntityKind::Column, {"public", "users", "full_name"}, {{"public", "users", "name"}}});
  DataLossWarning warning;
  warning.message = "· You're about to delete users table with 3 items";
  warning.kind = "table";
  warning.entity = {"public", "users"};
  nlohmann::ordered_json hints = MissingHintsJson(plan, {warning});
  ASSERT_EQ(hints.size(), 2u);
  EXPECT_EQ(hints[0]["type"], "rename_or_create");
  EXPECT_EQ(hints[0]["kind"], "column");
  EXPECT_EQ(hints[0]["entity"], nlohmann::ordered_json({"public", "users", "full_name"}));
  EXPECT_EQ(hints[1]["type"], "confirm_data_loss");
  EXPECT_EQ(hints[1]["reason"], "non_empty");
}

TEST(OutputTest, MissingHintsTextGivesSnippets) {
  PushPlan plan;
  plan.missing_hints.push_back({diff::EntityKind::Table, {"public", "products"}, {{"public", "items"}}});
  std::string text = MissingHintsText(plan, {});
  EXPECT_NE(text.find("missing_hints: 1 unresolved decision\n"), std::string::npos) << text;
  EXPECT_NE(text.find(R"({ "type": "create", "kind": "table", "entity": ["public", "products"] })"), std::string::npos) << text;
  EXPECT_NE(text.find(R"("from": ["<schema>", "<old_name>"])"), std::string::npos) << text;
}

TEST(OutputTest, JsonReportListsStatementsWithHazards) {
  PushPlan plan;
  plan.statements.push_back({"DROP TABLE \"users\" CASCADE;", sqlgen::Hazard::DataLoss});
  nlohmann::ordered_json report = JsonReport("ok", "postgresql", &plan, std::nullopt, nullptr);
  EXPECT_EQ(report["status"], "ok");
  EXPECT_EQ(report["statements"][0]["sql"], "DROP TABLE \"users\" CASCADE;");
  EXPECT_EQ(report["statements"][0]["hazards"], nlohmann::ordered_json({"data_loss"}));
}

}  // namespace
}  // namespace dp::push
