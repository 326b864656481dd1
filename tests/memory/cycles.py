# Builds small reference cycles N times (N = argv[1]): with a cycle collector, peak memory
# does not depend on N.
import sys

N = int(sys.argv[1])


class Node:
    pass


def make_closure():
    def f():
        return f
    return f


for i in range(N):
    a = []
    a.append(a)
    x = Node()
    y = Node()
    x.other = y
    y.other = x
    g = make_closure()
    d = {}
    d["self"] = d
    try:
        raise ValueError(i)
    except ValueError as e:
        x.err = e
        e.holder = x
print("done", N)
