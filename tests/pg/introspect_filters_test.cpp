// PostgreSQL introspection: the fixed query count (1 table and 100 tables cost the same),
// and the filters push applies: tablesFilter (negation, a single string), schemaFilter,
// extensionsFilters (postgis), and the roles selection (include / exclude / provider).
#include <fmt/format.h>
#include <gtest/gtest.h>

#include "introspect/pg/inspect.h"
#include "introspect/pg/queries.h"
#include "plan_test_support.h"

namespace dp::pgpush_test {
namespace {

namespace mpg = model::pg;

void Exec(db::Connection& connection, const std::string& sql) {
  auto ran = RunScript(connection, sql);
  ASSERT_TRUE(ran.has_value()) << ran.error().message;
}

mpg::Snapshot InspectOk(db::Connection& connection, const introspect::Filters& filters) {
  auto snapshot = introspect::pg::Inspect(connection, filters);
  EXPECT_TRUE(snapshot.has_value()) << (snapshot ? "" : snapshot.error().message);
  return snapshot ? *snapshot : mpg::Snapshot{};
}

std::vector<std::string> Keys(const auto& map) {
  return map.Keys();
}

introspect::Filters Schemas(std::vector<std::string> schemas) {
  introspect::Filters filters;
  filters.schemas = std::move(schemas);
  return filters;
}

/// One table with every kind of object introspection reads, named by `index`.
std::string RichTable(int index) {
  return fmt::format(R"sql(
    CREATE TABLE t{0} (id serial PRIMARY KEY, name text UNIQUE, ref int REFERENCES t0(id), n int CHECK (n > 0),
                       ident int GENERATED ALWAYS AS IDENTITY, g int GENERATED ALWAYS AS (n * 2) STORED);
    CREATE INDEX t{0}_name ON t{0} (lower(name)) WHERE n > 1;
    ALTER TABLE t{0} ENABLE ROW LEVEL SECURITY;
    CREATE POLICY t{0}_p ON t{0} FOR SELECT USING (true);
    CREATE VIEW v{0} AS SELECT id FROM t{0};
  )sql",
                     index);
}

size_t CountInspectQueries(int tables) {
  FreshDb db;
  if (!db.ok()) return 0;
  std::string script = "CREATE TYPE mood AS ENUM ('a', 'b'); CREATE SEQUENCE s;";
  for (int index = 0; index < tables; ++index) script += RichTable(index);
  auto ran = RunScript(db.conn(), script);
  EXPECT_TRUE(ran.has_value()) << (ran ? "" : ran.error().message);
  introspect::Filters filters = Schemas({"public"});
  filters.roles_enabled = true;
  db.conn().reset_query_count();
  mpg::Snapshot snapshot = InspectOk(db.conn(), filters);
  EXPECT_EQ(snapshot.tables.size(), static_cast<size_t>(tables));
  EXPECT_EQ(snapshot.views.size(), static_cast<size_t>(tables));
  return db.conn().query_count();
}

TEST(PgIntrospectFilters, QueryCountDoesNotGrowWithTables) {
  FreshDb probe;
  if (probe.skipped()) GTEST_SKIP() << probe.message();
  ASSERT_TRUE(probe.ok()) << probe.message();
  size_t one = CountInspectQueries(1);
  size_t hundred = CountInspectQueries(100);
  std::cout << "introspection queries: 1 table -> " << one << ", 100 tables -> " << hundred << "\n";
  EXPECT_GT(one, 0u);
  EXPECT_EQ(one, hundred);
  EXPECT_LE(one, introspect::pg::kMaxInspectQueries);
}

TEST(PgIntrospectFilters, TablesFilterNegationAndString) {
  DP_FRESH_DB(db);
  Exec(db.conn(),
       "CREATE TABLE audit_log (id int); CREATE TABLE stale (id int); CREATE TABLE users (id int);"
       "CREATE VIEW user_view AS SELECT 1 AS one;");
  introspect::Filters filters = Schemas({"public"});
  filters.tables = {"*", "!audit_log"};
  mpg::Snapshot snapshot = InspectOk(db.conn(), filters);
  EXPECT_EQ(Keys(snapshot.tables), (std::vector<std::string>{"public.stale", "public.users"}));
  EXPECT_EQ(Keys(snapshot.views), (std::vector<std::string>{"public.user_view"}));

  filters.tables = {"user*"};
  snapshot = InspectOk(db.conn(), filters);
  EXPECT_EQ(Keys(snapshot.tables), (std::vector<std::string>{"public.users"}));
  EXPECT_EQ(Keys(snapshot.views), (std::vector<std::string>{"public.user_view"}));

  filters.tables = {"!audit_log"};
  snapshot = InspectOk(db.conn(), filters);
  EXPECT_EQ(Keys(snapshot.tables), (std::vector<std::string>{"public.stale", "public.users"}));
}

TEST(PgIntrospectFilters, SchemaFilter) {
  DP_FRESH_DB(db);
  Exec(db.conn(), R"sql(
    CREATE SCHEMA app; CREATE SCHEMA other; CREATE SCHEMA empty_one;
    CREATE TYPE app.level AS ENUM ('low'); CREATE TYPE other.kind AS ENUM ('x');
    CREATE SEQUENCE app.counter; CREATE SEQUENCE other.counter;
    CREATE TABLE app.a (id int, l app.level); CREATE TABLE other.o (id int); CREATE TABLE p (id int, k other.kind);
  )sql");
  mpg::Snapshot snapshot = InspectOk(db.conn(), Schemas({"app"}));
  EXPECT_EQ(Keys(snapshot.tables), (std::vector<std::string>{"app.a"}));
  EXPECT_EQ(Keys(snapshot.enums), (std::vector<std::string>{"app.level"}));
  EXPECT_EQ(Keys(snapshot.sequences), (std::vector<std::string>{"app.counter"}));
  EXPECT_EQ(Keys(snapshot.schemas), (std::vector<std::string>{"app"}));

  snapshot = InspectOk(db.conn(), Schemas({"public", "app", "empty_one"}));
  EXPECT_EQ(snapshot.tables.size(), 2u);
  EXPECT_TRUE(snapshot.tables.contains("public.p"));
  EXPECT_EQ(Keys(snapshot.schemas), (std::vector<std::string>{"app", "empty_one"}));
  // An enum of a schema outside the filter still gives the column its schema.
  const mpg::Column* kind = snapshot.tables.Get("public.p")->columns.Get("k");
  ASSERT_NE(kind, nullptr);
  EXPECT_EQ(kind->type, "kind");
  EXPECT_EQ(kind->type_schema, std::optional<std::string>("other"));
  EXPECT_FALSE(snapshot.enums.contains("other.kind"));

  // No schemaFilter at all: every schema but PostgreSQL's own.
  snapshot = InspectOk(db.conn(), Schemas({}));
  EXPECT_EQ(snapshot.tables.size(), 3u);
  EXPECT_EQ(Keys(snapshot.schemas), (std::vector<std::string>{"app", "other", "empty_one"}));
}

TEST(PgIntrospectFilters, PostgisExtensionFilter) {
  DP_FRESH_DB(db);
  if (auto created = db.conn().Exec("CREATE EXTENSION IF NOT EXISTS postgis"); !created) {
    GTEST_SKIP() << "postgis is not installed: " << created.error().message;
  }
  Exec(db.conn(), "CREATE TABLE places (id int)");
  mpg::Snapshot without = InspectOk(db.conn(), Schemas({"public"}));
  EXPECT_TRUE(without.tables.contains("public.spatial_ref_sys"));
  EXPECT_TRUE(without.views.contains("public.geometry_columns"));
  introspect::Filters filters = Schemas({"public"});
  filters.extensions = {"postgis"};
  mpg::Snapshot with = InspectOk(db.conn(), filters);
  EXPECT_EQ(Keys(with.tables), (std::vector<std::string>{"public.places"}));
  EXPECT_TRUE(with.views.empty());
}

TEST(PgIntrospectFilters, RolesProviderIncludeExclude) {
  DP_FRESH_DB(db);
  std::set<std::string> roles_before = ServerRoles();
  Exec(db.conn(), R"sql(
    DO $$ BEGIN CREATE ROLE pgi_a CREATEDB; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
    DO $$ BEGIN CREATE ROLE pgi_b CREATEROLE NOINHERIT; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
    DO $$ BEGIN CREATE ROLE anon; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
    DO $$ BEGIN CREATE ROLE authenticated; EXCEPTION WHEN duplicate_object THEN NULL; END $$;
  )sql");
  introspect::Filters filters = Schemas({"public"});
  EXPECT_TRUE(InspectOk(db.conn(), filters).roles.empty()) << "roles are not read unless managed";

  filters.roles_enabled = true;
  filters.roles_include = {"pgi_a", "anon"};
  mpg::Snapshot snapshot = InspectOk(db.conn(), filters);
  EXPECT_EQ(Keys(snapshot.roles), (std::vector<std::string>{"pgi_a", "anon"}));
  const mpg::Role* a = snapshot.roles.Get("pgi_a");
  ASSERT_NE(a, nullptr);
  EXPECT_EQ(a->create_db, std::optional<bool>(true));
  EXPECT_EQ(a->create_role, std::optional<bool>(false));
  EXPECT_EQ(a->inherit, std::optional<bool>(true));

  filters.roles_provider = "supabase";
  EXPECT_EQ(Keys(InspectOk(db.conn(), filters).roles), (std::vector<std::string>{"pgi_a"}));

  filters.roles_provider = "neon";
  filters.roles_include = {"pgi_b", "authenticated", "anon"};
  snapshot = InspectOk(db.conn(), filters);
  EXPECT_EQ(Keys(snapshot.roles), (std::vector<std::string>{"pgi_b", "anon"}));
  EXPECT_EQ(snapshot.roles.Get("pgi_b")->create_role, std::optional<bool>(true));
  EXPECT_EQ(snapshot.roles.Get("pgi_b")->inherit, std::optional<bool>(false));

  filters.roles_provider.clear();
  filters.roles_exclude = {"anon"};
  EXPECT_EQ(Keys(InspectOk(db.conn(), filters).roles), (std::vector<std::string>{"pgi_b", "authenticated"}));

  // `roles: true`: every role but PostgreSQL's reserved pg_* roles.
  filters.roles_include.clear();
  filters.roles_exclude.clear();
  snapshot = InspectOk(db.conn(), filters);
  EXPECT_TRUE(snapshot.roles.contains("pgi_a"));
  EXPECT_TRUE(snapshot.roles.contains("anon"));
  for (const auto& [name, role] : snapshot.roles) EXPECT_NE(name.rfind("pg_", 0), 0u) << name;
  DropRoles(NewRoles(roles_before, "pgi_a pgi_b anon authenticated"));
}

}  // namespace
}  // namespace dp::pgpush_test
