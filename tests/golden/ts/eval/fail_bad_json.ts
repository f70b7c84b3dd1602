import data from './data.json';
export const d = data;
// --- data.json
{ "a": 1, }
