# The `LoadGlobal` cache keeps a copy of the global's value (without a count) while the
# dict's version shows it unchanged: every way a global or builtin can change under a cached
# load must be seen, and the cache must not keep a rebound or deleted value alive.
import asyncio
import builtins
import sys
import _helper_reads_global as other

mod = sys.modules[__name__]


class Noisy:
    def __init__(self, n):
        self.n = n

    def __del__(self):
        print("del", self.n)


obj = Noisy(1)


def read_obj():
    return obj.n


print(read_obj(), read_obj())
obj = Noisy(2)
print("rebound", read_obj())
del obj
print("deleted")
try:
    read_obj()
except NameError as e:
    print("NameError:", e)

level = 0


def read_level():
    return level


out = []
for i in range(4):
    level = i * 10
    out.append(read_level())
print("module loop", out)


def bump_level():
    global level
    level += 1
    return read_level()


print("global stmt", [bump_level() for _ in range(3)])
out = []
for i in range(3):
    mod.level = 100 + i
    out.append(read_level())
print("mod attr", out)
for i in range(3):
    setattr(mod, "level", 200 + i)
    out.append(read_level())
print("setattr", out)
for i in range(3):
    globals()["level"] = 300 + i
    out.append(read_level())
print("globals()", out)
exec("level = 400", globals())
print("exec", read_level())
mod.__dict__.update(level=500)
print("update", read_level())
delattr(mod, "level")
try:
    read_level()
except NameError as e:
    print("NameError:", e)
level = 600
print("back", read_level())

for i in range(3):
    other.level = i
    print("other module", other.read(), read_level())


def use_abs(x):
    return abs(x)


print(use_abs(-3), use_abs(-4))
abs = lambda x: "shadow"
print(use_abs(-3))
del abs
print(use_abs(-5))
saved = builtins.abs
builtins.abs = lambda x: "patched"
print(use_abs(-6))
del builtins.abs
try:
    use_abs(-7)
except NameError as e:
    print("NameError:", e)
builtins.abs = saved
print(use_abs(-8))


class NS:
    pass


ns = NS()
ns.value = -1
code = compile("def f():\n    return value\n", "<ns>", "exec")
exec(code, ns.__dict__)
f = ns.__dict__["f"]
out = []
for i in range(4):
    ns.value = i
    out.append(f())
print("instance dict as globals", out)
copy = dict(ns.__dict__)
exec(code, copy)
g = copy["f"]
out = []
for i in range(3):
    ns.value = 10 + i
    copy["value"] = 20 + i
    out.append((f(), g()))
print("copy shares code", out)


def gen():
    while True:
        yield level


it = gen()
print("gen", next(it))
level = 601
print("gen", next(it))
globals()["level"] = 602
print("gen", next(it))


async def co(ev):
    first = level
    await ev.wait()
    return first, level


async def main():
    global level
    ev = asyncio.Event()
    task = asyncio.ensure_future(co(ev))
    await asyncio.sleep(0)
    level = 700
    ev.set()
    print("coroutine", await task)


asyncio.run(main())


def make_adder():
    def add(y):
        return level + y
    return add


add = make_adder()
print("closure", add(1))
level = 800
print("closure", add(1))


class Reader:
    seen = level

    def get(self):
        return level


r = Reader()
print("class", Reader.seen, r.get())
level = 900
print("class", Reader.seen, r.get())
