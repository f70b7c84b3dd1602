// sqlite-core API and snapshot behaviour beyond the golden files: drizzle-orm helpers on
#include <chrono>
#include <iostream>
// sqlite objects, drizzle-kit's refusals and script errors as located diagnostics.
#include <gtest/gtest.h>

#include "lite_test_util.h"

namespace dp::dsl::testing {
namespace {

constexpr const char* kImports =
    "import { sql, eq, is, getTableName, getTableColumns } from 'drizzle-orm';\n"
    "import { sqliteTable, sqliteView, integer, text, index, unique, check, primaryKey, SQLiteTable, SQLiteColumn } "
    "from 'drizzle-orm/sqlite-core';\n";

LiteResult Build(const std::string& body, Casing casing = Casing::None) {
  return BuildSqlite(std::string(kImports) + body, casing);
}

TEST(SqliteSnapshot, MinimalTable) {
  LiteResult r = Build("export const t = sqliteTable('t', { id: integer('id').primaryKey() });");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  const auto& col = r.json["tables"]["t"]["columns"]["id"];
  EXPECT_EQ(col["type"], "integer");
  EXPECT_EQ(col["primaryKey"], true);
  EXPECT_EQ(col["notNull"], true);
  EXPECT_EQ(col["autoincrement"], false);
  EXPECT_EQ(r.json["internal"], nlohmann::ordered_json::parse(R"({"indexes":{}})"));
}

TEST(SqliteSnapshot, OnlyExportedTablesCount) {
  LiteResult r = Build(
      "const hidden = sqliteTable('hidden', { id: integer() });\n"
      "export const shown = sqliteTable('shown', { id: integer() });");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  EXPECT_TRUE(r.json["tables"].contains("shown"));
  EXPECT_FALSE(r.json["tables"].contains("hidden"));
}

TEST(SqliteSnapshot, DrizzleOrmHelpersSeeSqliteObjects) {
  LiteResult r = Build(
      "const t = sqliteTable('users', { id: integer('id'), userName: text() });\n"
      "const keys = Object.keys(getTableColumns(t)).join(',');\n"
      "const checks = [is(t, SQLiteTable), is(t.id, SQLiteColumn), is(t, SQLiteColumn), t.id.name, t.userName.name,\n"
      "  t.userName.columnType, t.id.getSQLType(), getTableName(t)].join(',');\n"
      "export const out = sqliteTable(`${keys}|${checks}`, { id: integer() });");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  EXPECT_TRUE(r.json["tables"].contains("id,userName|true,true,false,id,userName,SQLiteText,integer,users"))
      << r.json["tables"].dump();
}

TEST(SqliteSnapshot, ExportOrderIsByName) {
  LiteResult r = Build(
      "export const zeta = sqliteTable('zeta', { id: integer() });\n"
      "export const alpha = sqliteTable('alpha', { id: integer() });");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  std::vector<std::string> keys;
  for (auto it = r.json["tables"].begin(); it != r.json["tables"].end(); ++it) keys.push_back(it.key());
  EXPECT_EQ(keys, (std::vector<std::string>{"alpha", "zeta"}));
}

TEST(SqliteSnapshot, ReferencesResolveLazily) {
  LiteResult r = Build(
      "export const child = sqliteTable('child', { pid: integer('pid').references(() => parent.id) });\n"
      "export const parent = sqliteTable('parent', { id: integer('id').primaryKey() });");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  const auto& fk = r.json["tables"]["child"]["foreignKeys"]["child_pid_parent_id_fk"];
  EXPECT_EQ(fk["tableTo"], "parent");
  EXPECT_EQ(fk["onDelete"], "no action");
}

TEST(SqliteSnapshot, SqlDefaultWithParamIsRefused) {
  LiteResult r = Build("export const t = sqliteTable('t', { n: integer('n').default(sql`${1} + 1`) });");
  EXPECT_FALSE(r.ok) << r.text;
  EXPECT_NE(r.diagnostics.find("we don't support params for `sql` default values"), std::string::npos)
      << r.diagnostics;
}

TEST(SqliteSnapshot, DuplicateUniqueNameIsRefused) {
  LiteResult r = Build(
      "export const t = sqliteTable('t', { a: integer('a').unique('u'), b: integer('b') },\n"
      "  (t) => [unique('u').on(t.b)]);");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("duplicated unique constraint names in t table"), std::string::npos) << r.diagnostics;
}

TEST(SqliteSnapshot, DuplicateCheckNameIsRefused) {
  LiteResult r = Build(
      "export const t = sqliteTable('t', { a: integer('a') },\n"
      "  (t) => [check('c', sql`${t.a} > 0`), check('c', sql`${t.a} < 9`)]);");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("duplicated check constraint name in t"), std::string::npos) << r.diagnostics;
}

TEST(SqliteSnapshot, DuplicateViewNameIsRefused) {
  LiteResult r = Build(
      "export const a = sqliteView('v', { id: integer() }).as(sql`select 1`);\n"
      "export const b = sqliteView('v', { id: integer() }).as(sql`select 2`);");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("duplicated view name"), std::string::npos) << r.diagnostics;
}

