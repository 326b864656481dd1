"""asyncio queues: Queue, PriorityQueue, LifoQueue and their exceptions.

They are native (`_asyncio`, see src/asyncio/queue.rs) and follow CPython 3.11's queues.py
algorithm step for step; subclasses may override `_init`, `_put`, `_get` and `qsize`.
"""

from _asyncio import Queue, PriorityQueue, LifoQueue, QueueEmpty, QueueFull

__all__ = ['Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty']
