# gc.collect() returns how many unreachable objects it found: exact for list and dict cycles.
import gc

gc.collect()


def self_list():
    a = []
    a.append(a)


def list_pair():
    a = []
    b = [a]
    a.append(b)


def self_dict():
    d = {}
    d["self"] = d


def dict_list_ring(n):
    first = {}
    cur = first
    for i in range(n):
        nxt = [i]
        cur["next"] = nxt
        cur = {}
        nxt.append(cur)
    cur["next"] = first


def many(n):
    for i in range(n):
        a = [i]
        a.append(a)


self_list()
print("self list:", gc.collect())
list_pair()
print("list pair:", gc.collect())
self_dict()
print("self dict:", gc.collect())
dict_list_ring(5)
print("ring of 5 dicts and lists:", gc.collect())
many(250)
print("250 self lists:", gc.collect())
print("nothing left:", gc.collect())

# Live cycles are reachable: not counted, not touched.
live = []
live.append(live)
print("live cycle:", gc.collect(), live[0] is live)
