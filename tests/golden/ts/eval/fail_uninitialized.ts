export const posts = { author: users.id };
export const users = { id: 'id' };
