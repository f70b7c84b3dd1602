// A tag receives a frozen strings array with .raw, then the values (like drizzle's sql``).
function sql(strings: TemplateStringsArray, ...values: unknown[]) {
  return {
    text: strings.reduce((acc, s, i) => acc + s + (i < values.length ? `$${i + 1}` : ''), ''),
    raw: strings.raw,
    values,
    frozen: Object.isFrozen(strings) && Object.isFrozen(strings.raw),
  };
}
const column = 'count';
export const check = sql`${column} >= 0 AND note <> '\n'`;
export const nestedTemplate = `outer ${`inner ${1 + 1}`}`;
export const rawString = String.raw`C:\path\${column}`;
