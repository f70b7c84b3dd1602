import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const g = sqliteTable('g', { id: integer('id').primaryKey(), a: integer('a'), b: integer('b').generatedAlwaysAs(sql`a * 2`, { mode: 'virtual' }), c: integer('c').generatedAlwaysAs(sql`a + 10`, { mode: 'virtual' }), d: integer('d') });
