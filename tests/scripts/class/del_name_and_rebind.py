# __del__ runs when the last reference goes away: `del name`, rebinding, `del` of several.
class Tracked:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("finalize", self.name)


a = Tracked("a")
del a
print("after del a")

b = Tracked("b1")
b = Tracked("b2")
print("after rebind b")

c = Tracked("c")
alias = c
del c
print("still referenced by alias")
alias = None
print("after alias = None")

x, y = Tracked("x"), Tracked("y")
del x, y
print("after del x, y")

d = {"k": Tracked("in dict")}
d["k"] = 1
print("after dict overwrite")
d["k"] = Tracked("again")
del d["k"]
print("after del d[k]")


class Holder:
    pass


h = Holder()
h.t = Tracked("attr")
del h.t
print("after del h.t")
h.t = Tracked("attr2")
h = None
print("after dropping holder")
