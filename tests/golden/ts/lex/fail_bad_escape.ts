const x = 5 @ 3;
const y = "\x";
