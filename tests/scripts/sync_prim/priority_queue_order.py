# PriorityQueue returns the smallest item first; tuples break ties by their
# second element.
import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, 'c'), (1, 'z'), (2, 'b'), (1, 'a'), (5, 'e'), (2, 'a')]:
        await pq.put(item)
    out = []
    while not pq.empty():
        out.append(await pq.get())
    print(out)
    nums = asyncio.PriorityQueue(maxsize=3)
    for n in (9, 4, 7):
        nums.put_nowait(n)
    try:
        nums.put_nowait(1)
    except asyncio.QueueFull:
        print('full at', nums.qsize())
    print([nums.get_nowait() for _ in range(3)])

asyncio.run(main())
