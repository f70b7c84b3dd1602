// The PostgreSQL push planner's data-loss analysis against a real server: drizzle-kit's
// warning texts and counts, the drizzle-kit 1.0 confirm_data_loss kind / entity / reason
// of each warning, `truncate table ... cascade;` placed before the NOT NULL column it is
// for (and marked DataLoss), the real primary key name, renamed tables counted under
// their current names, and all row counts in one query. The desired schema of each test
// is introspected from a second database built with SQL.
#include <gtest/gtest.h>

#include "introspect/pg/inspect.h"
#include "introspect/pg/queries.h"
#include "plan_test_support.h"
#include "push/pg/plan_push.h"

namespace dp::pgpush_test {
namespace {

namespace mpg = model::pg;
using sqlgen::Hazard;

class PgDataLoss : public ::testing::Test {
 protected:
  void SetUp() override {
    if (current_.skipped()) GTEST_SKIP() << current_.message();
    ASSERT_TRUE(current_.ok()) << current_.message();
    ASSERT_TRUE(desired_db_.ok()) << desired_db_.message();
  }

  /// Builds the current database and the desired schema, then plans.
  push::PushPlan Plan(const std::string& current_sql, const std::string& desired_sql,
                      const nlohmann::json& hints = nlohmann::json::array()) {
    auto ran = RunScript(current_.conn(), current_sql);
    EXPECT_TRUE(ran.has_value()) << (ran ? "" : ran.error().message);
    if (!desired_sql.empty()) {
      auto built = RunScript(desired_db_.conn(), desired_sql);
      EXPECT_TRUE(built.has_value()) << (built ? "" : built.error().message);
    }
    auto desired = introspect::pg::Inspect(desired_db_.conn(), filters_);
    EXPECT_TRUE(desired.has_value());
    HintResolver resolver(hints);
    current_.conn().reset_query_count();
    auto plan = push::pg::PlanPush(current_.conn(), desired ? *desired : mpg::Snapshot{}, filters_, resolver);
    EXPECT_TRUE(plan.has_value()) << (plan ? "" : plan.error().message);
    queries_ = current_.conn().query_count();
    EXPECT_TRUE(resolver.missing().empty());
    return plan ? *plan : push::PushPlan{};
  }

  static std::vector<std::string> Messages(const push::PushPlan& plan) {
    std::vector<std::string> out;
    for (const auto& warning : plan.warnings) out.push_back(warning.message);
    return out;
  }

