# An uncaught error inside a case block reports the case body's line.
def f(x):
    match x:
        case [a, b]:
            print("pair", a, b)
        case {"d": d}:
            return 1 / d
    return None


f([1, 2])
f({"d": 0})
