import { users } from './schema/user';
export { users };
