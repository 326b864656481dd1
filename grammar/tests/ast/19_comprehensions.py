[x for x in y if x if z]
{k: v for k, v in d}
{s for s in t}
async def f():
    return (await x async for x in y)
