# iscoroutine / iscoroutinefunction on a range of objects.
import asyncio

async def native():
    return 1

def plain():
    return 1

def gen():
    yield 1

class WithAsyncMethod:
    async def method(self):
        return 2

    def sync_method(self):
        return 3

obj = WithAsyncMethod()
checks = [
    ('native', native),
    ('plain', plain),
    ('gen', gen),
    ('async method', obj.method),
    ('sync method', obj.sync_method),
    ('lambda', lambda: None),
]
for name, f in checks:
    print(name, 'iscoroutinefunction:', asyncio.iscoroutinefunction(f))

c = native()
g = gen()
print('coroutine object iscoroutine:', asyncio.iscoroutine(c))
print('generator object iscoroutine:', asyncio.iscoroutine(g))
print('function iscoroutine:', asyncio.iscoroutine(native))
print('int iscoroutine:', asyncio.iscoroutine(5))
c.close()
g.close()

async def main():
    t = asyncio.create_task(native())
    print('task iscoroutine:', asyncio.iscoroutine(t))
    print('task isfuture:', asyncio.isfuture(t))
    print('await task ->', await t)

asyncio.run(main())
