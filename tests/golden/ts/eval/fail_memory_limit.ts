// limits: memory=2097152
let s = 'x';
for (let i = 0; i < 100; i++) {
  s = s + s;
}
