// Tables built in loops and helper functions.
import { pgTable, text, integer } from "drizzle-orm/pg-core";

const tenants = ["acme", "globex"] as const;
export const tenantTables: Record<string, ReturnType<typeof makeTable>> = {};

function makeTable<const N extends string>(name: N, extra?: { withScore?: boolean }) {
  const columns: Record<string, any> = { name: text("name") };
  if (extra?.withScore ?? false) columns.score = integer("score").default(0);
  return pgTable(`${name}_items`, columns);
}

for (const tenant of tenants) {
  tenantTables[tenant] = makeTable(tenant, { withScore: tenant.length > 4 });
}

let i = 0;
while (i < 3) {
  i += 1;
  if (i % 2 === 0) continue;
}

const pick = (k: keyof typeof tenantTables) => tenantTables[k]!;
export const acme = pick("acme");
export const [first, , third = null, ...others] = Object.values(tenantTables);
label: for (const k in tenantTables) {
  switch (k) {
    case "acme":
      break label;
    default:
      delete tenantTables[k];
  }
}
try {
  JSON.parse("{");
} catch (e: unknown) {
  void e;
} finally {
  i = 0;
}
