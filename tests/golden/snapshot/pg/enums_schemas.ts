// Enums (arrays, `as const`, TS enum objects, schema enums), enum columns and arrays, schemas.
import { pgTable, pgSchema, pgEnum, integer, text } from "drizzle-orm/pg-core";

export const mood = pgEnum("mood", ["sad", "ok", "happy"]);
const levels = ["low", "high"] as const;
export const level = pgEnum("level", levels);
enum Color { Red = "red", Green = "green" }
export const color = pgEnum("color", Color);
const statusObj = { A: "active", B: "blocked" } as const;
export const status = pgEnum("status", Object.values(statusObj) as [string, ...string[]]);

export const shop = pgSchema("shop");
export const currency = shop.enum("currency", ["usd", "eur"]);
export const empty = pgSchema("empty_schema");

export const items = shop.table("items", {
  id: integer(),
  mood: mood().default("ok"),
  moods: mood().array().default(["sad", "happy"]),
  level: level("lvl").notNull(),
  color: color(),
  currency: currency(),
  currencies: currency().array(),
  status: status(),
});
export const plain = pgTable("plain", { mood: mood(), note: text() });
