// ESM importing CommonJS (module.exports, exports.x, transpiled __esModule) and JSON.
import legacy, { helper } from './legacy.cjs';
import transpiled from './transpiled.js';
import settings from './settings.json';
const { twice } = require('./legacy.cjs');

export const out = [legacy.version, helper(2), twice(21), transpiled.name, settings.tables.length];
// --- legacy.cjs
const version = '1.0';
module.exports = { version, helper: (x) => x + 1 };
module.exports.twice = (x) => x * 2;
// --- transpiled.js
"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.default = { name: 'from tsc' };
// --- settings.json
{ "tables": ["users", "posts", "comments"] }
