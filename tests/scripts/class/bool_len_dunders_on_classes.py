# __len__ drives len() and truthiness; __index__ allows use as index.
class Bag:
    def __init__(self, *items): self.items = list(items)
    def __len__(self): return len(self.items)
b = Bag(1, 2)
print(len(b), bool(b), bool(Bag()), "yes" if Bag(0) else "no")
class BadLen:
    def __len__(self): return "3"
try:
    len(BadLen())
except TypeError as e:
    print(e)
class Idx:
    def __init__(self, v): self.v = v
    def __index__(self): return self.v
print([10, 20, 30][Idx(1)], "abcd"[Idx(2):], hex(Idx(255)), bin(Idx(5)), range(Idx(3)))
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print(e)
