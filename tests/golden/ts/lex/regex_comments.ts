#!/usr/bin/env node
// line comment
const re = /[a-z/]+\/x/gimsuy; /* block */ const d = a / b / c;
/** doc
 * comment */ x = /=/.test(s) ? /a/ : (1) / 2;
