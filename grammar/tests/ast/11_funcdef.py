@dec
async def f(a, /, b=1, *c, d, e=2, **g) -> int:
    return a
