# Bound and unbound methods.
class Acc:
    def __init__(self):
        self.total = 0
    def add(self, n):
        self.total += n
        return self
    def get(self):
        return self.total
x = Acc()
x.add(3).add(4)
print(x.get())
m = x.add
m(10)
print(x.total, m.__self__ is x, m.__func__ is Acc.add, Acc.add.__name__)
Acc.add(x, 100)
print(x.get())
print(type(m).__name__, type(Acc.add).__name__)
y = Acc()
print(x.add == x.add, x.add == y.add)
def external(self):
    return "external " + str(self.total)
Acc.ext = external
print(x.ext())
x.inst_fn = lambda: "not bound"
print(x.inst_fn())
