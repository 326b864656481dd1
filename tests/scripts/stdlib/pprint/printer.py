import io
import pprint
import collections
import dataclasses
import types

pp = pprint.PrettyPrinter(width=30, indent=2)
pp.pprint({"alpha": [1, 2, 3] * 4, "beta": {"x": 1}})
print(repr(pp.pformat(list(range(12)))))
buf = io.StringIO()
pprint.PrettyPrinter(stream=buf, width=20).pprint(list(range(10)))
pprint.pprint({"to": "buffer"}, stream=buf)
print(repr(buf.getvalue()))

for kwargs in ({"indent": -1}, {"depth": 0}, {"depth": -2}, {"width": 0}):
    try:
        pprint.PrettyPrinter(**kwargs)
    except ValueError as e:
        print(kwargs, "ValueError", e)

# recursion
a = [1, 2]
a.append(a)
d = {"self": None}
d["self"] = d
print(pprint.saferepr(a).replace(str(id(a)), "ID"))
print(pprint.isrecursive(a), pprint.isreadable(a), pprint.isrecursive([1, [2]]))
print(pprint.isreadable([1, "x", (2.5, None)]), pprint.isreadable([object()]))
print(pprint.isreadable({1: print}))
print(pprint.pformat(d).replace(str(id(d)), "ID"))
long = [list(range(10)), "x" * 30]
long.append(long)
print(pprint.pformat(long, width=30).replace(str(id(long)), "ID"))
print(pp.isrecursive(d), pp.isreadable(d), pp.isreadable({"a": 1}))
print(pp.format([1, 2], {}, 0, 0))
print(pprint.saferepr({"b": 1, "a": [1, {"z": 2, "c": 3}]}))

# mixed, unorderable keys
print(pprint.pformat({1: "a", "x": "b", None: "c", (1, 2): "d", 2.5: "e"}))


# collections
od = collections.OrderedDict((f"key{i}", i * 111) for i in range(8))
pprint.pprint(od, width=40)
pprint.pprint(collections.OrderedDict())
dd = collections.defaultdict(list, {"fruits": ["apple", "banana", "cherry"], "nums": list(range(15))})
pprint.pprint(dd, width=40)
pprint.pprint(collections.defaultdict(int))
c = collections.Counter("abracadabra alakazam hocus pocus")
pprint.pprint(c, width=40)
pprint.pprint(collections.Counter())
cm = collections.ChainMap({"a": 1, "b": list(range(12))}, {"c": "x" * 20}, {})
pprint.pprint(cm, width=30)
pprint.pprint(collections.ChainMap())
dq = collections.deque(range(25))
pprint.pprint(dq, width=40)
pprint.pprint(collections.deque(range(25), maxlen=30), width=40)
pprint.pprint(collections.deque())
pprint.pprint(collections.UserList(range(30)), width=40)
pprint.pprint(collections.UserDict({f"k{i}": i for i in range(10)}), width=40)
pprint.pprint(collections.UserString("word " * 20), width=40)

# namespaces and dataclasses
ns = types.SimpleNamespace(name="widget", sizes=list(range(20)), meta={"a": 1, "b": 2})
pprint.pprint(ns, width=40)
ns.me = ns
print(pprint.pformat(ns, width=40).replace(str(id(ns)), "ID"))


@dataclasses.dataclass
class Point:
    x: int
    y: int
    label: str = "origin point with a rather long label"
    hidden: list = dataclasses.field(default_factory=list, repr=False)


pprint.pprint(Point(1, 2), width=30)
pprint.pprint([Point(3, 4, "p")], width=20)
pprint.pprint(Point(1, 2))

mp = types.MappingProxyType({"key": "value " * 5, "other": list(range(10))})
pprint.pprint(mp, width=40)


class Custom(list):
    def __repr__(self):
        return "Custom(" + ", ".join(map(str, self)) + ")"


class Plain(list):
    pass


class D(dict):
    pass


pprint.pprint(Custom(range(40)), width=30)
pprint.pprint(Plain(range(40)), width=30)
pprint.pprint(D({f"k{i}": i for i in range(10)}), width=30)
pprint.pprint([object] * 3, width=10)
print("--- subclass format")


class Upper(pprint.PrettyPrinter):
    def format(self, object, context, maxlevels, level):
        if isinstance(object, str):
            return repr(object.upper()), True, False
        return super().format(object, context, maxlevels, level)


Upper(width=20).pprint({"greeting": ["hello", "world", "again"]})
