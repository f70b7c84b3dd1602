import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const t = sqliteTable('pairs', { a: text('a').notNull(), b: text('b').notNull(), c: text('c').notNull() }, (t) => [primaryKey({ columns: [t.a, t.c] })]);
