// Every sqlite-core column builder and mode, named and key-named, with the chain methods.
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, int, text, real, numeric, blob } from 'drizzle-orm/sqlite-core';

export const everything = sqliteTable('everything', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  plainInt: int(),
  counter: integer('counter', { mode: 'number' }).notNull().default(0),
  flag: integer('flag', { mode: 'boolean' }).notNull().default(false),
  flagOn: integer({ mode: 'boolean' }).default(true),
  createdAt: integer('created_at', { mode: 'timestamp' }).notNull().default(sql`(unixepoch())`),
  updatedMs: integer('updated_ms', { mode: 'timestamp_ms' }).defaultNow(),
  fixedAt: integer('fixed_at', { mode: 'timestamp' }).default(new Date('2020-02-29T12:00:00.123Z')),
  title: text('title').notNull(),
  quoted: text('quoted').default("it's \"quoted\""),
  empty: text('empty').default(''),
  role: text('role', { enum: ['a', 'b'] }).default('a'),
  code: text('code', { length: 255 }).unique(),
  named: text('named').unique('named_custom_uq'),
  meta: text('meta', { mode: 'json' }).$type<{ a: number }>().default({ a: 1, nested: { b: [1, 2] } }),
  list: text('list', { mode: 'json' }).default([1, 'two', null]),
  price: real('price').default(9.99),
  ratio: real().default(-0.5),
  big: real('big').default(1e21),
  amount: numeric('amount'),
  amountNum: numeric('amount_num', { mode: 'number' }).default(12),
  amountBig: numeric('amount_big', { mode: 'bigint' }),
  amountStr: numeric('amount_str', { mode: 'string' }).default('1.50'),
  raw: blob('raw'),
  buf: blob('buf', { mode: 'buffer' }),
  js: blob('js', { mode: 'json' }).default({ k: 'v' }),
  bigBlob: blob('big_blob', { mode: 'bigint' }),
  runtime: text('runtime').$defaultFn(() => 'x').$onUpdate(() => 'y'),
  nullDefault: text('null_default').default(null),
  exprDefault: integer('expr_default').default(sql`(1 + 2)`),
});

export const textPk = sqliteTable('text_pk', {
  key: text('key').primaryKey(),
  value: text('value').notNull(),
});
