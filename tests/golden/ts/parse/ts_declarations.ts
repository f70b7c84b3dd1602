// TypeScript-only declarations disappear; enums stay.
import type { InferSelectModel, InferInsertModel } from "drizzle-orm";
import { type PgTable, pgTable } from "drizzle-orm/pg-core";

export interface Paginated<T> extends Iterable<T> {
  readonly items: T[];
  next?(): Promise<Paginated<T> | null>;
  [key: `x-${string}`]: unknown;
}

export type User = InferSelectModel<typeof users>;
export type NewUser = InferInsertModel<typeof users>;
type DeepPartial<T> = { [K in keyof T]?: T[K] extends object ? DeepPartial<T[K]> : T[K] };
type ElementOf<T> = T extends readonly (infer E)[] ? E : never;

declare global {
  namespace NodeJS {
    interface ProcessEnv { DATABASE_URL: string }
  }
}
declare module "drizzle-orm" {
  export interface Extra { x: number }
}
declare const __DEV__: boolean;
declare function assertNever(x: never): never;

export namespace Types {
  export type Id = string & { readonly __brand: unique symbol };
}

export const enum Direction { Up = 1, Down, Left = Up << 2, Right = "R".length }
enum Mixed { A = "a", B = 2, C }

abstract class Repo<T extends PgTable> implements Iterable<T> {
  protected abstract table: T;
  constructor(private readonly name: string, public limit = 10) {}
  abstract find(id: string): Promise<T | undefined>;
  declare cache: Map<string, T>;
  *[Symbol.iterator](): Iterator<T> {}
  static of<U extends PgTable>(this: void, t: U): U { return t; }
}

function overloaded(x: string): string;
function overloaded(x: number): number;
function overloaded(x: any) { return x; }

export const users = pgTable("users", {}) satisfies PgTable;
let definite!: number;
const casted = <const>["a", "b"];
const nonNull = maybe!.value!;
const fn = <T,>(x: T): x is NonNullable<T> => x != null;
