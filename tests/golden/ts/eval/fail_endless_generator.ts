// Generators run eagerly, so an endless one consumed lazily (`take`) cannot work: it stops
// with a located error once it has yielded too many values, instead of running until the
// step limit (or out of memory).
function* naturals() {
  let i = 0;
  while (true) yield i++;
}
function take<T>(n: number, items: Iterable<T>): T[] {
  const out: T[] = [];
  for (const item of items) {
    if (out.length >= n) break;
    out.push(item);
  }
  return out;
}
export const first = take(3, naturals());
