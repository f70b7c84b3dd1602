// Loops, switch, labels, try/finally, destructuring in loops, getters, classes.
const out: string[] = [];
outer: for (const [i, name] of ['a', 'b', 'c'].entries()) {
  switch (name) {
    case 'a':
      out.push(`first:${i}`);
      continue;
    case 'c':
      break outer;
    default:
      out.push(`other:${name}`);
  }
}
let count = 0;
do {
  try {
    if (count === 1) continue;
    count += 10;
  } finally {
    count++;
  }
} while (count < 20);

class Shape {
  static created = 0;
  constructor(protected sides: number) {
    Shape.created++;
  }
  get description() {
    return `${this.constructor.name} with ${this.sides} sides`;
  }
}
class Square extends Shape {
  constructor() {
    super(4);
  }
}
export const results = out;
export const counter = count;
export const shape = new Square().description;
export const created = Shape.created;
