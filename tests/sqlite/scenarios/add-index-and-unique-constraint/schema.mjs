import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const items = sqliteTable('items', { id: integer('id').primaryKey(), a: text('a'), b: text('b'), c: text('c').unique() }, (t) => [index('items_a').on(t.a), uniqueIndex('items_b').on(t.b), unique('items_ab').on(t.a, t.b)]);
