// Identity columns (defaults per type, negative increments, names, options) and sequences.
import { pgTable, pgSchema, pgSequence, integer, smallint, bigint, text } from "drizzle-orm/pg-core";

const app = pgSchema("app");

export const ids = pgTable("ids", {
  a: integer().generatedAlwaysAsIdentity(),
  b: smallint().generatedByDefaultAsIdentity(),
  c: bigint({ mode: "number" }).generatedByDefaultAsIdentity({ startWith: 100, increment: 5, cache: 10 }),
  d: integer().generatedAlwaysAsIdentity({ name: "custom_seq", increment: -1 }),
  e: bigint({ mode: "bigint" }).generatedAlwaysAsIdentity({ increment: "-2", minValue: -1000, cycle: true }),
  f: smallint().generatedByDefaultAsIdentity({ maxValue: 100, minValue: 10 }),
  label: text(),
});

export const appIds = app.table("app_ids", {
  id: integer().primaryKey().generatedAlwaysAsIdentity(),
});

export const plain = pgSequence("plain_seq");
export const tuned = pgSequence("tuned_seq", { startWith: 10, increment: 2, minValue: 1, maxValue: 1000, cache: 5, cycle: true });
export const down = pgSequence("down_seq", { increment: -3 });
export const stringy = pgSequence("stringy_seq", { startWith: "7", maxValue: "9223372036854775806" });
export const appSeq = app.sequence("app_seq", { increment: 1 });
export const dup = pgSequence("plain_seq", { increment: 99 });
export { app };
