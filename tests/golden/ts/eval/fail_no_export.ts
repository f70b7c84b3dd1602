import { user } from './schema';
export const x = user;
// --- schema.ts
export const users = {};
