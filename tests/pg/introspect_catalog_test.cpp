// PostgreSQL introspection against a real server: objects made with SQL are read back in
// drizzle-kit's fromDatabase shape (compared as JSON fragments of the snapshot).
#include <gtest/gtest.h>

#include "introspect/pg/inspect.h"
#include "model/pg/json.h"
#include "plan_test_support.h"

namespace dp::pgpush_test {
namespace {

using Json = nlohmann::json;  // unordered: fragments compare without key order

Json InspectJson(db::Connection& connection, const introspect::Filters& filters) {
  auto snapshot = introspect::pg::Inspect(connection, filters);
  EXPECT_TRUE(snapshot.has_value()) << (snapshot ? "" : snapshot.error().message);
  return snapshot ? Json::parse(model::pg::ToJson(*snapshot).dump()) : Json::object();
}

introspect::Filters Public() {
  introspect::Filters filters;
  filters.schemas = {"public"};
  return filters;
}

void Exec(db::Connection& connection, const std::string& sql) {
  auto ran = RunScript(connection, sql);
  ASSERT_TRUE(ran.has_value()) << ran.error().message;
}

TEST(PgIntrospect, ColumnTypesAndDefaults) {
  DP_FRESH_DB(db);
  Exec(db.conn(), R"sql(
    CREATE TABLE t (
      a integer DEFAULT -1, b bigint DEFAULT 5, c real DEFAULT 1.5, d double precision,
      e varchar(20) DEFAULT 'x', f char(3), g numeric(10,2) DEFAULT 10.5, h numeric(10,2) DEFAULT '1.25',
      i timestamp(3) DEFAULT now(), j timestamp with time zone, k time without time zone, l boolean DEFAULT true,
      m jsonb DEFAULT '{"a": 1, "b": [1, 2]}', n json, o text DEFAULT 'it''s', p text[] DEFAULT '{}',
      q text[][] DEFAULT '{{a},{b}}', r integer[] DEFAULT '{1,2}', s boolean[] DEFAULT '{t,f}', u uuid DEFAULT gen_random_uuid(),
      v interval, w date DEFAULT CURRENT_DATE, x bigint DEFAULT 9007199254740993, y text DEFAULT 'a::b',
      z bytea, aa inet, ab text NOT NULL
    ))sql");
  Json table = InspectJson(db.conn(), Public())["tables"]["public.t"];
  ASSERT_TRUE(table.is_object());
  Json expected = Json::parse(R"js({
    "a": {"name": "a", "type": "integer", "primaryKey": false, "notNull": false, "default": "'-1'"},
    "b": {"name": "b", "type": "bigint", "primaryKey": false, "notNull": false, "default": 5},
    "c": {"name": "c", "type": "real", "primaryKey": false, "notNull": false, "default": 1.5},
    "d": {"name": "d", "type": "double precision", "primaryKey": false, "notNull": false},
    "e": {"name": "e", "type": "varchar(20)", "primaryKey": false, "notNull": false, "default": "'x'"},
    "f": {"name": "f", "type": "char(3)", "primaryKey": false, "notNull": false},
    "g": {"name": "g", "type": "numeric(10, 2)", "primaryKey": false, "notNull": false, "default": "'10.5'"},
    "h": {"name": "h", "type": "numeric(10, 2)", "primaryKey": false, "notNull": false, "default": "'1.25'"},
    "i": {"name": "i", "type": "timestamp(3)", "primaryKey": false, "notNull": false, "default": "now()"},
    "j": {"name": "j", "type": "timestamp with time zone", "primaryKey": false, "notNull": false},
    "k": {"name": "k", "type": "time", "primaryKey": false, "notNull": false},
    "l": {"name": "l", "type": "boolean", "primaryKey": false, "notNull": false, "default": true},
    "m": {"name": "m", "type": "jsonb", "primaryKey": false, "notNull": false, "default": "'{\"a\":1,\"b\":[1,2]}'::jsonb"},
    "n": {"name": "n", "type": "json", "primaryKey": false, "notNull": false},
    "o": {"name": "o", "type": "text", "primaryKey": false, "notNull": false, "default": "'it''s'"},
    "p": {"name": "p", "type": "text[]", "primaryKey": false, "notNull": false, "default": "'{}'"},
    "q": {"name": "q", "type": "text[][]", "primaryKey": false, "notNull": false, "default": "'{{\"a\"},{\"b\"}}'"},
    "r": {"name": "r", "type": "integer[]", "primaryKey": false, "notNull": false, "default": "'{1,2}'"},
    "s": {"name": "s", "type": "boolean[]", "primaryKey": false, "notNull": false, "default": "'{true,false}'"},
    "u": {"name": "u", "type": "uuid", "primaryKey": false, "notNull": false, "default": "gen_random_uuid()"},
    "v": {"name": "v", "type": "interval", "primaryKey": false, "notNull": false},
    "w": {"name": "w", "type": "date", "primaryKey": false, "notNull": false, "default": "CURRENT_DATE"},
    "x": {"name": "x", "type": "bigint", "primaryKey": false, "notNull": false, "default": "'9007199254740993'"},
    "y": {"name": "y", "type": "text", "primaryKey": false, "notNull": false, "default": "'a::b'"},
    "z": {"name": "z", "type": "bytea", "primaryKey": false, "notNull": false},
    "aa": {"name": "aa", "type": "inet", "primaryKey": false, "notNull": false},
    "ab": {"name": "ab", "type": "text", "primaryKey": false, "notNull": true}
  })js");
  for (const auto& [name, column] : expected.items()) EXPECT_EQ(table["columns"][name], column) << name;
  EXPECT_EQ(table["columns"].size(), expected.size());
}

TEST(PgIntrospect, EnumsSerialIdentityGenerated) {
  DP_FRESH_DB(db);
  Exec(db.conn(), R"sql(
    CREATE SCHEMA app;
    CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy');
    CREATE TYPE app."Level" AS ENUM ('low', 'high');
    CREATE TABLE t (
      id serial PRIMARY KEY, big bigserial, m mood DEFAULT 'sad', ms mood[] DEFAULT '{sad,ok}', lv app."Level"[],
      w integer, h integer, area integer GENERATED ALWAYS AS (w * h) STORED,
      idn integer GENERATED BY DEFAULT AS IDENTITY (START WITH 7 CACHE 3),
      ida bigint GENERATED ALWAYS AS IDENTITY (SEQUENCE NAME custom_seq INCREMENT BY 2 MINVALUE 1 MAXVALUE 1000 CYCLE)
    ))sql");
  introspect::Filters filters;
  filters.schemas = {"public", "app"};
  Json json = InspectJson(db.conn(), filters);
  EXPECT_EQ(json["enums"], Json::parse(R"js({
    "app.Level": {"name": "Level", "schema": "app", "values": ["low", "high"]},
    "public.mood": {"name": "mood", "schema": "public", "values": ["sad", "ok", "happy"]}
  })js"));
  EXPECT_EQ(json["sequences"], Json::object()) << "serial and identity sequences are not listed";
  EXPECT_EQ(json["schemas"], Json::parse(R"js({"app": "app"})js"));
  Json columns = json["tables"]["public.t"]["columns"];
  EXPECT_EQ(columns["id"],
            Json::parse(R"js({"name": "id", "type": "serial", "primaryKey": true, "notNull": true})js"));
  EXPECT_EQ(columns["big"],
            Json::parse(R"js({"name": "big", "type": "bigserial", "primaryKey": false, "notNull": true})js"));
  EXPECT_EQ(columns["m"],
            Json::parse(R"js({"name": "m", "type": "mood", "typeSchema": "public", "primaryKey": false,
                                          "notNull": false, "default": "'sad'"})js"));
  EXPECT_EQ(columns["ms"],
            Json::parse(R"js({"name": "ms", "type": "mood[]", "typeSchema": "public", "primaryKey": false,
                                           "notNull": false, "default": "'{\"sad\",\"ok\"}'"})js"));
  EXPECT_EQ(columns["lv"],
            Json::parse(R"js({"name": "lv", "type": "Level[]", "typeSchema": "app", "primaryKey": false,
                                           "notNull": false})js"));
  EXPECT_EQ(columns["area"],
            Json::parse(R"js({"name": "area", "type": "integer", "primaryKey": false, "notNull": false,
                                             "generated": {"as": "(w * h)", "type": "stored"}})js"));
  EXPECT_EQ(columns["idn"],
            Json::parse(R"js({"name": "idn", "type": "integer", "primaryKey": false, "notNull": true,
    "identity": {"type": "byDefault", "name": "t_idn_seq", "schema": "public", "increment": "1", "startWith": "7",
                 "minValue": "1", "maxValue": "2147483647", "cache": "3", "cycle": false}})js"));
  EXPECT_EQ(columns["ida"],
            Json::parse(R"js({"name": "ida", "type": "bigint", "primaryKey": false, "notNull": true,
    "identity": {"type": "always", "name": "custom_seq", "schema": "public", "increment": "2", "startWith": "1",
                 "minValue": "1", "maxValue": "1000", "cache": "1", "cycle": true}})js"));
}

TEST(PgIntrospect, ConstraintsAndIndexes) {
  DP_FRESH_DB(db);
  Exec(db.conn(), R"sql(
    CREATE SCHEMA app;
    CREATE TABLE app.u (a int, b int, c text, d text, PRIMARY KEY (b, a),
      CONSTRAINT u_c UNIQUE NULLS NOT DISTINCT (c), CONSTRAINT u_cd UNIQUE (d, c),
      CONSTRAINT ck CHECK (a > 0), CONSTRAINT ck2 CHECK (a > 0 AND b < 10));
    CREATE TABLE t (id int PRIMARY KEY, name text, n int, j jsonb, email text UNIQUE);
    CREATE TABLE f (id int REFERENCES t(id) ON DELETE CASCADE ON UPDATE SET NULL, a int, b int,
      CONSTRAINT f_ab FOREIGN KEY (a, b) REFERENCES app.u (b, a));
    CREATE INDEX t_mixed ON t USING btree (lower(name) DESC NULLS FIRST, n) WHERE n > 0;
    CREATE INDEX t_gin ON t USING gin (j jsonb_path_ops) WITH (fastupdate = off);
    CREATE UNIQUE INDEX t_name_ops ON t (name text_pattern_ops NULLS FIRST);
  )sql");
  introspect::Filters filters;
  filters.schemas = {"public", "app"};
  Json json = InspectJson(db.conn(), filters);
  Json u = json["tables"]["app.u"];
  EXPECT_EQ(u["schema"], "app");
  EXPECT_EQ(u["compositePrimaryKeys"],
            Json::parse(R"js({"u_pkey": {"name": "u_pkey", "columns": ["b", "a"]}})js"));
  EXPECT_EQ(u["uniqueConstraints"], Json::parse(R"js({
    "u_c": {"name": "u_c", "nullsNotDistinct": true, "columns": ["c"]},
    "u_cd": {"name": "u_cd", "nullsNotDistinct": false, "columns": ["d", "c"]}})js"));
  EXPECT_EQ(u["checkConstraints"], Json::parse(R"js({"ck": {"name": "ck", "value": "a > 0"},
                                                   "ck2": {"name": "ck2", "value": "(a > 0) AND (b < 10)"}})js"));
  EXPECT_EQ(u["columns"]["a"]["primaryKey"], false);
  Json t = json["tables"]["public.t"];
  EXPECT_EQ(t["schema"], "");
  EXPECT_EQ(t["columns"]["id"]["primaryKey"], true);
  EXPECT_EQ(t["compositePrimaryKeys"], Json::object());
  EXPECT_EQ(t["uniqueConstraints"],
            Json::parse(R"js({"t_email_key": {"name": "t_email_key", "nullsNotDistinct": false,
                                                    "columns": ["email"]}})js"));
  EXPECT_EQ(t["indexes"], Json::parse(R"js({
    "t_gin": {"name": "t_gin", "columns": [{"expression": "j", "isExpression": false, "asc": true, "nulls": "last",
              "opclass": "jsonb_path_ops"}], "isUnique": false, "concurrently": false, "method": "gin",
              "with": {"fastupdate": "off"}},
    "t_mixed": {"name": "t_mixed", "columns": [
              {"expression": "lower(name)", "isExpression": true, "asc": false, "nulls": "first", "opclass": "text_ops"},
              {"expression": "n", "isExpression": false, "asc": true, "nulls": "last", "opclass": "int4_ops"}],
              "isUnique": false, "where": "(n > 0)", "concurrently": false, "method": "btree", "with": {}},
    "t_name_ops": {"name": "t_name_ops", "columns": [{"expression": "name", "isExpression": false, "asc": true,
              "nulls": "first", "opclass": "text_pattern_ops"}], "isUnique": true, "concurrently": false,
              "method": "btree", "with": {}}
  })js"));
  Json f = json["tables"]["public.f"];
  EXPECT_EQ(f["foreignKeys"], Json::parse(R"js({
    "f_id_fkey": {"name": "f_id_fkey", "tableFrom": "f", "tableTo": "t", "schemaTo": "public", "columnsFrom": ["id"],
                  "columnsTo": ["id"], "onDelete": "cascade", "onUpdate": "set null"},
    "f_ab": {"name": "f_ab", "tableFrom": "f", "tableTo": "u", "schemaTo": "app", "columnsFrom": ["a", "b"],
             "columnsTo": ["b", "a"], "onDelete": "no action", "onUpdate": "no action"}})js"));
  EXPECT_EQ(f["indexes"], Json::object()) << "constraint indexes are not listed";
}

