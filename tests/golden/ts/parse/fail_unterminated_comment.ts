const a = 1;
/* a comment that never ends
const b = 2;
