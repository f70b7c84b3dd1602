import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const b = sqliteTable('b', { id: integer('id').primaryKey(), x: text('x') });
export const t10 = sqliteTable('10', { id: integer('id').primaryKey(), x: text('x') });
export const t2 = sqliteTable('2', { id: integer('id').primaryKey(), x: text('x') });
export const a = sqliteTable('a', { id: integer('id').primaryKey(), x: text('x') });
