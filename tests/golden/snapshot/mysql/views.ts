// mysqlView forms and options, views in a mysqlSchema, tables in a schema (left out).
import { sql, eq, and, gt, count, desc, inArray } from 'drizzle-orm';
import { mysqlTable, mysqlView, mysqlSchema, int, varchar, boolean, json, datetime, timestamp } from 'drizzle-orm/mysql-core';

export const users = mysqlTable('users', {
  id: int('id').primaryKey().autoincrement(),
  name: varchar('name', { length: 100 }).notNull(),
  active: boolean('active').default(true),
  prefs: json('prefs'),
  seen: datetime('seen'),
  stamp: timestamp('stamp'),
});

export const posts = mysqlTable('posts', {
  id: int('id').primaryKey(),
  authorId: int('author_id').references(() => users.id),
  title: varchar('title', { length: 200 }),
});

export const plain = mysqlView('plain_view').as((qb) => qb.select().from(users).where(eq(users.active, true)));
export const opts = mysqlView('opts_view').algorithm('merge').sqlSecurity('invoker').withCheckOption()
  .as((qb) => qb.select({ id: users.id, name: users.name }).from(users).where(and(gt(users.id, 5), inArray(users.name, ['a', 'b']))).orderBy(desc(users.id)).limit(3));
export const local = mysqlView('local_view').withCheckOption('local').algorithm('temptable')
  .as((qb) => qb.select({ uid: users.id, n: count(posts.id).as('n') }).from(users).leftJoin(posts, eq(posts.authorId, users.id)).groupBy(users.id));
export const params = mysqlView('params_view').as((qb) => qb.select({ id: users.id }).from(users)
  .where(and(eq(users.prefs, { k: 1 }), eq(users.seen, new Date('2024-01-02T03:04:05.678Z')), eq(users.stamp, new Date('2024-01-02T03:04:05.678Z')))));
export const manual = mysqlView('manual_view', { id: int('id'), label: varchar('label', { length: 9 }).default("it's") })
  .sqlSecurity('definer').as(sql`select id, name as label from ${users}`);
export const existing = mysqlView('existing_view', { id: int('id') }).existing();

const other = mysqlSchema('other_db');
export const otherTable = other.table('other_table', { id: int('id').primaryKey() });
export const otherView = other.view('other_view').as((qb) => qb.select().from(users));
