// Imports of names a module does not export (interfaces, type aliases) are fine as long as
// they are only used as types: TypeScript drops them. Exports of such names are dropped too.
import { Table, makeTable, Shape } from './lib';
import { Column as Col, columnValue } from './reexport';
import * as ns from './reexport';
import * as lib from './lib';

interface Local {
  a: number;
}
export { Local, Local as LocalAlias };

const t: Table = makeTable('users');
function cast(x: Shape): Col {
  return x as unknown as Col;
}
export const name = t.name;
export const casted = cast({ a: 1 } satisfies Shape);
export const value = columnValue;
export const libKeys = Object.keys(lib);
export const nsKeys = Object.keys(ns);
// --- lib.ts
export interface Table {
  name: string;
}
export type Shape = { a: number };
export function makeTable(name: string): Table {
  return { name };
}
export { Shape as ShapeAlias };
// --- reexport.ts
export { Column } from './columns';
export * from './columns';
import { ColumnType } from './columns';
export { ColumnType };
// --- columns.ts
export interface Column {
  x: number;
}
export type ColumnType = 'a' | 'b';
export const columnValue = 1;
