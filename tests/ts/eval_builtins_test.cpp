// Builtins: Object, Array, String, RegExp, JSON, Math, Number, Date, Map/Set, Symbol,
// Promise, console and globals.
#include <gtest/gtest.h>

#include "eval_test_util.h"

namespace dp::ts {
namespace {

using testing::Eval;
using testing::Output;

TEST(EvalBuiltinsTest, Object) {
  EXPECT_EQ(Eval("Object.keys({ b: 1, a: 2, 1: 3 })"), "[ '1', 'b', 'a' ]");
  EXPECT_EQ(Eval("Object.values({ a: 1, b: [2] })"), "[ 1, [ 2 ] ]");
  EXPECT_EQ(Eval("Object.entries({ a: 1, b: 2 })"), "[ [ 'a', 1 ], [ 'b', 2 ] ]");
  EXPECT_EQ(Eval("Object.fromEntries([['a', 1], ['b', 2]])"), "{ a: 1, b: 2 }");
  EXPECT_EQ(Eval("Object.fromEntries(new Map([['k', 'v']]))"), "{ k: 'v' }");
  EXPECT_EQ(Eval("Object.assign({ a: 1 }, { b: 2 }, null, { a: 3 })"), "{ a: 3, b: 2 }");
  EXPECT_EQ(Output("const o = Object.freeze({ a: 1, n: { m: 1 } }); o.a = 2; o.b = 3; o.n.m = 2; delete o.a;"
                   "console.log(o, Object.isFrozen(o), Object.isFrozen({}))"),
            "{ a: 1, n: { m: 2 } } true false\n");
  EXPECT_EQ(Eval("Object.getPrototypeOf(Object.create({ x: 1 })).x"), "1");
  EXPECT_EQ(Eval("(() => { const o = Object.create(null); o.a = 1; return [Object.keys(o), 'toString' in o]; })()"),
            "[ [ 'a' ], false ]");
  EXPECT_EQ(Eval("[({ a: 1 }).hasOwnProperty('a'), Object.hasOwn({}, 'toString'), Object.is(NaN, NaN), Object.is(0, -0)]"),
            "[ true, false, true, false ]");
  EXPECT_EQ(Eval("Object.keys('ab')"), "[ '0', '1' ]");
  EXPECT_EQ(Eval("Object.getOwnPropertyNames([1])"), "[ '0', 'length' ]");
  EXPECT_EQ(Eval("String({})"), "'[object Object]'");
  EXPECT_EQ(Eval("Object.prototype.toString.call([])"), "'[object Array]'");
  EXPECT_EQ(Eval("Object.groupBy([1, 2, 3], (x) => (x % 2 ? 'odd' : 'even'))"),
            "[Object: null prototype] { odd: [ 1, 3 ], even: [ 2 ] }");
}

TEST(EvalBuiltinsTest, Array) {
  EXPECT_EQ(Eval("[1, 2, 3].map((x, i) => x * i)"), "[ 0, 2, 6 ]");
  EXPECT_EQ(Eval("[1, 2, 3, 4].filter((x) => x % 2)"), "[ 1, 3 ]");
  EXPECT_EQ(Eval("[1, 2, 3].reduce((a, b) => a + b)"), "6");
  EXPECT_EQ(Eval("[1, 2, 3].reduce((a, b) => a + b, 10)"), "16");
  EXPECT_EQ(Eval("[[1, 2], [3]].reduceRight((a, b) => a.concat(b), [])"), "[ 3, 1, 2 ]");
  EXPECT_EQ(Eval("[[1, 5].find((x) => x > 1), [1].find((x) => x > 1), [1, 5].findIndex((x) => x > 1), [1].findLast(() => true)]"),
            "[ 5, undefined, 1, 1 ]");
  EXPECT_EQ(Eval("[[1, 2].some((x) => x > 1), [1, 2].every((x) => x > 1), [1, NaN].includes(NaN), [1, NaN].indexOf(NaN)]"),
            "[ true, false, true, -1 ]");
  EXPECT_EQ(Eval("[1, 2, 3].join('-') + [null, undefined, 1].join()"), "'1-2-3,,1'");
  EXPECT_EQ(Eval("[1, 2].concat([3], 4, [[5]])"), "[ 1, 2, 3, 4, [ 5 ] ]");
  EXPECT_EQ(Eval("[[1, 2, 3, 4].slice(1, -1), [1, 2, 3].slice(-2), [1, 2].slice()]"), "[ [ 2, 3 ], [ 2, 3 ], [ 1, 2 ] ]");
  EXPECT_EQ(Output("const a = [1, 2, 3, 4]; const r = a.splice(1, 2, 'x', 'y', 'z'); console.log(a, r)"),
            "[ 1, 'x', 'y', 'z', 4 ] [ 2, 3 ]\n");
  EXPECT_EQ(Output("const a = [1]; a.push(2, 3); a.unshift(0); const p = a.pop(); const s = a.shift(); console.log(a, p, s)"),
            "[ 1, 2 ] 3 0\n");
  EXPECT_EQ(Eval("[[1, [2, [3, [4]]]].flat(), [1, [2, [3, [4]]]].flat(Infinity), [1, 2].flatMap((x) => [x, x * 2])]"),
            "[ [ 1, 2, [ 3, [ 4 ] ] ], [ 1, 2, 3, 4 ], [ 1, 2, 2, 4 ] ]");
  EXPECT_EQ(Eval("[[3, 1, 10, 2].sort(), [3, 1, 10, 2].sort((a, b) => a - b), ['b', undefined, 'a'].sort()]"),
            "[ [ 1, 10, 2, 3 ], [ 1, 2, 3, 10 ], [ 'a', 'b', undefined ] ]");
  EXPECT_EQ(Eval("[{ n: 'b', k: 1 }, { n: 'a', k: 1 }, { n: 'c', k: 0 }].sort((x, y) => x.k - y.k).map((x) => x.n)"),
            "[ 'c', 'b', 'a' ]");
  EXPECT_EQ(Eval("[[1, 2, 3].reverse(), [1, 2, 3].at(-1), [1, 2].at(5), new Array(3).fill(0), Array(2)]"),
            "[ [ 3, 2, 1 ], 3, undefined, [ 0, 0, 0 ], [ undefined, undefined ] ]");
  EXPECT_EQ(Eval("[Array.isArray([]), Array.isArray({}), Array.of(1, 2), Array.from('ab'), Array.from({ length: 3 }, (_, i) => i * 2)]"),
            "[ true, false, [ 1, 2 ], [ 'a', 'b' ], [ 0, 2, 4 ] ]");
  EXPECT_EQ(Eval("[[...['a', 'b'].keys()], [...['a'].entries()], Array.from(new Set([1, 1, 2]))]"),
            "[ [ 0, 1 ], [ [ 0, 'a' ] ], [ 1, 2 ] ]");
  EXPECT_EQ(Output("const a = [1, 2]; a.length = 1; a[3] = 4; console.log(a, a.length); [5, 6].forEach((x, i) => console.log(x, i))"),
            "[ 1, undefined, undefined, 4 ] 4\n5 0\n6 1\n");
  EXPECT_EQ(Eval("[[1, 2, 3].toSorted((a, b) => b - a), [1, 2].toReversed(), [1, 2].with(0, 9), [1, 2, 1].lastIndexOf(1)]"),
            "[ [ 3, 2, 1 ], [ 2, 1 ], [ 9, 2 ], 2 ]");
}

TEST(EvalBuiltinsTest, String) {
  EXPECT_EQ(Eval("['Ab'.toUpperCase(), 'Ab'.toLowerCase(), '  x '.trim(), ' x '.trimStart(), ' x '.trimEnd()]"),
            "[ 'AB', 'ab', 'x', 'x ', ' x' ]");
  EXPECT_EQ(Eval("['a,b,,c'.split(','), 'abc'.split(''), 'a1b22c'.split(/\\d+/), 'abc'.split(), 'a,b'.split(',', 1)]"),
            "[ [ 'a', 'b', '', 'c' ], [ 'a', 'b', 'c' ], [ 'a', 'b', 'c' ], [ 'abc' ], [ 'a' ] ]");
  EXPECT_EQ(Eval("['aXbX'.replace('X', '-'), 'aXbX'.replaceAll('X', '-'), 'a1b2'.replace(/\\d/g, (d) => d * 2),"
                 "'John Smith'.replace(/(\\w+)\\s(\\w+)/, '$2, $1'), 'x'.replace('x', '$&$&')]"),
            "[ 'a-bX', 'a-b-', 'a2b4', 'Smith, John', 'xx' ]");
  EXPECT_EQ(Eval("['abc'.startsWith('ab'), 'abc'.endsWith('bc'), 'abc'.includes('d'), 'abcb'.indexOf('b'), 'abcb'.lastIndexOf('b')]"),
            "[ true, true, false, 1, 3 ]");
  EXPECT_EQ(Eval("['abcdef'.slice(1, -1), 'abcdef'.slice(-2), 'abcdef'.substring(4, 1), 'abcdef'.substr(1, 2)]"),
            "[ 'bcde', 'ef', 'bcd', 'bc' ]");
  EXPECT_EQ(Eval("['5'.padStart(3, '0'), 'ab'.padEnd(5, 'xy'), 'ab'.repeat(3), 'abc'.charAt(1), 'abc'.at(-1), 'a'.concat('b', 1)]"),
            "[ '005', 'abxyx', 'ababab', 'b', 'c', 'ab1' ]");
  EXPECT_EQ(Eval("['a'.localeCompare('b'), 'b'.localeCompare('a'), 'a'.localeCompare('a'), 'a'.charCodeAt(0), String.fromCharCode(72, 105)]"),
            "[ -1, 1, 0, 97, 'Hi' ]");
  EXPECT_EQ(Eval("['x1y22'.match(/\\d+/g), 'x1y22'.match(/(\\d)(\\d)/).slice(), 'abc'.match(/z/), 'abc'.search(/c/)]"),
            "[ [ '1', '22' ], [ '22', '2', '2' ], null, 2 ]");
  EXPECT_EQ(Eval("[...'a1b2'.matchAll(/[a-z](\\d)/g)].map((m) => m[1] + '@' + m.index)"), "[ '1@0', '2@2' ]");
  EXPECT_EQ(Eval("['héllo'.slice(1, 3), 'héllo'.indexOf('l'), 'héllo'.toUpperCase(), '😀x'.slice(2)]"),
            "[ 'él', 2, 'HéLLO', 'x' ]");
  EXPECT_EQ(Eval("'camelCaseName'.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase())"), "'camel_case_name'");
  EXPECT_EQ(Eval("'2024-01-15'.match(/(?<y>\\d{4})-(?<m>\\d\\d)/).groups"), "{ y: '2024', m: '01' }");
}

TEST(EvalBuiltinsTest, HugeAndNonFiniteArguments) {
  EXPECT_EQ(Eval("[...[() => 'x'.padStart(Infinity), () => Array.from({ length: Infinity }), () => 'x'.repeat(-1),"
                 "() => new Array(-1), () => [].length = 2 ** 40].map((f) => { try { f(); return 'ok'; } catch (e) { return e.name; } })]"),
            "[ 'RangeError', 'RangeError', 'RangeError', 'RangeError', 'RangeError' ]");
  EXPECT_EQ(Eval("['a,b,c'.split(',', Infinity), 'a,b'.split(',', NaN), 'abc'.slice(-Infinity, Infinity), 'abc'.at(Infinity),"
                 "[1, 2].slice(NaN), (() => { const r = /a/g; r.lastIndex = Infinity; return r.exec('aa'); })()]"),
            "[ [], [], 'abc', undefined, [ 1, 2 ], null ]");
}

TEST(EvalBuiltinsTest, RegExp) {
  EXPECT_EQ(Eval("[/ab+/i.test('xABBy'), /^a$/m.test('b\\na'), /a.b/s.test('a\\nb'), /x/.source, /x/gi.flags]"),
            "[ true, true, true, 'x', 'gi' ]");
  EXPECT_EQ(Output("const re = /o/g; let m; while ((m = re.exec('foo')) !== null) console.log(m.index, re.lastIndex)"),
            "1 2\n2 3\n");
  EXPECT_EQ(Eval("new RegExp('a+', 'g').test('caat')"), "true");
  EXPECT_EQ(Eval("'aaa'.replace(/a*?/g, '-')"), "'-a-a-a-'");
  EXPECT_EQ(Eval("[/(a)\\1/.test('aa'), /(?<q>['\"]).*\\k<q>/.test('\"x\"')]"), "[ true, true ]");
  // Patterns std::regex cannot take safely are syntax errors, not crashes.
  EXPECT_EQ(Eval("(() => { try { /(a)\\44444444444444444444/.test('a'); } catch (e) { return e.name; } })()"), "'SyntaxError'");
  EXPECT_EQ(Eval("(() => { try { new RegExp('a{1,99999999999}'); /x/.test(''); return new RegExp('a{1,99999999999}').test('a'); }"
                 "catch (e) { return e.name; } })()"),
            "'SyntaxError'");
  EXPECT_EQ(Eval("'x'.repeat(100000).replace(/(x|y)*/, 'z')"), "'z'");
}

TEST(EvalBuiltinsTest, Json) {
  EXPECT_EQ(Eval("JSON.stringify({ a: 1, b: [1, 'x', null, undefined, () => 1], c: undefined, d: { e: true } })"),
            "'{\"a\":1,\"b\":[1,\"x\",null,null,null],\"d\":{\"e\":true}}'");
  EXPECT_EQ(Output("console.log(JSON.stringify({ a: [1, { b: 2 }], c: {}, d: [] }, null, 2))"),
            "{\n  \"a\": [\n    1,\n    {\n      \"b\": 2\n    }\n  ],\n  \"c\": {},\n  \"d\": []\n}\n");
  EXPECT_EQ(Eval("JSON.stringify({ a: 1, b: 2 }, ['b'])"), "'{\"b\":2}'");
  EXPECT_EQ(Eval("JSON.stringify({ a: 1, b: 'x' }, (k, v) => (typeof v === 'number' ? v + 1 : v))"), "'{\"a\":2,\"b\":\"x\"}'");
  EXPECT_EQ(Eval("JSON.stringify([new Date(0), 'a\"\\n', NaN, Infinity])"),
            "'[\"1970-01-01T00:00:00.000Z\",\"a\\\\\"\\\\n\",null,null]'");
  EXPECT_EQ(Eval("[JSON.stringify(undefined), JSON.stringify('s'), JSON.stringify({ toJSON() { return 5; } })]"),
            "[ undefined, '\"s\"', '5' ]");
  EXPECT_EQ(Eval("JSON.parse('{\"a\":[1,2.5,-3e2,true,null],\"b\":\"\\\\u00e9\\\\n\"}')"),
            "{ a: [ 1, 2.5, -300, true, null ], b: 'é\\n' }");
  EXPECT_EQ(Eval("JSON.parse('[1,2]', (k, v) => (typeof v === 'number' ? v * 10 : v))"), "[ 10, 20 ]");
  EXPECT_EQ(Eval("(() => { try { JSON.parse('{bad'); } catch (e) { return e.name; } })()"), "'SyntaxError'");
  EXPECT_EQ(Eval("(() => { const a = {}; a.self = a; try { JSON.stringify(a); } catch (e) { return e.message; } })()"),
            "'converting circular structure to JSON'");
}

TEST(EvalBuiltinsTest, MathAndNumber) {
  EXPECT_EQ(Eval("[Math.max(1, 3, 2), Math.min(), Math.abs(-2), Math.floor(-1.5), Math.ceil(1.2), Math.round(2.5),"
                 "Math.round(-2.5), Math.trunc(-1.7), Math.sign(-3), Math.sqrt(16), Math.pow(2, 3), Math.PI > 3]"),
            "[ 3, Infinity, 2, -2, 2, 3, -2, -1, -1, 4, 8, true ]");
  EXPECT_EQ(Eval("[Number.isInteger(5), Number.isInteger(5.5), Number.isFinite('5'), isFinite('5'), Number.isNaN('x'), isNaN('x')]"),
            "[ true, false, false, true, false, true ]");
  EXPECT_EQ(Eval("[parseInt('42px'), parseInt('0x1A'), parseInt('101', 2), parseInt('abc'), parseFloat('3.14abc'), parseFloat('.5')]"),
            "[ 42, 26, 5, NaN, 3.14, 0.5 ]");
  EXPECT_EQ(Eval("[(1.005).toFixed(2), (2.5).toFixed(0), (1234.5678).toFixed(2), (0.000001).toFixed(7), (-1.5).toFixed(0)]"),
            "[ '1.00', '3', '1234.57', '0.0000010', '-2' ]");
  EXPECT_EQ(Eval("[(255).toString(16), (255).toString(2), (0.5).toString(2), (-10).toString(36), (123.456).toPrecision(4)]"),
            "[ 'ff', '11111111', '0.1', '-a', '123.5' ]");
  EXPECT_EQ(Eval("[Number('12'), Number(''), Number(null), Number(undefined), Number('1_000'), Number(10n), Number(true)]"),
            "[ 12, 0, 0, NaN, NaN, 10, 1 ]");
  EXPECT_EQ(Eval("[Number.MAX_SAFE_INTEGER, Number.EPSILON > 0, (1234567.891).toLocaleString()]"),
            "[ 9007199254740991, true, '1,234,567.891' ]");
  EXPECT_EQ(Eval("[BigInt(10), BigInt('123456789012345678901234567890'), BigInt(true), (5n).toString(), typeof BigInt(1)]"),
            "[ 10n, 123456789012345678901234567890n, 1n, '5', 'bigint' ]");
  EXPECT_EQ(Eval("[Boolean(''), Boolean('0'), !!NaN, Boolean({})]"), "[ false, true, false, true ]");
}

TEST(EvalBuiltinsTest, Date) {
  EXPECT_EQ(Eval("new Date(0).toISOString()"), "'1970-01-01T00:00:00.000Z'");
  EXPECT_EQ(Eval("new Date('2024-02-29T12:34:56.789Z').getTime()"), "1709210096789");
  EXPECT_EQ(Eval("new Date('2024-02-29').toISOString()"), "'2024-02-29T00:00:00.000Z'");
  EXPECT_EQ(Eval("new Date('2024-01-01T10:00:00+02:00').toISOString()"), "'2024-01-01T08:00:00.000Z'");
  EXPECT_EQ(Eval("new Date(2024, 0, 31, 1, 2, 3).toISOString()"), "'2024-01-31T01:02:03.000Z'");
  EXPECT_EQ(Eval("new Date(2024, 12, 1).toISOString()"), "'2025-01-01T00:00:00.000Z'");
  EXPECT_EQ(Eval("(() => { const d = new Date('2000-03-01T00:00:00Z'); return [d.getFullYear(), d.getMonth(), d.getDate(), d.getDay()]; })()"),
            "[ 2000, 2, 1, 3 ]");
  EXPECT_EQ(Eval("[Date.now(), new Date().getTime(), typeof Date()]"), "[ 1700000000000, 1700000000000, 'string' ]");
  EXPECT_EQ(Eval("[new Date('garbage').getTime(), String(new Date(NaN)), Date.UTC(2020, 1, 1)]"), "[ NaN, 'Invalid Date', 1580515200000 ]");
  EXPECT_EQ(Eval("new Date(Date.UTC(1969, 11, 31, 23, 59, 59, 999)).toISOString()"), "'1969-12-31T23:59:59.999Z'");
  EXPECT_EQ(Eval("String(new Date(0))"), "'Thu Jan 01 1970 00:00:00 GMT+0000 (Coordinated Universal Time)'");
  EXPECT_EQ(Eval("[new Date(0)]"), "[ 1970-01-01T00:00:00.000Z ]");
  EXPECT_EQ(Eval("new Date('Tue, 05 Mar 2024 10:20:30 GMT').toISOString()"), "'2024-03-05T10:20:30.000Z'");
  EXPECT_EQ(Eval("(() => { const d = new Date(0); d.setFullYear(2001); d.setMonth(1, 3); return d.toISOString(); })()"),
            "'2001-02-03T00:00:00.000Z'");
  EXPECT_EQ(Eval("new Date(0) - new Date(1000)"), "-1000");
}

TEST(EvalBuiltinsTest, MapSet) {
  EXPECT_EQ(Output("const m = new Map([['a', 1]]); m.set('b', 2).set('a', 3); m.delete('x');"
                   "console.log(m.get('a'), m.get('z'), m.has('b'), m.size, [...m.keys()], [...m.values()], m)"),
            "3 undefined true 2 [ 'a', 'b' ] [ 3, 2 ] Map(2) { 'a' => 3, 'b' => 2 }\n");
  EXPECT_EQ(Output("const s = new Set([1, 2, 2, NaN, NaN]); s.add(3); s.delete(1);"
                   "console.log(s.size, s.has(NaN), [...s], s); s.forEach((v) => console.log(v))"),
            "3 true [ 2, NaN, 3 ] Set(3) { 2, NaN, 3 }\n2\nNaN\n3\n");
  EXPECT_EQ(Output("const k = {}; const wm = new WeakMap(); wm.set(k, 1); console.log(wm.get(k), wm.has({}))"), "1 false\n");
  EXPECT_EQ(Output("new Map([[1, 'a']]).forEach((v, k, m) => console.log(k, v, m.size))"), "1 a 1\n");
}

TEST(EvalBuiltinsTest, SymbolsAndIterators) {
  EXPECT_EQ(Eval("(() => { const it = { *[Symbol.iterator]() {} }; return typeof Symbol.iterator; })()"), "'string'");
  EXPECT_EQ(Eval("[...{ *[Symbol.iterator]() { yield 1; yield* [2, 3]; } }]"), "[ 1, 2, 3 ]");
  EXPECT_EQ(Eval("(() => { function* range(n) { for (let i = 0; i < n; i++) yield i * i; return 'done'; }"
                 "const it = range(3); return [it.next(), [...it], Array.from(range(4))]; })()"),
            "[ { value: 0, done: false }, [ 1, 4 ], [ 0, 1, 4, 9 ] ]");
  EXPECT_EQ(Eval("(() => { const r = { from: 1, to: 3, [Symbol.iterator]() { let c = this.from, t = this.to;"
                 "return { next: () => (c <= t ? { value: c++, done: false } : { value: undefined, done: true }) }; } };"
                 "return [...r]; })()"),
            "[ 1, 2, 3 ]");
  EXPECT_EQ(Eval("(() => { const it = [1, 2].values(); return [it.next(), it.next(), it.next().done]; })()"),
            "[ { value: 1, done: false }, { value: 2, done: false }, true ]");
}

TEST(EvalBuiltinsTest, ErrorsAndGlobals) {
  EXPECT_EQ(Eval("[new Error('m').message, String(new TypeError('t')), new RangeError('r') instanceof Error, Error('x').name]"),
            "[ 'm', 'TypeError: t', true, 'Error' ]");
  EXPECT_EQ(Eval("new Error('a', { cause: 'b' }).cause"), "'b'");
  EXPECT_EQ(Eval("[globalThis.Math === Math, typeof globalThis, encodeURIComponent('a b&c'), decodeURIComponent('a%20b')]"),
            "[ true, 'object', 'a%20b%26c', 'a b' ]");
  EXPECT_EQ(Output("console.log('a', 1, { b: [2] }, 'c'); console.warn('w'); console.error(null)"),
            "a 1 { b: [ 2 ] } c\nw\nnull\n");
  EXPECT_EQ(Eval("structuredClone({ a: [1, { b: 2 }] })"), "{ a: [ 1, { b: 2 } ] }");
}

TEST(EvalBuiltinsTest, InspectFormats) {
  EXPECT_EQ(Eval("[() => 1, function foo() {}, class Bar {}, /re/g, new Error('boom'), Symbol('s').length > 0]"),
            "[ [Function (anonymous)], [Function: foo], [class Bar], /re/g, Error: boom, true ]");
  EXPECT_EQ(Eval("(() => { class P { constructor() { this.x = 1; } } return new P(); })()"), "P { x: 1 }");
  EXPECT_EQ(Eval("(() => { const a = { n: 1 }; a.self = a; return a; })()"), "{ n: 1, self: [Circular] }");
  EXPECT_EQ(Eval("{ a: { b: { c: { d: { e: { f: { g: 1 } } } } } } }"), "{ a: { b: { c: { d: { e: { f: [Object] } } } } } }");
  EXPECT_EQ(Eval("Promise.resolve(1)"), "Promise { 1 }");
}

}  // namespace
}  // namespace dp::ts
