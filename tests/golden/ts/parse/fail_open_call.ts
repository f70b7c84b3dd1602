export const t = table(
