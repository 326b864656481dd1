# repr/== of structures nested far deeper than the recursion limit raise RecursionError
# instead of overflowing the native stack; self-containing structures print as [...].
x = []
for i in range(100000):
    x = [x]
try:
    repr(x)
except RecursionError:
    print("deep repr caught")
a, b = [], []
for i in range(100000):
    a, b = [a], [b]
try:
    a == b
except RecursionError:
    print("deep == caught")
s = [1, 2]
s.append(s)
d = {"self": None}
d["self"] = d
print(s, d, str(s))
nested = [1]
for i in range(50):
    nested = [nested]
print(len(repr(nested)))
