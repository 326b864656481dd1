# A list/dict subclass with its own __repr__ sees its recursive calls itself: the builtin
# containers' "[...]" guard applies only inside their own repr (was "[...]" for the subclass).
class L(list):
    def __repr__(self):
        if getattr(self, "busy", False):
            return "<L again>"
        self.busy = True
        try:
            return "L" + list.__repr__(self)
        finally:
            self.busy = False


x = L([1])
x.append(x)
print(repr(x))
y = L()
y.append([y])
print(repr(y))


class D(dict):
    def __repr__(self):
        return "D(%d)" % len(self)


d = D(a=1)
d["self"] = d
print(repr(d), repr([d, d]))
