// Misused builders are reported where they are called.
import { pgTable, integer } from "drizzle-orm/pg-core";

export const a = pgTable("a", { x: integer(), y: "integer" });
