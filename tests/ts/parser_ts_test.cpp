// Parser tests of TypeScript syntax (types parsed and dropped), node spans, optional chain
// flags, parameter properties and realistic schema files.
#include <gtest/gtest.h>

#include "parser_test_util.h"
#include "ts/ast.h"

namespace dp::ts {
namespace {

using testing::Case;
using testing::ExpectCases;
using testing::ParseDump;

TEST(Parser, TypesAreDropped) {
  // Each type must be skipped in annotations, aliases, and parameter/return positions.
  static const char* const kTypes[] = {
      "string",
      "number[]",
      "Array<string>",
      "Map<string, Array<number>>",
      "Promise<Map<string, Set<number>>>",
      "string | number | undefined",
      "| 'a' | 'b'",
      "A & B & { c: string }",
      "& A & B",
      "(string | number)[]",
      "readonly string[]",
      "[string, number]",
      "[a: string, b?: number, ...rest: boolean[]]",
      "[string, number?]",
      "() => void",
      "(a: string, b?: number) => Promise<void>",
      "(...args: any[]) => any",
      "({ a }: { a: string }) => void",
      "([a, b]: [string, string]) => void",
      "new () => Foo",
      "new (...args: any[]) => T",
      "abstract new () => object",
      "<T>(x: T) => T",
      "<T extends object = {}>(x: T) => T",
      "{ a: string; b?: number; readonly c: boolean }",
      "{ a: string, b: number }",
      "{ (x: number): string; new (x: string): Foo; [key: string]: any }",
      "{ method(): void; method2?<T>(x: T): T; get g(): number; set g(v: number) }",
      "{ [K in keyof T]: T[K] }",
      "{ readonly [K in keyof T]?: T[K] }",
      "{ -readonly [K in keyof T]-?: T[K] }",
      "{ +readonly [K in keyof T]+?: T[K] }",
      "{ [K in keyof T as `get${Capitalize<K & string>}`]: () => T[K] }",
      "keyof T",
      "keyof typeof obj",
      "typeof obj",
      "typeof obj.a.b",
      "typeof import('./mod')",
      "import('./mod').Foo<string>",
      "T[K]",
      "T['a' | 'b']",
      "T[number]",
      "unique symbol",
      "T extends string ? 'yes' : 'no'",
      "T extends (infer U)[] ? U : never",
      "T extends Promise<infer U extends string> ? U : never",
      "T extends [infer H, ...infer R] ? H : never",
      "`prefix-${string}`",
      "`${number}px`",
      "`a${'b' | 'c'}d${number}`",
      "'literal'",
      "42",
      "-1",
      "100n",
      "true",
      "null",
      "undefined",
      "void",
      "never",
      "unknown",
      "any",
      "this",
      "object",
      "symbol",
      "bigint",
      "A.B.C<D>",
      "Foo<string>[]",
      "(() => void)[]",
      "(typeof x)[number]",
      "InferSelectModel<typeof users>",
      "Parameters<typeof fn>[0]",
      "ReturnType<typeof fn> extends Promise<infer R> ? R : never",
      "{ a: { b: { c: string } } }",
      "Record<string, (x: number) => void>",
      "Array<<T>() => T>",
      "Partial<Pick<T, 'a' | 'b'>>",
      "readonly [string, ...string[]] | [string, ...string[]]",
      "T extends infer U extends string ? U : never",
      "T extends [infer H extends string, ...infer R] ? H : never",
      "T extends (infer U extends string ? 1 : 2) ? 1 : 2",
      "{ [K in keyof T]: T[K] extends infer V extends object ? V : never }",
      "asserts",
  };
  for (const char* type : kTypes) {
    std::string source = std::string("let x: ") + type + " = 1;\ntype X = " + type + ";\nfunction f(a: " + type +
                         "): " + type + " { return a; }";
    EXPECT_EQ(ParseDump(source), "(let (decl x (num 1)))\n(function f (params a) (body (return (id a))))") << type;
  }
}

TEST(Parser, TypePredicatesAndGenerics) {
  static const Case kCases[] = {
      {"function isS(x: unknown): x is string { return true; }", "(function isS (params x) (body (return (id true))))"},
      {"function a(x: unknown): asserts x is string {}", "(function a (params x) (body))"},
      {"function a(x: unknown): asserts x {}", "(function a (params x) (body))"},
      {"class C { isC(): this is C { return true; } }",
       "(class C (method isC (function isC (params) (body (return (id true))))))"},
      {"function f(this: Window, a: number) {}", "(function f (params a) (body))"},
      {"function g<const T extends readonly unknown[], in out U = T>(a: T) {}", "(function g (params a) (body))"},
      {"class Box<T> extends Base<T> implements I<T> {}", "(class Box (extends (id Base)))"},
      {"const m = new Map<string, Map<string, number>>();", "(const (decl m (new (id Map))))"},
      {"const a = b as Array<Map<string, number>> ;", "(const (decl a (id b)))"},
      {"x = a! + b!;", "(expr (= x (+ (id a) (id b))))"},
      {"x = y as any as T[];", "(expr (= x (id y)))"},
      {"x = a < b >= c;", "(expr (= x (>= (< (id a) (id b)) (id c))))"},
      {"x = a < b >> c;", "(expr (= x (< (id a) (>> (id b) (id c)))))"},
      {"x = f<A<B>>(y);", "(expr (= x (call (id f) (id y))))"},
      {"x = (y as any).z;", "(expr (= x (. (id y) z)))"},
      {"x = <T>(<any>y);", "(expr (= x (id y)))"},
      {"let v: typeof x\n[1, 2].map(f)", "(let (decl v))\n(expr (call (. (array (num 1) (num 2)) map) (id f)))"},
      {"type A = B\n<T>() => 1", "(expr (arrow (params) (num 1)))"},
      {"let type = 1; type = 2;", "(let (decl type (num 1)))\n(expr (= type (num 2)))"},
      {"type\nFoo = 1;", "(expr (id type))\n(expr (= Foo (num 1)))"},
      {"declare\nconst x = 1;", "(expr (id declare))\n(const (decl x (num 1)))"},
      {"let abstract = 1, namespace = 2, module = 3, declare = 4;",
       "(let (decl abstract (num 1)) (decl namespace (num 2)) (decl module (num 3)) (decl declare (num 4)))"},
      {"interface\nI {}", "test.ts:2:3: error: Expected \";\" but found \"{\"\n 2 | I {}\n   |   ^"},
  };
  ExpectCases(std::begin(kCases), std::end(kCases));
}

TEST(Parser, Spans) {
  EXPECT_EQ(ParseDump("const a = f(1, b.c);", "test.ts", true),
            "(const@0+20 (decl a@6+1 (call@10+9 (id@10+1 f) (num@12+1 1) (.@15+3 (id@15+1 b) c))))");
  EXPECT_EQ(ParseDump("x = y as T;", "test.ts", true), "(expr@0+11 (=@0+10 x@0+1 (id@4+6 y)))");
  EXPECT_EQ(ParseDump("export { a as b } from 'm';", "test.ts", true), "(export@0+27 (as a b) (from \"m\"))");
  EXPECT_EQ(ParseDump("`a${b}c`;", "test.ts", true), "(expr@0+9 (template@0+8 \"a\" (id@4+1 b) \"c\"))");
}

TEST(Parser, SourceSpansOfImports) {
  base::SourceManager sources;
  base::FileId file = sources.Add("m.ts", "import { a as b } from './x';");
  base::DiagSink diags;
  std::optional<Ast> ast = ParseModule(sources, file, diags);
  ASSERT_TRUE(ast);
  ASSERT_EQ(ast->body.size(), 1u);
  auto* import = static_cast<const ImportStmt*>(ast->body[0]);
  EXPECT_EQ(import->source, "./x");
  EXPECT_EQ(import->source_span.begin.offset, 23u);
  EXPECT_EQ(import->source_span.length, 5u);
  EXPECT_EQ(import->specifiers[0].span.begin.offset, 9u);
  EXPECT_EQ(import->specifiers[0].span.length, 6u);
  EXPECT_EQ(ast->file, file);
}

TEST(Parser, OptionalChainFlags) {
  base::SourceManager sources;
  base::FileId file = sources.Add("m.ts", "a?.b.c(d)");
  base::DiagSink diags;
  std::optional<Ast> ast = ParseModule(sources, file, diags);
  ASSERT_TRUE(ast);
  auto* call = static_cast<const CallExpr*>(static_cast<const ExpressionStmt*>(ast->body[0])->expr);
  EXPECT_FALSE(call->optional);
  EXPECT_TRUE(call->in_optional_chain);
  auto* c = static_cast<const MemberExpr*>(call->callee);
  EXPECT_FALSE(c->optional);
  EXPECT_TRUE(c->in_optional_chain);
  auto* b = static_cast<const MemberExpr*>(c->object);
  EXPECT_TRUE(b->optional);
  EXPECT_FALSE(b->in_optional_chain);
}

TEST(Parser, TaggedTemplateWithInvalidEscape) {
  base::SourceManager sources;
  base::FileId file = sources.Add("m.ts", "tag`ok${1}\\unicode`");
  base::DiagSink diags;
  std::optional<Ast> ast = ParseModule(sources, file, diags);
  ASSERT_TRUE(ast);
  auto* tagged = static_cast<const TaggedTemplateExpr*>(static_cast<const ExpressionStmt*>(ast->body[0])->expr);
  ASSERT_EQ(tagged->quasi->cooked_invalid.size(), 2u);
  EXPECT_FALSE(tagged->quasi->cooked_invalid[0]);
  EXPECT_TRUE(tagged->quasi->cooked_invalid[1]);
  EXPECT_EQ(tagged->quasi->raw[1], "\\unicode");
}

TEST(Parser, ParameterPropertiesAssignAfterSuper) {
  EXPECT_EQ(ParseDump("class A extends B { constructor(readonly x, y) { log(); super(y); more(); } }"),
            "(class\n"
            "  A\n"
            "  (extends (id B))\n"
            "  (constructor\n"
            "    (function\n"
            "      A\n"
            "      (params x y)\n"
            "      (body\n"
            "        (expr (call (id log)))\n"
            "        (expr (call (id super) (id y)))\n"
            "        (expr (= (target (. this x)) (id x)))\n"
            "        (expr (call (id more)))))))");
}

TEST(Parser, RealisticSchemaShapes) {
  const char* source = R"ts(
import { pgTable, serial, text, timestamp, pgEnum, integer, type AnyPgColumn } from 'drizzle-orm/pg-core';
import { sql, relations } from 'drizzle-orm';

const timestamps = {
  createdAt: timestamp('created_at', { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp('updated_at').$onUpdate(() => new Date()),
} as const;

export const ROLES = ['admin', 'user'] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum('role', ROLES);

export enum Status { Active = 'active', Archived = 'archived' }
export const statusEnum = pgEnum('status', Object.values(Status) as [string, ...string[]]);

export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  name: text('name').$type<`${string} ${string}`>().notNull(),
  parentId: integer('parent_id').references((): AnyPgColumn => users.id),
  ...timestamps,
}, (t) => ({ nameIdx: index('name_idx').on(t.name) }));

export const { a, b } = makeTables();
export const usersRelations = relations(users, ({ many }) => ({ posts: many(posts) }));
)ts";
  std::string out = ParseDump(source);
  EXPECT_EQ(out.find("error"), std::string::npos) << out;
  EXPECT_NE(out.find("(export-decl (enum Status (Active (str \"active\")) (Archived (str \"archived\"))))"),
            std::string::npos)
      << out;
}

TEST(Parser, DeclarationFilesAreAmbient) {
  EXPECT_EQ(ParseDump("export let version: string\nexport const x: number;\nexport function f(a: string): void;\n"
                      "export class C { m(): void }\nexport = Foo;\nimport fs = require('fs');\nexport enum E { A }",
                      "index.d.ts"),
            "");
  // The same file outside a declaration file has runtime code (and errors).
  EXPECT_EQ(ParseDump("export const x: number;", "index.ts"),
            "index.ts:1:14: error: The constant \"x\" must be initialized\n 1 | export const x: number;\n   |              ^");
}

}  // namespace
}  // namespace dp::ts
