# Sequence patterns accept deques and collections.abc.Sequence classes, never str/bytes.
import collections
import collections.abc


class Seq(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


class Registered:
    def __len__(self):
        return 2

    def __iter__(self):
        return iter(("r1", "r2"))

    def __getitem__(self, i):
        return ("r1", "r2")[i]


collections.abc.Sequence.register(Registered)


class NotASequence:
    def __len__(self):
        return 1

    def __getitem__(self, i):
        return 0


def shape(v):
    match v:
        case [a, b]:
            return f"pair {a} {b}"
        case [a, *rest]:
            return f"head {a} tail {rest}"
        case _:
            return "no"


for v in [collections.deque([1, 2]), collections.deque([1, 2, 3]), Seq(4, 5), Registered(), NotASequence(),
          "ab", b"ab", bytearray(b"ab"), memoryview(b"ab")]:
    print(type(v).__name__, shape(v))
