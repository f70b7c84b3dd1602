import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const users = sqliteTable('users', { id: integer('id').primaryKey(), name: text('name') });
export const v = sqliteView('names_of_users', { name: text('name') }).as(sql`select name from users`);
