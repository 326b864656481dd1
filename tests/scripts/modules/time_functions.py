# time: the clocks move forward, sleep blocks, *_ns variants are ints, bad arguments raise.
import time
t0, m0, p0, c0 = time.time(), time.monotonic(), time.perf_counter(), time.process_time()
time.sleep(0.02)
print(time.time() > t0, time.monotonic() - m0 >= 0.015, time.perf_counter() - p0 >= 0.015)
print(time.process_time() >= c0, type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__)
print(time.time_ns() // 10 ** 9 - int(time.time()) in (0, 1, -1), type(time.perf_counter_ns()).__name__)
time.sleep(0)
for bad in [-1, "1", None]:
    try:
        time.sleep(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
