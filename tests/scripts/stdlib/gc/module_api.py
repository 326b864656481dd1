# The gc module's controls: thresholds, enable/disable, counts, collect's argument checks.
import gc

print(gc.isenabled())
gc.disable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

print(gc.get_threshold())
old = gc.get_threshold()
gc.set_threshold(5)
print(gc.get_threshold())
gc.set_threshold(100, 7)
print(gc.get_threshold())
gc.set_threshold(*old)
print(gc.get_threshold() == old)

count = gc.get_count()
print(type(count).__name__, len(count), all(isinstance(c, int) and c >= 0 for c in count))

print(type(gc.collect()).__name__)
print(gc.collect() >= 0, gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)

print(gc.garbage, gc.callbacks)


def attempt(label, f):
    try:
        print(label, f())
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("collect(3)", lambda: gc.collect(3))
attempt("collect(-1)", lambda: gc.collect(-1))
attempt("collect('x')", lambda: gc.collect("x"))
attempt("collect(1.0)", lambda: gc.collect(1.0))
attempt("set_threshold()", lambda: gc.set_threshold())
attempt("set_threshold(1,2,3,4)", lambda: gc.set_threshold(1, 2, 3, 4))
attempt("set_threshold(1.5)", lambda: gc.set_threshold(1.5))
attempt("enable(1)", lambda: gc.enable(1))
attempt("disable(1)", lambda: gc.disable(1))
attempt("isenabled(1)", lambda: gc.isenabled(1))
attempt("get_count(1)", lambda: gc.get_count(1))
attempt("get_threshold(1)", lambda: gc.get_threshold(1))

print(gc.is_tracked(1), gc.is_tracked("s"), gc.is_tracked(None), gc.is_tracked(2.5))
print(gc.is_tracked([]), gc.is_tracked({}), gc.is_tracked({"a": []}), gc.is_tracked({"a": 1}))
print(gc.is_tracked((1, "x")), gc.is_tracked(([],)))


class C:
    pass


print(gc.is_tracked(C()), gc.is_tracked(C), gc.is_tracked(lambda: 0))
gc.freeze()
print(gc.get_freeze_count() >= 0)
gc.unfreeze()
print(gc.get_freeze_count())
