import queue
import time


def attempt(label, f, *args, **kw):
    try:
        print(label, repr(f(*args, **kw)))
    except Exception as e:
        print(label, type(e).__name__, repr(e))


q = queue.Queue()
for i in range(5):
    q.put(i)
print(q.qsize(), q.empty(), q.full(), q.maxsize, q.unfinished_tasks, q.queue)
print([q.get() for _ in range(3)], q.get_nowait(), q.get(False), q.empty())
attempt("get_nowait", q.get_nowait)
attempt("get False", q.get, False)
attempt("get False -1", q.get, False, -1)
attempt("get -1", q.get, timeout=-1)
start = time.monotonic()
attempt("get 0.02", q.get, timeout=0.02)
print("waited", time.monotonic() - start >= 0.015)
q.put("x", timeout=-1)
attempt("get -1 nonempty", q.get, timeout=-1)

for _ in range(5):
    q.task_done()
attempt("task_done", q.task_done)
print(q.unfinished_tasks)
q.join()
print("joined")

b = queue.Queue(maxsize=2)
b.put("a")
b.put_nowait("b")
print(b.full(), b.qsize())
attempt("put_nowait", b.put_nowait, "c")
attempt("put False", b.put, "c", False)
attempt("put -1", b.put, "c", timeout=-1)
attempt("put 0.01", b.put, "c", True, 0.01)
print(b.get(), b.get(), b.full())
attempt("put -1 room", b.put, "c", timeout=-1)

l = queue.LifoQueue()
for c in "abc":
    l.put(c)
print(l.queue, [l.get() for _ in range(3)])
attempt("lifo", l.get_nowait)

p = queue.PriorityQueue()
for item in [(3, "c"), (1, "a"), (2, "b"), (1, "A")]:
    p.put(item)
print(p.qsize(), [p.get() for _ in range(4)])
attempt("prio", p.get, timeout=0)

s = queue.SimpleQueue()
s.put(1)
s.put_nowait(2)
s.put(3, block=False, timeout=-5)
print(s.qsize(), s.empty(), s.get(), s.get_nowait(), s.get(False))
attempt("simple get", s.get_nowait)
attempt("simple -1", s.get, timeout=-1)
attempt("simple False -1", s.get, False, -1)
s.put(9)
attempt("simple -1 nonempty", s.get, True, -1)
print(s.empty())

print(queue.Empty, queue.Full, queue.SimpleQueue)
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
print(queue.Queue[int], queue.SimpleQueue[str], queue.PriorityQueue[int])
print(isinstance(p, queue.Queue), isinstance(l, queue.Queue))
print(sorted(queue.__all__))
try:
    queue.Queue().get_nowait()
except queue.Empty as e:
    print("caught", type(e).__name__, e.args)
