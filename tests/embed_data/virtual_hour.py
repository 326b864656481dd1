# 1000 tasks each sleep 36 times for about 0.1 s: over an hour of sleeping in total.
# Under `gyre --virtual-time` it finishes at once, printing what it prints in real time.
import asyncio

async def sleeper(i, done):
    for step in range(36):
        await asyncio.sleep(0.1 + (i % 7) * 0.001)
    done.append(i)

async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    done = []
    await asyncio.gather(*(sleeper(i, done) for i in range(1000)))
    print(len(done), "tasks done")
    print("first:", done[:10])
    print("last:", done[-10:])
    print("slept at least 3.6 s:", loop.time() - start >= 3.6)

asyncio.run(main())
