let a = 0b12;
