import { sqliteTable, integer, text, real, blob } from "drizzle-orm/sqlite-core";
import { mysqlTable, int, varchar, mysqlEnum, json } from "drizzle-orm/mysql-core";

export const notes = sqliteTable("notes", {
  id: integer("id", { mode: "number" }).primaryKey({ autoIncrement: true }),
  body: text("body", { enum: ["draft", "final"] }).notNull(),
  score: real("score").default(0.5),
  data: blob("data", { mode: "json" }).$type<{ tags: string[] }>(),
  flag: integer("flag", { mode: "boolean" }).default(false),
  at: integer("at", { mode: "timestamp_ms" }).default(sql`(unixepoch() * 1000)`),
});

export const products = mysqlTable("products", {
  id: int().autoincrement().primaryKey(),
  name: varchar({ length: 191 }).notNull(),
  size: mysqlEnum(["s", "m", "l"]).default("m"),
  attrs: json().$type<Record<string, unknown>>().default({}),
  price: int().default(-1),
  big: bigint("big", { mode: "bigint" }).default(9007199254740993n),
});
