import { createRequire } from 'module';
const require = createRequire('/work/ref/npm/package.json');
const { sqliteTable, integer, text, real, numeric, blob, index, uniqueIndex, unique, primaryKey, foreignKey, check, sqliteView } = require('drizzle-orm/sqlite-core');
const { sql } = require('drizzle-orm');
export const d = sqliteTable('d', { id: integer('id').primaryKey(), created: integer('created').default(sql`(unixepoch())`), ts: text('ts').default(sql`CURRENT_TIMESTAMP`), j: text('j', { mode: 'json' }).default({ a: [1] }), n: integer('n').default(-5), r: real('r').default(2.5) });
