# Flag and IntFlag: auto powers of two, combination, membership, reprs.
from enum import Flag, IntFlag, auto


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()


rw = Perm.R | Perm.W
print(rw, repr(rw), Perm.R in rw, Perm.X in rw, list(Perm), [m.value for m in Perm])
print(Perm(5), bool(Perm.R & Perm.W), repr(Perm.R & Perm.W), rw == Perm(3), rw.value)
print(list(rw), len(rw), Perm.R | Perm.W | Perm.X)


class Mask(IntFlag):
    A = 1
    B = 2
    C = 4


m = Mask.A | Mask.C
print(m, repr(m), m == 5, m & Mask.C, int(m), Mask.B in m)
