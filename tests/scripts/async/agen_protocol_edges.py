# Async generator protocol edges: athrow caught and propagated, aclose on a generator
# that yields again, anext() with and without a default on a class iterator, TypeErrors,
# async generator expressions and nested async comprehensions.
import asyncio

async def numbers(log, n):
    try:
        for i in range(n):
            try:
                yield i
            except ValueError as e:
                log.append(f'gen caught {e}')
                yield -1
    except GeneratorExit:
        log.append('gen exit')
        raise
    finally:
        log.append('gen finally')

async def main():
    log = []
    g = numbers(log, 5)
    log.append(await g.asend(None))
    log.append(await g.athrow(ValueError('boom')))
    log.append(await g.__anext__())
    await g.aclose()
    log.append(f'closed: {g.ag_running} {g.ag_frame is None}')
    try:
        await g.asend(None)
    except StopAsyncIteration:
        log.append('stop after close')
    # athrow propagating
    g2 = numbers(log, 3)
    await g2.__anext__()
    try:
        await g2.athrow(KeyError('k'))
    except KeyError as e:
        log.append(f'propagated {e!r}')
    # ignoring GeneratorExit
    async def stubborn():
        try:
            yield 1
        except GeneratorExit:
            yield 2
    s = stubborn()
    await s.__anext__()
    try:
        await s.aclose()
    except RuntimeError as e:
        log.append(f'RuntimeError {e}')
    # aiter/anext builtins with a class
    class Counter:
        def __init__(self, n):
            self.n = n
        def __aiter__(self):
            return self
        async def __anext__(self):
            if self.n == 0:
                raise StopAsyncIteration
            self.n -= 1
            await asyncio.sleep(0)
            return self.n
    log.append([x async for x in Counter(3)])
    c = Counter(1)
    log.append(await anext(c))
    log.append(await anext(c, 'default'))
    try:
        await anext(c)
    except StopAsyncIteration:
        log.append('class exhausted')
    try:
        anext(5)
    except TypeError as e:
        log.append(f'TypeError {e}')
    try:
        async for x in 5:
            pass
    except TypeError as e:
        log.append(f'TypeError {e}')
    # async generator returning value is a SyntaxError-free plain return
    async def early():
        yield 1
        return
    log.append([x async for x in early()])
    # generator expression (async)
    agen = (x * 2 async for x in Counter(3))
    log.append(type(agen).__name__)
    log.append([y async for y in agen])
    # nested async comprehension with await
    async def dbl(x):
        await asyncio.sleep(0)
        return x * 2
    log.append([await dbl(x) for x in range(3) if await dbl(x) > 0])
    log.append({k: v async for k, v in ((i, i * i) async for i in Counter(3))})
    print('\n'.join(map(str, log)))

asyncio.run(main())
