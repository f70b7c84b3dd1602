// sqliteView in its forms: query builder (filters, joins, grouping, ordering, params mapped by
// column), sql with columns, existing.
import { sql, eq, and, or, gt, lt, ne, inArray, isNull, isNotNull, like, count, desc, asc, between } from 'drizzle-orm';
import { sqliteTable, sqliteView, integer, text, QueryBuilder } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  name: text('name').notNull(),
  active: integer('active', { mode: 'boolean' }).notNull().default(true),
  joined: integer('joined', { mode: 'timestamp' }),
});

export const posts = sqliteTable('posts', {
  id: integer('id').primaryKey(),
  authorId: integer('author_id').references(() => users.id),
  title: text('title'),
  meta: text('meta', { mode: 'json' }),
});

export const activeUsers = sqliteView('active_users').as((qb) =>
  qb.select().from(users).where(and(eq(users.active, true), gt(users.id, 10), isNotNull(users.name))));

export const filtered = sqliteView('filtered').as((qb) =>
  qb.select({ id: users.id, name: users.name }).from(users)
    .where(or(inArray(users.id, [1, 2, 3]), like(users.name, 'a%'), between(users.id, 5, 9), isNull(users.joined), ne(users.name, "o'neil")))
    .orderBy(desc(users.name), asc(users.id)).limit(10).offset(5));

export const joined = sqliteView('joined').as((qb) =>
  qb.select({ userId: users.id, title: posts.title, n: sql<number>`count(*)`.as('n') })
    .from(users).leftJoin(posts, eq(posts.authorId, users.id))
    .groupBy(users.id, posts.title).having(sql`count(*) > ${1}`));

export const allJoined = sqliteView('all_joined').as((qb) =>
  qb.select().from(users).innerJoin(posts, eq(posts.authorId, users.id)));

export const distinctNames = sqliteView('distinct_names').as((qb) =>
  qb.selectDistinct({ name: users.name, total: count(users.id).as('total') }).from(users).groupBy(users.name));

const qb = new QueryBuilder();
export const fromQb = sqliteView('from_qb').as(qb.select({ id: users.id }).from(users).where(lt(users.joined, new Date('2024-01-01T00:00:00Z'))));

export const jsonParam = sqliteView('json_param').as((qb) => qb.select({ id: posts.id }).from(posts).where(eq(posts.meta, { a: 1 })));

export const rawView = sqliteView('raw_view', { id: integer('id'), label: text('label').notNull().default("x'y") })
  .as(sql`select id, name as label from ${users} where ${users.active} = ${1}`);

export const existingView = sqliteView('existing_view', { id: integer('id').primaryKey() }).existing();
