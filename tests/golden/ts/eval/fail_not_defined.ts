import { columns } from './helpers';

export const users = {
  id: columns.id(),
  name: vachar('name', { length: 256 }),
};
// --- helpers.ts
export const columns = { id: () => 'id' };
