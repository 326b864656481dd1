import threading, queue, time
q = queue.Queue()
def producer():
    for i in range(5):
        time.sleep(0.01)
        q.put(i)
    q.put(None)
def consumer():
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        print("got", item)
        q.task_done()
threads = [threading.Thread(target=producer), threading.Thread(target=consumer)]
for t in threads: t.start()
q.join()
for t in threads: t.join()
print("done")
counter = 0
lock = threading.Lock()
def inc():
    global counter
    for _ in range(1000):
        with lock:
            counter += 1
ts = [threading.Thread(target=inc) for _ in range(4)]
[t.start() for t in ts]; [t.join() for t in ts]
print(counter)
b = threading.Barrier(3)
passed = []
def party(i):
    time.sleep(0.01 * i)
    idx = b.wait()
    passed.append(i)
ps = [threading.Thread(target=party, args=(i,)) for i in range(3)]
[t.start() for t in ps]; [t.join() for t in ps]
print(sorted(passed), b.broken, b.n_waiting)
class Counter(threading.local):
    def __init__(self, start):
        self.v = start
c = Counter(5)
def use():
    print("in thread", c.v); c.v += 10; print("now", c.v)
t = threading.Thread(target=use); t.start(); t.join()
print("main", c.v)
print(repr(threading.Lock())[:20], repr(threading.Event())[:20], threading.Thread(name="x"))
