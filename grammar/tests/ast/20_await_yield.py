async def f():
    await g()
def h():
    yield
    yield 1
    yield from x
