// Helper functions shared between tables: spreads, defaults, closures across files.
import { timestamps, withId, type Column } from './columns';

function table(name: string, columns: Record<string, Column>, extra?: (t: Record<string, Column>) => unknown[]) {
  const cols = { ...withId(), ...columns, ...timestamps({ soft: name === 'posts' }) };
  return { name, columns: Object.keys(cols), extra: extra ? extra(cols).length : 0 };
}

export const users = table('users', { email: { type: 'text' } });
export const posts = table('posts', { title: { type: 'varchar', length: 256 } }, (t) => [t.title, t.id]);
// --- columns.ts
export interface Column {
  type: string;
  length?: number;
}

export const withId = (): Record<string, Column> => ({ id: { type: 'serial' } });

export function timestamps({ soft = false }: { soft?: boolean } = {}) {
  const cols: Record<string, Column> = {
    createdAt: { type: 'timestamp' },
    updatedAt: { type: 'timestamp' },
  };
  if (soft) cols.deletedAt = { type: 'timestamp' };
  return cols;
}
