# Queue subclasses: an extra __init__ argument, _put/_get/_init overrides (with a list
# of their own), PriorityQueue subclass and its TypeError, Queue[int], str() while putters
# wait, get/put as tasks, join() and a timed-out get().
import asyncio

class Tagged(asyncio.Queue):
    def __init__(self, tag, maxsize=0):
        super().__init__(maxsize)
        self.tag = tag
    def describe(self):
        return f'{self.tag}:{self.qsize()}'

class Doubling(asyncio.Queue):
    def _put(self, item):
        super()._put(item * 2)

class MyDeque(asyncio.Queue):
    def _init(self, maxsize):
        self._queue = []
    def _put(self, item):
        self._queue.insert(0, item)
    def _get(self):
        return self._queue.pop(0)

class Prio(asyncio.PriorityQueue):
    pass

async def main():
    t = Tagged('jobs', 2)
    t.put_nowait(1)
    print(t.describe(), t.maxsize, t.full(), type(t).__name__, isinstance(t, asyncio.Queue))
    d = Doubling()
    for i in range(3):
        await d.put(i)
    print([d.get_nowait() for _ in range(3)])
    m = MyDeque()
    for i in range(3):
        m.put_nowait(i)
    print(m.qsize(), m.empty(), [await m.get() for _ in range(3)], m.empty())
    p = Prio()
    for x in [(3, 'c'), (1, 'a'), (2, 'b')]:
        p.put_nowait(x)
    print([p.get_nowait() for _ in range(3)])
    try:
        p2 = asyncio.PriorityQueue()
        p2.put_nowait(1)
        p2.put_nowait('a')
    except TypeError as e:
        print('TypeError', e)
    print(asyncio.Queue[int], asyncio.Queue.__name__, asyncio.Queue.__module__)
    q = asyncio.Queue(maxsize=1)
    await q.put('a')
    producer = asyncio.create_task(q.put('b'))
    await asyncio.sleep(0)
    print(str(q))
    getter_task = asyncio.create_task(q.get())
    print(await getter_task, await q.get(), await producer)
    print(str(q))
    q.task_done(); q.task_done()
    await asyncio.wait_for(q.join(), 1)
    print('joined', str(q))
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print('get timed out', str(q))

asyncio.run(main())
