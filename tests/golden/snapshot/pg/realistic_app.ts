// A typical application schema: shared column helpers, relations (ignored), $type, uuid keys,
// enums, soft-delete partial indexes, composite keys on join tables, RLS policies.
import { relations, sql, type InferSelectModel } from "drizzle-orm";
import {
  pgTable, pgEnum, uuid, text, varchar, timestamp, boolean, integer, jsonb, index, uniqueIndex,
  primaryKey, pgPolicy, type AnyPgColumn,
} from "drizzle-orm/pg-core";

const timestamps = {
  createdAt: timestamp("created_at", { withTimezone: true }).defaultNow().notNull(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).$onUpdate(() => new Date()),
  deletedAt: timestamp("deleted_at", { withTimezone: true }),
};

export const planEnum = pgEnum("plan", ["free", "pro", "enterprise"]);
export const roleEnum = pgEnum("member_role", ["owner", "admin", "member"]);

export const organizations = pgTable("organizations", {
  id: uuid("id").primaryKey().defaultRandom(),
  name: varchar("name", { length: 120 }).notNull(),
  slug: varchar("slug", { length: 64 }).notNull().unique(),
  plan: planEnum("plan").notNull().default("free"),
  settings: jsonb("settings").$type<{ theme?: string }>().default({}).notNull(),
  parentId: uuid("parent_id").references((): AnyPgColumn => organizations.id, { onDelete: "set null" }),
  ...timestamps,
}, (t) => [
  index("organizations_name_idx").on(t.name),
  index("organizations_live_idx").on(t.slug).where(sql`${t.deletedAt} is null`),
]);

export const users = pgTable("users", {
  id: uuid("id").primaryKey().defaultRandom(),
  email: text("email").notNull(),
  displayName: text("display_name"),
  isAdmin: boolean("is_admin").default(false).notNull(),
  loginCount: integer("login_count").default(0),
  ...timestamps,
}, (t) => [uniqueIndex("users_email_lower_idx").on(sql`lower(${t.email})`)]);

export const memberships = pgTable("memberships", {
  orgId: uuid("org_id").notNull().references(() => organizations.id, { onDelete: "cascade" }),
  userId: uuid("user_id").notNull().references(() => users.id, { onDelete: "cascade" }),
  role: roleEnum("role").default("member").notNull(),
  createdAt: timestamps.createdAt,
}, (t) => [
  primaryKey({ columns: [t.orgId, t.userId] }),
  index().on(t.userId),
  pgPolicy("members_read", { for: "select", to: "authenticated", using: sql`${t.userId} = auth.uid()` }),
]).enableRLS();

export const organizationsRelations = relations(organizations, ({ many, one }) => ({
  memberships: many(memberships),
  parent: one(organizations, { fields: [organizations.parentId], references: [organizations.id] }),
}));
export const usersRelations = relations(users, ({ many }) => ({ memberships: many(memberships) }));

export type User = InferSelectModel<typeof users>;
