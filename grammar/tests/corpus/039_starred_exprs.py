a, *b = c
*a, b = c
[a, *b] = c
print(*a, *b)
x = [*a, *b]
y = (*a, *b)
z = {*a}
for *a, b in c: pass
t = *a, *b
