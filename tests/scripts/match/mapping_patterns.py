# Mapping patterns: literal and value keys, extra keys, **rest, no __missing__.
class K:
    NAME = "name"


def m(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {K.NAME: n, **rest}:
            return f"named {n} rest={rest}"
        case {1: one}:
            return f"int key {one}"
        case {}:
            return "some mapping"
    return "not a mapping"


for v in [{"type": "point", "x": 1, "y": 2, "extra": 3}, {"type": "point", "x": 1},
          {"name": "bob", "age": 3, "city": "x"}, {1: "a", 2: "b"}, {}, {"z": 0}, [("a", 1)], "dict"]:
    print(repr(v), "->", m(v))


class Missing(dict):
    def __missing__(self, key):
        print("__missing__ called")
        return 0


match Missing(a=1):
    case {"b": _}:
        print("wrong")
    case {"a": val}:
        print("dict subclass, no __missing__:", val)

match {"a": 1, "b": 2}:
    case {**everything}:
        print("rest copy", everything)

d = {"a": 1}
match d:
    case {**copy}:
        copy["new"] = 1
print("original untouched", d)

match {"a": None}:
    case {"a": None}:
        print("None value matched")