TEST(PgIntrospect, ViewsAndMaterializedViews) {
  DP_FRESH_DB(db);
  Exec(db.conn(), R"sql(
    CREATE TABLE users (id int, name text, active boolean);
    CREATE VIEW v WITH (check_option = local, security_barrier = true) AS SELECT id, name FROM users WHERE active;
    CREATE MATERIALIZED VIEW mv WITH (fillfactor = 50, autovacuum_enabled = false) AS SELECT id FROM users WITH NO DATA;
  )sql");
  Json views = InspectJson(db.conn(), Public())["views"];
  EXPECT_EQ(views["public.v"], Json::parse(R"js({
    "columns": {"id": {"name": "id", "type": "integer", "primaryKey": false, "notNull": false},
                "name": {"name": "name", "type": "text", "primaryKey": false, "notNull": false}},
    "definition": "SELECT users.id, users.name FROM users WHERE users.active",
    "name": "v", "schema": "public", "isExisting": false,
    "with": {"checkOption": "local", "securityBarrier": true}, "materialized": false})js"));
  EXPECT_EQ(views["public.mv"], Json::parse(R"js({
    "columns": {"id": {"name": "id", "type": "integer", "primaryKey": false, "notNull": false}},
    "definition": "SELECT users.id FROM users",
    "name": "mv", "schema": "public", "isExisting": false,
    "with": {"fillfactor": 50, "autovacuumEnabled": false}, "materialized": true, "using": "heap"})js"));
}

