# Attribute sites warmed up on interned names, then instance dicts whose keys are equal but
# distinct strings (built at run time), holes, and non-str keys at the cached position.
class P:
    def __init__(self, a, b):
        self.a = a
        self.b = b

    def who(self):
        return "P.who"


def read_b(o):
    return o.b


def write_b(o, v):
    o.b = v


def call_who(o):
    return o.who()


def name(*parts):
    return "".join(parts)


p = P(1, 2)
for _ in range(3):
    print(read_b(p), call_who(p))
    write_b(p, read_b(p) + 1)

# A fresh instance whose keys are built at run time, in the same order.
q = P.__new__(P)
setattr(q, name("a"), 10)
setattr(q, name("b"), 20)
print(read_b(q), q.__dict__)
write_b(q, 21)
print(read_b(q), vars(q))

# The cached position holds another key (a different order), then a hole, then a non-str key.
r = P.__new__(P)
r.b = "first"
r.a = "second"
print(read_b(r), r.__dict__)
r2 = P.__new__(P)
r2.__dict__[name("x")] = 0
r2.__dict__[name("b")] = "via dict"
print(read_b(r2))
write_b(r2, "stored")
print(r2.__dict__)
del r2.__dict__["x"]
print(read_b(r2), r2.__dict__)
r3 = P(1, 2)
del r3.b
try:
    read_b(r3)
except AttributeError as e:
    print("AttributeError:", e)
write_b(r3, "back")
print(read_b(r3), r3.__dict__)
r4 = P.__new__(P)
r4.__dict__[0] = "int key"
r4.__dict__[1] = "another"
try:
    read_b(r4)
except AttributeError as e:
    print("AttributeError:", e)
write_b(r4, "b after ints")
print(read_b(r4), r4.__dict__)

# A method shadowed through a run-time key, and a class method replaced through one.
s = P(0, 0)
s.__dict__[name("w", "ho")] = lambda: "shadowed"
print(call_who(s), call_who(p))
del s.__dict__["who"]
print(call_who(s))
setattr(P, name("who"), lambda self: "new P.who")
print(call_who(s), call_who(p))

# Many instances sharing the warmed sites, each with a run-time key for `b`.
objs = []
for i in range(5):
    o = P.__new__(P)
    o.__dict__[name("a")] = i
    o.__dict__[name("b")] = i * i
    objs.append(o)
print([read_b(o) for o in objs])
for o in objs:
    write_b(o, read_b(o) + 0.5)
print([read_b(o) for o in objs], [sorted(vars(o)) for o in objs])
