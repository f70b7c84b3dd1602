// TS enums (numeric with reverse mapping, string, const) and `as const` objects.
export enum Role {
  Admin,
  User = 10,
  Guest,
}
export enum Status {
  Active = 'active',
  Inactive = 'inactive',
}
const enum Flags {
  A = 1,
  B = A << 1,
  AB = A | B,
}
export const flags = [Flags.A, Flags.B, Flags.AB];
export const roles = Object.values(Status) as [string, ...string[]];
export const config = { dialect: 'postgresql', strict: true } as const satisfies Record<string, unknown>;
export const keys = Object.keys(Role).filter((k) => isNaN(Number(k)));
