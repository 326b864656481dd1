# A function's global lookups stay right when the global or builtin they found changes:
# rebinding, deletion (NameError), shadowing a builtin then deleting the shadow, other
# globals dicts running the same code (exec), and functions called through every path.
import builtins


def helper():
    return "first"


def use_helper():
    return helper()


def use_len(x):
    return len(x)


print(use_helper())
for _ in range(3):
    use_helper()


def helper():
    return "second"


print(use_helper())
del helper
try:
    use_helper()
except NameError as e:
    print("NameError:", e)
helper = lambda: "lambda"
print(use_helper())

print(use_len([1, 2]))
len = lambda x: "shadowed"
print(use_len([1, 2]))
del len
print(use_len([1, 2, 3]))
saved = builtins.len
builtins.len = lambda x: "patched builtin"
print(use_len([1]))
builtins.len = saved
print(use_len([1]))

src = "def f():\n    return value\n"
g1 = {"value": 1}
g2 = {"value": 2}
exec(src, g1)
exec(src, g2)
print(g1["f"](), g2["f"]())
g1["value"] = 10
print(g1["f"](), g2["f"]())
g2["f"].__globals__["value"] = 20
print(g1["f"](), g2["f"]())

counter = 0


def bump():
    global counter
    counter += 1
    return counter


print([bump() for _ in range(3)], counter)
globals()["counter"] = 100
print(bump())


def outer():
    x = 5

    def inner(y):
        return x + y + counter
    return inner


f = outer()
print(f(1), sorted([3, 1, 2], key=f))