TEST(SqliteSnapshot, RawSqlFieldOfQueryBuilderViewIsRefused) {
  LiteResult r = Build(
      "export const t = sqliteTable('t', { id: integer('id') });\n"
      "export const v = sqliteView('v').as((qb) => qb.select({ id: t.id, n: sql`count(*)` }).from(t));");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("You tried to reference \"n\" field"), std::string::npos) << r.diagnostics;
}

TEST(SqliteSnapshot, ColumnNotInQueryIsRefused) {
  LiteResult r = Build(
      "export const a = sqliteTable('a', { id: integer('id') });\n"
      "export const b = sqliteTable('b', { id: integer('id') });\n"
      "export const v = sqliteView('v').as((qb) => qb.select({ x: b.id }).from(a));");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("Did you forget to join it?"), std::string::npos) << r.diagnostics;
}

TEST(SqliteSnapshot, ExtraConfigErrorIsLocated) {
  LiteResult r = Build(
      "export const t = sqliteTable('t', { id: integer('id') }, (t) => [index('i').on(t.missing)]);");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("schema.ts:"), std::string::npos) << r.diagnostics;
  EXPECT_NE(r.diagnostics.find("index 'i' expects columns or sql"), std::string::npos) << r.diagnostics;
}

TEST(SqliteSnapshot, WrongDialectBuilderIsAnError) {
  LiteResult r = BuildSqlite(
      "import { sqliteTable } from 'drizzle-orm/sqlite-core';\n"
      "import { int } from 'drizzle-orm/mysql-core';\n"
      "export const t = sqliteTable('t', { id: int('id') });");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("is not a drizzle-orm/sqlite-core column builder"), std::string::npos)
      << r.diagnostics;
}

TEST(SqliteSnapshot, TypeOnlyAndRuntimeImportsResolve) {
  LiteResult r = BuildSqlite(
      "import { sqliteTable, integer, AnySQLiteColumn, SQLiteTableWithColumns, SQLiteSyncDialect } from "
      "'drizzle-orm/sqlite-core';\n"
      "export const users = sqliteTable('users', {\n"
      "  id: integer('id').primaryKey(),\n"
      "  invitedBy: integer('invited_by').references((): AnySQLiteColumn => users.id),\n"
      "});");
  ASSERT_TRUE(r.ok) << r.diagnostics;
  EXPECT_TRUE(r.json["tables"]["users"]["foreignKeys"].contains("users_invited_by_users_id_fk"));
}

TEST(SqliteSnapshot, QueryRuntimeClassesThrowWhenUsed) {
  LiteResult r = BuildSqlite(
      "import { SQLiteSyncDialect } from 'drizzle-orm/sqlite-core';\n"
      "export const d = new SQLiteSyncDialect();");
  EXPECT_FALSE(r.ok);
  EXPECT_NE(r.diagnostics.find("SQLiteSyncDialect belongs to drizzle-orm's query runtime"), std::string::npos)
      << r.diagnostics;
}

TEST(SqliteSnapshot, ManyTablesAreFast) {
  std::string text = kImports;
  for (int i = 0; i < 1000; ++i) {
    std::string n = std::to_string(i);
    text += "export const t" + n + " = sqliteTable('t" + n + "', { id: integer('id').primaryKey({ autoIncrement: true }), "
            "name: text('name').notNull().unique(), ref: integer('ref').references(() => t0.id), "
            "at: integer('at', { mode: 'timestamp' }).default(sql`(unixepoch())`) }, "
            "(t) => [index('t" + n + "_name_idx').on(t.name, t.ref)]);\n";
  }
  ts::MemoryVfs vfs("/project");
  vfs.AddFile("/project/schema.ts", text);
  ts::RuntimeOptions options;
  options.vfs = &vfs;
  options.cwd = "/project";
  ts::Runtime runtime(options);
  RegisterDrizzle(runtime);
  using Clock = std::chrono::steady_clock;
  auto start = Clock::now();
  ts::Object* ns = runtime.ImportFile("/project/schema.ts");
  ASSERT_NE(ns, nullptr) << runtime.RenderDiagnostics();
  auto evaluated = Clock::now();
  ts::Object* namespaces[1] = {ns};
  std::optional<model::sqlite::Snapshot> snapshot;
  runtime.Run([&] {
    auto built = BuildSqliteSnapshot(runtime.interp(), namespaces, {}, runtime.diags());
    if (built) snapshot = std::move(*built);
  });
  auto done = Clock::now();
  ASSERT_TRUE(snapshot.has_value()) << runtime.RenderDiagnostics();
  EXPECT_EQ(snapshot->tables.size(), 1000u);
  auto us = [](auto d) { return std::chrono::duration_cast<std::chrono::microseconds>(d).count(); };
  std::cout << "1000 sqlite tables: evaluate " << us(evaluated - start) << " us, snapshot " << us(done - evaluated)
            << " us\n";
  // Generous bound for debug/sanitizer builds; a release build takes a few ms.
  EXPECT_LT(us(done - evaluated), 500000);
}

}  // namespace
}  // namespace dp::dsl::testing
