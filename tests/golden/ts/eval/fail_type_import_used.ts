// A name imported from a module that does not export it is an error once it is read at run
// time (here an interface used as a value inside a helper).
import { pgTable, Users } from './schema';

function build() {
  return pgTable(Users);
}
export const table = build();
// --- schema.ts
export interface Users {
  id: number;
}
export const pgTable = (x: unknown) => x;
