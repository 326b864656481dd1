# A statement's intermediate values die when it ends, as CPython's stack releases them:
# finalizers run and weak references go dead before the next statement's output.
import asyncio
import gc
import weakref


class D:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)

    def me(self):
        return self


class Plain:
    pass


def make(tag):
    return D(tag)


print("-- module level")
b = Plain()
r = weakref.ref(b)
print(r() is b)
del b
print("ref after del:", r())
x = [D("in list")]
print(len(x[0].tag))
x = None
print("after rebinding x")
make("discarded")
print("after discarded call")
y = make("chained").me().tag
print("after chained:", y)
if make("in test").tag:
    print("in if body")
print("after if")
with open(__file__) as f:
    first = f.readline().split()[0]
print("after with:", first)
try:
    raise ValueError(make("in raise").tag)
except ValueError as e:
    print("caught", e)
print("after try")
for i in range(2):
    make(f"loop {i}")
print("after loop")


def in_function():
    print("-- function")
    b = Plain()
    r = weakref.ref(b)
    print(r() is b)
    del b
    print("ref after del:", r())
    x = [D("f list")]
    print(len(x[0].tag))
    x = None
    print("after rebinding x")
    make("f discarded")
    print("after discarded call")
    total = 0
    for i in range(3):
        total += len(make(f"f loop {i}").tag)
    print("after loop", total)
    return make("returned").tag


print(in_function())
print("after function")


async def coro():
    print("-- coroutine")
    await asyncio.sleep(0)
    make("before await")
    await asyncio.sleep(0)
    print("after await")
    v = (await asyncio.sleep(0, make("awaited result"))).tag
    print("got", v)
    w = weakref.ref(await asyncio.sleep(0, Plain()))
    print("awaited object dead:", w() is None)


asyncio.run(coro())


class Holder:
    item = make("class body temp").me()
    print("in class body")


print("after class")
gc.collect()
print("end")
