# gyre only: CPython hangs here forever. A blocking get/put/join that no other thread could
# ever satisfy raises RuntimeError instead (expected output written by hand: see
# COMPATIBILITY.md, "queue").
import queue

for label, call in [
    ("get", lambda: queue.Queue().get()),
    ("put", lambda: queue.Queue(1).put(2) or queue.Queue(1)),
    ("simple get", lambda: queue.SimpleQueue().get()),
]:
    try:
        call()
        print(label, "returned")
    except RuntimeError as e:
        print(label, "RuntimeError", e)

full = queue.Queue(maxsize=1)
full.put("x")
try:
    full.put("y")
except RuntimeError as e:
    print("full put RuntimeError", e)
pending = queue.Queue()
pending.put(1)
try:
    pending.join()
except RuntimeError as e:
    print("join RuntimeError", e)
pending.get()
pending.task_done()
pending.join()
print("join returned once every task was done")
