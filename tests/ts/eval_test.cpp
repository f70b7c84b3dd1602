// Evaluator semantics: values, operators and coercions, scopes, functions, classes,
// destructuring, control flow, templates. Each case evaluates a tiny module and compares
// the printed result (Inspect of the default export, or console output).
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace dp::ts {
namespace {

using testing::Eval;
using testing::Output;

TEST(EvalTest, Literals) {
  EXPECT_EQ(Eval("1 + 2"), "3");
  EXPECT_EQ(Eval("'a' + 1"), "'a1'");
  EXPECT_EQ(Eval("[1, 'x', null, undefined, true]"), "[ 1, 'x', null, undefined, true ]");
  EXPECT_EQ(Eval("({ a: 1, 'b-c': [2], d: { e: 3 } })"), "{ a: 1, 'b-c': [ 2 ], d: { e: 3 } }");
  EXPECT_EQ(Eval("123n"), "123n");
  EXPECT_EQ(Eval("0.1 + 0.2"), "0.30000000000000004");
  EXPECT_EQ(Eval("[1e21, 1e-7, 123456789012, -0, 1/3, 5e-324]"),
            "[ 1e+21, 1e-7, 123456789012, -0, 0.3333333333333333, 5e-324 ]");
  EXPECT_EQ(Eval("[, 1]"), "[ undefined, 1 ]");
  EXPECT_EQ(Eval("({ 2: 'b', a: 1, 1: 'a' })"), "{ 1: 'a', 2: 'b', a: 1 }");
}

TEST(EvalTest, Arithmetic) {
  EXPECT_EQ(Eval("[7 % 3, -7 % 3, 2 ** 10, 7 / 2, 1 / 0, -1 / 0, 0 / 0]"),
            "[ 1, -1, 1024, 3.5, Infinity, -Infinity, NaN ]");
  EXPECT_EQ(Eval("[5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 31, -8 >> 1, -8 >>> 28]"), "[ 1, 7, 6, -6, -2147483648, -4, 15 ]");
  EXPECT_EQ(Eval("[10n + 5n, 10n * 3n, 7n / 2n, -7n % 3n, 2n ** 64n]"), "[ 15n, 30n, 3n, -1n, 18446744073709551616n ]");
  EXPECT_EQ(Eval("[+'42', +'', +' 12 ', +'0x1f', +'1e3', +'abc', -'3']"), "[ 42, 0, 12, 31, 1000, NaN, -3 ]");
}

TEST(EvalTest, StringConcatAndCoercion) {
  EXPECT_EQ(Eval("'a' + null + undefined + true + 1.5"), "'anullundefinedtrue1.5'");
  EXPECT_EQ(Eval("1 + 2 + '3'"), "'33'");
  EXPECT_EQ(Eval("[] + {}"), "'[object Object]'");
  EXPECT_EQ(Eval("[1, [2, 3]] + ''"), "'1,2,3'");
  EXPECT_EQ(Eval("'' + { toString() { return 'x'; } }"), "'x'");
  EXPECT_EQ(Eval("1 + { valueOf() { return 2; } }"), "3");
  EXPECT_EQ(Eval("`a${1}b${'c'}${[1, 2]}`"), "'a1bc1,2'");
  EXPECT_EQ(Eval("String(123) + String(null) + String([1,2])"), "'123null1,2'");
}

TEST(EvalTest, Equality) {
  EXPECT_EQ(Eval("[1 == '1', 0 == '', null == undefined, null == 0, NaN == NaN, '1' === 1, [] == false]"),
            "[ true, true, true, false, false, false, true ]");
  EXPECT_EQ(Eval("[1n == 1, 1n === 1, 'a' < 'b', '10' < '9']"), "[ true, false, true, true ]");
  // `a < b, c >= d` in a list is two comparisons, not type arguments.
  EXPECT_EQ(Eval("[10 < 9, '10' < 9, null >= 0, undefined < 1, NaN <= NaN, 2n > 1]"),
            "[ false, false, true, false, false, true ]");
  EXPECT_EQ(Eval("[1 < 2, 3 > 4, Math.max(1 < 2 ? 5 : 6, 7 > 8 ? 9 : 10)]"), "[ true, false, 10 ]");
  EXPECT_EQ(Eval("[typeof 1, typeof 'a', typeof null, typeof undefined, typeof {}, typeof (() => 1), typeof 1n, "
                 "typeof notDeclared]"),
            "[ 'number', 'string', 'object', 'undefined', 'object', 'function', 'bigint', 'undefined' ]");
  EXPECT_EQ(Eval("['a' in { a: 1 }, 'b' in { a: 1 }, 0 in [5], 'length' in [], 'toString' in {}]"),
            "[ true, false, true, true, true ]");
  EXPECT_EQ(Eval("[[] instanceof Array, [] instanceof Object, ({}) instanceof Array, new Date(0) instanceof Date]"),
            "[ true, true, false, true ]");
}

TEST(EvalTest, LogicalAndNullish) {
  EXPECT_EQ(Eval("[0 || 'a', 1 && 'b', null ?? 'c', 0 ?? 'd', '' && 'e', undefined ?? null ?? 3]"),
            "[ 'a', 'b', 'c', 0, '', 3 ]");
  EXPECT_EQ(Output("let a = null; a ?\?= 1; let b = 0; b ||= 2; let c = 1; c &&= 3; let d = 5; d ?\?= 9;"
                   "const o = { x: 0 }; o.x ||= 7; o.y ?\?= 8; console.log(a, b, c, d, o)"),
            "1 2 3 5 { x: 7, y: 8 }\n");
  EXPECT_EQ(Output("let calls = 0; const f = () => ++calls; let x = 1; x ||= f(); x ?\?= f(); console.log(x, calls)"),
            "1 0\n");
}

TEST(EvalTest, CompoundAssignmentAndUpdate) {
  EXPECT_EQ(Output("let i = 1; i += 2; i *= 3; i -= 1; i /= 2; i **= 2; i %= 7; console.log(i, i++, i, ++i, i--, --i)"),
            "2 2 3 4 4 2\n");
  EXPECT_EQ(Output("const o = { n: 1 }; o.n++; o['n'] += 10; const a = [1]; a[0] <<= 3; console.log(o.n, a)"),
            "12 [ 8 ]\n");
  EXPECT_EQ(Output("let s = 'a'; s += 1; s += null; console.log(s)"), "a1null\n");
}

TEST(EvalTest, OptionalChaining) {
  EXPECT_EQ(Eval("[null?.a, undefined?.a.b.c, ({ a: { b: 1 } })?.a?.b, ({})?.a?.b]"), "[ undefined, undefined, 1, undefined ]");
  EXPECT_EQ(Eval("[null?.(), ({ f() { return 2; } }).f?.(), ({}).g?.(), null?.[0], [1]?.[0]]"),
            "[ undefined, 2, undefined, undefined, 1 ]");
  EXPECT_EQ(Output("let n = 0; const o = null; o?.x(n++); o?.[n++]; console.log(n)"), "0\n");
  EXPECT_EQ(Eval("({ a: { f() { return this.v; }, v: 7 } }).a?.f()"), "7");
}

TEST(EvalTest, ScopesAndClosures) {
  EXPECT_EQ(Eval("(() => { let x = 1; { let x = 2; } return x; })()"), "1");
  EXPECT_EQ(Eval("(() => { var x = 1; { var x = 2; } return x; })()"), "2");
  EXPECT_EQ(Output("const fs = []; for (let i = 0; i < 3; i++) fs.push(() => i); console.log(fs.map((f) => f()))"),
            "[ 0, 1, 2 ]\n");
  EXPECT_EQ(Output("const fs = []; for (var i = 0; i < 3; i++) fs.push(() => i); console.log(fs.map((f) => f()))"),
            "[ 3, 3, 3 ]\n");
  EXPECT_EQ(Output("function counter() { let n = 0; return { inc: () => ++n, get: () => n }; }"
                   "const c = counter(); c.inc(); c.inc(); console.log(c.get())"),
            "2\n");
  EXPECT_EQ(Eval("hoisted(); function hoisted() { return 1; } export default hoisted()"), "1");
  EXPECT_EQ(Eval("(() => { return typeof v; var v = 1; })()"), "'undefined'");
  EXPECT_EQ(Eval("(function f(n) { return n <= 1 ? 1 : n * f(n - 1); })(5)"), "120");
}

TEST(EvalTest, Functions) {
  EXPECT_EQ(Eval("((a, b = a + 1, ...rest) => [a, b, rest])(1)"), "[ 1, 2, [] ]");
  EXPECT_EQ(Eval("((a, b = a + 1, ...rest) => [a, b, rest])(1, undefined, 3, 4)"), "[ 1, 2, [ 3, 4 ] ]");
  EXPECT_EQ(Eval("(({ a, b: { c } = { c: 5 } }, [d, , e = 9]) => [a, c, d, e])({ a: 1 }, [2, 3])"), "[ 1, 5, 2, 9 ]");
  EXPECT_EQ(Eval("Math.max(...[1, 5, 3], ...new Set([9]))"), "9");
  EXPECT_EQ(Eval("(function () { return arguments.length; })(1, 2, 3)"), "3");
  EXPECT_EQ(Eval("[function named() {}.name, (() => {}).name, ((a, b) => a).length]"), "[ 'named', '', 2 ]");
  EXPECT_EQ(Eval("(() => { const f = () => 1; const g = function () {}; return [f.name, g.name]; })()"), "[ 'f', 'g' ]");
  EXPECT_EQ(Eval("({ m() { return this.v; }, v: 3 }).m()"), "3");
  EXPECT_EQ(Eval("(function () { return this; }).call(5)"), "5");
  EXPECT_EQ(Eval("(function (a, b) { return [this.x, a, b]; }).apply({ x: 1 }, [2, 3])"), "[ 1, 2, 3 ]");
  EXPECT_EQ(Eval("(function (a, b) { return [this.x, a, b]; }).bind({ x: 1 }, 2)(3)"), "[ 1, 2, 3 ]");
  EXPECT_EQ(Eval("({ v: 1, f() { return [1].map(() => this.v); } }).f()"), "[ 1 ]");
}

TEST(EvalTest, GettersSetters) {
  EXPECT_EQ(Output("const o = { _v: 1, get v() { return this._v * 2; }, set v(x) { this._v = x; } };"
                   "o.v = 5; console.log(o.v, o)"),
            "10 { _v: 5, v: [Getter/Setter] }\n");
  EXPECT_EQ(Output("const o = {}; Object.defineProperty(o, 'x', { get() { return 42; }, enumerable: false });"
                   "console.log(o.x, Object.keys(o))"),
            "42 []\n");
}

TEST(EvalTest, Destructuring) {
  EXPECT_EQ(Output("const { a, b: [c, ...d], e = 5, ...rest } = { a: 1, b: [2, 3, 4], f: 6, g: 7 };"
                   "console.log(a, c, d, e, rest)"),
            "1 2 [ 3, 4 ] 5 { f: 6, g: 7 }\n");
  EXPECT_EQ(Output("let x, y; [x, y] = [1, 2]; [x, y] = [y, x]; console.log(x, y)"), "2 1\n");
  EXPECT_EQ(Output("const o = {}; ({ a: o.p, b: o['q'] = 4 } = { a: 3 }); console.log(o)"), "{ p: 3, q: 4 }\n");
  EXPECT_EQ(Output("for (const [k, v] of Object.entries({ a: 1, b: 2 })) console.log(k, v)"), "a 1\nb 2\n");
  EXPECT_EQ(Output("for (const { n } of [{ n: 1 }, { n: 2 }]) console.log(n)"), "1\n2\n");
  EXPECT_EQ(Output("const [a, b] = 'hi'; const [m] = new Map([[1, 2]]); console.log(a, b, m)"), "h i [ 1, 2 ]\n");
}

TEST(EvalTest, Spread) {
  EXPECT_EQ(Eval("[...[1, 2], ...'ab', ...new Set([3])]"), "[ 1, 2, 'a', 'b', 3 ]");
  EXPECT_EQ(Eval("({ ...{ a: 1, b: 2 }, b: 3, ...null, ...[9] })"), "{ 0: 9, a: 1, b: 3 }");
  EXPECT_EQ(Eval("((...a) => a.length)(...[1, 2], 3)"), "3");
}

TEST(EvalTest, ControlFlow) {
  EXPECT_EQ(Output("for (let i = 0; i < 5; i++) { if (i === 1) continue; if (i === 3) break; console.log(i); }"),
            "0\n2\n");
  EXPECT_EQ(Output("let i = 0; while (true) { if (++i > 2) break; } do { i++; } while (i < 5); console.log(i)"), "5\n");
  EXPECT_EQ(Output("outer: for (const a of [1, 2]) { for (const b of [1, 2]) { if (b === 2) continue outer;"
                   "if (a === 2) break outer; console.log(a, b); } }"),
            "1 1\n");
  EXPECT_EQ(Output("block: { console.log(1); break block; console.log(2); } console.log(3)"), "1\n3\n");
  EXPECT_EQ(Output("for (const k in { a: 1, b: 2 }) console.log(k); for (const i in ['x']) console.log(typeof i)"),
            "a\nb\nstring\n");
  EXPECT_EQ(Output("for (const c of 'hé') console.log(c); for (const [k, v] of new Map([['a', 1]])) console.log(k, v)"),
            "h\né\na 1\n");
  EXPECT_EQ(Output("for (const v of new Set([1, 1, 2])) console.log(v)"), "1\n2\n");
}

TEST(EvalTest, Switch) {
  const char* program =
      "function f(x) { switch (x) { case 1: return 'one'; case 2: case 3: return 'few';"
      "default: return 'many'; case 'a': { let y = 'A'; return y; } } }"
      "export default [f(1), f(2), f(3), f(9), f('a')]";
  EXPECT_EQ(Eval(program), "[ 'one', 'few', 'few', 'many', 'A' ]");
  EXPECT_EQ(Output("switch (2) { case 1: console.log(1); case 2: console.log(2); case 3: console.log(3); break;"
                   "case 4: console.log(4); }"),
            "2\n3\n");
}

TEST(EvalTest, TryCatchFinally) {
  EXPECT_EQ(Output("try { throw new Error('boom'); } catch (e) { console.log(e.message, e instanceof Error); }"
                   "finally { console.log('finally'); }"),
            "boom true\nfinally\n");
  EXPECT_EQ(Eval("(() => { try { return 1; } finally { console.log('f'); } })()"), "1");
  EXPECT_EQ(Eval("(() => { try { throw 1; } catch { return 2; } finally { } })()"), "2");
  EXPECT_EQ(Eval("(() => { try { return 1; } finally { return 3; } })()"), "3");
  EXPECT_EQ(Eval("(() => { try { null.x; } catch (e) { return [e.name, e.message]; } })()"),
            "[ 'TypeError', \"cannot read properties of null (reading 'x')\" ]");
  EXPECT_EQ(Eval("(() => { try { undefinedThing; } catch ({ name }) { return name; } })()"), "'ReferenceError'");
  EXPECT_EQ(Output("for (const i of [1, 2]) { try { if (i === 1) continue; console.log(i); } finally { console.log('f' + i); } }"),
            "f1\n2\nf2\n");
}

TEST(EvalTest, Classes) {
  const char* program =
      "class A { static count = 0; x = 1; constructor(y) { this.y = y; A.count++; }"
      "  get sum() { return this.x + this.y; } m() { return 'A.m'; } static make() { return new A(10); } }"
      "class B extends A { z = this.x + 1; constructor() { super(5); } m() { return 'B>' + super.m(); } }"
      "const b = new B(); const a = A.make();"
      "export default [b.sum, b.z, b.m(), a.sum, A.count, b instanceof A, Object.keys(b), B.name, typeof A]";
  EXPECT_EQ(Eval(program), "[ 6, 2, 'B>A.m', 11, 2, true, [ 'x', 'y', 'z' ], 'B', 'function' ]");
  EXPECT_EQ(Eval("class P { constructor(n) { this.n = n; } } class Q extends P {} export default new Q(3).n"), "3");
  EXPECT_EQ(Eval("class E extends Error { constructor(m) { super(m); this.name = 'E'; } }"
                 "export default (() => { try { throw new E('bad'); } catch (e) { return [e.name, e.message, e instanceof E, e instanceof Error]; } })()"),
            "[ 'E', 'bad', true, true ]");
  EXPECT_EQ(Eval("function F(a) { this.a = a; } F.prototype.get = function () { return this.a; };"
                 "export default new F(4).get()"),
            "4");
  EXPECT_EQ(Eval("class C { #p = 1; get p() { return this.#p; } } export default new C().p"), "1");
}

TEST(EvalTest, Enums) {
  EXPECT_EQ(Eval("enum Color { Red, Green = 5, Blue } export default Color"),
            "{ 0: 'Red', 5: 'Green', 6: 'Blue', Red: 0, Green: 5, Blue: 6 }");
  EXPECT_EQ(Eval("enum S { A = 'a', B = 'b' } export default [S.A, S, Object.values(S)]"),
            "[ 'a', { A: 'a', B: 'b' }, [ 'a', 'b' ] ]");
  EXPECT_EQ(Eval("const enum K { X = 1 << 2, Y = X | 1 } export default K.Y"), "5");
}

TEST(EvalTest, TaggedTemplates) {
  EXPECT_EQ(Eval("((s, ...v) => [s, s.raw, v, Object.isFrozen(s)])`a${1}b\\n${'x'}`"),
            "[ [ 'a', 'b\\n', '' ], [ 'a', 'b\\\\n', '' ], [ 1, 'x' ], true ]");
  EXPECT_EQ(Eval("String.raw`a\\n${1}`"), "'a\\\\n1'");
  EXPECT_EQ(Eval("(() => { const t = (s) => s; const f = () => t`x`; return f() === f(); })()"), "true");
  EXPECT_EQ(Eval("({ v: 2, tag(s, x) { return this.v + x; } }).tag`${3}`"), "5");
}

TEST(EvalTest, AsyncAwait) {
  EXPECT_EQ(Eval("const f = async () => 5; export default await f()"), "5");
  EXPECT_EQ(Eval("export default await Promise.resolve(3)"), "3");
  EXPECT_EQ(Eval("const p = Promise.all([1, Promise.resolve(2)]); export default await p"), "[ 1, 2 ]");
  EXPECT_EQ(Eval("async function g() { throw new Error('x'); }"
                 "export default await g().catch((e) => 'caught ' + e.message)"),
            "'caught x'");
  EXPECT_EQ(Eval("export default await new Promise((resolve) => resolve(7)).then((v) => v * 2)"), "14");
  EXPECT_EQ(Eval("export default await new Promise((resolve) => setTimeout(resolve, 10))"),
            "main.ts:1:16: error: awaited a promise that never settles (timers and I/O do not run during evaluation)\n"
            " 1 | export default await new Promise((resolve) => setTimeout(resolve, 10))\n"
            "   |                ^" + std::string(54, '~') + "\n");
}

TEST(EvalTest, Labels) {
  EXPECT_EQ(Output("a: for (let i = 0; i < 3; i++) { b: for (let j = 0; j < 3; j++) { if (j === 1) continue a;"
                   "if (i === 2) break a; console.log(i, j); } }"),
            "0 0\n1 0\n");
}

TEST(EvalTest, Getters) {
  EXPECT_EQ(Eval("[[1, 2, 3].length, 'héllo'.length, '😀'.length, (function (a, b) {}).length]"), "[ 3, 5, 2, 2 ]");
}


TEST(EvalTest, SuperInObjectLiterals) {
  EXPECT_EQ(Eval("const base = { greet() { return 'base'; } };"
                 "const o = { __proto__: base, greet() { return 'o>' + super.greet(); } }; export default o.greet()"),
            "'o>base'");
  EXPECT_EQ(Eval("class A { static who() { return 'A'; } } class B extends A { static who() { return 'B' + super.who(); } }"
                 "export default B.who()"),
            "'BA'");
  EXPECT_EQ(Eval("class A { get v() { return 1; } } class B extends A { get v() { return super.v + 1; } } export default new B().v"),
            "2");
}

TEST(EvalTest, ClassEdgeCases) {
  EXPECT_EQ(Eval("class A { constructor() { return { custom: true }; } } export default new A()"), "{ custom: true }");
  EXPECT_EQ(Eval("const C = class Named { who() { return Named.name; } }; export default [C.name, new C().who()]"),
            "[ 'Named', 'Named' ]");
  EXPECT_EQ(Eval("class A { ['dyn' + 1]() { return 1; } static ['s']() { return 2; } } export default [new A().dyn1(), A.s()]"),
            "[ 1, 2 ]");
  EXPECT_EQ(Eval("class A { handler = () => this.v; v = 3; } const { handler } = new A(); export default handler()"), "3");
  EXPECT_EQ(Eval("class A {} export default (() => { try { A(); } catch (e) { return e.message; } })()"),
            "\"class constructor A cannot be invoked without 'new'\"");
  EXPECT_EQ(Eval("class M extends Map { get first() { return [...this.keys()][0]; } } export default new M([['a', 1]]).first"),
            "'a'");
  EXPECT_EQ(Eval("class A { static #count = 0; static inc() { return ++A.#count; } } A.inc(); export default A.inc()"), "2");
}

TEST(EvalTest, IdentifiersAndGlobals) {
  EXPECT_EQ(Eval("[typeof crypto, typeof Buffer, typeof globalThis.process, typeof require, typeof module]"),
            "[ 'object', 'object', 'object', 'function', 'undefined' ]");
  EXPECT_EQ(Eval("globalThis.answer = 42; export default answer"), "42");
  EXPECT_EQ(Eval("const undefined_ = undefined; export default [undefined_ === void 0, NaN !== NaN, Infinity > 1e308]"),
            "[ true, true, true ]");
}

TEST(EvalTest, DeleteAndIn) {
  EXPECT_EQ(Output("const o = { a: 1, b: 2 }; delete o.a; delete o['zz']; const a = [1, 2, 3]; delete a[1];"
                   "console.log(o, a, 'a' in o, 1 in a)"),
            "{ b: 2 } [ 1, undefined, 3 ] false true\n");
}

TEST(EvalTest, NumbersAsKeys) {
  EXPECT_EQ(Eval("(() => { const o = {}; o[1] = 'a'; o[1.5] = 'b'; o[-0] = 'c'; o['01'] = 'd'; return o; })()"),
            "{ 0: 'c', 1: 'a', '1.5': 'b', '01': 'd' }");
  EXPECT_EQ(Eval("(() => { const a = []; a[2] = 'x'; a['1'] = 'y'; return [a, a.length]; })()"),
            "[ [ undefined, 'y', 'x' ], 3 ]");
}

TEST(EvalTest, ExceptionsThroughNatives) {
  EXPECT_EQ(Eval("(() => { try { [1, 2].map((x) => { if (x === 2) throw new Error('in map'); return x; }); }"
                 "catch (e) { return e.message; } })()"),
            "'in map'");
  EXPECT_EQ(Eval("(() => { try { JSON.stringify({ get x() { throw new RangeError('getter'); } }); }"
                 "catch (e) { return e instanceof RangeError; } })()"),
            "true");
  EXPECT_EQ(Eval("(() => { let n = 0; try { [3, 1, 2].sort((a, b) => { if (++n > 1) throw 'stop'; return a - b; }); }"
                 "catch (e) { return [e, n]; } })()"),
            "[ 'stop', 2 ]");
}

TEST(EvalTest, ParameterPropertiesAndTypesAreErased) {
  EXPECT_EQ(Eval("class P { constructor(public readonly x: number, private y = 2) {} sum(): number { return this.x + this.y; } }"
                 "const p = new P(1) as P; export default [p.sum(), p!.x, (p satisfies P).x, <number>p.x]"),
            "[ 3, 1, 1, 1 ]");
  EXPECT_EQ(Eval("function id<T>(x: T): T { return x; } type A = { a: string }; interface B {} declare const d: number;"
                 "export default id<string>('s')"),
            "'s'");
}

}  // namespace
}  // namespace dp::ts
