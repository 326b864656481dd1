# A bounded Queue blocks the producer when full: the trace shows the exact
# alternation between producer and a slower consumer.
import asyncio

async def producer(q, trace):
    for i in range(6):
        trace.append(f'P wants to put {i}')
        await q.put(i)
        trace.append(f'P put {i} (size {q.qsize()})')
    await q.put(None)

async def consumer(q, trace):
    while True:
        item = await q.get()
        if item is None:
            break
        trace.append(f'C got {item}')
        await asyncio.sleep(0)
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(maxsize=2)
    trace = []
    await asyncio.gather(producer(q, trace), consumer(q, trace))
    print('\n'.join(trace))

asyncio.run(main())
