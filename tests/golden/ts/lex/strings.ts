'single' "double" 'it\'s' "say \"hi\""
"\n\r\t\b\f\v\0" '\x41\x42' '\u0041\u{1F600}' '\uD83D\uDE00'
'\101\7\08' 'a\
b' '\q\w' "caf\u00e9" "日本語"
