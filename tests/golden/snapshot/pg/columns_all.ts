// Every pg-core column builder with its parameters and modes, arrays and custom types.
import {
  pgTable, integer, smallint, bigint, serial, smallserial, bigserial, numeric, decimal, real, doublePrecision,
  boolean, text, varchar, char, json, jsonb, uuid, date, time, timestamp, interval, inet, cidr, macaddr,
  macaddr8, point, line, geometry, vector, halfvec, sparsevec, bit, customType,
} from "drizzle-orm/pg-core";

const citext = customType<{ data: string }>({ dataType: () => "citext" });
const money = customType<{ data: number; config: { precision?: number } }>({
  dataType: (config) => (config?.precision ? `money(${config.precision})` : "money"),
});

export const numbers = pgTable("numbers", {
  i: integer(),
  s: smallint("s_named"),
  b53: bigint({ mode: "number" }),
  b64: bigint("b64", { mode: "bigint" }),
  ser: serial(),
  sser: smallserial(),
  bser: bigserial({ mode: "number" }),
  bser64: bigserial({ mode: "bigint" }),
  n: numeric(),
  np: numeric({ precision: 10 }),
  nps: numeric({ precision: 10, scale: 2 }),
  ns: numeric({ scale: 3 }),
  nnum: numeric({ mode: "number", precision: 6, scale: 1 }),
  nbig: numeric({ mode: "bigint" }),
  dec: decimal({ precision: 4, scale: 0 }),
  r: real(),
  dp: doublePrecision(),
});

export const texts = pgTable("texts", {
  b: boolean(),
  t: text(),
  te: text({ enum: ["a", "b"] }),
  v: varchar(),
  vl: varchar({ length: 255 }),
  c: char(),
  cl: char({ length: 3 }),
  j: json(),
  jb: jsonb(),
  u: uuid().defaultRandom(),
  ci: citext(),
  m: money({ precision: 2 }),
  m0: money("m0"),
});

export const times = pgTable("times", {
  d: date(),
  dd: date({ mode: "date" }),
  t: time(),
  tp: time({ precision: 3 }),
  ttz: time({ withTimezone: true }),
  tptz: time({ precision: 0, withTimezone: true }),
  ts: timestamp(),
  tsp: timestamp({ precision: 6 }),
  tss: timestamp({ mode: "string", precision: 2 }),
  tstz: timestamp({ withTimezone: true, precision: 3 }).defaultNow(),
  iv: interval(),
  ivf: interval({ fields: "day to second" }),
  ivp: interval({ precision: 4 }),
  ivfp: interval({ fields: "second", precision: 2 }),
  iv0: interval({ precision: 0 }),
});

export const others = pgTable("others", {
  ip: inet(),
  net: cidr(),
  mac: macaddr(),
  mac8: macaddr8(),
  p: point(),
  pxy: point({ mode: "xy" }),
  l: line(),
  labc: line({ mode: "abc" }),
  g: geometry({ type: "point", srid: 4326 }),
  gx: geometry({ mode: "xy" }),
  vec: vector({ dimensions: 3 }),
  hv: halfvec({ dimensions: 2 }),
  sv: sparsevec({ dimensions: 5 }),
  bt: bit({ dimensions: 8 }),
});

export const arrays = pgTable("arrays", {
  ints: integer().array(),
  sized: integer().array(3),
  matrix: integer().array().array(),
  cube: text().array(2).array().array(4),
  nn: integer().notNull().array(),
  nn2: integer().array().notNull(),
  ts: timestamp({ precision: 3 }).array(),
  vcs: varchar({ length: 20 }).array(),
  js: jsonb().array(),
});