TEST(PgIntrospect, SequencesPoliciesRls) {
  DP_FRESH_DB(db);
  Exec(db.conn(), R"sql(
    CREATE SEQUENCE counter INCREMENT BY 5 START WITH 100 CACHE 10 CYCLE;
    CREATE TABLE docs (id int, owner text);
    ALTER TABLE docs ENABLE ROW LEVEL SECURITY;
    CREATE POLICY docs_read ON docs AS PERMISSIVE FOR SELECT TO public USING (true);
    CREATE ROLE pgintro_writer;
    CREATE POLICY docs_write ON docs AS RESTRICTIVE FOR UPDATE TO pgintro_writer USING (owner = current_user)
      WITH CHECK (owner = current_user);
  )sql");
  Json json = InspectJson(db.conn(), Public());
  (void)db.conn().Exec("DROP OWNED BY pgintro_writer");
  (void)db.conn().Exec("DROP ROLE pgintro_writer");
  EXPECT_EQ(json["sequences"], Json::parse(R"js({"public.counter": {"name": "counter", "schema": "public",
    "increment": "5", "startWith": "100", "minValue": "1", "maxValue": "9223372036854775807", "cache": "10",
    "cycle": true}})js"));
  Json docs = json["tables"]["public.docs"];
  EXPECT_EQ(docs["isRLSEnabled"], true);
  EXPECT_EQ(docs["policies"], Json::parse(R"js({
    "docs_read": {"name": "docs_read", "as": "PERMISSIVE", "for": "SELECT", "to": ["public"], "using": "true"},
    "docs_write": {"name": "docs_write", "as": "RESTRICTIVE", "for": "UPDATE", "to": ["pgintro_writer"],
                   "using": "(owner = CURRENT_USER)", "withCheck": "(owner = CURRENT_USER)"}})js"));
  EXPECT_EQ(json["roles"], Json::object()) << "roles are read only when managed";
}

