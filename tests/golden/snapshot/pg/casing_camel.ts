// casing: camelCase
import { pgTable, integer, text, index } from "drizzle-orm/pg-core";

export const things = pgTable("things", {
  thing_id: integer().primaryKey(),
  owner_name: text(),
  "weird-key": text(),
  Already_Mixed: text("kept_as_is"),
}, (t) => [index().on(t.owner_name)]);
