// Indexes (using, algorithm, lock, expressions), uniques, primary keys, foreign keys, checks.
import { sql } from 'drizzle-orm';
import { mysqlTable, int, varchar, index, uniqueIndex, unique, primaryKey, foreignKey, check } from 'drizzle-orm/mysql-core';

export const users = mysqlTable('users', {
  id: int('id').primaryKey().autoincrement(),
  email: varchar('email', { length: 255 }).notNull(),
  name: varchar('name', { length: 100 }),
  age: int('age'),
  bossId: int('boss_id').references((): any => users.id, { onDelete: 'set null', onUpdate: 'cascade' }),
}, (t) => [
  uniqueIndex('users_email_uq').on(t.email),
  index('users_name_idx').on(t.name).using('btree'),
  index('users_age_idx').on(t.age).algorithm('inplace').lock('none'),
  index('users_hash_idx').on(t.name, t.age).using('hash').algorithm('copy').lock('shared'),
  index('users_expr_idx').on(sql`(lower(${t.email}))`),
  unique().on(t.name, t.age),
  unique('users_name_email').on(t.name, t.email),
  check('users_age_check', sql`${t.age} between ${0} and 150`),
]);

export const memberships = mysqlTable('memberships', {
  userId: int('user_id'),
  groupId: int('group_id'),
  note: varchar('note', { length: 20 }),
}, (t) => ({
  pk: primaryKey({ columns: [t.userId, t.groupId] }),
  fk: foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade'),
}));

export const single = mysqlTable('single', {
  code: varchar('code', { length: 8 }),
  other: int('other'),
}, (t) => [primaryKey({ name: 'single_custom_pk', columns: [t.code] }), foreignKey({ name: 'single_other_fk', columns: [t.other], foreignColumns: [users.id] })]);

export const legacy = mysqlTable('legacy', {
  a: int('a'),
  b: int('b'),
}, (t) => [primaryKey(t.a, t.b)]);
