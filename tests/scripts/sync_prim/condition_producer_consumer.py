# Bounded buffer built from one Condition: two producers, one consumer; trace
# shows the exact wakeup order.
import asyncio

async def main():
    cond = asyncio.Condition()
    buf = []
    trace = []

    async def produce(name, items):
        for it in items:
            async with cond:
                await cond.wait_for(lambda: len(buf) < 2)
                buf.append(it)
                trace.append(f'{name} +{it} {buf}')
                cond.notify_all()

    async def consume(n):
        for _ in range(n):
            async with cond:
                await cond.wait_for(lambda: buf)
                it = buf.pop(0)
                trace.append(f'C -{it} {buf}')
                cond.notify_all()
            await asyncio.sleep(0)

    await asyncio.gather(produce('P1', [1, 2, 3]), produce('P2', [10, 20]), consume(5))
    print('\n'.join(trace))

asyncio.run(main())
