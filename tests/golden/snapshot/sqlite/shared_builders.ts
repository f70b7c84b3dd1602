// A builder object reused by several tables (spread helpers) and a re-exported table.
import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';

const timestamps = {
  createdAt: integer('created_at', { mode: 'timestamp' }).notNull(),
  slug: text('slug').unique(),
};

export const first = sqliteTable('first', { id: integer('id').primaryKey(), ...timestamps });
export const second = sqliteTable('second', { id: integer('id').primaryKey(), ...timestamps });
export const alsoFirst = first;
export const notATable = { hello: 'world' };
export default second;
