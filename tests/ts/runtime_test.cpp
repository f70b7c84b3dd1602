// Runtime and modules: ESM imports/exports (named, default, namespace, re-exports, export *),
// export order, cycles, CommonJS and require(), JSON, built-in modules registered by host
// code, opaque packages, dotenv/process/path/url, and module errors.
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace dp::ts {
namespace {

using testing::EvalHarness;

// "name = value" per export of the module at `path`, or the diagnostics.
std::string Exports(EvalHarness& h, const std::string& path) {
  Object* ns = h.runtime().ImportFile(path);
  if (ns == nullptr || h.runtime().diags().has_errors()) return h.runtime().RenderDiagnostics();
  std::string out;
  for (const Property& p : ns->props.raw()) out += p.key + " = " + h.runtime().Inspect(p.value) + "\n";
  return out;
}

TEST(RuntimeTest, NamedDefaultAndNamespaceImports) {
  EvalHarness h;
  h.AddFile("/p/lib.ts", "export const a = 1;\nexport function f(x: number) { return x * 2; }\nexport default 'def';\n");
  h.AddFile("/p/main.ts",
            "import d, { a as alias, f } from './lib';\nimport * as lib from './lib.ts';\n"
            "export const out = [d, alias, f(3), lib.a, Object.keys(lib)];\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "out = [ 'def', 1, 6, 1, [ 'a', 'default', 'f' ] ]\n");
}

// Own exports sorted by name, then names from `export *` (esbuild's CommonJS output, which
// is what drizzle-kit iterates).
TEST(RuntimeTest, ExportOrderAndReExports) {
  EvalHarness h;
  h.AddFile("/p/a.ts", "export const x = 1;\nexport const y = 2;\nexport default 0;\n");
  h.AddFile("/p/b.ts", "export const b1 = 'b';\n");
  h.AddFile("/p/index.ts",
            "export const z = 0;\nexport * from './a';\nexport { b1 as renamed } from './b';\n"
            "export * as bNs from './b';\nconst local = 5;\nexport { local };\nexport const y = 'own';\n");
  EXPECT_EQ(Exports(h, "/p/index.ts"),
            "bNs = [Object: null prototype] { b1: 'b' }\nlocal = 5\nrenamed = 'b'\ny = 'own'\nz = 0\nx = 1\n");
}

TEST(RuntimeTest, DirectoryIndexAndExtensions) {
  EvalHarness h;
  h.AddFile("/p/schema/index.ts", "export * from './users';\nexport * from './posts.js';\n");
  h.AddFile("/p/schema/users.ts", "export const users = 'users';\n");
  h.AddFile("/p/schema/posts.ts", "import { users } from './users';\nexport const posts = 'posts->' + users;\n");
  h.AddFile("/p/main.ts", "export * from './schema';\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "users = 'users'\nposts = 'posts->users'\n");
}

TEST(RuntimeTest, CyclesWithLiveBindings) {
  EvalHarness h;
  h.AddFile("/p/users.ts",
            "import { posts } from './posts';\n"
            "export const users = { name: 'users', related: () => posts.name };\n");
  h.AddFile("/p/posts.ts",
            "import { users } from './users';\n"
            "export const posts = { name: 'posts', author: () => users.name };\n");
  h.AddFile("/p/main.ts",
            "import { users } from './users';\nimport { posts } from './posts';\n"
            "export const out = [users.related(), posts.author()];\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "out = [ 'posts', 'users' ]\n");
}

TEST(RuntimeTest, CycleUseBeforeInitializationIsAnError) {
  EvalHarness h;
  h.AddFile("/p/a.ts", "import { b } from './b';\nexport const a = 'a' + b;\n");
  h.AddFile("/p/b.ts", "import { a } from './a';\nexport const b = 'b' + a;\n");
  EXPECT_EQ(Exports(h, "/p/a.ts"),
            "b.ts:2:24: error: cannot access 'a' before initialization\n"
            " 2 | export const b = 'b' + a;\n"
            "   |                        ^\n");
}

TEST(RuntimeTest, HoistedFunctionsWorkAcrossCycles) {
  EvalHarness h;
  h.AddFile("/p/a.ts", "import { fromB } from './b';\nexport function fromA() { return 'A'; }\nexport const v = fromB();\n");
  h.AddFile("/p/b.ts", "import { fromA } from './a';\nexport function fromB() { return 'B' + fromA(); }\nexport const w = fromA();\n");
  EXPECT_EQ(Exports(h, "/p/a.ts"), "fromA = [Function: fromA]\nv = 'BA'\n");
}

TEST(RuntimeTest, ModulesAreEvaluatedOnce) {
  EvalHarness h;
  h.AddFile("/p/counter.ts", "console.log('evaluated');\nexport const n = 1;\n");
  h.AddFile("/p/a.ts", "import { n } from './counter';\nexport const a = n;\n");
  h.AddFile("/p/main.ts", "import { a } from './a';\nimport { n } from './counter';\nexport const s = a + n;\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "s = 2\n");
  EXPECT_NE(h.runtime().ImportFile("/p/a.ts"), nullptr);
  EXPECT_EQ(h.console(), "evaluated\n");
  EXPECT_EQ(h.runtime().LoadedFiles(), (std::vector<std::string>{"/p/main.ts", "/p/a.ts", "/p/counter.ts"}));
}

TEST(RuntimeTest, CommonJs) {
  EvalHarness h;
  h.AddFile("/p/helper.cjs", "const base = require('./base.js');\nexports.twice = (x) => x * 2 + base.offset;\n");
  h.AddFile("/p/base.js", "module.exports = { offset: 1 };\n");
  h.AddFile("/p/config.js", "const { twice } = require('./helper.cjs');\nmodule.exports = { value: twice(2), dir: __dirname };\n");
  EXPECT_EQ(Exports(h, "/p/config.js"), "default = { value: 5, dir: '/p' }\nvalue = 5\ndir = '/p'\n");
  h.AddFile("/p/esm.ts", "import cfg, { value } from './config.js';\nexport const out = [cfg.value, value];\n");
  EXPECT_EQ(Exports(h, "/p/esm.ts"), "out = [ 5, 5 ]\n");
}

TEST(RuntimeTest, TranspiledEsModuleInterop) {
  EvalHarness h;
  h.AddFile("/p/drizzle.config.js",
            "\"use strict\";\nObject.defineProperty(exports, \"__esModule\", { value: true });\n"
            "exports.default = { dialect: 'sqlite' };\nexports.extra = 1;\n");
  EXPECT_EQ(Exports(h, "/p/drizzle.config.js"), "default = { dialect: 'sqlite' }\nextra = 1\n");
}

TEST(RuntimeTest, RequireFromEsmAndCycles) {
  EvalHarness h;
  h.AddFile("/p/a.cjs", "exports.early = 1;\nconst b = require('./b.cjs');\nexports.fromB = b.seen;\n");
  h.AddFile("/p/b.cjs", "const a = require('./a.cjs');\nexports.seen = a.early;\n");
  h.AddFile("/p/main.ts",
            "const a = require('./a.cjs');\nconst m = require('./mod');\nexport const out = [a.fromB, m.x, m.default];\n");
  h.AddFile("/p/mod.ts", "export const x = 'x';\nexport default 'd';\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "out = [ 1, 'x', 'd' ]\n");
}

TEST(RuntimeTest, RequireMissingIsCatchable) {
  EvalHarness h;
  h.AddFile("/p/main.ts",
            "let msg = '';\ntry { require('./nope'); } catch (e) { msg = e.message; }\nexport { msg };\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "msg = \"cannot find module './nope'\"\n");
}

TEST(RuntimeTest, JsonModules) {
  EvalHarness h;
  h.AddFile("/p/data.json", "{ \"tables\": [\"a\", \"b\"], \"n\": 2 }");
  h.AddFile("/p/main.ts",
            "import data from './data.json';\nconst again = require('./data.json');\n"
            "export const out = [data.tables, data === again];\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "out = [ [ 'a', 'b' ], true ]\n");
}

TEST(RuntimeTest, BuiltinModules) {
  EvalHarness h;
  int calls = 0;
  h.runtime().RegisterBuiltinModule("drizzle-orm/pg-core", [&calls](Interp& interp) {
    ++calls;
    Object* ns = interp.NewObject();
    ns->props.Set("pgTable", Value::Obj(interp.NewFunction("pgTable", [](CallContext& ctx) {
      Object* t = ctx.interp.NewObject();
      t->props.Set("name", ctx.Arg(0));
      return Value::Obj(t);
    })));
    return ns;
  });
  h.AddFile("/p/a.ts", "import { pgTable } from 'drizzle-orm/pg-core';\nexport const t = pgTable('t');\n");
  h.AddFile("/p/main.ts",
            "import { pgTable } from 'drizzle-orm/pg-core';\nimport * as core from 'drizzle-orm/pg-core';\n"
            "import { t } from './a';\nconst { pgTable: p2 } = require('drizzle-orm/pg-core');\n"
            "export const out = [t.name, pgTable === core.pgTable, p2 === pgTable];\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "out = [ 't', true, true ]\n");
  EXPECT_EQ(calls, 1);
}

TEST(RuntimeTest, MissingModuleAndExport) {
  EvalHarness h;
  h.AddFile("/p/main.ts", "import { a } from './missing';\nexport const x = a;\n");
  std::string out = Exports(h, "/p/main.ts");
  EXPECT_EQ(out.substr(0, out.find("note:")),
            "main.ts:1:19: error: cannot find module './missing'\n"
            " 1 | import { a } from './missing';\n"
            "   |                   ^~~~~~~~~~~\n");
  // A missing export is an error only when the import is read at run time: TypeScript drops
  // imports used only as types, and types are skipped by the parser.
  EvalHarness h2;
  h2.AddFile("/p/lib.ts", "export const a = 1;\n");
  h2.AddFile("/p/main.ts", "import { a, nope } from './lib';\nexport const x = a;\nlet y: nope;\n");
  EXPECT_EQ(Exports(h2, "/p/main.ts"), "x = 1\n");
  EvalHarness h3;
  h3.AddFile("/p/lib.ts", "export const a = 1;\n");
  h3.AddFile("/p/main.ts", "import { a, nope } from './lib';\nexport const x = () => nope;\nx();\n");
  EXPECT_EQ(Exports(h3, "/p/main.ts"),
            "main.ts:2:24: error: 'nope' is not exported by ./lib\n"
            " 2 | export const x = () => nope;\n"
            "   |                        ^~~~\n"
            "main.ts:1:13: note: imported here (imports used only as types are dropped, but this one is read at run time)\n"
            " 1 | import { a, nope } from './lib';\n"
            "   |             ^~~~\n"
            "note: in call to `x()` at main.ts:3:1\n");
  ASSERT_FALSE(h3.runtime().diags().diags().empty());
  EXPECT_EQ(h3.runtime().diags().diags()[0].kind, base::DiagKind::ModuleNoExport);
}

TEST(RuntimeTest, ParseErrorsAreReported) {
  EvalHarness h;
  h.AddFile("/p/bad.ts", "export const = ;\n");
  h.AddFile("/p/main.ts", "import './bad';\n");
  std::string out = Exports(h, "/p/main.ts");
  EXPECT_EQ(out.rfind("bad.ts:1:14: error:", 0), 0u) << out;
}

TEST(RuntimeTest, TsconfigPaths) {
  EvalHarness h;
  h.AddFile("/p/tsconfig.json", "{ \"compilerOptions\": { \"baseUrl\": \".\", \"paths\": { \"@/*\": [\"src/*\"] } } }");
  h.AddFile("/p/src/db/columns.ts", "export const id = 'id-col';\n");
  h.AddFile("/p/src/schema.ts", "import { id } from '@/db/columns';\nexport const cols = [id];\n");
  EXPECT_EQ(Exports(h, "/p/src/schema.ts"), "cols = [ 'id-col' ]\n");
}

TEST(RuntimeTest, ProcessEnvAndDotenv) {
  EvalHarness h({}, {{"EXISTING", "keep"}, {"PORT", "5432"}});
  h.AddFile("/p/.env", "DATABASE_URL=postgres://u:p@localhost:5432/db\nEXISTING=overwritten\n");
  h.AddFile("/p/main.ts",
            "import 'dotenv/config';\nimport process from 'node:process';\n"
            "export const out = [process.env.DATABASE_URL, process.env.EXISTING, Number(process.env.PORT), "
            "process.env.NOPE, process.cwd()];\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"),
            "out = [ 'postgres://u:p@localhost:5432/db', 'keep', 5432, undefined, '/p' ]\n");
  EXPECT_EQ(h.runtime().Env()["DATABASE_URL"], "postgres://u:p@localhost:5432/db");
}

TEST(RuntimeTest, DotenvConfigCall) {
  EvalHarness h;
  h.AddFile("/p/.env.local", "A=1\n");
  h.AddFile("/p/main.ts",
            "import * as dotenv from 'dotenv';\nimport { config } from 'dotenv';\n"
            "const r = dotenv.config({ path: '.env.local' });\nconst missing = config({ path: '.nothing' });\n"
            "export const out = [process.env.A, r.parsed, typeof missing.error];\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "out = [ '1', { A: '1' }, 'object' ]\n");
}

TEST(RuntimeTest, PathAndUrl) {
  EvalHarness h;
  h.AddFile("/p/main.ts",
            "import path from 'path';\nimport { join, resolve } from 'node:path';\nimport { fileURLToPath } from 'node:url';\n"
            "const u = new URL('postgres://user:pw@db.example.com:6543/app?sslmode=require');\n"
            "export const out = [join('a', '../b', 'c.ts'), resolve('x'), path.dirname('/a/b.ts'), path.basename('/a/b.ts', '.ts'),"
            " path.extname('f.sql'), path.relative('/p/a', '/p/b/c'), fileURLToPath('file:///tmp/x%20y.ts'),"
            " u.hostname, u.port, u.username, u.password, u.pathname.slice(1), u.searchParams.get('sslmode'), __filename];\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"),
            "out = [ 'b/c.ts', '/p/x', '/a', 'b', '.sql', '../b/c', '/tmp/x y.ts', 'db.example.com', '6543', 'user', 'pw', "
            "'app', 'require', '/p/main.ts' ]\n");
}

TEST(RuntimeTest, UnknownNodeAndPackageModulesAreOpaque) {
  EvalHarness h;
  h.AddFile("/p/main.ts",
            "import fs from 'node:fs';\nimport { readFileSync } from 'fs';\nimport { createId } from '@paralleldrive/cuid2';\n"
            "export const ca = readFileSync('ca.pem');\nexport const ok = typeof createId;\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "ca = [opaque import 'fs']\nok = 'object'\n");
  Object* ns = h.runtime().ImportFile("/p/main.ts");
  ASSERT_NE(ns, nullptr);
  EXPECT_EQ(ns->props.Find("ca")->value.AsObject()->cls, ObjectClass::Opaque);
}

TEST(RuntimeTest, ImportSourceAndRun) {
  EvalHarness h;
  Object* ns = h.runtime().ImportSource("/p/inline.ts", "export const f = (x) => { if (x) throw new Error('no'); return 1; };\n");
  ASSERT_NE(ns, nullptr);
  Value f = ns->props.Find("f")->value;
  Value arg[1] = {Value::Boolean(false)};
  std::optional<Value> ok = h.runtime().Call(f, Value(), arg);
  ASSERT_TRUE(ok.has_value());
  EXPECT_EQ(ok->AsNumber(), 1);
  arg[0] = Value::Boolean(true);
  EXPECT_FALSE(h.runtime().Call(f, Value(), arg).has_value());
  EXPECT_EQ(h.runtime().RenderDiagnostics(),
            "inline.ts:1:34: error: uncaught Error: no\n"
            " 1 | export const f = (x) => { if (x) throw new Error('no'); return 1; };\n"
            "   |                                  ^~~~~~~~~~~~~~~~~~~~~~\n"
            "note: in call to `f()` (defined at inline.ts:1:18)\n");
}

TEST(RuntimeTest, FixedClock) {
  EvalHarness h;
  h.options().fixed_now_ms = 86400000;
  h.AddFile("/p/main.ts", "export const d = new Date().toISOString();\n");
  EXPECT_EQ(Exports(h, "/p/main.ts"), "d = '1970-01-02T00:00:00.000Z'\n");
}

}  // namespace
}  // namespace dp::ts
