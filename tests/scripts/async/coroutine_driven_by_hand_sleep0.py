# Coroutines driven by hand with send(None): a bare asyncio.sleep(0) yields once, as in CPython.
import asyncio, types

def drive(coro):
    steps = []
    try:
        while True:
            steps.append(coro.send(None))
    except StopIteration as e:
        return steps, e.value

async def inner(n):
    for _ in range(n):
        await asyncio.sleep(0)
    return await asyncio.sleep(0, "result")

async def outer():
    a = await inner(2)
    b = await inner(0)
    return a, b

print(drive(outer()))
print(drive(asyncio.sleep(0)))
print(drive(asyncio.sleep(0, 7)))

@types.coroutine
def legacy():
    got = yield "legacy-yield"
    return got

async def uses_legacy():
    return await legacy()

c = uses_legacy()
print(c.send(None))
try:
    c.send("sent")
except StopIteration as e:
    print("stop", e.value)

async def thrower():
    try:
        await asyncio.sleep(0)
    except ValueError as e:
        return f"caught {e}"

t = thrower()
print(t.send(None))
try:
    t.throw(ValueError("boom"))
except StopIteration as e:
    print(e.value)

c = inner(1)
try:
    c.send(1)
except TypeError as e:
    print(e)
c.close()

async def main():
    print(await outer())
asyncio.run(main())

@types.coroutine
def legacy_sleep(n):
    for i in range(n):
        yield
    return n

async def use_in_loop():
    print("legacy in loop", await legacy_sleep(3))
    async def a():
        return 1
    print(types.coroutine(a) is a)
asyncio.run(use_in_loop())
try:
    types.coroutine(1)
except TypeError as e:
    print(e)
