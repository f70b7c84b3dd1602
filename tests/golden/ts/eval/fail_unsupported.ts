function* ids() {
  yield 1;
}
export const first = ids();
