// Query-builder views beyond the basics: schema tables, subqueries, CTEs, set operators,
// distinct on, right/full/cross joins, value mapping of bound parameters by column type.
import {
  pgTable, pgSchema, pgView, pgMaterializedView, integer, text, numeric, jsonb, timestamp, customType, date,
  QueryBuilder, alias,
} from "drizzle-orm/pg-core";
import { sql, eq, gt, and, desc } from "drizzle-orm";

const upperText = customType<{ data: string; driverData: string }>({
  dataType: () => "text",
  toDriver: (value) => value.toUpperCase(),
});

const sales = pgSchema("sales");
export const orders = sales.table("orders", {
  id: integer().primaryKey(),
  region: text(),
  amount: numeric({ mode: "number" }),
  meta: jsonb(),
  placedAt: timestamp("placed_at"),
  day: date({ mode: "date" }),
  code: upperText(),
});
export const regions = pgTable("regions", { name: text().primaryKey(), manager: text() });

export const big = pgView("big_orders").as((qb) =>
  qb
    .select({ id: orders.id, region: orders.region })
    .from(orders)
    .where(and(gt(orders.amount, 1.5), eq(orders.meta, { vip: true }), eq(orders.code, "abc"),
      eq(orders.placedAt, new Date("2024-02-03T04:05:06.007Z")), eq(orders.day, new Date("2024-02-03T00:00:00Z")))),
);

const sq = new QueryBuilder().select({ region: orders.region, total: sql<number>`sum(${orders.amount})`.as("total") }).from(orders).groupBy(orders.region).as("sq");
export const totals = pgView("totals").as((qb) => qb.select().from(sq).where(gt(sq.total, 100)));

export const withCte = pgView("with_cte").as((qb) => {
  const recent = qb.$with("recent").as(qb.select({ id: orders.id, region: orders.region }).from(orders).where(gt(orders.id, 10)));
  return qb.with(recent).select({ id: recent.id }).from(recent);
});

export const distinctOn = pgView("distinct_on").as((qb) =>
  qb.selectDistinctOn([orders.region], { region: orders.region, id: orders.id }).from(orders).orderBy(orders.region, desc(orders.id)),
);

export const joins = pgView("joins").as((qb) =>
  qb
    .select({ id: orders.id, manager: regions.manager })
    .from(orders)
    .rightJoin(regions, eq(regions.name, orders.region))
    .fullJoin(sq, eq(sq.region, regions.name)),
);

export const unioned = pgView("unioned").as((qb) =>
  qb.select({ r: orders.region }).from(orders).union(qb.select({ r: regions.name }).from(regions)),
);

const mgr = alias(regions, "mgr");
export const aliased = pgView("aliased").as((qb) =>
  qb.select({ id: orders.id, m: mgr.manager }).from(orders).leftJoin(mgr, eq(mgr.name, orders.region)).where(sql`${mgr.manager} is not null`),
);
export const fromAlias = pgView("from_alias").as((qb) => qb.select().from(mgr));

export const mvNoData = pgMaterializedView("mv_no_data").withNoData().as((qb) => qb.select({ id: orders.id }).from(orders));
export { sales };