TEST(PgIntrospect, DesiredPoliciesAndCatalogFacts) {
  DP_FRESH_DB(db);
  Exec(db.conn(), R"sql(
    CREATE TABLE docs (id int CONSTRAINT docs_custom_pk PRIMARY KEY, owner text);
    CREATE TABLE outside (id int);
    CREATE POLICY mine ON docs FOR SELECT TO current_user USING (true);
    CREATE POLICY linked ON outside TO current_user;
    CREATE MATERIALIZED VIEW mv AS SELECT id FROM docs WITH NO DATA;
  )sql");
  auto user = db.conn().Query("SELECT current_user");
  ASSERT_TRUE(user.has_value());
  const std::string me = *user->rows[0][0];

  model::pg::Snapshot desired;
  model::pg::Policy mine;
  mine.name = "mine";
  mine.to = std::vector<std::string>{"current_user"};
  model::pg::Table docs;
  docs.name = "docs";
  docs.policies.insert_or_assign("mine", mine);
  desired.tables.insert_or_assign("public.docs", docs);
  model::pg::Policy linked;
  linked.name = "linked";
  linked.to = std::vector<std::string>{"current_user"};
  linked.on = "\"public\".\"outside\"";
  desired.policies.insert_or_assign("linked", linked);

  introspect::pg::InspectOptions options;
  options.desired = &desired;
  auto inspection = introspect::pg::InspectWithFacts(db.conn(), Public(), options);
  ASSERT_TRUE(inspection.has_value()) << inspection.error().message;
  const model::pg::Policy* read = inspection->snapshot.tables.Get("public.docs")->policies.Get("mine");
  ASSERT_NE(read, nullptr);
  EXPECT_EQ(read->to, std::optional<std::vector<std::string>>(std::vector<std::string>{"current_user"}))
      << "PostgreSQL stored the role current_user meant; the desired spelling is kept";
  const model::pg::Policy* top = inspection->snapshot.policies.Get("linked");
  ASSERT_NE(top, nullptr) << "a linked policy is read back under its name";
  EXPECT_EQ(top->on, linked.on);
  EXPECT_EQ(top->to, std::optional<std::vector<std::string>>(std::vector<std::string>{"current_user"}));
  EXPECT_EQ(inspection->facts.primary_key_names.at("public.docs"), "docs_custom_pk");
  EXPECT_EQ(inspection->facts.unpopulated_matviews.count("public.mv"), 1u);

  auto plain = introspect::pg::Inspect(db.conn(), Public());
  ASSERT_TRUE(plain.has_value());
  EXPECT_EQ(plain->tables.Get("public.docs")->policies.Get("mine")->to,
            std::optional<std::vector<std::string>>(std::vector<std::string>{me}));
  EXPECT_TRUE(plain->policies.empty());
}

}  // namespace
}  // namespace dp::pgpush_test
