import { integer } from "drizzle-orm/sqlite-core";
import { sql } from "drizzle-orm";

// Timestamps shared by every table, spread into each table's columns.
export const timestamps = {
  createdAt: integer("created_at", { mode: "timestamp" })
    .notNull()
    .default(sql`(unixepoch())`),
  updatedAt: integer("updated_at", { mode: "timestamp" }).$onUpdate(() => new Date()),
};
