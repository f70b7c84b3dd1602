import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text } = require('drizzle-orm/sqlite-core');
export const writers = sqliteTable('writers', { id: integer('id').primaryKey(), name: text('name') });
export const books = sqliteTable('books', { id: integer('id').primaryKey(), authorId: integer('author_id').references(() => writers.id) });
