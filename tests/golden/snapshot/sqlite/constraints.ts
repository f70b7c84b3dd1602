// Indexes, unique constraints, primary keys, foreign keys and checks in both extra-config forms.
import { sql } from 'drizzle-orm';
import { sqliteTable, integer, text, index, uniqueIndex, unique, primaryKey, foreignKey, check } from 'drizzle-orm/sqlite-core';

export const users = sqliteTable('users', {
  id: integer('id').primaryKey(),
  email: text('email').notNull(),
  name: text('name'),
  age: integer('age'),
  managerId: integer('manager_id').references((): any => users.id, { onDelete: 'set null' }),
}, (t) => [
  uniqueIndex('users_email_uq').on(t.email),
  index('users_name_age_idx').on(t.name, t.age),
  index('users_lower_email_idx').on(sql`lower(${t.email})`),
  index('users_adult_idx').on(t.age).where(sql`${t.age} >= 18`),
  index('users_mixed_idx').on(t.name, sql`${t.age} * 2`),
  unique().on(t.name, t.age),
  unique('users_name_email_uq').on(t.name, t.email),
  check('users_age_check', sql`${t.age} > ${0}`),
]);

export const memberships = sqliteTable('memberships', {
  userId: integer('user_id').notNull(),
  groupId: integer('group_id').notNull(),
  role: text('role'),
}, (t) => ({
  pk: primaryKey({ columns: [t.userId, t.groupId] }),
  userFk: foreignKey({ columns: [t.userId], foreignColumns: [users.id] }).onDelete('cascade').onUpdate('restrict'),
  roleIdx: index('memberships_role_idx').on(t.role),
}));

export const pairs = sqliteTable('pairs', {
  a: integer('a').notNull(),
  b: integer('b').notNull(),
  c: integer('c'),
}, (t) => [
  primaryKey({ name: 'pairs_custom_pk', columns: [t.a, t.b] }),
  foreignKey(() => ({ name: 'pairs_c_fk', columns: [t.c], foreignColumns: [users.id] })),
]);

export const single = sqliteTable('single', {
  x: integer('x'),
  y: integer('y'),
}, (t) => [primaryKey(t.x), [index('single_y_idx').on(t.y)]]);

export const comp = sqliteTable('comp', {
  p: integer('p'),
  q: integer('q'),
}, (t) => [primaryKey(t.p, t.q)]);
