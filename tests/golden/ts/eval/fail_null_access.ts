const tables: Record<string, { columns: string[] }> = {};
export const cols = tables.users.columns;
