# Chained comparisons evaluate each operand once and short-circuit.
calls = []
def v(x):
    calls.append(x)
    return x
print(v(1) < v(2) < v(3))
print(calls); calls.clear()
print(v(3) < v(2) < v(1))
print(calls); calls.clear()
print(v(1) < v(5) > v(2) == v(2) != v(9))
print(calls); calls.clear()
x = 5
print(0 < x <= 5, 0 < x < 5, 1 < 2 > 1, 3 == 3 == 3.0, 1 < 2 < 2)
n, f = None, False
print(1 in [1, 2] in [[1, 2]], 1 is not n is not f)
print("a" < "b" < "c", (1, 2) < (1, 3) <= (1, 3))
print([1, 2] < [1, 2, 0], [] < [0], (2,) > (1, 9, 9))
print("abc" < "abd", "Z" < "a", "" < "a", "ab" < "abc")
print(None == None, None is None, 1 == 1.0 == True)
r = 1 < 2 and 2 < 3
print(r)
try:
    print(1 < "a")
except TypeError as e:
    print(e)
try:
    print([1] < (1,))
except TypeError as e:
    print(e)
print(1 == "1", [1] == (1,), {} == [])
