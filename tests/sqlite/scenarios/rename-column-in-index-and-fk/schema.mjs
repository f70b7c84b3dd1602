import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const authors = sqliteTable('authors', { id: integer('id').primaryKey() });
export const books = sqliteTable('books', { id: integer('id').notNull(), edition: integer('edition').notNull(), writerId: integer('writer_id').references(() => authors.id) }, (t) => [primaryKey({ columns: [t.id, t.edition] }), index('books_author').on(t.writerId)]);