  FreshDb current_;
  FreshDb desired_db_;
  introspect::Filters filters_ = [] {
    introspect::Filters filters;
    filters.schemas = {"public"};
    return filters;
  }();
  size_t queries_ = 0;
};

TEST_F(PgDataLoss, DropTables) {
  push::PushPlan plan = Plan(
      "CREATE TABLE gone (id int); INSERT INTO gone VALUES (1), (2), (3);"
      "CREATE TABLE empty_one (id int);",
      "");
  EXPECT_EQ(Texts(plan.statements),
            (std::vector<std::string>{"DROP TABLE \"gone\" CASCADE;", "DROP TABLE \"empty_one\" CASCADE;"}));
  EXPECT_TRUE(HasHazard(plan.statements[0].hazards, Hazard::DataLoss));
  EXPECT_EQ(Messages(plan), (std::vector<std::string>{"· You're about to delete gone table with 3 items"}));
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_EQ(plan.warnings[0].kind, "table");
  EXPECT_EQ(plan.warnings[0].entity, (diff::EntityPath{"public", "gone"}));
  EXPECT_EQ(plan.warnings[0].reason, "non_empty");
  EXPECT_EQ(plan.tables_to_remove, 1u);
  EXPECT_EQ(plan.columns_to_remove, 0u);
  EXPECT_EQ(queries_, introspect::pg::kMaxInspectQueries - 1 + 1)
      << "introspection (no roles) + one count query";
}

TEST_F(PgDataLoss, DropColumns) {
  push::PushPlan plan = Plan(
      "CREATE TABLE users (id int, age int, nick text); INSERT INTO users (id) VALUES (1), (2);"
      "CREATE TABLE other (id int, x int);",
      "CREATE TABLE users (id int); CREATE TABLE other (id int);");
  EXPECT_EQ(Messages(plan),
            (std::vector<std::string>{"· You're about to delete age column in users table with 2 items",
                                      "· You're about to delete nick column in users table with 2 items"}));
  ASSERT_EQ(plan.warnings.size(), 2u);
  EXPECT_EQ(plan.warnings[0].kind, "column");
  EXPECT_EQ(plan.warnings[0].entity, (diff::EntityPath{"public", "users", "age"}));
  EXPECT_EQ(plan.columns_to_remove, 2u);
}

TEST_F(PgDataLoss, NotNullColumnTruncatesBeforeTheAdd) {
  push::PushPlan plan = Plan(
      "CREATE TABLE users (id int); INSERT INTO users VALUES (1), (2), (3); CREATE TABLE empty_one (id int);",
      "CREATE TABLE users (id int, email text NOT NULL, code text NOT NULL, seq int GENERATED ALWAYS AS "
      "IDENTITY,"
      "  flag boolean NOT NULL DEFAULT false);"
      "CREATE TABLE empty_one (id int, email text NOT NULL);");
  std::vector<std::string> texts = Texts(plan.statements);
  ASSERT_FALSE(texts.empty());
  EXPECT_EQ(texts[0], "truncate table \"users\" cascade;");
  EXPECT_TRUE(HasHazard(plan.statements[0].hazards, Hazard::DataLoss));
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "truncate table \"users\" cascade;"), 1);
  EXPECT_EQ(std::count(texts.begin(), texts.end(), "truncate table \"empty_one\" cascade;"), 0);
  EXPECT_EQ(texts[1], "ALTER TABLE \"users\" ADD COLUMN \"email\" text NOT NULL;");
  EXPECT_EQ(Messages(plan),
            (std::vector<std::string>{
                "· You're about to add not-null email column without default value, which contains 3 items",
                "· You're about to add not-null code column without default value, which contains 3 items"}));
  ASSERT_EQ(plan.warnings.size(), 2u);
  EXPECT_EQ(plan.warnings[0].kind, "add_not_null");
  EXPECT_EQ(plan.warnings[0].reason, "nulls_present");
  EXPECT_EQ(plan.warnings[0].entity, (diff::EntityPath{"public", "users", "email"}));
  EXPECT_EQ(plan.warnings[0].extra_statements,
            (std::vector<std::string>{"truncate table \"users\" cascade;"}));
  EXPECT_EQ(plan.tables_to_truncate, 1u);
}

TEST_F(PgDataLoss, DropSchemaAndMaterializedViews) {
  filters_.schemas = {"public", "old"};
  push::PushPlan plan = Plan(
      "CREATE SCHEMA old; CREATE TABLE old.stuff (v text); INSERT INTO old.stuff VALUES ('x');"
      "CREATE TABLE t (id int); INSERT INTO t VALUES (1), (2);"
      "CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;"
      "CREATE MATERIALIZED VIEW mv_empty AS SELECT id FROM t WITH NO DATA;",
      "CREATE TABLE t (id int);");
  // In plan order: views are dropped first; the unpopulated one has nothing to count.
  EXPECT_EQ(Messages(plan),
            (std::vector<std::string>{"· You're about to delete \"mv\" materialized view with 2 items",
                                      "· You're about to delete stuff table with 1 items",
                                      "· You're about to delete old schema with 1 tables"}))
      << Join(Texts(plan.statements));
  ASSERT_EQ(plan.warnings.size(), 3u);
  EXPECT_EQ(plan.warnings[0].kind, "view");
  EXPECT_EQ(plan.warnings[0].entity, (diff::EntityPath{"public", "mv"}));
  EXPECT_EQ(plan.warnings[1].entity, (diff::EntityPath{"old", "stuff"}));
  EXPECT_EQ(plan.warnings[2].kind, "schema");
  EXPECT_EQ(plan.warnings[2].entity, (diff::EntityPath{"old"}));
  EXPECT_EQ(plan.matviews_to_remove, 1u);
  EXPECT_EQ(plan.tables_to_remove, 1u);
}

