// limits: depth=20
const parent = (n: number): number => child(n + 1);
const child = (n: number): number => parent(n);
export const x = parent(0);
