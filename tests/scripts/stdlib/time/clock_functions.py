# time(), monotonic() and perf_counter() advance and have the right types.
import time

a = time.time()
m = time.monotonic()
p = time.perf_counter()
time.sleep(0.01)
print(type(a).__name__, time.time() >= a, time.monotonic() > m, time.perf_counter() > p)
print(isinstance(time.time_ns(), int), time.gmtime(time.time()).tm_year >= 2024)
