// limits: steps=20000
let i = 0;
while (i >= 0) {
  i++;
}
