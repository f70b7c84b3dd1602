// One builder object in several tables: drizzle names it with the first key it gets and the
// first table it is built for (its config is shared), which shows in generated names.
import { pgTable, text, integer, serial } from "drizzle-orm/pg-core";

const email = text().unique();
const owner = integer().references(() => people.id);
export const people = pgTable("people", { id: serial().primaryKey(), email });
export const teams = pgTable("teams", { contact: email, owner });
export const orgs = pgTable("orgs", { mail: email, boss: owner });
