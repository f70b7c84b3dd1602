import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const authors = sqliteTable('authors', { id: integer('id').primaryKey() });
export const volumes = sqliteTable('volumes', { id: integer('id').primaryKey(), authorId: integer('author_id').references(() => authors.id) });
