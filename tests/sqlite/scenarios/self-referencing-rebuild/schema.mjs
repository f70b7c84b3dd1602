import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const nodes = sqliteTable('nodes', { id: integer('id').primaryKey(), parentId: integer('parent_id').references(() => nodes.id), label: text('label').notNull().default('') });
