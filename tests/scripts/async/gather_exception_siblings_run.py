# Without return_exceptions the first exception propagates immediately, but
# the other children are NOT cancelled and keep running.
import asyncio

log = []

async def long_runner(name, n):
    for i in range(n):
        await asyncio.sleep(0)
        log.append(f'{name} step {i}')
    log.append(f'{name} finished')
    return name

async def failer():
    await asyncio.sleep(0)
    log.append('failer raising')
    raise ZeroDivisionError('bad division')

async def main():
    a = asyncio.create_task(long_runner('a', 4))
    b = asyncio.create_task(long_runner('b', 2))
    try:
        await asyncio.gather(a, failer(), b)
    except ZeroDivisionError as e:
        log.append(f'main caught {e!r}')
    log.append(f'a done={a.done()} b done={b.done()}')
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    log.append(f'a done={a.done()} b done={b.done()} cancelled={a.cancelled()}')
    print('\n'.join(log))

asyncio.run(main())
