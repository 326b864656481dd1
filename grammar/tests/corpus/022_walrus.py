if (n := 10) > 5:
    pass
while (chunk := f.read(10)):
    pass
data = [y for x in xs if (y := g(x)) is not None]
print(z := 3)
values[(i := 0)]
{(a := 1), 2}
