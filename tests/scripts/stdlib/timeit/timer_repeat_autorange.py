import timeit

calls = []
def tick():
    calls.append(1)

print(isinstance(timeit.timeit("x = 1", number=10), float))
t = timeit.Timer(tick)
print(t.timeit(number=7) >= 0.0, len(calls))
print(len(timeit.repeat(tick, repeat=3, number=2)), len(calls))
counter = {"n": 0}
def step():
    counter["n"] += 1
print(timeit.Timer("step()", globals={"step": step}).timeit(5) >= 0, counter["n"])
print(timeit.timeit("y = x * 2", setup="x = 21", number=3) >= 0)
fake = iter(range(100))
def fake_timer():
    return next(fake)
print(timeit.Timer("pass", timer=fake_timer).timeit(1000))
print(timeit.Timer("pass", timer=fake_timer).repeat(3, 10))
ticks = iter(range(0, 10 ** 6, 1))
class Clock:
    """Each measurement of n loops takes n * 0.001 fake seconds."""
    def __init__(self):
        self.t = 0.0
        self.calls = 0
    def __call__(self):
        self.calls += 1
        return self.t
seen = []
clock = Clock()
def loop_cost():
    clock.t += 0.001
print(timeit.Timer(loop_cost, timer=clock).autorange(lambda n, t: seen.append((n, round(t, 6)))))
print(seen)
print(timeit.default_timer is __import__("time").perf_counter, timeit.default_number, timeit.default_repeat)
for stmt, setup in ((5, "pass"), ("pass", 5), ("x = (", "pass"), ("return 1", "pass")):
    try:
        timeit.Timer(stmt, setup)
    except (ValueError, SyntaxError) as e:
        print(type(e).__name__, e.args[0])
try:
    timeit.timeit("undefined_name", number=1)
except NameError as e:
    print("NameError", e)
