import concurrent.futures as cf
from concurrent.futures import ThreadPoolExecutor, as_completed, wait

def square(x):
    return x * x

def boom(x):
    raise ValueError("bad %d" % x)

with ThreadPoolExecutor(max_workers=4) as ex:
    futs = [ex.submit(square, i) for i in range(5)]
    print([f.result() for f in futs], all(f.done() for f in futs))
    print(list(ex.map(square, range(6))), list(ex.map(pow, [2, 3], [5, 2])))
    bad = ex.submit(boom, 7)
    print(type(bad.exception()).__name__, bad.exception())
    try:
        bad.result()
    except ValueError as e:
        print("result raised", e)
    print(sorted(f.result() for f in as_completed(futs)))
    done, not_done = wait(futs)
    print(len(done), len(not_done), type(wait(futs, return_when=cf.FIRST_COMPLETED)).__name__)
    seen = []
    futs[0].add_done_callback(lambda f: seen.append(f.result()))
    print(seen)
    it = ex.map(boom, [1, 2])
    try:
        next(it)
    except ValueError as e:
        print("map raised", e)
try:
    ex.submit(square, 1)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    ThreadPoolExecutor(0)
except ValueError as e:
    print("ValueError", e)

f = cf.Future()
print(f.done(), f.running(), f.cancelled())
calls = []
f.add_done_callback(lambda fut: calls.append("cb"))
print(f.cancel(), f.cancelled(), f.done(), calls)
try:
    f.result()
except cf.CancelledError as e:
    print("CancelledError", repr(e))
g = cf.Future()
print(g.set_running_or_notify_cancel(), g.running(), g.cancel())
g.set_result(3)
print(g.result(), g.exception())
try:
    g.set_result(4)
except cf.InvalidStateError:
    print("InvalidStateError")
h = cf.Future()
try:
    h.result(timeout=0)
except TimeoutError as e:
    print("timeout", repr(e))
print(cf.CancelledError.__mro__[1].__name__, cf.TimeoutError is TimeoutError, issubclass(cf.BrokenExecutor, RuntimeError))
print(cf.FIRST_COMPLETED, cf.FIRST_EXCEPTION, cf.ALL_COMPLETED)
inits = []
with ThreadPoolExecutor(max_workers=1, initializer=inits.append, initargs=("init",)) as ex:
    print(ex.submit(len, "abc").result(), inits)
