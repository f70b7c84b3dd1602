// Column defaults: strings with quotes, numbers, booleans, json/jsonb values, dates by column
// type, array literals (buildArrayString), sql defaults, runtime-only defaults.
import {
  pgTable, integer, text, varchar, boolean, json, jsonb, date, timestamp, real, numeric, doublePrecision,
  bigint, uuid, time, point, interval,
} from "drizzle-orm/pg-core";
import { sql } from "drizzle-orm";

export const defaults = pgTable("defaults", {
  s: text().default("it's"),
  sq: varchar({ length: 10 }).default('say "hi"'),
  empty: text().default(""),
  n: integer().default(42),
  neg: integer().default(-7),
  f: real().default(1.5),
  big: doublePrecision().default(1e21),
  tiny: doublePrecision().default(0.000001),
  num: numeric().default("12.50"),
  numNum: numeric({ mode: "number" }).default(3.25),
  b53: bigint({ mode: "number" }).default(9007199254740991),
  t: boolean().default(true),
  fl: boolean().default(false),
  j: json().default({ a: 1, b: [true, null], c: "x'y" }),
  jb: jsonb().default([1, 2, 3]),
  jbs: jsonb().default("str"),
  jbn: jsonb().default(5),
  d: date().default("2024-01-02"),
  dd: date({ mode: "date" }).default(new Date("2024-03-04T05:06:07.089Z")),
  ts: timestamp().default(new Date("2024-03-04T05:06:07.089Z")),
  tsp: timestamp({ precision: 3 }).default(new Date("2024-03-04T05:06:07.089Z")),
  tstz: timestamp({ withTimezone: true }).default(new Date(0)),
  tm: time().default("10:00:00"),
  iv: interval().default("1 day"),
  pt: point().default([1, 2]),
  ptxy: point({ mode: "xy" }).default({ x: 3, y: 4 }),
  nowish: timestamp().default(sql`now()`),
  expr: integer().default(sql`1 + ${2}`.inlineParams()),
  u: uuid().default(sql`gen_random_uuid()`),
  fn: text().$defaultFn(() => "runtime"),
  upd: timestamp().$onUpdate(() => new Date()),
});

export const arrayDefaults = pgTable("array_defaults", {
  ints: integer().array().default([1, 2, 3]),
  empty: integer().array().default([]),
  nested: integer().array().array().default([[1, 2], [3, 4]]),
  strs: text().array().default(["a", "b c", 'd"e']),
  bools: boolean().array().default([true, false]),
  dates: date({ mode: "date" }).array().default([new Date("2020-01-01T00:00:00Z")]),
  stamps: timestamp().array().default([new Date("2020-01-01T10:11:12.345Z")]),
  stampsp: timestamp({ precision: 2 }).array().default([new Date("2020-01-01T10:11:12.345Z")]),
  objs: jsonb().array().default([{ a: 1 }, null]),
  sqlArr: text().array().default(sql`'{}'::text[]`),
  sized: integer().array(2).default([7, 8]),
});
