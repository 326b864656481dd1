# One code object run against several globals dicts: the cache of its global lookups must
# tell the dicts apart (and a copy of a dict from the original once either changes), and see
# stores made through every route: globals()[k], exec into globals(), module attribute
# stores from another module, builtins shadowed and un-shadowed through globals().
import builtins
import _helper_reads_global as other

code = compile("def f():\n    return value, len('ab')\n", "<shared>", "exec")
g1 = {"value": 1}
g2 = {"value": 2}
exec(code, g1)
exec(code, g2)
f1, f2 = g1["f"], g2["f"]
for _ in range(3):
    print(f1(), f2())
g1["value"] = 10
print(f1(), f2())

g3 = g1.copy()
exec(code, g3)
f3 = g3["f"]
print(f1(), f3())
g3["value"] = 30
print(f1(), f3())
g1["value"] = 11
print(f1(), f3())
g3["len"] = lambda s: "g3 len"
print(f1(), f3())
del g3["len"]
print(f1(), f3())
for i in range(3):
    g = {"value": i}
    exec(code, g)
    print(g["f"]())
del g1["value"]
try:
    f1()
except NameError as e:
    print("NameError:", e)
print(f3())

x = 1


def read_x():
    return x


print(read_x())
globals()["x"] = 2
print(read_x())
exec("x = 3", globals())
print(read_x())
exec("del x", globals())
try:
    read_x()
except NameError as e:
    print("NameError:", e)
exec("x = 4")
print(read_x())


def use_abs(n):
    return abs(n)


print(use_abs(-3))
globals()["abs"] = lambda n: "shadow"
print(use_abs(-3))
del globals()["abs"]
print(use_abs(-4))
builtins.abs = lambda n: "builtin patched"
print(use_abs(-5))
del builtins.abs
try:
    use_abs(-6)
except NameError as e:
    print("NameError:", e)
builtins.abs = (lambda n: n if n >= 0 else -n)
print(use_abs(-7))

print(other.read())
for _ in range(3):
    other.read()
other.level = 2
print(other.read())
setattr(other, "level", 3)
print(other.read())
other.__dict__["level"] = 4
print(other.read())
del other.level
try:
    other.read()
except NameError as e:
    print("NameError:", e)
other.level = 5
print(other.read())
