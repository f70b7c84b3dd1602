// casing: snake_case with key-named columns across constraints.
// @casing snake_case
import { sql } from 'drizzle-orm';
import { mysqlTable, int, varchar, index, unique, primaryKey, foreignKey, check, timestamp } from 'drizzle-orm/mysql-core';

export const authorProfiles = mysqlTable('author_profiles', {
  authorId: int().primaryKey().autoincrement(),
  displayName: varchar({ length: 50 }).notNull().unique(),
  createdAt: timestamp().defaultNow(),
}, (t) => [index('ap_display_idx').on(t.displayName), check('ap_len', sql`char_length(${t.displayName}) > 0`)]);

export const bookAuthors = mysqlTable('book_authors', {
  bookId: int().notNull(),
  authorId: int().notNull().references(() => authorProfiles.authorId),
  sortOrder: int().default(0),
}, (t) => [
  primaryKey({ columns: [t.bookId, t.authorId] }),
  unique().on(t.bookId, t.sortOrder),
  foreignKey({ columns: [t.bookId], foreignColumns: [authorProfiles.authorId] }),
]);
