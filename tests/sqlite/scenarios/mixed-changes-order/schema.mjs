import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, index, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const d = sqliteTable('d', { id: integer('id').primaryKey(), w: text('w') }, (t) => [index('d_w').on(t.w), index('d_expr').on(sql`lower(${t.w})`)]);
export const c = sqliteTable('c', { id: integer('id').primaryKey(), z: text('z') });
export const b = sqliteTable('b', { id: integer('id').primaryKey(), y: real('y') });
export const a = sqliteTable('a', { id: integer('id').primaryKey(), x: text('x'), n: text('n') });
export const v = sqliteView('v', { one: integer('one') }).as(sql`select 1 as one`);
