import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const people = sqliteTable('people', { id: integer('id').primaryKey(), email: text('email').notNull(), active: integer('active') }, (t) => [index('people_lower_email').on(sql`lower(${t.email})`), index('people_active').on(t.active).where(sql`${t.active} = 1`)]);
