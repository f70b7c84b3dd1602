// Less common shapes: params in index/check expressions (left as ?), self references, sql
// defaults, relations() exports, views over views, subqueries, unions, camelCase keys in views.
// @casing snake_case
import { sql, eq, and, inArray, relations, not, gt } from 'drizzle-orm';
import { sqliteTable, sqliteView, integer, text, index, uniqueIndex, check, foreignKey, alias } from 'drizzle-orm/sqlite-core';

export const nodes = sqliteTable('nodes', {
  id: integer().primaryKey(),
  parentId: integer(),
  isLeaf: integer({ mode: 'boolean' }).default(sql`0`),
  label: text().default(sql`'root'`),
  kind: text({ enum: ['a', 'b'] }).notNull().default('a'),
  weight: integer().default(sql.raw('(1)')),
}, (t) => [
  foreignKey({ columns: [t.parentId], foreignColumns: [t.id] }).onDelete('cascade'),
  index('nodes_leaf_idx').on(t.isLeaf).where(eq(t.isLeaf, true)),
  uniqueIndex('nodes_label_uq').on(sql`lower(${t.label})`, t.kind),
  index('nodes_raw_idx').on(sql.raw('weight desc')),
  check('nodes_kind_check', inArray(t.kind, ['a', 'b'])),
  check('nodes_weight_check', and(gt(t.weight, 0), not(eq(t.weight, 13)))!),
]);

export const nodesRelations = relations(nodes, ({ one }) => ({
  parent: one(nodes, { fields: [nodes.parentId], references: [nodes.id] }),
}));

export const leafView = sqliteView('leaf_view').as((qb) =>
  qb.select({ nodeId: nodes.id, parentId: nodes.parentId }).from(nodes).where(eq(nodes.isLeaf, true)));

export const unionView = sqliteView('union_view').as((qb) =>
  qb.select({ id: nodes.id }).from(nodes).where(eq(nodes.kind, 'a'))
    .union(qb.select({ id: nodes.id }).from(nodes).where(eq(nodes.kind, 'b'))));

export const subView = sqliteView('sub_view').as((qb) => {
  const sq = qb.select({ id: nodes.id, label: nodes.label }).from(nodes).where(gt(nodes.weight, 2)).as('sq');
  return qb.select().from(sq);
});

const parent = alias(nodes, 'parent');
export const withParent = sqliteView('with_parent').as((qb) =>
  qb.select({ id: nodes.id, parentLabel: parent.label }).from(nodes).leftJoin(parent, eq(parent.id, nodes.parentId)));

export const fromAlias = sqliteView('from_alias').as((qb) => qb.select().from(parent).where(gt(parent.weight, 1)));

export const cteView = sqliteView('cte_view').as((qb) => {
  const heavy = qb.$with('heavy').as(qb.select({ id: nodes.id, weight: nodes.weight }).from(nodes).where(gt(nodes.weight, 10)));
  return qb.with(heavy).select().from(heavy);
});
