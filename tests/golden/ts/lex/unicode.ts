const \u0061b = 1; café; 名前; \u{1d4b3}x; #priv; a b   c
\u0066or
