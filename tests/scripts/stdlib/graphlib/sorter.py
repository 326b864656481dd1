import graphlib
from graphlib import TopologicalSorter, CycleError
g = {"D": {"B", "C"}, "C": {"A"}, "B": {"A"}}
g = {"D": ["B", "C"], "C": ["A"], "B": ["A"]}
print(list(TopologicalSorter(g).static_order()))
print(list(TopologicalSorter({2: [11], 9: [11, 8, 10], 10: [11, 3], 11: [7, 5], 8: [7, 3]}).static_order()))
ts = TopologicalSorter()
ts.add(3, 2, 1); ts.add(1, 0); ts.add(5)
ts.prepare()
while ts.is_active():
    r = ts.get_ready(); print("ready", r); ts.done(*r)
print(bool(ts))
for graph in ({1: [2], 2: [3], 3: [1]}, {"a": ["b"], "b": ["c", "a"], "c": []}, {1: [1]}, {0: [1], 1: [2], 2: [3], 3: [1], 4: [0]}):
    try:
        list(TopologicalSorter(graph).static_order())
    except CycleError as e:
        print("cycle", e.args, type(e).__mro__[1].__name__)
ts = TopologicalSorter({1: [0]})
for call in (ts.get_ready, ts.is_active, lambda: ts.done(1)):
    try: call()
    except ValueError as e: print(e)
ts.prepare()
for call in (ts.prepare, lambda: ts.add(5), lambda: ts.done(9), lambda: ts.done(1)):
    try: call()
    except ValueError as e: print(e)
print(ts.get_ready()); ts.done(0)
try: ts.done(0)
except ValueError as e: print(e)
print(ts.get_ready(), ts.get_ready(), ts.is_active()); ts.done(1); print(ts.is_active())
print(list(TopologicalSorter().static_order()))
print(list(TopologicalSorter({"x": (), "y": ("x", "x")}).static_order()))
