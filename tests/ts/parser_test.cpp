// Parser tests, table-driven: source -> DumpAst. Modules, statements and expressions.
// The expectations were generated with DumpAst and reviewed by hand; when the dump format
// changes, regenerate them the same way and review the diff.
#include <gtest/gtest.h>

#include "parser_test_util.h"
#include "ts/ast.h"

namespace dp::ts {
namespace {

using testing::Case;
using testing::ExpectCases;
using testing::ParseDump;

TEST(Parser, Modules) {
  static const Case kCases[] = {
      {"import d from 'm';",
       "(import \"m\" (default d))"},
      {"import d, { a, b as c, type T, default as e } from \"m\";",
       "(import \"m\" (default d) a (as b c) (as default e))"},
      {"import * as ns from 'm';",
       "(import \"m\" (* ns))"},
      {"import d, * as ns from 'm';",
       "(import \"m\" (default d) (* ns))"},
      {"import 'side-effect';",
       "(import \"side-effect\")"},
      {"import type { A } from 'm';",
       ""},
      {"import type D from 'm';",
       ""},
      {"import type * as NS from 'm';",
       ""},
      {"import type from 'm';",
       "(import \"m\" (default type))"},
      {"import { type } from 'm';",
       "(import \"m\" type)"},
      {"import { type as } from 'm';",
       ""},
      {"import { type as x } from 'm';",
       "(import \"m\" (as type x))"},
      {"import { type as as x } from 'm';",
       ""},
      {"import { \"a-b\" as ab } from 'm';",
       "(import \"m\" (as \"a-b\" ab))"},
      {"import json from './data.json' with { type: 'json' };",
       "(import \"./data.json\" (default json))"},
      {"export * from './a';",
       "(export-all \"./a\")"},
      {"export * as ns from './a';",
       "(export (* ns) (from \"./a\"))"},
      {"export { a, b as c };",
       "(export a (as b c))"},
      {"export { default, x as \"y-z\" } from './a';",
       "(export default (as x \"y-z\") (from \"./a\"))"},
      {"export { default as x } from './a';",
       "(export (as default x) (from \"./a\"))"},
      {"export type { A, B } from './types';",
       ""},
      {"export { type A, b };",
       "(export b)"},
      {"export type * from './types';",
       ""},
      {"export default 42;",
       "(export-default (num 42))"},
      {"export default function () {}",
       "(export-default (function (params) (body)))"},
      {"export default function named(a) { return a; }",
       "(export-default (function named (params a) (body (return (id a)))))"},
      {"export default async function () {}",
       "(export-default (function async (params) (body)))"},
      {"export default class {}",
       "(export-default (class))"},
      {"export default class Foo extends Bar {}",
       "(export-default (class Foo (extends (id Bar))))"},
      {"export default abstract class Base {}",
       "(export-default (class Base))"},
      {"export default interface Foo { a: string }",
       ""},
      {"export default { a: 1 } satisfies Config;",
       "(export-default (object (prop a (num 1))))"},
      {"export const a = 1, b = 2;",
       "(export-decl (const (decl a (num 1)) (decl b (num 2))))"},
      {"export let c;",
       "(export-decl (let (decl c)))"},
      {"export var d = 3;",
       "(export-decl (var (decl d (num 3))))"},
      {"export function f() {}",
       "(export-decl (function f (params) (body)))"},
      {"export async function g() {}",
       "(export-decl (function async g (params) (body)))"},
      {"export class C {}",
       "(export-decl (class C))"},
      {"export enum E { A, B = 5, C }",
       "(export-decl (enum E A (B (num 5)) C))"},
      {"export const enum CE { X = 'x' }",
       "(export-decl (enum CE (X (str \"x\"))))"},
      {"export declare const x: number;",
       ""},
      {"export interface I { x: number }",
       ""},
      {"export type T = string;",
       ""},
      {"export abstract class A {}",
       "(export-decl (class A))"},
      {"export namespace Types { export type X = 1 }",
       ""},
      {"export as namespace MyLib;",
       ""},
      {"export const { a, b: [c] } = obj;",
       "(export-decl (const (decl (opat (pp a a) (pp b (apat c))) (id obj))))"},
  };
  ExpectCases(std::begin(kCases), std::end(kCases));
}

TEST(Parser, Statements) {
  static const Case kCases[] = {
      {"var a = 1; let b; const c = 2;",
       "(var (decl a (num 1)))\n"
         "(let (decl b))\n"
         "(const (decl c (num 2)))"},
      {"let [x, , y = 1, ...rest] = arr;",
       "(let (decl (apat x hole (= y (num 1)) (... rest)) (id arr)))"},
      {"const { a, b: { c }, d = 4, [\"e\"]: f, ...others } = obj;",
       "(const\n"
         "  (decl\n"
         "    (opat (pp a a) (pp b (opat (pp c c))) (pp d d (num 4)) (pp ([] (str \"e\")) f) (... others))\n"
         "    (id obj)))"},
      {"let x!: number;",
       "(let (decl x))"},
      {"const y: Array<{ a: string }> = [];",
       "(const (decl y (array)))"},
      {"function f(a, b = 1, { c }, [d], ...e) { return; }",
       "(function f (params a (= b (num 1)) (opat (pp c c)) (apat d) (... e)) (body (return)))"},
      {"function* gen() { yield 1; yield; yield* other(); }",
       "(function generator\n"
         "  gen\n"
         "  (params)\n"
         "  (body (expr (yield (num 1))) (expr (yield)) (expr (yield* (call (id other))))))"},
      {"async function af() { await x; }",
       "(function async af (params) (body (expr (await (id x)))))"},
      {"function ov(a: string): void;\n"
         "function ov(a: any) {}",
       "(function ov (params a) (body))"},
      {"if (a) b(); else if (c) d(); else { e(); }",
       "(if (id a) (expr (call (id b))) (if (id c) (expr (call (id d))) (block (expr (call (id e))))))"},
      {"for (;;) {}",
       "(for _ _ _ (block))"},
      {"for (var i = 0; i < 10; i++) {}",
       "(for (var (decl i (num 0))) (< (id i) (num 10)) (x++ (id i)) (block))"},
      {"for (const x of xs) {}",
       "(for-of const x (id xs) (block))"},
      {"for await (const x of xs) {}",
       "(for-of const x (id xs) (block))"},
      {"for (let k in obj) {}",
       "(for-in let k (id obj) (block))"},
      {"for (x.y of z) {}",
       "(for-of (target (. (id x) y)) (id z) (block))"},
      {"for ([a, b] of pairs) {}",
       "(for-of (apat a b) (id pairs) (block))"},
      {"while (x) x--;",
       "(while (id x) (expr (x-- (id x))))"},
      {"do x++; while (x < 5)",
       "(do-while (< (id x) (num 5)) (expr (x++ (id x))))"},
      {"switch (x) { case 1: a(); break; case 2: case 3: b(); default: c(); }",
       "(switch\n"
         "  (id x)\n"
         "  (case (num 1) (expr (call (id a))) (break))\n"
         "  (case (num 2))\n"
         "  (case (num 3) (expr (call (id b))))\n"
         "  (default (expr (call (id c)))))"},
      {"try { a(); } catch (e: unknown) { b(); } finally { c(); }",
       "(try\n"
         "  (block (expr (call (id a))))\n"
         "  (catch e (block (expr (call (id b)))))\n"
         "  (finally (block (expr (call (id c))))))"},
      {"try { a(); } catch { b(); }",
       "(try (block (expr (call (id a)))) (catch _ (block (expr (call (id b))))))"},
      {"outer: for (;;) { inner: while (1) { continue outer; } break; }",
       "(label outer (for _ _ _ (block (label inner (while (num 1) (block (continue outer)))) (break))))"},
      {"throw new Error(\"x\");",
       "(throw (new (id Error) (str \"x\")))"},
      {"{ let a = 1; }",
       "(block (let (decl a (num 1))))"},
      {";;;",
       ""},
      {"debugger;",
       ""},
      {"class A extends B implements I, J<K> {\n"
         "  static count = 0;\n"
         "  #secret = 1;\n"
         "  private readonly name: string;\n"
         "  declare dec: number;\n"
         "  opt?: string;\n"
         "  def!: number;\n"
         "  [key: string]: any;\n"
         "  constructor(private x: number, public y = 2) { super(); this.z = 3; }\n"
         "  get value() { return this.#secret; }\n"
         "  set value(v) {}\n"
         "  static create(): A { return new A(1); }\n"
         "  async *stream() {}\n"
         "  method<T>(a: T): T;\n"
         "  method(a) { return a; }\n"
         "  abstract foo(): void;\n"
         "  ['computed' + 1]() {}\n"
         "  'quoted' = 1;\n"
         "  42() {}\n"
         "}",
       "(class\n"
         "  A\n"
         "  (extends (id B))\n"
         "  (constructor\n"
         "    (function\n"
         "      A\n"
         "      (params x (= y (num 2)))\n"
         "      (body\n"
         "        (expr (call (id super)))\n"
         "        (expr (= (target (. this x)) (id x)))\n"
         "        (expr (= (target (. this y)) (id y)))\n"
         "        (expr (= (target (. this z)) (num 3))))))\n"
         "  (static field count (num 0))\n"
         "  (field \"#secret\" (num 1))\n"
         "  (field name)\n"
         "  (field opt)\n"
         "  (field def)\n"
         "  (get value (function value (params) (body (return (. this \"#secret\")))))\n"
         "  (set value (function value (params v) (body)))\n"
         "  (static method create (function create (params) (body (return (new (id A) (num 1))))))\n"
         "  (method stream (function async generator stream (params) (body)))\n"
         "  (method method (function method (params a) (body (return (id a)))))\n"
         "  (method ([] (+ (str \"computed\") (num 1))) (function (params) (body)))\n"
         "  (field quoted (num 1))\n"
         "  (method \"42\" (function \"42\" (params) (body))))"},
      {"abstract class Shape { abstract area(): number; describe() { return 1; } }",
       "(class Shape (method describe (function describe (params) (body (return (num 1))))))"},
      {"const C = class Named {};",
       "(const (decl C (class Named)))"},
      {"enum Color { Red, Green = \"g\", \"Blue\" = 4, ['x'] = 5 }",
       "(enum Color Red (Green (str \"g\")) (Blue (num 4)) (x (num 5)))"},
      {"declare function df(): void;\n"
         "declare class DC { m(): void; }\n"
         "declare module 'foo' { export const x: number; export function f(): void; }\n"
         "declare global { interface Window { a: string } }\n"
         "declare namespace NS { const y: number; }\n"
         "declare enum DE { A }\n"
         "declare let dl: string;\n"
         "declare var dv: string;\n"
         "declare module 'shorthand';",
       ""},
      {"interface I<T> extends A<T>, B { a: T; b?(): void; readonly c: string; [k: string]: any; new (x: number): I<T>; (y: string): void; get d(): number; set d(v: number); }",
       ""},
      {"type T<K extends string = 'a'> = { [P in K]?: P } & Record<string, unknown>;",
       ""},
      {"namespace Empty {}\n"
         "module Deep.Nested { export interface I {} }",
       ""},
      {"using res = getResource();",
       "test.ts:1:1: error: using declarations are not supported\n"
         " 1 | using res = getResource();\n"
         "   | ^~~~~"},
      {"with (obj) {}",
       "test.ts:1:1: error: with statements are not supported\n"
         " 1 | with (obj) {}\n"
         "   | ^~~~"},
  };
  ExpectCases(std::begin(kCases), std::end(kCases));
}

TEST(Parser, Expressions) {
  static const Case kCases[] = {
      {"a = b ? c : d ? e : f;",
       "(expr (= a (? (id b) (id c) (? (id d) (id e) (id f)))))"},
      {"a || b && c | d ^ e & f == g < h << i + j * k ** l;",
       "(expr\n"
         "  (||\n"
         "    (id a)\n"
         "    (&&\n"
         "      (id b)\n"
         "      (|\n"
         "        (id c)\n"
         "        (^\n"
         "          (id d)\n"
         "          (& (id e) (== (id f) (< (id g) (<< (id h) (+ (id i) (* (id j) (** (id k) (id l)))))))))))))"},
      {"a ** b ** c;",
       "(expr (** (id a) (** (id b) (id c))))"},
      {"(a, b), c;",
       "(expr (seq (id a) (id b) (id c)))"},
      {"x = (1, 2);",
       "(expr (= x (seq (num 1) (num 2))))"},
      {"a?.b;",
       "(expr (?. (id a) b))"},
      {"a?.[0]?.(1).c;",
       "(expr (.~ (call?.~ (?.[] (id a) (num 0)) (num 1)) c))"},
      {"(a?.b).c;",
       "(expr (. (?. (id a) b) c))"},
      {"a?.b!.c;",
       "(expr (.~ (?. (id a) b) c))"},
      {"new a.b.C();",
       "(expr (new (. (. (id a) b) C)))"},
      {"new new X()();",
       "(expr (new (new (id X))))"},
      {"new X().y;",
       "(expr (. (new (id X)) y))"},
      {"!a; -a; +a; ~a; typeof a; void a; delete a.b;",
       "(expr (! (id a)))\n"
         "(expr (- (id a)))\n"
         "(expr (+ (id a)))\n"
         "(expr (~ (id a)))\n"
         "(expr (typeof (id a)))\n"
         "(expr (void (id a)))\n"
         "(expr (delete (. (id a) b)))"},
      {"++a; --a; a++; a--;",
       "(expr (++x (id a)))\n"
         "(expr (--x (id a)))\n"
         "(expr (x++ (id a)))\n"
         "(expr (x-- (id a)))"},
      {"a\n"
         "++b",
       "(expr (id a))\n"
         "(expr (++x (id b)))"},
      {"x = a\n"
         "(b)",
       "(expr (= x (call (id a) (id b))))"},
      {"x = { a, b: 1, 'c': 2, 3: 4, 1.5: 5, [d]: 6, ...e, f() {}, get g() { return 1; }, set g(v) {}, async h() {}, *i() {}, async *j() {}, get: 1, set() {}, async: 2 };",
       "(expr\n"
         "  (=\n"
         "    x\n"
         "    (object\n"
         "      (shorthand a)\n"
         "      (prop b (num 1))\n"
         "      (prop c (num 2))\n"
         "      (prop \"3\" (num 4))\n"
         "      (prop \"1.5\" (num 5))\n"
         "      (prop ([] (id d)) (num 6))\n"
         "      (spread (id e))\n"
         "      (method f (function f (params) (body)))\n"
         "      (get g (function g (params) (body (return (num 1)))))\n"
         "      (set g (function g (params v) (body)))\n"
         "      (method h (function async h (params) (body)))\n"
         "      (method i (function generator i (params) (body)))\n"
         "      (method j (function async generator j (params) (body)))\n"
         "      (prop get (num 1))\n"
         "      (method set (function set (params) (body)))\n"
         "      (prop async (num 2)))))"},
      {"x = [1, , 2, ...y,];",
       "(expr (= x (array (num 1) hole (num 2) (spread (id y)))))"},
      {"f(a, ...b, c,);",
       "(expr (call (id f) (id a) (spread (id b)) (id c)))"},
      {"x = `a${b}c${d}e`;",
       "(expr (= x (template \"a\" (id b) \"c\" (id d) \"e\")))"},
      {"x = sql`select ${a} from ${b}`;",
       "(expr (= x (tagged (id sql) (template \"select \" (id a) \" from \" (id b) \"\"))))"},
      {"x = String.raw`\\n${1}`;",
       "(expr (= x (tagged (. (id String) raw) (template \"\\n\":raw\"\\\\n\" (num 1) \"\"))))"},
      {"x = /ab+c/gi;",
       "(expr (= x (regexp \"ab+c\" \"gi\")))"},
      {"x = a / b / c;",
       "(expr (= x (/ (/ (id a) (id b)) (id c))))"},
      {"x = function () {};",
       "(expr (= x (function (params) (body))))"},
      {"x = function named(a) { return a; };",
       "(expr (= x (function named (params a) (body (return (id a))))))"},
      {"x = async function* () {};",
       "(expr (= x (function async generator (params) (body))))"},
      {"x = () => {};",
       "(expr (= x (arrow (params) (body))))"},
      {"x = (a, b) => a + b;",
       "(expr (= x (arrow (params a b) (+ (id a) (id b)))))"},
      {"x = a => b => c;",
       "(expr (= x (arrow (params a) (arrow (params b) (id c)))))"},
      {"x = async () => {};",
       "(expr (= x (arrow async (params) (body))))"},
      {"x = async a => a;",
       "(expr (= x (arrow async (params a) (id a))))"},
      {"x = async (a) => a;",
       "(expr (= x (arrow async (params a) (id a))))"},
      {"x = async(a);",
       "(expr (= x (call (id async) (id a))))"},
      {"x = async;",
       "(expr (= x (id async)))"},
      {"x = ({ a }) => a;",
       "(expr (= x (arrow (params (opat (pp a a))) (id a))))"},
      {"x = ([a, b] = []) => a;",
       "(expr (= x (arrow (params (= (apat a b) (array))) (id a))))"},
      {"x = (...args) => args;",
       "(expr (= x (arrow (params (... args)) (id args))))"},
      {"x = () => ({ a: 1 });",
       "(expr (= x (arrow (params) (object (prop a (num 1))))))"},
      {"x = (a: number, b?: string): void => {};",
       "(expr (= x (arrow (params a b) (body))))"},
      {"x = <T,>(a: T): T => a;",
       "(expr (= x (arrow (params a) (id a))))"},
      {"x = <T extends object>(a: T) => a;",
       "(expr (= x (arrow (params a) (id a))))"},
      {"x = (a): a is string => true;",
       "(expr (= x (arrow (params a) (id true))))"},
      {"x = async <T>(a: T): Promise<T> => a;",
       "(expr (= x (arrow async (params a) (id a))))"},
      {"x = y as unknown as string;",
       "(expr (= x (id y)))"},
      {"x = y as const;",
       "(expr (= x (id y)))"},
      {"x = y satisfies Z;",
       "(expr (= x (id y)))"},
      {"x = y!;",
       "(expr (= x (id y)))"},
      {"x = y!.z!;",
       "(expr (= x (. (id y) z)))"},
      {"x = <any>y;",
       "(expr (= x (id y)))"},
      {"x = f<string>(y);",
       "(expr (= x (call (id f) (id y))))"},
      {"x = f<A, B<C>>(y);",
       "(expr (= x (call (id f) (id y))))"},
      {"x = new Map<string, Array<number>>();",
       "(expr (= x (new (id Map))))"},
      {"x = t.$type<Foo>().notNull();",
       "(expr (= x (call (. (call (. (id t) $type)) notNull))))"},
      {"x = sql<number>`count(*)`;",
       "(expr (= x (tagged (id sql) (template \"count(*)\"))))"},
      {"x = f<T>;",
       "(expr (= x (id f)))"},
      {"x = a < b && c > d;",
       "(expr (= x (&& (< (id a) (id b)) (> (id c) (id d)))))"},
      {"x = a < b > c;",
       "(expr (= x (> (< (id a) (id b)) (id c))))"},
      {"x = a < (b > c);",
       "(expr (= x (< (id a) (> (id b) (id c)))))"},
      {"x = f < T > (y);",
       "(expr (= x (call (id f) (id y))))"},
      {"x = obj.class.for.new;",
       "(expr (= x (. (. (. (id obj) class) for) new)))"},
      {"x = typeof import.meta;",
       "test.ts:1:12: error: import.meta is not supported\n"
         " 1 | x = typeof import.meta;\n"
         "   |            ^~~~~~"},
      {"x = `\\u{1F600}`;",
       "(expr (= x (template \"😀\":raw\"\\\\u{1F600}\")))"},
      {"x = this.a;",
       "(expr (= x (. this a)))"},
      {"super.x();",
       "(expr (call (. (id super) x)))"},
      {"x = a in b;",
       "(expr (= x (in (id a) (id b))))"},
      {"x = a instanceof B;",
       "(expr (= x (instanceof (id a) (id B))))"},
      {"x = true || false || null || undefined;",
       "(expr (= x (|| (|| (|| (id true) (id false)) (id null)) (id undefined))))"},
      {"x = 1n + 0xFFn;",
       "(expr (= x (+ (bigint 1) (bigint 255))))"},
      {"x ||= y; x &&= y; x ?\?= y; x += 1; x -= 1; x *= 1; x /= 1; x %= 1; x **= 1; x <<= 1; x >>= 1; x >>>= 1; x &= 1; x |= 1; x ^= 1;",
       "(expr (||= x (id y)))\n"
         "(expr (&&= x (id y)))\n"
         "(expr (?\?= x (id y)))\n"
         "(expr (+= x (num 1)))\n"
         "(expr (-= x (num 1)))\n"
         "(expr (*= x (num 1)))\n"
         "(expr (/= x (num 1)))\n"
         "(expr (%= x (num 1)))\n"
         "(expr (**= x (num 1)))\n"
         "(expr (<<= x (num 1)))\n"
         "(expr (>>= x (num 1)))\n"
         "(expr (>>>= x (num 1)))\n"
         "(expr (&= x (num 1)))\n"
         "(expr (|= x (num 1)))\n"
         "(expr (^= x (num 1)))"},
      {"[a, [b], { c }] = d;",
       "(expr (= (apat a (apat b) (opat (pp c c))) (id d)))"},
      {"({ a: x.y, b = 2, ...c } = d);",
       "(expr (= (opat (pp a (target (. (id x) y))) (pp b b (num 2)) (... c)) (id d)))"},
      {"[...a.b] = c;",
       "(expr (= (apat (... (target (. (id a) b)))) (id c)))"},
      {"x = a ? (b) : c;",
       "(expr (= x (? (id a) (id b) (id c))))"},
      {"x = a ? (b) : (c) => d;",
       "(expr (= x (? (id a) (id b) (arrow (params c) (id d)))))"},
      {"x = a ? (b): c => d : e;",
       "(expr (= x (? (id a) (arrow (params b) (id d)) (id e))))"},
  };
  ExpectCases(std::begin(kCases), std::end(kCases));
}

}  // namespace
}  // namespace dp::ts
