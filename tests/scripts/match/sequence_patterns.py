# Sequence patterns: lists, tuples, open sequences, star captures; str/bytes never match.
def seq(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one {a}"
        case [a, b]:
            return f"two {a} {b}"
        case (a, b, c):
            return f"three {a} {b} {c}"
        case [first, *middle, last]:
            return f"first={first} middle={middle} last={last}"
    return "not a sequence"


for v in [[], (), [1], (1,), [1, 2], (1, 2, 3), [1, 2, 3, 4, 5], range(4), "ab", b"ab",
          bytearray(b"ab"), {1: 2}, {1, 2}, 7]:
    print(repr(v), "->", seq(v))

match 1, 2, 3:
    case a, *rest:
        print("open sequence", a, rest)

match (1, (2, 3), [4, [5, 6]]):
    case (x, (y, z), [w, [v, u]]):
        print("nested", x, y, z, w, v, u)

match [1, 2, 3]:
    case [*_, 3]:
        print("ends with 3")

match [1, 2, 3]:
    case [*init, _]:
        print("init is a list:", init)

match (1, 2, 3):
    case (*all_items,):
        print("star alone gives a list:", all_items)

match [1, "x"]:
    case [int(), str() as s]:
        print("typed items", s)

match range(3):
    case [0, 1, 2]:
        print("range matched")


class MyList(list):
    pass


match MyList([1, 2]):
    case [a, b]:
        print("list subclass", a, b)

# a partial match does not bind (names are bound only when the whole pattern matched)
y = "before"
match [1, 2]:
    case [y, 3]:
        print("no")
    case _:
        print("y is still", y)
