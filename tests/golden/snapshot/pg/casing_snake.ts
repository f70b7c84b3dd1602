// casing: snake_case
// Keys converted to snake_case only where no name was given; names built from keys (pk, fk,
// unique) follow drizzle-kit's first-occurrence replacement.
import { pgTable, pgView, integer, text, primaryKey, foreignKey, unique, index, check } from "drizzle-orm/pg-core";
import { sql, eq } from "drizzle-orm";

export const userAccounts = pgTable("user_accounts", {
  accountId: integer().primaryKey(),
  displayName: text("DisplayName"),
  emailAddress: text().unique(),
  HTTPStatus: integer(),
  version2Field: text(),
});

export const accountLinks = pgTable(
  "account_links",
  {
    fromAccount: integer().notNull(),
    toAccount: integer().notNull(),
    linkType: text(),
  },
  (t) => [
    primaryKey({ columns: [t.fromAccount, t.toAccount] }),
    foreignKey({ columns: [t.fromAccount], foreignColumns: [userAccounts.accountId] }),
    unique().on(t.linkType, t.toAccount),
    index().on(t.linkType),
    check("link_type_check", sql`${t.linkType} <> ''`),
  ],
);

export const names = pgView("names").as((qb) =>
  qb.select({ id: userAccounts.accountId, email: userAccounts.emailAddress }).from(userAccounts).where(eq(userAccounts.HTTPStatus, 200)),
);
