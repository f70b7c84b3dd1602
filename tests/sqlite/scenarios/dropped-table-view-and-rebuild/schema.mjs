import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const items = sqliteTable('items', { id: integer('id').primaryKey(), qty: real('qty') });