TEST_F(PgDataLoss, DropPrimaryKeyUsesItsRealName) {
  push::PushPlan plan = Plan(
      "CREATE TABLE t (id int CONSTRAINT t_custom_pk PRIMARY KEY, v text);"
      "INSERT INTO t VALUES (1, 'a');",
      "CREATE TABLE t (id int NOT NULL, v text);");
  std::vector<std::string> texts = Texts(plan.statements);
  EXPECT_NE(std::find(texts.begin(), texts.end(), "ALTER TABLE \"t\" DROP CONSTRAINT \"t_custom_pk\";"),
            texts.end())
      << Join(texts);
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_EQ(plan.warnings[0].message,
            "· You're about to change t primary key. This statements may fail and you table may left without "
            "primary "
            "key");
  EXPECT_EQ(plan.warnings[0].kind, "primary_key");
  EXPECT_EQ(plan.warnings[0].entity, (diff::EntityPath{"public", "t", "t_custom_pk"}));
  EXPECT_EQ(plan.tables_to_truncate, 1u);
}

TEST_F(PgDataLoss, AddUniqueToTableWithRows) {
  push::PushPlan plan = Plan("CREATE TABLE users (email text); INSERT INTO users VALUES ('a'), ('b');",
                             "CREATE TABLE users (email text CONSTRAINT users_email_uq UNIQUE);");
  EXPECT_EQ(Texts(plan.statements),
            (std::vector<std::string>{
                "ALTER TABLE \"users\" ADD CONSTRAINT \"users_email_uq\" UNIQUE(\"email\");"}));
  ASSERT_EQ(plan.warnings.size(), 1u);
  EXPECT_EQ(
      plan.warnings[0].message,
      "· You're about to add users_email_uq unique constraint to the table, which contains 2 items. If this "
      "statement fails, you will receive an error from the database.");
  EXPECT_EQ(plan.warnings[0].kind, "add_unique");
  EXPECT_EQ(plan.warnings[0].reason, "duplicates_present");
  EXPECT_EQ(plan.warnings[0].entity, (diff::EntityPath{"public", "users", "users_email_uq"}));
  EXPECT_EQ(plan.tables_to_truncate, 0u);
}

TEST_F(PgDataLoss, RenamedTableIsCountedUnderItsCurrentName) {
  nlohmann::json hints = nlohmann::json::parse(
      R"([{"type": "rename", "kind": "table", "from": ["public", "people"], "to": ["public", "persons"]},
          {"type": "create", "kind": "column", "entity": ["public", "persons", "email"]}])");
  push::PushPlan plan = Plan("CREATE TABLE people (id int, age int); INSERT INTO people VALUES (1, 2);",
                             "CREATE TABLE persons (id int, email text NOT NULL);", hints);
  std::vector<std::string> texts = Texts(plan.statements);
  EXPECT_EQ(texts, (std::vector<std::string>{"ALTER TABLE \"people\" RENAME TO \"persons\";",
                                             "truncate table \"persons\" cascade;",
                                             "ALTER TABLE \"persons\" ADD COLUMN \"email\" text NOT NULL;",
                                             "ALTER TABLE \"persons\" DROP COLUMN \"age\";"}))
      << Join(texts);
  EXPECT_EQ(Messages(plan),
            (std::vector<std::string>{
                "· You're about to add not-null email column without default value, which contains 1 items",
                "· You're about to delete age column in persons table with 1 items"}));
  // The plan applies: the truncate names the table as it is called by then.
  EXPECT_TRUE(ApplyInTransaction(current_.conn(), plan.statements).has_value());
}

TEST_F(PgDataLoss, NothingToCountRunsNoCountQuery) {
  push::PushPlan plan = Plan("CREATE TABLE t (id int);", "CREATE TABLE t (id int, note text);");
  EXPECT_EQ(Texts(plan.statements),
            (std::vector<std::string>{"ALTER TABLE \"t\" ADD COLUMN \"note\" text;"}));
  EXPECT_TRUE(plan.warnings.empty());
  EXPECT_EQ(queries_, introspect::pg::kMaxInspectQueries - 1) << "introspection only (no roles)";
}

}  // namespace
}  // namespace dp::pgpush_test
