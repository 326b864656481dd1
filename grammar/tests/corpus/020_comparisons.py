a < b <= c > d >= e == f != g
x in y not in z
p is q is not r
if not a in b: pass
chain = 1 < 2 < 3
