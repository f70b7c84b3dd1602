// Re-exports, export *, namespaces, default exports and a cycle between two files.
import * as schema from './schema/index';
import defaultThing, { helper as renamed } from './util';

export * from './schema/index';
export const tableNames = Object.keys(schema);
export const fromDefault = defaultThing.name;
export const called = renamed(2);
// --- util.ts
export function helper(n: number) {
  return n * 21;
}
export default { name: 'util default' };
// --- schema/index.ts
export * from './users';
export * from './posts';
// --- schema/users.ts
import { posts } from './posts';
export const users = { table: 'users', relation: () => posts.table };
// --- schema/posts.ts
import { users } from './users';
export const posts = { table: 'posts', author: () => users.table };
export const postRelations = posts.author;
