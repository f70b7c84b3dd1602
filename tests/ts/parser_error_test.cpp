// Parser error tests: source -> the exact rendered diagnostic (message, source line, caret),
// unsupported constructs, the nesting limit and the linear-time guarantees of backtracking.
#include <gtest/gtest.h>

#include <chrono>

#include "parser_test_util.h"
#include "ts/ast.h"

namespace dp::ts {
namespace {

using testing::Case;
using testing::ExpectCases;
using testing::ParseDump;

TEST(Parser, Errors) {
  static const Case kCases[] = {
      {"const a = 1 const b = 2;",
       "test.ts:1:13: error: Expected \";\" but found \"const\"\n"
         " 1 | const a = 1 const b = 2;\n"
         "   |             ^~~~~"},
      {"let x = ;",
       "test.ts:1:9: error: Unexpected \";\"\n"
         " 1 | let x = ;\n"
         "   |         ^"},
      {"f(a b);",
       "test.ts:1:5: error: Expected \",\" but found \"b\"\n"
         " 1 | f(a b);\n"
         "   |     ^"},
      {"const x = {a: 1;",
       "test.ts:1:16: error: Expected \",\" but found \";\"\n"
         " 1 | const x = {a: 1;\n"
         "   |                ^"},
      {"foo(",
       "test.ts:1:5: error: Unexpected end of file\n"
         " 1 | foo(\n"
         "   |     ^"},
      {"if (a { }",
       "test.ts:1:7: error: Expected \")\" but found \"{\"\n"
         " 1 | if (a { }\n"
         "   |       ^"},
      {"const = 1;",
       "test.ts:1:7: error: Expected identifier but found \"=\"\n"
         " 1 | const = 1;\n"
         "   |       ^"},
      {"let class = 1;",
       "test.ts:1:5: error: Expected identifier but found \"class\"\n"
         " 1 | let class = 1;\n"
         "   |     ^~~~~"},
      {"a ?? b || c;",
       "test.ts:1:8: error: Cannot use \"||\" with \"??\" without parentheses\n"
         " 1 | a ?? b || c;\n"
         "   |        ^~"},
      {"a && b ?? c;",
       "test.ts:1:8: error: Cannot use \"??\" with \"&&\" without parentheses\n"
         " 1 | a && b ?? c;\n"
         "   |        ^~"},
      {"-a ** 2;",
       "test.ts:1:4: error: Unary operators cannot be used before \"**\" without parentheses\n"
         " 1 | -a ** 2;\n"
         "   |    ^~"},
      {"1 = 2;",
       "test.ts:1:1: error: Invalid assignment target\n"
         " 1 | 1 = 2;\n"
         "   | ^"},
      {"a + b = c;",
       "test.ts:1:1: error: Invalid assignment target\n"
         " 1 | a + b = c;\n"
         "   | ^~~~~"},
      {"a?.b = 1;",
       "test.ts:1:1: error: Invalid assignment target\n"
         " 1 | a?.b = 1;\n"
         "   | ^~~~"},
      {"f() += 1;",
       "test.ts:1:1: error: Invalid assignment target\n"
         " 1 | f() += 1;\n"
         "   | ^~~"},
      {"++f();",
       "test.ts:1:3: error: Invalid assignment target\n"
         " 1 | ++f();\n"
         "   |   ^~~"},
      {"({ a = 1 });",
       "test.ts:1:6: error: Invalid shorthand property initializer\n"
         " 1 | ({ a = 1 });\n"
         "   |      ^"},
      {"x = { a = 1 }.a;",
       "test.ts:1:9: error: Invalid shorthand property initializer\n"
         " 1 | x = { a = 1 }.a;\n"
         "   |         ^"},
      {"[{ a = 1 }];",
       "test.ts:1:6: error: Invalid shorthand property initializer\n"
         " 1 | [{ a = 1 }];\n"
         "   |      ^"},
      {"const x;",
       "test.ts:1:7: error: The constant \"x\" must be initialized\n"
         " 1 | const x;\n"
         "   |       ^"},
      {"const [a];",
       "test.ts:1:7: error: The constant must be initialized\n"
         " 1 | const [a];\n"
         "   |       ^~~"},
      {"for (const x; ;) {}",
       "test.ts:1:12: error: A declaration in a for loop must be initialized\n"
         " 1 | for (const x; ;) {}\n"
         "   |            ^"},
      {"throw\n"
         "new Error();",
       "test.ts:1:1: error: Unexpected newline after \"throw\"\n"
         " 1 | throw\n"
         "   | ^~~~~"},
      {"@Component class A {}",
       "test.ts:1:1: error: decorators are not supported\n"
         " 1 | @Component class A {}\n"
         "   | ^"},
      {"class A { @dec m() {} }",
       "test.ts:1:11: error: decorators are not supported\n"
         " 1 | class A { @dec m() {} }\n"
         "   |           ^"},
      {"import x = require('y');",
       "test.ts:1:1: error: \"import x = ...\" (TypeScript import assignment) is not supported\n"
         " 1 | import x = require('y');\n"
         "   | ^~~~~~~~~~~~~~~~~~~~~~~~"},
      {"import x = A.B.C;",
       "test.ts:1:1: error: \"import x = ...\" (TypeScript import assignment) is not supported\n"
         " 1 | import x = A.B.C;\n"
         "   | ^~~~~~~~~~~~~~~~~"},
      {"export = foo;",
       "test.ts:1:1: error: \"export =\" is not supported; use \"export default\"\n"
         " 1 | export = foo;\n"
         "   | ^~~~~~"},
      {"export import A = B.C;",
       "test.ts:1:1: error: \"export import\" (TypeScript import alias) is not supported\n"
         " 1 | export import A = B.C;\n"
         "   | ^~~~~~"},
      {"namespace N { export const x = 1; }",
       "test.ts:1:1: error: namespaces with runtime values are not supported (only type declarations)\n"
         " 1 | namespace N { export const x = 1; }\n"
         "   | ^~~~~~~~~~~"},
      {"x = import('m');",
       "test.ts:1:5: error: dynamic import() is not supported\n"
         " 1 | x = import('m');\n"
         "   |     ^~~~~~"},
      {"x = new.target;",
       "test.ts:1:5: error: new.target is not supported\n"
         " 1 | x = new.target;\n"
         "   |     ^~~~~~~~~~"},
      {"class A { static { init(); } }",
       "test.ts:1:11: error: class static blocks are not supported\n"
         " 1 | class A { static { init(); } }\n"
         "   |           ^~~~~~"},
      {"class A { accessor x = 1; }",
       "test.ts:1:11: error: auto-accessor class fields are not supported\n"
         " 1 | class A { accessor x = 1; }\n"
         "   |           ^~~~~~~~"},
      {"x = #a in obj;",
       "test.ts:1:5: error: private names outside of member access (#x in obj) are not supported\n"
         " 1 | x = #a in obj;\n"
         "   |     ^~"},
      {"x = a?.b`t`;",
       "test.ts:1:9: error: Template literals cannot have an optional chain as a tag\n"
         " 1 | x = a?.b`t`;\n"
         "   |         ^~~"},
      {"x = `a\\u{zz}`;",
       "test.ts:1:7: error: Invalid escape sequence in template literal\n"
         " 1 | x = `a\\u{zz}`;\n"
         "   |       ^~"},
      {"function f(...a, b) {}",
       "test.ts:1:16: error: Expected \")\" but found \",\"\n"
         " 1 | function f(...a, b) {}\n"
         "   |                ^"},
      {"class A { constructor() {} constructor() {} }",
       "test.ts:1:28: error: A class may only have one constructor\n"
         " 1 | class A { constructor() {} constructor() {} }\n"
         "   |                            ^~~~~~~~~~~~~~~~"},
      {"function f(private x) {}",
       "test.ts:1:12: error: A parameter property is only allowed in a constructor implementation\n"
         " 1 | function f(private x) {}\n"
         "   |            ^~~~~~~"},
      {"declare function f() {}",
       "test.ts:1:22: error: An implementation cannot be declared in ambient contexts\n"
         " 1 | declare function f() {}\n"
         "   |                      ^"},
      {"switch (x) { default: default: }",
       "test.ts:1:23: error: Multiple default clauses are not allowed\n"
         " 1 | switch (x) { default: default: }\n"
         "   |                       ^~~~~~~"},
      {"try {}",
       "test.ts:1:7: error: Expected \"finally\" but found end of file\n"
         " 1 | try {}\n"
         "   |       ^"},
      {"import { a } from;",
       "test.ts:1:18: error: Expected string but found \";\"\n"
         " 1 | import { a } from;\n"
         "   |                  ^"},
      {"export default;",
       "test.ts:1:15: error: Unexpected \";\"\n"
         " 1 | export default;\n"
         "   |               ^"},
      {"x = (a, b;",
       "test.ts:1:10: error: Expected \")\" but found \";\"\n"
         " 1 | x = (a, b;\n"
         "   |          ^"},
      {"x = [1, 2;",
       "test.ts:1:10: error: Expected \",\" but found \";\"\n"
         " 1 | x = [1, 2;\n"
         "   |          ^"},
      {"`abc${x",
       "test.ts:1:8: error: Expected \"}\" but found end of file\n"
         " 1 | `abc${x\n"
         "   |        ^"},
      {"a.b.;",
       "test.ts:1:5: error: Expected identifier but found \";\"\n"
         " 1 | a.b.;\n"
         "   |     ^"},
      {"x = 1 +;",
       "test.ts:1:8: error: Unexpected \";\"\n"
         " 1 | x = 1 +;\n"
         "   |        ^"},
      {"x = {get a: 1};",
       "test.ts:1:11: error: Expected \"(\" but found \":\"\n"
         " 1 | x = {get a: 1};\n"
         "   |           ^"},
      {"x = { 'a' };",
       "test.ts:1:11: error: Expected \":\" but found \"}\"\n"
         " 1 | x = { 'a' };\n"
         "   |           ^"},
      {"a => { } + 1;",
       "test.ts:1:10: error: Expected \";\" but found \"+\"\n"
         " 1 | a => { } + 1;\n"
         "   |          ^"},
      {"x = a\n"
         "=> 1;",
       "test.ts:2:1: error: Unexpected \"=>\"\n"
         " 2 | => 1;\n"
         "   | ^~"},
      {"import { \"x\" } from 'm';",
       "test.ts:1:10: error: Expected identifier but found a string\n"
         " 1 | import { \"x\" } from 'm';\n"
         "   |          ^~~"},
      {"{ import x from 'm'; }",
       "test.ts:1:3: error: An import declaration can only be used at the top level of a module\n"
         " 1 | { import x from 'm'; }\n"
         "   |   ^~~~~~"},
      {"function f() { export const a = 1; }",
       "test.ts:1:16: error: An export declaration can only be used at the top level of a module\n"
         " 1 | function f() { export const a = 1; }\n"
         "   |                ^~~~~~"},
      {"return;",
       "test.ts:1:1: error: A return statement cannot be used outside of a function\n"
         " 1 | return;\n"
         "   | ^~~~~~"},
      {"x = y as;",
       "test.ts:1:9: error: Expected type but found \";\"\n"
         " 1 | x = y as;\n"
         "   |         ^"},
  };
  ExpectCases(std::begin(kCases), std::end(kCases));
}

TEST(Parser, AwaitOutsideAsyncFunction) {
  EXPECT_EQ(ParseDump("const f = () => await g();"),
            "test.ts:1:17: error: \"await\" can only be used inside an async function\n"
            " 1 | const f = () => await g();\n"
            "   |                 ^~~~~");
  EXPECT_EQ(ParseDump("const v = await load();"), "(const (decl v (await (call (id load)))))");
  EXPECT_EQ(ParseDump("async function f() { for await (const x of y) await x; }"),
            "(function async f (params) (body (for-of const x (id y) (expr (await (id x))))))");
}

TEST(Parser, JavaScriptFilesHaveNoTypeSyntax) {
  EXPECT_EQ(ParseDump("x = f < T > (y);", "a.js"), "(expr (= x (> (< (id f) (id T)) (id y))))");
  EXPECT_EQ(ParseDump("x = a!;", "a.mjs"), "a.mjs:1:6: error: Expected \";\" but found \"!\"\n 1 | x = a!;\n   |      ^");
  EXPECT_EQ(ParseDump("let x: number = 1;", "a.cjs"),
            "a.cjs:1:6: error: Expected \";\" but found \":\"\n 1 | let x: number = 1;\n   |      ^");
  EXPECT_EQ(ParseDump("enum E {}", "a.js"), "a.js:1:1: error: Unexpected \"enum\"\n 1 | enum E {}\n   | ^~~~");
  EXPECT_EQ(ParseDump("type = 1; interface = 2;", "a.js"), "(expr (= type (num 1)))\n(expr (= interface (num 2)))");
}

TEST(Parser, JsxIsUnsupported) {
  EXPECT_EQ(ParseDump("const a = <div>hi</div>;", "c.tsx"),
            "c.tsx:1:11: error: JSX syntax is not supported\n 1 | const a = <div>hi</div>;\n   |           ^");
  EXPECT_EQ(ParseDump("const a = <T,>(x: T) => x;", "c.tsx"), "(const (decl a (arrow (params x) (id x))))");
  EXPECT_EQ(ParseDump("const a = <p/>;", "c.jsx"),
            "c.jsx:1:11: error: JSX syntax is not supported\n 1 | const a = <p/>;\n   |           ^");
}

std::string Repeat(std::string_view s, int n) {
  std::string out;
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

TEST(Parser, NestingLimit) {
  // Deep but reasonable nesting parses.
  EXPECT_EQ(ParseDump("x = " + Repeat("(", 500) + "1" + Repeat(")", 500) + ";"), "(expr (= x (num 1)))");
  const std::string deep_error = "the code is nested too deeply (the limit is 1000 levels)";
  // Each shape, nested far beyond the limit, gives the same clear error (and no crash).
  const std::string deep[] = {
      "x = " + Repeat("(", 100000),
      "x = " + Repeat("[", 100000),
      "x = " + Repeat("{a:", 100000),
      Repeat("{", 100000),
      Repeat("if (a) ", 100000),
      "x = " + Repeat("-", 100000) + "a",
      "x = " + Repeat("a => ", 100000) + "a",
      "x = " + Repeat("a ? b : ", 100000) + "c",
      "x = " + Repeat("a = ", 100000) + "c",
      "x = " + Repeat("`${", 100000),
      "let x: " + Repeat("Array<", 100000),
      "let x: " + Repeat("(", 100000),
      "let x: " + Repeat("{a:", 100000),
      "let " + Repeat("[", 100000),
      "x = " + Repeat("new ", 100000) + "X",
      "x = " + Repeat("(a = ", 100000),
      "x = " + Repeat("(function(){ x = ", 100000),
      "class A { m() {" + Repeat("class B { m() {", 100000),
  };
  for (const std::string& source : deep) {
    std::string out = ParseDump(source);
    EXPECT_NE(out.find(deep_error), std::string::npos) << source.substr(0, 40) << "\n" << out.substr(0, 300);
  }
}

TEST(Parser, BacktrackingStaysLinear) {
  // Inputs that would make naive backtracking exponential or quadratic must stay fast.
  const std::string inputs[] = {
      "x = " + Repeat("a < ", 20000) + "b;",
      "x = " + Repeat("(a = ", 400) + "1" + Repeat(")", 400) + ";",
      "x = " + Repeat("f<a<", 5000) + "b;",
      "x = " + Repeat("(", 900) + Repeat(")", 900) + ";",
      "let x: " + Repeat("({a}: (", 300) + "b",
      "type T = " + Repeat("A extends infer B extends C<", 200) + "D" + Repeat("> ? 1 : 2", 200) + ";",
  };
  for (const std::string& source : inputs) {
    auto start = std::chrono::steady_clock::now();
    ParseDump(source);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    EXPECT_LT(ms, 2000) << source.substr(0, 40);
  }
}

}  // namespace
}  // namespace dp::ts
