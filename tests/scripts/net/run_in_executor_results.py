# run_in_executor and to_thread: results, exceptions and keyword arguments come back through
# the future; native blocking calls (time.sleep, socket.getaddrinfo) run on worker threads.
import asyncio, time, socket

def boom(x):
    raise ValueError(f'bad {x}')

def add(a, b=0):
    return a + b

async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, time.sleep, 0.01))
    print(await asyncio.to_thread(add, 1, b=2))
    print(await loop.run_in_executor(None, add, 5, 6))
    try:
        await asyncio.to_thread(boom, 3)
    except ValueError as e:
        print('ValueError', e)
    try:
        await loop.run_in_executor(None, time.sleep, -1)
    except ValueError as e:
        print('ValueError', e)
    r = await loop.run_in_executor(None, socket.getaddrinfo, '127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM)
    print([x[2:] for x in r], [int(x[0]) for x in r])
    # The loop keeps turning while worker threads sleep.
    sleepers = asyncio.ensure_future(asyncio.gather(*(asyncio.to_thread(time.sleep, 0.05) for _ in range(3))))
    turns = 0
    while not sleepers.done():
        turns += 1
        await asyncio.sleep(0.001)
    print(await sleepers, 'loop turned meanwhile:', turns > 1)
    fut = loop.run_in_executor(None, add, 1, 1)
    print(type(fut).__name__, fut.done())
    print(await fut)

asyncio.run(main())
