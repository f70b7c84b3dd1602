// Generators run eagerly; iterables and iterator helpers work with spread and for-of.
function* columns(prefix: string) {
  yield `${prefix}_id`;
  yield* ['created_at', 'updated_at'];
}
class Registry {
  private items = new Map<string, number>([['a', 1], ['b', 2]]);
  *[Symbol.iterator]() {
    for (const [k, v] of this.items) yield `${k}=${v}`;
  }
}
export const names = [...columns('user')];
export const registry = Array.from(new Registry());
export const entries = Object.fromEntries(new Map([['x', 1]]).entries());
export const keys = [...new Set(['b', 'a', 'b']).keys()].sort();
