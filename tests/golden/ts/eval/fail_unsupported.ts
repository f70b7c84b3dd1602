// Code built at run time is not evaluated.
const make = new Function('a', 'return a * 2');
export const doubled = make(2);
