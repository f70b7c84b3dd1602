// Evaluation errors: exact diagnostic text (location, source line, caret, call-chain notes),
// the step and depth limits, and opaque values from packages that are not evaluated.
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace dp::ts {
namespace {

using testing::EvalHarness;

std::string Errors(std::string_view program, Limits limits = {}) {
  EvalHarness h(limits);
  h.Run(program);
  return h.runtime().RenderDiagnostics();
}

std::string FirstKind(std::string_view program, Limits limits = {}) {
  EvalHarness h(limits);
  h.Run(program);
  if (h.runtime().diags().diags().empty()) return "none";
  return base::DiagKindName(h.runtime().diags().diags()[0].kind);
}

TEST(EvalErrorTest, NotDefined) {
  EXPECT_EQ(Errors("const x = 1;\nexport const t = { name: vachar('name') };\n"),
            "main.ts:2:26: error: 'vachar' is not defined\n"
            " 2 | export const t = { name: vachar('name') };\n"
            "   |                          ^~~~~~\n");
  EXPECT_EQ(FirstKind("missing;"), "EvalNotDefined");
  EXPECT_EQ(Errors("const varchar = (n) => n;\nconst timestamp = 1;\nexport const c = [vachar('x'), timestmp];\n"),
            "main.ts:3:19: error: 'vachar' is not defined\n"
            " 3 | export const c = [vachar('x'), timestmp];\n"
            "   |                   ^~~~~~\n"
            "note: did you mean 'varchar'?\n");
  EXPECT_EQ(Errors("export const n = Mathh.max(1, 2);\n"),
            "main.ts:1:18: error: 'Mathh' is not defined\n"
            " 1 | export const n = Mathh.max(1, 2);\n"
            "   |                  ^~~~~\n"
            "note: did you mean 'Math'?\n");
}

TEST(EvalErrorTest, NotAFunction) {
  EXPECT_EQ(Errors("const x = { y: 1 };\nx.y();\n"),
            "main.ts:2:3: error: x.y is not a function\n"
            " 2 | x.y();\n"
            "   |   ^~~\n");
  EXPECT_EQ(Errors("const t = { a: { b: {} } };\nt.a.b.c(1);\n"),
            "main.ts:2:7: error: t.a.b.c is not a function\n"
            " 2 | t.a.b.c(1);\n"
            "   |       ^~~~\n");
  EXPECT_EQ(FirstKind("const f = 1; f();"), "EvalNotAFunction");
  EXPECT_EQ(FirstKind("new (1)();"), "EvalNotAFunction");
}

TEST(EvalErrorTest, NullAccess) {
  EXPECT_EQ(Errors("const o = { a: null };\nexport const v = o.a.b;\n"),
            "main.ts:2:22: error: cannot read properties of null (reading 'b')\n"
            " 2 | export const v = o.a.b;\n"
            "   |                      ^\n");
  EXPECT_EQ(FirstKind("const u = undefined; u.x = 1;"), "EvalNullAccess");
  EXPECT_EQ(FirstKind("const { a } = null;"), "EvalNullAccess");
}

TEST(EvalErrorTest, UncaughtThrow) {
  EXPECT_EQ(Errors("function check(v) {\n  if (!v) throw new Error('value required');\n}\ncheck(0);\n"),
            "main.ts:2:11: error: uncaught Error: value required\n"
            " 2 |   if (!v) throw new Error('value required');\n"
            "   |           ^~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~~\n"
            "note: in call to `check()` at main.ts:4:1\n");
  EXPECT_EQ(Errors("throw 'plain';\n"),
            "main.ts:1:1: error: uncaught exception: 'plain'\n"
            " 1 | throw 'plain';\n"
            "   | ^~~~~~~~~~~~~~\n");
  EXPECT_EQ(FirstKind("throw new TypeError('t');"), "EvalThrown");
}

TEST(EvalErrorTest, CallChainNotes) {
  const char* program =
      "const timestamps = () => ({\n"
      "  created: columnz('created'),\n"
      "});\n"
      "function table(name) {\n"
      "  return { name, ...timestamps() };\n"
      "}\n"
      "export const users = table('users');\n";
  EXPECT_EQ(Errors(program),
            "main.ts:2:12: error: 'columnz' is not defined\n"
            " 2 |   created: columnz('created'),\n"
            "   |            ^~~~~~~\n"
            "note: in call to `timestamps()` at main.ts:5:21\n"
            "note: in call to `table()` at main.ts:7:22\n");
}

TEST(EvalErrorTest, NotesFromOtherFile) {
  EvalHarness h;
  h.AddFile("/p/src/columns.ts",
            "export const timestamps = () => ({\n"
            "  createdAt: undefinedHelper(),\n"
            "});\n");
  h.Run("import { timestamps } from './src/columns';\nexport const t = { ...timestamps() };\n");
  EXPECT_EQ(h.runtime().RenderDiagnostics(),
            "src/columns.ts:2:14: error: 'undefinedHelper' is not defined\n"
            " 2 |   createdAt: undefinedHelper(),\n"
            "   |              ^~~~~~~~~~~~~~~\n"
            "note: in call to `timestamps()` at main.ts:2:23\n");
}

TEST(EvalErrorTest, CaughtErrorsLeaveNoNotes) {
  EXPECT_EQ(Errors("function f() { throw new Error('a'); }\ntry { f(); } catch {}\nconst g = () => { throw new Error('b'); };\ng();\n"),
            "main.ts:3:19: error: uncaught Error: b\n"
            " 3 | const g = () => { throw new Error('b'); };\n"
            "   |                   ^~~~~~~~~~~~~~~~~~~~~\n"
            "note: in call to `g()` at main.ts:4:1\n");
}

TEST(EvalErrorTest, TemporalDeadZoneAndConst) {
  EXPECT_EQ(Errors("const a = b;\nconst b = 1;\n"),
            "main.ts:1:11: error: cannot access 'b' before initialization\n"
            " 1 | const a = b;\n"
            "   |           ^\n");
  EXPECT_EQ(FirstKind("const c = 1; c = 2;"), "EvalError");
  EXPECT_EQ(Errors("const c = 1;\nc = 2;\n"),
            "main.ts:2:1: error: assignment to constant variable 'c'\n"
            " 2 | c = 2;\n"
            "   | ^\n");
}

TEST(EvalErrorTest, StepLimit) {
  Limits limits;
  limits.max_steps = 100000;
  EXPECT_EQ(FirstKind("while (true) {}", limits), "EvalStepLimit");
  EXPECT_EQ(FirstKind("for (;;) { try { } catch { } finally { } }", limits), "EvalStepLimit");
  std::string text = Errors("let i = 0;\nwhile (true) i++;\n", limits);
  EXPECT_NE(text.find("error: evaluation exceeded the step limit (100000 steps); is there an infinite loop?"),
            std::string::npos)
      << text;
  // Script code cannot catch the limit.
  EXPECT_EQ(FirstKind("try { while (true) {} } catch (e) { }", limits), "EvalStepLimit");
}

TEST(EvalErrorTest, DepthLimit) {
  std::string text = Errors("function f(n) {\n  return f(n + 1);\n}\nf(0);\n");
  EXPECT_EQ(text.substr(0, text.find("note:")),
            "main.ts:2:10: error: maximum call depth exceeded (400 nested calls); is there infinite recursion?\n"
            " 2 |   return f(n + 1);\n"
            "   |          ^~~~~~~~\n");
  EXPECT_NE(text.find("note: ... and 392 more calls"), std::string::npos) << text;
  EXPECT_EQ(FirstKind("const g = () => { try { g(); } catch { g(); } }; g();"), "EvalDepthLimit");
  EXPECT_EQ(FirstKind("const a = []; a.push(a); String(a);"), "EvalDepthLimit");
  EXPECT_EQ(FirstKind("const o = { get x() { return this.x; } }; o.x;"), "EvalDepthLimit");
  Limits small;
  small.max_depth = 10;
  EXPECT_EQ(FirstKind("const f = (n) => n && f(n - 1); f(9);", small), "none");
  EXPECT_EQ(FirstKind("const f = (n) => n && f(n - 1); f(20);", small), "EvalDepthLimit");
}

TEST(EvalErrorTest, DeepNesting) {
  std::string deep = "export default ";
  for (int i = 0; i < 3000; ++i) deep += "[";
  for (int i = 0; i < 3000; ++i) deep += "]";
  std::string kind = FirstKind(deep);
  EXPECT_TRUE(kind == "EvalDepthLimit" || kind == "ParseUnsupportedSyntax" || kind == "ParseUnexpectedToken") << kind;
  std::string nested = "let x = [];\nfor (let i = 0; i < 100000; i++) x = [x];\nexport default JSON.stringify(x).length;\n";
  EXPECT_EQ(FirstKind(nested), "EvalError");  // RangeError: nested too deeply
}

TEST(EvalErrorTest, OpaqueValues) {
  const char* program =
      "import { z } from 'zod';\n"
      "export const schema = z.object({ a: z.string() }).optional();\n"
      "export const name = `${schema}`;\n";
  EXPECT_EQ(Errors(program),
            "main.ts:3:24: error: value from import 'zod' cannot be used here (it is used as a string)\n"
            " 3 | export const name = `${schema}`;\n"
            "   |                        ^~~~~~\n"
            "main.ts:1:10: note: packages other than drizzle-orm are not evaluated; their values are opaque\n"
            " 1 | import { z } from 'zod';\n"
            "   |          ^\n");
  EXPECT_EQ(FirstKind("import cuid from '@paralleldrive/cuid2';\nexport const n = cuid.createId() + 1;\n"), "EvalOpaqueValue");
  EXPECT_EQ(FirstKind("import { x } from 'lib';\nexport const n = x * 2;\n"), "EvalOpaqueValue");
  EXPECT_EQ(FirstKind("import * as lib from 'lib';\nfor (const a of lib.list) {}\n"), "EvalOpaqueValue");
  EXPECT_EQ(FirstKind("import { k } from 'lib';\nconst o = { [k]: 1 };\n"), "EvalOpaqueValue");
  EXPECT_EQ(FirstKind("import lib from 'lib';\nconst o = { ...lib };\n"), "EvalOpaqueValue");
  // Merely importing, passing around, calling and reading properties is fine.
  EvalHarness h;
  std::string out = h.Run(
      "import { createId } from '@paralleldrive/cuid2';\n"
      "import * as v from 'valibot';\n"
      "const f = () => createId();\n"
      "const x = new v.Thing(1).method().prop;\n"
      "export default [typeof createId, !!x, x === x, [f].length, x == null];\n");
  EXPECT_EQ(out, "[ 'object', true, true, 1, false ]");
}

TEST(EvalErrorTest, OpaqueValueInHostCall) {
  EvalHarness h;
  h.options();
  Runtime& rt = h.runtime();
  rt.RegisterBuiltinModule("host", [](Interp& interp) {
    Object* ns = interp.NewObject();
    ns->props.Set("text", Value::Obj(interp.NewFunction("text", [](CallContext& ctx) {
      return ctx.interp.Str("col:" + ctx.interp.ToString(ctx.Arg(0)));
    })));
    return ns;
  });
  h.Run("import { text } from 'host';\nimport { name } from 'names';\nexport const c = text(name);\n");
  EXPECT_EQ(rt.RenderDiagnostics(),
            "main.ts:3:18: error: value from import 'names' cannot be used here (it is used as a string)\n"
            " 3 | export const c = text(name);\n"
            "   |                  ^~~~~~~~~~\n"
            "main.ts:2:10: note: packages other than drizzle-orm are not evaluated; their values are opaque\n"
            " 2 | import { name } from 'names';\n"
            "   |          ^~~~\n");
}

TEST(EvalErrorTest, HostErrorsAreLocatedAtTheCall) {
  EvalHarness h;
  Runtime& rt = h.runtime();
  rt.RegisterBuiltinModule("host", [](Interp& interp) {
    Object* ns = interp.NewObject();
    ns->props.Set("strict", Value::Obj(interp.NewFunction("strict", [](CallContext& ctx) -> Value {
      ctx.interp.ThrowTypeError("strict() needs a string", base::DiagKind::DslError);
      return {};
    })));
    return ns;
  });
  h.Run("import { strict } from 'host';\nconst helper = () => ({ a: strict(1) });\nexport const x = helper();\n");
  EXPECT_EQ(rt.RenderDiagnostics(),
            "main.ts:2:28: error: strict() needs a string\n"
            " 2 | const helper = () => ({ a: strict(1) });\n"
            "   |                            ^~~~~~~~~\n"
            "note: in call to `helper()` at main.ts:3:18\n");
  EXPECT_EQ(rt.diags().diags()[0].kind, base::DiagKind::DslError);
}

}  // namespace
}  // namespace dp::ts
