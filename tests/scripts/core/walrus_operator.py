# Assignment expressions (:=).
data = [3, 8, 1, 9, 4]
if (n := len(data)) > 3:
    print("long list", n)
i = 0
while (item := data[i]) != 9:
    print("item", item)
    i += 1
print("stopped at", item)
squares = [y for x in range(6) if (y := x * x) % 2 == 0]
print(squares, y)
def f(x):
    return x * 10
results = [(v, w) for v in range(4) if (w := f(v)) > 10]
print(results)
print((a := 5) + a, a)
total = 0
vals = [1, 2, 3]
print([total := total + v for v in vals], total)
def inner():
    [z := k for k in range(3)]
    return z
print(inner())
print(any((hit := c) == "x" for c in "abxd"), hit)
