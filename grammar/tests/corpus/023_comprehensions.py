squares = [x * x for x in range(10)]
evens = {x for x in range(10) if x % 2 == 0}
mapping = {k: v for k, v in pairs if k if v}
gen = (x for x in range(3))
nested = [(i, j) for i in range(3) for j in range(i) if i != j]
total = sum(x for x in range(10))
mat = [[row[i] for row in m] for i in range(3)]
async def f():
    return [await g(x) async for x in aiter() if await ok(x)]
