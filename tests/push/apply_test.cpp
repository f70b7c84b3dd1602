// All-or-nothing apply against a real SQLite file: a failing statement rolls back.
#include "push/apply.h"

#include <gtest/gtest.h>

#include <filesystem>

namespace dp::push {
namespace {

namespace fs = std::filesystem;

class ApplyTest : public ::testing::Test {
 protected:
  void SetUp() override {
    path_ = (fs::temp_directory_path() / ("dp-apply-" + std::to_string(::getpid()) + ".sqlite")).string();
    fs::remove(path_);
    db::ConnectOptions options;
    options.dialect = "sqlite";
    options.credentials = {{"url", path_}};
    auto connection = db::Connect(options);
    ASSERT_TRUE(connection) << connection.error().message;
    connection_ = std::move(*connection);
    ASSERT_TRUE(connection_->Exec("CREATE TABLE kept (id integer primary key)"));
  }
  void TearDown() override {
    connection_.reset();
    fs::remove(path_);
  }
  std::vector<std::string> Tables() {
    auto rows = connection_->Query("SELECT name FROM sqlite_schema WHERE type = 'table' ORDER BY name");
    std::vector<std::string> names;
    for (const auto& row : rows->rows) names.push_back(*row[0]);
    return names;
  }
  std::string path_;
  std::unique_ptr<db::Connection> connection_;
};

ApplyPolicy SqlitePolicy() {
  ApplyPolicy policy;
  policy.before_begin.push_back("PRAGMA foreign_keys=OFF");
  policy.before_commit_check = "PRAGMA foreign_key_check";
  policy.after_end.push_back("PRAGMA foreign_keys=ON");
  return policy;
}

TEST_F(ApplyTest, AppliesEverything) {
  std::vector<sqlgen::Statement> statements = {{"CREATE TABLE a (id integer)"}, {"CREATE TABLE b (id integer)"}};
  ApplyReport report = Apply(*connection_, statements, SqlitePolicy());
  EXPECT_FALSE(report.failure);
  EXPECT_EQ(report.applied.size(), 2u);
  EXPECT_EQ(Tables(), (std::vector<std::string>{"a", "b", "kept"}));
}

TEST_F(ApplyTest, FailureRollsBackEverything) {
  std::vector<sqlgen::Statement> statements = {
      {"CREATE TABLE a (id integer)"}, {"DROP TABLE kept"}, {"CREATE TABLE broken (id integer"}};
  ApplyReport report = Apply(*connection_, statements, SqlitePolicy());
  ASSERT_TRUE(report.failure);
  EXPECT_EQ(report.failure->index, 2u);
  EXPECT_EQ(report.failure->sql, "CREATE TABLE broken (id integer");
  EXPECT_TRUE(report.rolled_back);
  EXPECT_TRUE(report.applied.empty());
  EXPECT_EQ(Tables(), (std::vector<std::string>{"kept"}));
}

TEST_F(ApplyTest, RecreatesReferencedTable) {
  // drizzle-kit's table recreation of a parent with rows: drop, rename __new_kept back.
  ASSERT_TRUE(connection_->Exec("INSERT INTO kept (id) VALUES (1)"));
  ASSERT_TRUE(connection_->Exec("CREATE TABLE child (id integer, kept_id integer REFERENCES kept(id))"));
  ASSERT_TRUE(connection_->Exec("INSERT INTO child VALUES (1, 1)"));
  std::vector<sqlgen::Statement> statements = {
      {"PRAGMA foreign_keys=OFF;"},
      {"CREATE TABLE `__new_kept` (id integer primary key, extra text)"},
      {"INSERT INTO `__new_kept`(\"id\") SELECT \"id\" FROM `kept`;"},
      {"DROP TABLE `kept`;"},
      {"ALTER TABLE `__new_kept` RENAME TO `kept`;"},
      {"PRAGMA foreign_keys=ON;"}};
  ApplyReport report = Apply(*connection_, statements, SqlitePolicy());
  EXPECT_FALSE(report.failure) << report.failure->message;
  auto fk = connection_->Query("PRAGMA foreign_keys");
  EXPECT_EQ(*fk->rows[0][0], "1");
}

TEST_F(ApplyTest, ForeignKeyViolationRollsBack) {
  ASSERT_TRUE(connection_->Exec("PRAGMA foreign_keys = ON"));
  ASSERT_TRUE(connection_->Exec("INSERT INTO kept (id) VALUES (1)"));
  std::vector<sqlgen::Statement> statements = {
      {"CREATE TABLE child (id integer, kept_id integer REFERENCES kept(id))"},
      {"INSERT INTO child VALUES (1, 42)"}};
  ApplyReport report = Apply(*connection_, statements, SqlitePolicy());
  ASSERT_TRUE(report.failure);
  EXPECT_TRUE(report.rolled_back);
  EXPECT_NE(report.failure->message.find("foreign key violation"), std::string::npos) << report.failure->message;
  EXPECT_EQ(Tables(), (std::vector<std::string>{"kept"}));
}

TEST_F(ApplyTest, NonTransactionalReportsWhatRan) {
  ApplyPolicy policy;
  policy.transactional = false;
  std::vector<sqlgen::Statement> statements = {{"CREATE TABLE a (id integer)"}, {"CREATE TABLE broken ("}};
  ApplyReport report = Apply(*connection_, statements, policy);
  ASSERT_TRUE(report.failure);
  EXPECT_FALSE(report.rolled_back);
  EXPECT_EQ(report.applied, (std::vector<size_t>{0}));
}

TEST_F(ApplyTest, OutsideTransactionRunsAfterCommit) {
  std::vector<sqlgen::Statement> statements = {{"CREATE TABLE a (id integer)"},
                                               {"CREATE INDEX a_id ON a (id)", sqlgen::Hazard::Lock, true}};
  ApplyReport report = Apply(*connection_, statements, SqlitePolicy());
  EXPECT_FALSE(report.failure);
  EXPECT_EQ(report.after_commit, (std::vector<size_t>{1}));
  EXPECT_EQ(report.applied, (std::vector<size_t>{0, 1}));
}

}  // namespace
}  // namespace dp::push
