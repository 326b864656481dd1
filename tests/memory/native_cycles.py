# Cycles through containers made natively (list(), dict(), set(), sorted, copies, split),
# through classes defined in a loop (methods using super() close over their class), and
# through bound methods and finalizers, N times (N = argv[1]): peak memory must not depend on N.
import sys

N = int(sys.argv[1])


class Base:
    def hello(self):
        return "base"


class Finalized:
    def __del__(self):
        pass


for i in range(N):
    a = list()
    a.append(a)
    d = dict()
    d["d"] = d
    c = {}.copy()
    c[0] = c
    s = sorted([2, 1])
    s.append(s)
    words = "a b c".split()
    words.append(words)

    class Local(Base):
        def hello(self):
            return super().hello()

    Local.me = Local
    obj = Local()
    obj.cb = obj.hello
    holder = set()
    obj.holder = holder
    holder.add(obj)
    f = Finalized()
    f.me = f
print("done", N)
