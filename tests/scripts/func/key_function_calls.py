# Key functions called from native code (sorted, list.sort, min, max): plain functions,
# closures, defaults, bound methods, builtins, generators, errors and __del__ timing.


def plain(v):
    return -v


def with_default(v, scale=2):
    return v * scale


def make_closure(offset):
    def key(v):
        return (v + offset) % 7
    return key


class Holder:
    def __init__(self, n):
        self.n = n

    def key(self, v):
        return abs(v - self.n)


data = [5, 3, 9, 1, 7, 2, 8]
print(sorted(data, key=plain))
print(sorted(data, key=with_default))
print(sorted(data, key=make_closure(3)))
print(sorted(data, key=Holder(4).key))
print(sorted(data, key=lambda v: (v % 3, v)))
print(sorted(["bb", "a", "ccc"], key=len))
print(min(data, key=plain), max(data, key=make_closure(1)))
lst = list(data)
lst.sort(key=lambda v, d={}: d.setdefault(v, -v))
print(lst)


def gen_key(v):
    yield v


print([type(k).__name__ for k in [gen_key(1)]], len(sorted(data, key=lambda v: str(v))))


def bad(v):
    if v == 9:
        raise ValueError("bad key %d" % v)
    return v


try:
    sorted(data, key=bad)
except ValueError as e:
    print("ValueError:", e)

try:
    sorted(data, key=lambda a, b: a)
except TypeError as e:
    print("TypeError:", e)

try:
    min(data, key=lambda: 0)
except TypeError as e:
    print("TypeError:", e)


def deep(v, n=0):
    return v if n > 50 else deep(v, n + 1)


print(sorted(data, key=deep))


class Noisy:
    def __init__(self, v):
        self.v = v

    def __del__(self):
        print("del", self.v)


def noisy_key(v):
    tmp = Noisy(v)
    return tmp.v


print(sorted([2, 1], key=noisy_key))
print("end")
