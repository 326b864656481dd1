from collections import OrderedDict
import collections.abc as cabc
od = OrderedDict(a=1, b=2, c=3)
k, i, v = od.keys(), od.items(), od.values()
od['d'] = 4
print(k, i, v, len(k), 'a' in k, ('a', 1) in i, 2 in v)
print(list(reversed(k)), list(reversed(i)), list(reversed(v)))
print(sorted(k & {"a", "z"}), sorted({"a","z"} & k), sorted(k | {"z"}), sorted(k - {"a"}), {"a","q"} - k, sorted(k ^ {"a","q"}))
print(k == {'a','b','c','d'}, i == dict(od).items(), v == v, v == od.values())
print(isinstance(k, cabc.KeysView), isinstance(i, cabc.ItemsView), isinstance(v, cabc.ValuesView), isinstance(k, cabc.Set))
print(k.isdisjoint(['x']), k <= {'a','b','c','d','e'})
print(type(k).__name__, type(i).__name__, type(v).__name__)
print(sorted(k), max(v), dict(i), list(zip(k, v)))
for key, val in od.items():
    print(key, val, end=';')
print()
print(OrderedDict(), repr(od), od == OrderedDict(od), od.copy())
print(OrderedDict.fromkeys('xy', 0))
try:
    hash(k)
except TypeError as e:
    print(e)
d = {'x': 1}
m = d.keys().mapping
print(m, m['x'], type(m).__name__, len(m))
d['y'] = 2
print(m, d.items().mapping == d)
import types
d = {'a': 1}
p = types.MappingProxyType(d)
print(p == d, d == p, p != d, p == {'a': 2}, p == p, p == types.MappingProxyType({'a': 1}))
class C: x = 1
print(C.__dict__ == C.__dict__)
