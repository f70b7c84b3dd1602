import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const parent = sqliteTable('parent', { x: integer('x').notNull(), y: integer('y').notNull() }, (t) => [primaryKey({ columns: [t.x, t.y] })]);
export const child = sqliteTable('child', { id: integer('id').primaryKey(), px: integer('px'), py: integer('py') }, (t) => [foreignKey({ columns: [t.px, t.py], foreignColumns: [parent.x, parent.y] }).onDelete('cascade')]);
