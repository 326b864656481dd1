import threading, time
print(threading.current_thread().name, threading.active_count(), threading.main_thread() is threading.current_thread())
results = []
lock = threading.Lock()
def worker(n, delay):
    for i in range(3):
        time.sleep(delay)
        with lock:
            results.append((n, i))
            print(f"worker {n} step {i} in {threading.current_thread().name}")
ts = [threading.Thread(target=worker, args=(k, 0.1 + 0.15 * k)) for k in range(2)]
print([t.name for t in ts], ts[0].is_alive(), ts[0].ident)
for t in ts:
    t.start()
print("started", threading.active_count(), ts[0].is_alive())
for t in ts:
    t.join()
print(results, threading.active_count(), ts[0].is_alive())
ev = threading.Event()
def setter():
    time.sleep(0.05)
    print("setting")
    ev.set()
threading.Thread(target=setter, name="S").start()
print("wait", ev.wait(), ev.is_set())
print("wait timeout", threading.Event().wait(0.01))
cond = threading.Condition()
items = []
def consumer():
    with cond:
        cond.wait_for(lambda: items)
        print("consumed", items.pop())
c = threading.Thread(target=consumer)
c.start()
time.sleep(0.02)
with cond:
    items.append(42)
    cond.notify()
c.join()
sem = threading.BoundedSemaphore(2)
sem.acquire(); sem.release()
try:
    sem.release()
except ValueError as e:
    print(e)
l = threading.Lock()
print(l.acquire(), l.acquire(False), l.acquire(timeout=0.01), l.locked())
l.release()
try:
    l.release()
except RuntimeError as e:
    print(e)
r = threading.RLock()
with r:
    with r:
        print("reentrant")
try:
    r.release()
except RuntimeError as e:
    print(e)
loc = threading.local()
loc.x = 1
def show():
    print("local has x:", hasattr(loc, 'x'))
    loc.x = 2
t = threading.Thread(target=show); t.start(); t.join()
print("main x", loc.x)
tm = threading.Timer(0.02, print, args=("timer fired",))
tm.start(); tm.join()
tm2 = threading.Timer(10, print, args=("never",)); tm2.start(); tm2.cancel(); tm2.join()
def bad():
    raise ValueError("in thread")
t = threading.Thread(target=bad); t.start(); t.join()
print("after bad")
try:
    t.start()
except RuntimeError as e:
    print(e)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print(e)
def late():
    time.sleep(0.05)
    print("late thread done")
threading.Thread(target=late).start()
print("main ends")
