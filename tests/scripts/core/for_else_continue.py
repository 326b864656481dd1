# for/else, continue, nested break, loop variable after loop.
for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime")
for i in range(5):
    if i == 2:
        continue
    print("i", i)
else:
    print("loop done, i =", i)
for ch in "":
    print("never")
else:
    print("empty else")
total = 0
for row in [[1, 2], [3, -1, 4], [5]]:
    for v in row:
        if v < 0:
            break
        total += v
print("total", total)
for x in [10, 20]:
    pass
print(x)
lst = [1, 2, 3]
for v in lst:
    if v == 1:
        lst.append(4)
    print("v", v)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a + b)
