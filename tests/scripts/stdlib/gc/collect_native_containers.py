# gc.collect() finds cycles through containers made by native code (list(), dict(), sorted,
# copies, split), through classes, and counts them as CPython does where the count only
# covers the objects of the cycle.
import gc

gc.collect()


def native_list():
    a = list()
    a.append(a)


def native_dict():
    d = dict()
    d["d"] = d


def sorted_list():
    a = sorted([3, 1])
    a.append(a)


def copied_dict():
    d = {}.copy()
    d[1] = d


def split_list():
    words = "a b".split()
    words.append(words)


def two_native_lists():
    a = list()
    b = list()
    a.append(b)
    b.append(a)


for f in [native_list, native_dict, sorted_list, copied_dict, split_list, two_native_lists]:
    f()
    print(f.__name__, gc.collect())


def class_cycle():
    class C:
        pass
    C.me = C


class_cycle()
print("class cycle found:", gc.collect() > 0)


def set_cycle():
    class K:
        pass
    k = K()
    s = set()
    s.add(k)
    k.s = s
    k.t = s


set_cycle()
print("set cycle found:", gc.collect() > 0)
print("nothing left:", gc.collect())
