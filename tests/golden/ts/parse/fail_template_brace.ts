let s = `a${b`;
