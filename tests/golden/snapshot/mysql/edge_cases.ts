// Less common shapes: two column primary keys, enum values with commas and quotes, expression
// indexes, params in checks (left as ?), views over views and subqueries, unions, relations().
// @casing snake_case
import { sql, eq, gt, and, relations, inArray } from 'drizzle-orm';
import { mysqlTable, mysqlView, int, bigint, varchar, mysqlEnum, datetime, index, check, uniqueIndex } from 'drizzle-orm/mysql-core';

export const accounts = mysqlTable('accounts', {
  id: bigint({ mode: 'number', unsigned: true }).autoincrement().primaryKey(),
  tenantId: int().primaryKey(),
  kind: mysqlEnum(['a,b', "c'd", 'e']).default("c'd"),
  ownerName: varchar({ length: 40 }).default(sql`'nobody'`),
  createdAt: datetime({ fsp: 3 }).default(sql`CURRENT_TIMESTAMP(3)`),
}, (t) => [
  index('accounts_expr_idx').on(sql`(upper(${t.ownerName}))`, t.tenantId),
  uniqueIndex('accounts_owner_uq').on(t.ownerName),
  check('accounts_kind_check', inArray(t.tenantId, [1, 2, 3])),
]);

export const accountsRelations = relations(accounts, () => ({}));

export const richAccounts = mysqlView('rich_accounts').as((qb) =>
  qb.select({ accountId: accounts.id, ownerName: accounts.ownerName }).from(accounts).where(and(gt(accounts.tenantId, 1), eq(accounts.kind, 'e'))));

export const ofView = mysqlView('of_view').as((qb) => qb.select().from(richAccounts));

export const unionView = mysqlView('union_view').as((qb) =>
  qb.select({ id: accounts.id }).from(accounts).where(eq(accounts.tenantId, 1))
    .unionAll(qb.select({ id: accounts.id }).from(accounts).where(eq(accounts.tenantId, 2))));

export const subView = mysqlView('sub_view').as((qb) => {
  const sq = qb.select({ id: accounts.id, owner: accounts.ownerName }).from(accounts).as('sq');
  return qb.select({ id: sq.id }).from(sq).where(gt(sq.id, 5));
});

export const cteView = mysqlView('cte_view').as((qb) => {
  const t1 = qb.$with('t1').as(qb.select({ id: accounts.id }).from(accounts));
  const t2 = qb.$with('t2').as((q) => q.select({ tid: accounts.tenantId }).from(accounts));
  return qb.with(t1, t2).select({ id: t1.id }).from(t1).innerJoin(t2, eq(t2.tid, t1.id));
});
