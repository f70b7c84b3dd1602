// Values of every kind, as schema files and configs produce them.
export const numbers = [0, -1.5, 1e21, 2 ** 53, 0.1 * 3, NaN, -Infinity];
export const strings = ['plain', "double \"quoted\"", `template ${1 + 1}`, 'multi\nline', 'émoji 😀'];
export const nested = { a: [1, { b: null }], 'kebab-key': undefined, 42: 'numeric key' };
export const big = 9007199254740993n;
export const date = new Date('2024-03-01T12:00:00Z');
export const regex = /^[a-z_]+$/i;
export const fn = function helper() {};
export const arrow = () => 1;
export class Model {
  constructor(public name: string) {}
}
export const instance = new Model('m');
export const map = new Map<string, number>([['k', 1]]);
export const set = new Set(['x']);
export const frozen = Object.freeze({ x: 1 });
export default { kind: 'default export' };
