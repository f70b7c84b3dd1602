import { table } from './lib';

export const users = table('');
// --- lib.ts
function validate(name: string) {
  if (!name) throw new Error('table name must not be empty');
  return name;
}
export function table(name: string) {
  return { name: validate(name) };
}
