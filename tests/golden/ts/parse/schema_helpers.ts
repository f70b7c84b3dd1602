// Column sets shared through helpers and spreads, table callbacks in both styles,
// `as const` arrays and enums built from Object.values.
import { sql } from "drizzle-orm";
import {
  pgTable, pgEnum, serial, text, varchar, integer, timestamp, uuid, index, uniqueIndex, primaryKey,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true, mode: "string" }).defaultNow().notNull(),
  updatedAt: timestamp("updated_at").$onUpdate(() => new Date()),
};

function idColumn(name = "id") {
  return { [name]: uuid(name).primaryKey().defaultRandom() };
}

export const ROLES = ["admin", "editor", "viewer"] as const;
export type Role = (typeof ROLES)[number];
export const roleEnum = pgEnum("role", ROLES);

export enum Plan {
  Free = "free",
  Pro = "pro",
}
export const planEnum = pgEnum("plan", Object.values(Plan) as [string, ...string[]]);

export const users = pgTable(
  "users",
  {
    ...idColumn(),
    email: varchar("email", { length: 320 }).notNull().unique(),
    role: roleEnum("role").default("viewer"),
    plan: planEnum().default(Plan.Free),
    invitedBy: uuid("invited_by").references((): AnyPgColumn => users.id, { onDelete: "set null" }),
    ...timestamps,
  },
  (t) => [uniqueIndex("users_email_idx").on(sql`lower(${t.email})`), index().on(t.role, t.plan)],
);

export const memberships = pgTable("memberships", {
  userId: uuid("user_id").notNull().references(() => users.id),
  orgId: integer("org_id").notNull(),
}, (table) => ({
  pk: primaryKey({ columns: [table.userId, table.orgId] }),
}));

const tables = { users, memberships };
export const { users: usersAlias, memberships: membershipsAlias } = tables;
export { tables as default };
