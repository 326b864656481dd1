# Objects left in a function's locals are finalized when it returns, in the order CPython
# clears the frame: for plain calls, key functions called from native code, and methods.


class Noisy:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        print("del", self.name)


def three(tag):
    a = Noisy(tag + "a")
    b = Noisy(tag + "b")
    c = Noisy(tag + "c")
    return len(a.name) + len(b.name) + len(c.name)


print("plain", three("p"))
print("key", sorted([2, 1], key=lambda v: three("k%d" % v) + v))
print("max", max([1, 2], key=lambda v: three("m%d" % v) - v))


class Holder:
    def run(self):
        x = Noisy("hx")
        y = Noisy("hy")
        return x.name + y.name


print("method", Holder().run())


def scalars_then_object(n):
    total = 0
    for i in range(n):
        total += i
    obj = Noisy("after-scalars")
    return total


print("mixed", scalars_then_object(4))
print("end")
