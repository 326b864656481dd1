# Green threads blocked on a predicate (an Event, Lock, Condition, Semaphore, queue,
# Barrier, join) while an asyncio loop runs are woken by the release/set/notify that ends
# their wait, not by a timeout: each wait has a 5 s timeout and must return True at once.
import asyncio, threading, queue, time

log = []

def t_event(ev):
    log.append(("event", ev.wait(5)))

def t_lock(lock):
    ok = lock.acquire(timeout=5)
    log.append(("lock", ok))
    lock.release()

def t_rlock(rlock):
    ok = rlock.acquire(timeout=5)
    log.append(("rlock", ok))
    rlock.release()

def t_cond(cond, items):
    with cond:
        log.append(("cond", cond.wait_for(lambda: items, 5), list(items)))

def t_sem(sem):
    log.append(("sem", sem.acquire(timeout=5)))

def t_queue(q):
    log.append(("queue", q.get(timeout=5)))

def t_join(other):
    other.join(5)
    log.append(("join", other.is_alive()))

def t_barrier(b, name):
    b.wait(5)
    log.append(("barrier", name))

async def step(what, *threads):
    for t in threads:
        t.start()
    await asyncio.sleep(0.05)
    print(what, sorted(log))
    log.clear()

async def main():
    start = time.monotonic()
    ev = threading.Event()
    await step("started", threading.Thread(target=t_event, args=(ev,)))
    ev.set()
    await step("after set")

    lock = threading.Lock()
    lock.acquire()
    await step("lock held", threading.Thread(target=t_lock, args=(lock,)))
    lock.release()
    await step("after release")

    rlock = threading.RLock()
    rlock.acquire()
    rlock.acquire()
    await step("rlock held twice", threading.Thread(target=t_rlock, args=(rlock,)))
    rlock.release()
    await step("released once")
    rlock.release()
    await step("released twice")

    cond = threading.Condition()
    items = []
    await step("cond waiting", threading.Thread(target=t_cond, args=(cond, items)))
    with cond:
        items.append(1)
        cond.notify()
    await step("after notify")

    sem = threading.BoundedSemaphore(1)
    sem.acquire()
    await step("sem taken", threading.Thread(target=t_sem, args=(sem,)))
    sem.release()
    await step("after sem release")

    q = queue.Queue()
    await step("queue empty", threading.Thread(target=t_queue, args=(q,)))
    q.put("item")
    await step("after put")

    gate = threading.Event()
    slow = threading.Thread(target=gate.wait, args=(5,))
    await step("slow started", slow, threading.Thread(target=t_join, args=(slow,)))
    gate.set()
    await step("after gate")

    b = threading.Barrier(2)
    await step("one at barrier", threading.Thread(target=t_barrier, args=(b, "x")))
    await step("two at barrier", threading.Thread(target=t_barrier, args=(b, "y")))

    print("all woken well before the timeouts:", time.monotonic() - start < 3)

asyncio.run(main())
