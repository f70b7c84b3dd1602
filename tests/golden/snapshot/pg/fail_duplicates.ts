// drizzle-kit refuses duplicate index, unique, check, policy and view names.
import { pgTable, pgView, pgPolicy, integer, text, index, unique, check } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const a = pgTable("a", { x: integer(), y: text().unique("a_y_key") }, (t) => [
  index("shared_idx").on(t.x),
  unique("a_y_key").on(t.x),
  check("c1", sql`${t.x} > 0`),
  check("c1", sql`${t.x} < 10`),
  pgPolicy("p1"),
  pgPolicy("p1", { for: "select" }),
]);

export const b = pgTable("b", { x: integer() }, (t) => [index("shared_idx").on(t.x)]);

export const v1 = pgView("v", { id: integer() }).as(sql`select 1 as id`);
export const v2 = pgView("v", { id: integer() }).as(sql`select 2 as id`);
