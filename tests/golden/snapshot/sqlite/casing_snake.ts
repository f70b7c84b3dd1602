// casing: snake_case with key-named columns in names, constraints and expressions.
// @casing snake_case
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, unique, primaryKey, foreignKey, check } from 'drizzle-orm/sqlite-core';

export const authorProfiles = sqliteTable('author_profiles', {
  authorId: integer().primaryKey(),
  displayName: text().notNull().unique(),
  HTTPCode: integer(),
  explicitName: text('ExplicitName'),
}, (t) => [
  index('ap_display_idx').on(t.displayName),
  index('ap_expr_idx').on(sql`lower(${t.displayName})`),
  check('ap_code', sql`${t.HTTPCode} > 0`),
]);

export const bookAuthors = sqliteTable('book_authors', {
  bookId: integer().notNull(),
  authorId: integer().notNull().references(() => authorProfiles.authorId),
  sortOrder: integer().default(0),
}, (t) => [
  primaryKey({ columns: [t.bookId, t.authorId] }),
  unique().on(t.bookId, t.sortOrder),
  foreignKey({ columns: [t.bookId], foreignColumns: [authorProfiles.authorId] }),
]);
