# repr of nested structures, including self-references.
data = {"list": [1, (2, 3), {"x": None}], "tuple": (1,), "empty": ([], {}, ())}
print(data)
print(repr([[[]]]), repr([(), [()], {(): ()}]))
lst = [1, 2]
lst.append(lst)
print(lst, str(lst), len(lst))
d = {"a": 1}
d["self"] = d
print(d)
a = [1]
b = [a]
a.append(b)
print(a, b)
outer = {"inner": [0]}
outer["inner"].append(outer)
print(outer)
print(lst[2][2][2][0], lst == lst)
print([1.0, -0.0, float("inf"), "s'q", 'd"q', None, True])
print(("a",), ("a", "b"), [("x",)], repr(("only",)))
