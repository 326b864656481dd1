import asyncio
async def worker(name, queue):
    while True:
        delay = await queue.get()
        try:
            await asyncio.sleep(delay)
        finally:
            queue.task_done()
        print(f"{name} slept {delay:.2f}s")
async def main():
    queue = asyncio.Queue()
    for d in (0.01, 0.02):
        queue.put_nowait(d)
    tasks = [asyncio.create_task(worker(f"w-{i}", queue)) for i in range(2)]
    await queue.join()
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    async with asyncio.timeout(1):
        await asyncio.sleep(0)
    return results
if __name__ == "__main__":
    asyncio.run(main())
