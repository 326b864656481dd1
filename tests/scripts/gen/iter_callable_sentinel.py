# iter(callable, sentinel) calls until the sentinel is returned.
values = [3, 1, 4, 0, 5]
pos = 0
def reader():
    global pos
    v = values[pos]
    pos += 1
    return v
print(list(iter(reader, 0)), pos)
chunks = iter(["ab", "cd", "", "ef"])
print(list(iter(lambda: next(chunks), "")))
class Die:
    def __init__(self, rolls): self.rolls = list(rolls)
    def __call__(self): return self.rolls.pop(0)
print(list(iter(Die([2, 5, 6, 1]), 6)))
it = iter(lambda: "x", "y")
print(next(it), next(it))
try:
    iter(5, 0)
except TypeError as e:
    print(e)
