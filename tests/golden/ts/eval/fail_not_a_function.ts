const builder = { notNull() { return this; } };
export const col = builder.notNull().primaryKey();
