import { createId } from '@paralleldrive/cuid2';

// Referencing the function is fine; using its result as a value is not.
export const defaultFn = () => createId();
export const prefix = 'id_' + createId();
