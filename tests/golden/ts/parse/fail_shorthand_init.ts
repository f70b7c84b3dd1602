const cfg = { a = 1 };
