// `<` in an expression starts type arguments only when the matching `>` is followed by `(`,
// a template, or a token that cannot start an expression (TypeScript's rule); otherwise it
// is a comparison.
const a = [10 < 9, null >= 0];
const b = [x < y, z > w];
f(a < b, c > d);
g(x < 1, y > 2);
h(1 < 2, 3 > -1);
i(p < q, r > [s]);
j(p < q, r >> s);
const c = a < b > c;
const d = [1 < 2, 3 > 4];
const e = { k: a < b, l: c > d };
k(a < b, c > (d));
const f1 = f<string>(x);
const f2 = new Map<string, number>();
const f3 = sql<number>`count(*)`;
const f4 = f<string>;
const f5 = a<b>.c;
const f6 = x < y ? 1 : 2;
const f7 = t.$type<{ a: number }>().notNull();
const r = [10 < 9, '10' < 9, null >= 0, undefined < 1, NaN <= NaN, 2n > 1];
console.log([a < b, c > d]);
const g = (a < b, c > d);
const g2 = (x: number) => x < 1 && y > 2;
const g3 = <T,>(x: T) => x;
const g4 = [x < y, (z > w)];
const g5 = new Foo<Bar>;
const g6 = a < b >>> c;
const g7 = f(a < b, c > +d);
