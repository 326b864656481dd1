# Guards run after the pattern binds; a false guard moves on to the next case.
def sign(n):
    match n:
        case int(x) if x > 0:
            return "positive"
        case int(x) if x < 0:
            return "negative"
        case 0:
            return "zero"
        case x if isinstance(x, float):
            return "float"
        case _:
            return "other"


for v in [5, -3, 0, 1.5, "s"]:
    print(v, sign(v))


def noisy(v, label):
    print("guard evaluated for", label)
    return v


match [1, 2]:
    case [a, b] if noisy(False, "first"):
        print("no")
    case [a, b] if noisy(True, "second"):
        print("second case", a, b)
    case _ if noisy(True, "third"):
        print("not reached")

# names bound before a failed guard stay bound (as in CPython)
match 10:
    case n if n > 100:
        pass
    case _:
        print("n after failed guard:", n)
