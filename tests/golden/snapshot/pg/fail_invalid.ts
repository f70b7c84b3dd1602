// Values drizzle-kit cannot turn into a snapshot: unnamed expression indexes, vector indexes
// without an operator class, sql defaults with parameters or identifiers, opaque defaults.
import { pgTable, integer, text, vector, index } from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";
import { nanoid } from "nanoid";

export const a = pgTable("a", {
  x: text(),
  v: vector({ dimensions: 3 }),
  d1: text().default(sql`${"param"}`),
  d2: integer().default(sql`${sql.identifier("x")} + 1`),
  d3: text().default(nanoid()),
}, (t) => [
  index().on(sql`lower(${t.x})`),
  index("a_v_idx").using("hnsw", t.v),
]);
