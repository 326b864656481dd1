# `module.name(...)` call sites see rebinding, deletion, re-insertion at another dict
# position, module __getattr__, and different modules at the same call site.
import math
import sys

me = sys.modules[__name__]


def f():
    return "f1"


def call_f(mod):
    try:
        return mod.f()
    except AttributeError as e:
        return "AttributeError: " + str(e)


def call_sqrt(mod, x):
    return mod.sqrt(x)


out = []
for round_ in range(3):
    out.append(call_f(me))
print(out)


def f():  # rebinding: same dict entry, new value
    return "f2"


print(call_f(me), call_f(me))

del globals()["f"]
print(call_f(me))
for i in range(20):
    globals()["filler%d" % i] = i
globals()["f"] = lambda: "f3"  # back, at another position
print(call_f(me), call_f(me))

print(call_sqrt(math, 16.0))
saved = math.sqrt
math.sqrt = lambda x: "patched %s" % x
print(call_sqrt(math, 16.0))
math.sqrt = saved
print(call_sqrt(math, 25.0))


class Fake:
    @staticmethod
    def sqrt(x):
        return "fake %s" % x


for target in (math, Fake(), math, me):
    try:
        print(call_sqrt(target, 4.0))
    except AttributeError as e:
        print("AttributeError:", e)


def __getattr__(name):
    return lambda *a: "dynamic " + name


print(me.missing(), me.missing())
globals()["missing"] = lambda: "now real"
print(me.missing())
