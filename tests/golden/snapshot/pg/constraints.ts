// Keys, foreign keys, unique constraints, checks and every index form, with generated names.
import {
  pgTable, serial, integer, text, varchar, boolean, jsonb, vector, timestamp,
  primaryKey, foreignKey, unique, uniqueIndex, index, check,
} from "drizzle-orm/pg-core";
import { sql, eq, and, gt, isNull, like } from "drizzle-orm";

export const orgs = pgTable("orgs", {
  id: serial().primaryKey(),
  code: varchar({ length: 8 }).notNull().unique("orgs_code_key", { nulls: "not distinct" }),
  slug: text().unique(),
});

export const members = pgTable(
  "members",
  {
    orgId: integer("org_id").notNull().references(() => orgs.id, { onDelete: "cascade", onUpdate: "restrict" }),
    userId: integer("user_id").notNull(),
    role: text().default("member"),
    parentOrg: integer("parent_org").references(() => orgs.id),
    orgCode: varchar("org_code", { length: 8 }),
    score: integer(),
    meta: jsonb(),
    emb: vector({ dimensions: 3 }),
    createdAt: timestamp("created_at"),
  },
  (t) => [
    primaryKey({ columns: [t.orgId, t.userId] }),
    foreignKey({ columns: [t.orgCode], foreignColumns: [orgs.code], name: "members_code_fk" }).onDelete("set null"),
    foreignKey({ columns: [t.parentOrg, t.userId], foreignColumns: [orgs.id, orgs.id] }),
    unique().on(t.role, t.score),
    unique("members_named_unique").on(t.userId).nullsNotDistinct(),
    check("score_positive", sql`${t.score} > 0`),
    check("role_known", sql`${t.role} in ('member', 'admin')`),
    index().on(t.score),
    index("members_score_desc").on(t.score.desc(), t.role.asc().nullsFirst()),
    index("members_created").on(t.createdAt.desc().nullsLast()),
    uniqueIndex("members_lower_role").on(sql`lower(${t.role})`),
    index("members_meta").using("gin", t.meta),
    index("members_emb").using("hnsw", t.emb.op("vector_cosine_ops")).with({ m: 16, ef_construction: 64 }),
    index("members_partial").on(t.userId).where(and(gt(t.score, 10), isNull(t.createdAt))),
    index("members_like").on(t.role).where(like(t.role, "adm%")),
    index("members_conc").on(t.orgId, t.userId).concurrently(),
    index("members_only").onOnly(t.userId),
    index("members_expr_mix").on(t.orgId, sql`(${t.score} * 2)`),
  ],
);

export const legacy = pgTable(
  "legacy",
  {
    a: integer().notNull(),
    b: integer().notNull(),
    self: integer(),
    flag: boolean(),
  },
  (t) => ({
    pk: primaryKey(t.a, t.b),
    selfRef: foreignKey({ columns: [t.self], foreignColumns: [t.a] }),
    byFlag: index("legacy_flag_idx").on(t.flag).where(eq(t.flag, true)),
  }),
);

export const nested = pgTable("nested", { x: integer(), y: integer() }, (t) => [
  [index().on(t.x), index().on(t.y)],
  check("x_lt_y", sql`${t.x} < ${t.y}`),
]);
