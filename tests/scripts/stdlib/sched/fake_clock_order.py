import sched

clock = [0.0]
def now():
    return clock[0]
def sleep(d):
    print("sleep", d)
    clock[0] += d

s = sched.scheduler(now, sleep)
log = []
def act(name, extra=""):
    log.append(name)
    print("run", name, extra, "at", now())
e1 = s.enter(5, 1, act, ("five",))
e2 = s.enter(2, 2, act, ("two-low",))
e3 = s.enter(2, 1, act, ("two-high",), {"extra": "kw"})
e4 = s.enterabs(2, 1, act, ("two-high-second",))
e5 = s.enter(3, 1, act, ("cancelled",))
s.cancel(e5)
print([ev.argument[0] for ev in s.queue])
print(e1.time, e1.priority, e1.sequence, e1 < e2, s.empty())
print(s.run(blocking=False))
s.run()
print(log, s.empty())
try:
    s.cancel(e1)
except ValueError as exc:
    print("ValueError", exc)
s.enter(1, 0, act, ("late",))
print(s.run(blocking=False), s.queue[0].argument)
print(sched.Event._fields)
