# Conditional expressions and their laziness.
def loud(x):
    print("eval", x)
    return x
for n in [-3, 0, 4]:
    s = "neg" if n < 0 else "zero" if n == 0 else "pos"
    print(n, s)
print(loud("yes") if True else loud("no"))
print(loud("yes") if 0 else loud("no"))
x = [1, 2][0] if [] else (3, 4)
print(x)
f = (lambda v: v * 2) if x else (lambda v: v)
print(f(21))
print([("even" if i % 2 == 0 else "odd") for i in range(4)])
print(1 + (10 if False else 20) * 2)
