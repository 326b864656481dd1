# Script functions called from the iterator machinery: map and filter with plain functions,
# closures, defaults, methods, builtins and several iterables; classes whose __iter__ and
# __next__ are plain methods; errors raised inside them.


def double(x):
    return x * 2


def scaled(x, factor=3):
    return x * factor


def adder(n):
    return lambda x: x + n


class Box:
    def __init__(self, k):
        self.k = k

    def mul(self, x):
        return x * self.k


print(list(map(double, range(5))))
print(list(map(scaled, [1, 2])))
print(list(map(adder(10), (1, 2, 3))))
print(list(map(Box(4).mul, [1, 2])))
print(list(map(str, [1, 2])))
print(list(map(lambda a, b: a - b, [5, 6, 7], [1, 2])))
print(list(map(pow, [2, 3], [3, 2], [5, 5])))
print(list(filter(lambda x: x % 2, range(7))))
print(list(filter(None, [0, 1, "", "a"])))
print(list(filter(Box(0).mul, [1, 2])))


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


print(list(Countdown(4)), sum(Countdown(5)), next(Countdown(2)))
print(list(map(double, Countdown(3))))


class Wrapper:
    def __init__(self, items):
        self.items = items

    def __iter__(self):
        return iter(self.items)


print(sorted(Wrapper([3, 1, 2])), [x for x in Wrapper("ab")])


class BadIter:
    def __iter__(self):
        return 5


try:
    iter(BadIter())
except TypeError as e:
    print("TypeError:", e)


def explode(x):
    if x == 2:
        raise KeyError(x)
    return x


try:
    list(map(explode, range(4)))
except KeyError as e:
    print("KeyError:", e)

try:
    list(map(lambda: 1, [1]))
except TypeError as e:
    print("TypeError:", e)


class Broken:
    def __iter__(self):
        return self

    def __next__(self):
        raise ValueError("broken next")


try:
    for _ in Broken():
        pass
except ValueError as e:
    print("ValueError:", e)
