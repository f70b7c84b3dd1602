// Views: query-builder forms (joins, aggregates, ordering, limits, distinct), raw sql with
// columns, existing views, materialized options, schema views and views selecting from views.
import { pgTable, pgSchema, pgView, pgMaterializedView, integer, text, boolean, timestamp } from "drizzle-orm/pg-core";
import { sql, eq, and, gt, desc, asc, count, isNotNull, inArray, or, between } from "drizzle-orm";

export const users = pgTable("users", {
  id: integer().primaryKey(),
  name: text().notNull(),
  active: boolean().default(true),
  createdAt: timestamp("created_at"),
});
export const posts = pgTable("posts", {
  id: integer().primaryKey(),
  authorId: integer("author_id").references(() => users.id),
  title: text(),
});

export const joined = pgView("joined").as((qb) =>
  qb
    .select({ userId: users.id, title: posts.title, n: sql<number>`length(${posts.title})`.as("n") })
    .from(users)
    .innerJoin(posts, eq(posts.authorId, users.id))
    .where(and(eq(users.active, true), isNotNull(posts.title))),
);

export const counts = pgView("counts").as((qb) =>
  qb
    .select({ authorId: posts.authorId, total: count().as("total") })
    .from(posts)
    .groupBy(posts.authorId)
    .having(gt(count(), 1))
    .orderBy(desc(posts.authorId))
    .limit(10)
    .offset(5),
);

export const everything = pgView("everything").as((qb) => qb.select().from(users).leftJoin(posts, eq(posts.authorId, users.id)));

export const distinctNames = pgView("distinct_names").as((qb) =>
  qb.selectDistinct({ name: users.name }).from(users).orderBy(asc(users.name)),
);

export const filtered = pgView("filtered", { id: integer(), name: text() })
  .with({ securityInvoker: true })
  .as(sql`select id, name from ${users} where ${users.id} in ${[1, 2, 3]} and ${users.name} <> ${"x"}`);

export const params = pgView("params").as((qb) =>
  qb.select({ id: users.id }).from(users).where(or(inArray(users.id, [1, 2]), between(users.id, 10, 20), eq(users.name, "o'k"))),
);

export const legacyView = pgView("legacy_view", { id: integer() }).existing();
export const legacyMv = pgMaterializedView("legacy_mv", { id: integer() }).existing();

export const mv = pgMaterializedView("mv")
  .tablespace("pg_default")
  .with({ autovacuumEnabled: true, fillfactor: 70 })
  .as((qb) => qb.select({ id: users.id, name: users.name }).from(users));

const rpt = pgSchema("rpt");
export const rptView = rpt.view("rpt_view").as((qb) => qb.select({ n: users.name }).from(users).where(eq(users.id, 1)));
export const fromView = pgView("from_view").as((qb) => qb.select().from(distinctNames).where(sql`${distinctNames.name} <> ''`));
export { rpt };
