import pprint

data = {
    "name": "gyre",
    "version": (0, 1, 0),
    "tags": ["async", "python", "rust", "embeddable", "coroutines", "event-loop", "mio"],
    "deps": {"mio": "1.0", "num-bigint": "0.4", "regex": "1", "sha2": "0.10"},
    "matrix": [[i * j for j in range(8)] for i in range(6)],
    "empty": [[], {}, (), set(), frozenset(), ""],
    "nested": {"a": {"b": {"c": {"d": {"e": list(range(30))}}}}},
    "flags": {True, False},
    "one": (1,),
    "text": "The quick brown fox jumps over the lazy dog. " * 3,
    10: None,
    2.5: -0.0,
}
pprint.pprint(data)
for width in (1, 10, 20, 40, 60, 100):
    print("--- width", width)
    pprint.pprint(data, width=width)
print("--- indent 4")
pprint.pprint(data, indent=4)
print("--- indent 0")
pprint.pprint(data["matrix"], indent=0, width=30)
print("--- depth")
pprint.pprint(data, depth=1)
pprint.pprint(data, depth=2)
pprint.pprint(data["nested"], depth=3, width=20)
print("--- compact")
pprint.pprint(list(range(100)), compact=True)
pprint.pprint(data, compact=True, width=50)
pprint.pprint([[1, 2, 3], "abc" * 10, (4, 5), list(range(20))], compact=True, width=30)
print("--- sort_dicts")
pprint.pprint({"z": 1, "a": 2, "m": [3, {"y": 1, "b": 2}]}, sort_dicts=False, width=20)
pprint.pp({"z": 1, "a": 2, "m": 3}, width=10)
pprint.pp({"z": 1, "a": 2, "m": 3}, width=10, sort_dicts=True)
print("--- underscore_numbers")
pprint.pprint([10**12, 12345, -9876543, 1.5e10, True], underscore_numbers=True)
pprint.pprint({"big": 2**100}, underscore_numbers=True, width=20)
print("--- sets")
pprint.pprint(set(range(40)))
pprint.pprint(frozenset(range(40)), width=40)
pprint.pprint({3, "a", (1, 2), None, 2.5}, width=10)
pprint.pprint({1: "x", "b": "y", (2,): "z", None: 0}, width=15)
print("--- tuples")
pprint.pprint(tuple(range(30)), width=30)
pprint.pprint(((("deep",) * 3,) * 3,) * 2, width=25)
pprint.pprint([("x" * 30,)], width=20)
