# With automatic collection disabled, cyclic garbage piles up until gc.collect() runs.
import gc

gc.collect()
print(gc.isenabled())
gc.disable()
print(gc.isenabled())


def junk(n):
    for i in range(n):
        a = [i]
        a.append(a)
        d = {"i": i}
        d["d"] = d


junk(5000)
print("found while disabled:", gc.collect())
print(gc.isenabled())

# disable() and enable() do not nest.
gc.disable()
gc.disable()
gc.enable()
print(gc.isenabled())
gc.enable()
print(gc.isenabled())

# collect() works the same with collection enabled, for every generation.
junk(10)
print("enabled, generation 2:", gc.collect(2))
junk(10)
print("keyword generation:", gc.collect(generation=2))
print("empty:", gc.collect(0), gc.collect(1), gc.collect())
