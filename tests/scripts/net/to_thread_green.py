# asyncio.to_thread/run_in_executor of script functions: time.sleep inside them lets
# the loop run meanwhile (ticks interleave), methods, kwargs, partial, errors, gather,
# a wait_for timeout leaving the thread running until asyncio.run's shutdown. Events
# are at least 90 ms apart so the order holds on a loaded machine.
import asyncio, time, functools

def blocking_io(name, n, delay):
    out = []
    for i in range(n):
        time.sleep(delay)
        out.append(f"{name}{i}")
        print(f"  thread {name} step {i}")
    return out

class Worker:
    def __init__(self, tag):
        self.tag = tag
    def run(self, x, *, scale=1):
        helper(0.015)
        return f"{self.tag}:{x * scale}"

def helper(d):
    time.sleep(d)
    print("  helper slept")

def fails(d):
    time.sleep(d)
    raise ValueError("thread failed")

async def ticker(n, d):
    for i in range(n):
        print("tick", i)
        await asyncio.sleep(d)

async def main():
    t = asyncio.create_task(ticker(4, 0.3))
    r = await asyncio.to_thread(blocking_io, "a", 3, 0.39)
    print("result", r)
    await t
    print(await asyncio.to_thread(Worker("w").run, 4, scale=3))
    try:
        await asyncio.to_thread(fails, 0.01)
    except ValueError as e:
        print("caught", e)
    loop = asyncio.get_running_loop()
    f = loop.run_in_executor(None, blocking_io, "b", 2, 0.01)
    print("future", type(f).__name__, f.done())
    print(await f)
    print(await loop.run_in_executor(None, functools.partial(blocking_io, "c", 1, 0.01)))
    res = await asyncio.gather(asyncio.to_thread(blocking_io, "x", 2, 0.3), asyncio.to_thread(blocking_io, "y", 2, 0.51), ticker(3, 0.21))
    print(res)
    try:
        await asyncio.wait_for(asyncio.to_thread(blocking_io, "slow", 3, 0.3), 0.45)
    except asyncio.TimeoutError:
        print("timed out waiting for thread")
    print("main ends")

asyncio.run(main())
print("after run")
