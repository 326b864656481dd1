x = a or b and not c
y = a | b ^ c & d << 2 >> 1
z = a + b * c - d / e // f % g @ h
w = -a ** -b
v = ~a + +b - -c
u = not a == b
t = a if b else c if d else e
s = (a, b)[0] ** 2 ** 3
r = await_ = 1
