// Table forms: column callback, pgTableCreator prefixes, shared builders, reused columns,
// non-exported tables (ignored), duplicate exports, and RLS.
import { pgTable, pgTableCreator, integer, text, timestamp, index } from "drizzle-orm/pg-core";

const createTable = pgTableCreator((name) => `app_${name}`);

const timestamps = {
  createdAt: timestamp("created_at").defaultNow().notNull(),
  updatedAt: timestamp("updated_at"),
};

export const accounts = createTable("accounts", {
  id: integer().primaryKey(),
  ...timestamps,
}, (t) => [index().on(t.createdAt)]);

export const profiles = pgTable("profiles", (t) => ({
  id: t.integer().primaryKey(),
  bio: t.text(),
  score: t.numeric({ precision: 5, scale: 2 }),
  ref: t.integer().references(() => accounts.id),
}));

const internal = pgTable("internal", { id: integer() });
export const alsoAccounts = accounts;
export const rls = pgTable.withRLS ? pgTable("rls_plain", { id: integer() }) : pgTable("rls_plain", { id: integer() });
export const secured = pgTable("secured", { id: integer(), note: text() }).enableRLS();
void internal;
