// Generated columns (virtual default, stored, string and callback forms), tableCreator,
// callback-form columns and customType.
import { sql } from 'drizzle-orm';
import { mysqlTableCreator, mysqlTable, customType, int, varchar, text } from 'drizzle-orm/mysql-core';

const table = mysqlTableCreator((name) => `pre_${name}`);

const point = customType<{ data: string }>({
  dataType() {
    return 'point';
  },
});

export const shapes = table('shapes', (t) => ({
  id: t.int().primaryKey(),
  w: t.int('w').notNull(),
  h: t.int('h').notNull(),
  area: int('area').generatedAlwaysAs(sql`w * h`),
  stored: int('stored').generatedAlwaysAs((): any => sql`${shapes.w} + ${shapes.h}`, { mode: 'stored' }),
  label: varchar('label', { length: 20 }).generatedAlwaysAs("concat('s', id)"),
  at: point('at'),
  notes: text('notes'),
  ref: int('ref').references(() => plain.id),
}));

export const plain = mysqlTable('plain', { id: int('id').primaryKey() });
