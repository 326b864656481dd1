"""Synchronized queues (CPython's `queue`): `Queue` (FIFO), `LifoQueue`, `PriorityQueue`,
`SimpleQueue`, and the `Empty`/`Full` exceptions.

gyre runs scripts on one OS thread: other threads are `threading`'s green threads, which run
while a call here waits for them. Without any, nothing can put into an empty queue or take
from a full one while a call waits: a wait with a timeout sleeps for the timeout and then
raises `Empty`/`Full` as CPython would; a wait without a timeout (and `join()` with tasks
left) could never end — CPython hangs forever — so it raises `RuntimeError: deadlock: ...`
instead, as the event loop's deadlock report does."""

import heapq
import sys
import time
from collections import deque

# Makes `Queue[int]` a generic alias, as `list[int]` is (CPython's types.GenericAlias).
_generic_alias = list.__class_getitem__

__all__ = ["Empty", "Full", "Queue", "PriorityQueue", "LifoQueue", "SimpleQueue"]


class Empty(Exception):
    """Raised by a non-blocking get (or one that timed out) on an empty queue."""

    # CPython defines it (and SimpleQueue) in its C helper module.
    __module__ = "_queue"


class Full(Exception):
    """Raised by a non-blocking put (or one that timed out) on a full queue."""


def _wait_out(block, timeout, error, what, ready):
    """Waits until `ready()` (another thread changed the queue) or raises error: at once
    (non-blocking), after the timeout, or the deadlock report when nothing could ever wake
    the caller. Other threads exist only as `threading`'s green threads, which run while
    this one waits."""
    if not block:
        raise error
    if timeout is not None and timeout < 0:
        raise ValueError("'timeout' must be a non-negative number")
    threading = sys.modules.get('threading')
    if threading is not None and (threading._live or threading._current is not None):
        if threading._block(ready, timeout):
            return
        raise error
    if timeout is None:
        raise RuntimeError(f"deadlock: {what} waits forever: no other thread can wake it")
    time.sleep(timeout)
    raise error


def _kick():
    """The queue changed: a green thread blocked on it may go on (`threading._kick`)."""
    threading = sys.modules.get('threading')
    if threading is not None:
        threading._kick()


class Queue:
    """A FIFO queue holding at most maxsize items (unbounded when maxsize <= 0)."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.unfinished_tasks = 0

    def task_done(self):
        """Marks one item taken with get() as processed (for join())."""
        if self.unfinished_tasks <= 0:
            raise ValueError("task_done() called too many times")
        self.unfinished_tasks -= 1
        if not self.unfinished_tasks:
            _kick()

    def join(self):
        """Returns once every item put has been marked done with task_done()."""
        if self.unfinished_tasks:
            _wait_out(True, None, None, "Queue.join()", lambda: not self.unfinished_tasks)

    def qsize(self):
        return self._qsize()

    def empty(self):
        return not self._qsize()

    def full(self):
        return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Adds item; when the queue is full, raises Full (block false, or after timeout)."""
        if self.maxsize > 0 and self._qsize() >= self.maxsize:
            _wait_out(block, timeout, Full, "Queue.put() on a full queue",
                      lambda: self._qsize() < self.maxsize)
        elif self.maxsize > 0 and block and timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        self._put(item)
        self.unfinished_tasks += 1
        _kick()

    def get(self, block=True, timeout=None):
        """Removes and returns the next item; when empty, raises Empty (block false, or after
        timeout)."""
        if not self._qsize():
            _wait_out(block, timeout, Empty, "Queue.get() on an empty queue", self._qsize)
        elif block and timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        item = self._get()
        _kick()
        return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    # The storage, overridden by the subclasses.
    def _init(self, maxsize):
        self.queue = deque()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()

    __class_getitem__ = classmethod(_generic_alias)


class PriorityQueue(Queue):
    """A queue handing out its smallest item first (entries are often (priority, data))."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heapq.heappush(self.queue, item)

    def _get(self):
        return heapq.heappop(self.queue)


class LifoQueue(Queue):
    """A queue handing out its most recently added item first."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded FIFO queue without task tracking."""

    __module__ = "_queue"

    def __init__(self):
        self._queue = deque()

    def put(self, item, block=True, timeout=None):
        """Adds item (never blocks; block and timeout exist for Queue compatibility)."""
        self._queue.append(item)
        _kick()

    def put_nowait(self, item):
        self._queue.append(item)
        _kick()

    def get(self, block=True, timeout=None):
        """Removes and returns the next item; when empty, raises Empty (block false, or after
        timeout)."""
        if block and timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._queue:
            _wait_out(block, timeout, Empty, "SimpleQueue.get() on an empty queue",
                      lambda: self._queue)
        return self._queue.popleft()

    def get_nowait(self):
        return self.get(False)

    def empty(self):
        return not self._queue

    def qsize(self):
        return len(self._queue)

    __class_getitem__ = classmethod(_generic_alias)
