# sum/any/all including start values and short-circuit.
print(sum([1, 2, 3]), sum([]), sum([1, 2], 10), sum([0.1] * 10), sum(range(5), start=-10))
print(sum([[1], [2, 3]], []), sum([(1,), (2,)], ()))
print(sum([True, True, 3]), sum([1.5, 2, 10 ** 20]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print(e)
try:
    sum([1, "a"])
except TypeError as e:
    print(e)
print(any([]), all([]), any([0, "", None]), all([1, "x", [0]]), any([0, 3]), all([1, 0]))
seen = []
def check(v):
    seen.append(v)
    return v > 2
print(any(check(v) for v in [1, 3, 5]), seen)
seen.clear()
print(all(check(v) for v in [4, 1, 5]), seen)
print(any(x > 10 for x in range(5)), all(isinstance(c, str) for c in "ab"))
