import { columns, varchar } from './helpers';

export const users = {
  id: columns.id(),
  name: vachar('name', { length: 256 }),
};
// --- helpers.ts
export const columns = { id: () => 'id' };
export const varchar = (name: string, config?: { length: number }) => ({ name, ...config });
