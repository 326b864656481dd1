# Literal patterns: numbers (negative too), strings, bytes, None/True/False by identity.
def describe(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 2.5:
            return "two and a half"
        case 12345678901234567890123:
            return "huge"
        case "abc":
            return "abc"
        case "con" "cat":
            return "concatenated"
        case b"raw":
            return "bytes raw"
        case None:
            return "None"
        case True:
            return "True"
        case False:
            return "False"
    return "no match"


for v in [0, 0.0, -1, -1.0, 2.5, 12345678901234567890123, "abc", "concat", b"raw",
          None, True, False, 1, 1.0, "ABC", [], ()]:
    print(repr(v), "->", describe(v))


class Eq:
    def __eq__(self, other):
        print("Eq.__eq__ called with", other)
        return True


match Eq():
    case 5:
        print("matched 5 through __eq__")

# True/False are compared by identity: 1 does not match True
match 1:
    case True:
        print("wrong")
    case 1:
        print("1 is not True")
