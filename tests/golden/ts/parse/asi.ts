// Automatic semicolon insertion and restricted productions.
let a = 1
let b = a
++b
const c = () => {
  return
  42
}
const d = a
(b)
const e = `t`
`u`
throw_like: {
  break throw_like
}
do a++; while (a < 3) b--
x
/y/g
const f = function () {}
;[1, 2].forEach(print)
if (x) /re/.exec(y)
