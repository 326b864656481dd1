# close() raises GeneratorExit at the paused yield; finally blocks run.
def worker():
    try:
        print("  working")
        yield 1
        yield 2
    except GeneratorExit:
        print("  got GeneratorExit")
        raise
    finally:
        print("  cleanup")
g = worker()
next(g)
g.close()
print("closed")
g.close()
try:
    next(g)
except StopIteration:
    print("closed generator raises StopIteration")
u = worker()
u.close()
print("closing unstarted generator runs nothing")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def returns_on_exit():
    try:
        yield 1
    finally:
        return "ignored"
r = returns_on_exit()
next(r)
print(r.close())
def fin():
    try:
        yield 1
    finally:
        print("  finally during close")
fg = fin()
for v in fg:
    print("value", v)
    break
print("after break, generator still suspended")
fg.close()
print("after explicit close")
