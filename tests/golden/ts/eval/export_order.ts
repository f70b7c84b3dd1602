// Namespace objects list exports as drizzle-kit sees a schema file (esbuild's CommonJS
// output): the module's own exports sorted by name (code unit order: upper case, `_`,
// lower case), re-exports with a name included, then the names each `export *` adds in
// statement order, each listed the same way; a name the module itself exports wins.
import * as schema from './schema';
export const keys = Object.keys(schema);
export const zetaIsOwn = schema.zeta === 'own zeta';
// --- schema.ts
export const zeta = 'own zeta';
export const Alpha = 1;
export * from './other';
export const mid = 2;
export { beta as b2 } from './other';
export * from './third';
export const _under = 3;
export default 4;
// --- other.ts
export const omega = 5;
export const beta = 6;
export const zeta = 'other zeta';
// --- third.ts
export * from './other';
export const aaa = 7;
