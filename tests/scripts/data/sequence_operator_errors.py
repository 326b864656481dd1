# Error messages for mismatched sequence operators.
cases = [
    lambda: [1] + (1,),
    lambda: (1,) + [1],
    lambda: [1] * 2.0,
    lambda: "ab" * "c",
    lambda: [1] - [1],
    lambda: {1} + {2},
    lambda: {"a": 1} + {"b": 2},
    lambda: (1, 2) * (3,),
    lambda: "x" + None,
    lambda: [] < 3,
]
for c in cases:
    try:
        c()
    except TypeError as e:
        print(e)
print([1] * -3, "ab" * 0, (1,) * True, 3 * "ab")
