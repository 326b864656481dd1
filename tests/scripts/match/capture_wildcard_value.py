# Capture, wildcard and value (dotted name) patterns.
import math


class Color:
    RED = 1
    GREEN = 2


class Ns:
    class Inner:
        VALUE = "deep"


def which(c):
    match c:
        case Color.RED:
            return "red"
        case Color.GREEN:
            return "green"
        case Ns.Inner.VALUE:
            return "deep value"
        case math.pi:
            return "pi"
        case other:
            return f"captured {other!r}"


for c in [1, 2, 3, "deep", math.pi, None]:
    print(which(c))

match 42:
    case _:
        print("wildcard matches anything")

# A capture binds like an assignment, also at module level.
match [1, 2]:
    case whole:
        pass
print("whole =", whole)


def local_capture():
    match "value":
        case v:
            pass
    return v


print(local_capture())

# The wildcard does not bind _
_ = "untouched"
match 99:
    case _:
        pass
print(_)
