// Roles (options, existing), policies inside tables and linked from outside, RLS.
import { pgTable, pgSchema, pgRole, pgPolicy, integer, text } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const admin = pgRole("admin", { createDb: true, createRole: true, inherit: false });
export const reader = pgRole("reader");
export const existingRole = pgRole("rds_superuser").existing();

export const docs = pgTable(
  "docs",
  { id: integer().primaryKey(), owner: text() },
  (t) => [
    pgPolicy("docs_owner", { as: "permissive", for: "select", to: ["public", reader, "current_user"], using: sql`${t.owner} = current_user` }),
    pgPolicy("docs_admin", { as: "restrictive", for: "all", to: admin, using: sql`true`, withCheck: sql`true` }),
    pgPolicy("docs_default"),
  ],
).enableRLS();

export const notes = pgTable("notes", { id: integer(), body: text() });
export const notesPolicy = pgPolicy("notes_insert", { for: "insert", to: "authenticated", withCheck: sql`length(body) < 100` }).link(notes);

const priv = pgSchema("priv");
const hidden = priv.table("hidden", { id: integer() });
export const hiddenPolicy = pgPolicy("hidden_read", { for: "select", using: sql`true` }).link(hidden);

export const orphan = pgPolicy("orphan_policy", { using: sql`false` });
