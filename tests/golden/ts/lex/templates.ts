`plain` `with ${x} sub` `a${b}c${d}e` `nested ${`inner ${deep}`} out`
`obj ${ { a: 1 } } braces` `esc \` \${ \n` tag`raw\unicode`
`multi
line`
