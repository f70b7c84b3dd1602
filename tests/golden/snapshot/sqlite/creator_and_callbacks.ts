// sqliteTableCreator, the columns callback form, generated columns and customType.
import { sql } from 'drizzle-orm';
import { sqliteTableCreator, sqliteTable, customType, integer, text, real } from 'drizzle-orm/sqlite-core';

const table = sqliteTableCreator((name) => `app_${name}`);

const money = customType<{ data: number; config: { scale: number } }>({
  dataType(config) {
    return config ? `decimal(10, ${config.scale})` : 'decimal';
  },
  toDriver(value) {
    return String(value);
  },
});

export const orders = table('orders', (t) => ({
  id: t.integer().primaryKey(),
  qty: t.integer('qty').notNull(),
  price: t.real('price').notNull(),
  total: t.real('total').generatedAlwaysAs(sql`qty * price`),
  stored: real('stored').generatedAlwaysAs((): any => sql`${orders.qty} + 1`, { mode: 'stored' }),
  label: text('label').generatedAlwaysAs('upper(label)', { mode: 'virtual' }),
  cost: money('cost', { scale: 2 }),
  plainMoney: money(),
  ref: integer('ref').references(() => items.id, { onUpdate: 'cascade' }),
}));

export const items = table('items', {
  id: integer('id').primaryKey(),
});

export const plain = sqliteTable('plain', {
  id: integer('id').primaryKey(),
});
