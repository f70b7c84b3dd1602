import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const a = sqliteTable('a', { id: integer('id').primaryKey(), v: real('v') }, (t) => [index('a_v').on(t.v, t.id)]);
export const b = sqliteTable('b', { id: integer('id').primaryKey(), aId: integer('a_id').references(() => a.id), w: integer('w').notNull().default(0) });
export const c = sqliteTable('c', { id: integer('id').primaryKey(), bId: integer('b_id').references(() => b.id) });
