# wraps copies metadata and sets __wrapped__; total_ordering fills comparison methods.
from functools import wraps, total_ordering, update_wrapper


def logged(func):
    @wraps(func)
    def wrapper(*args, **kwargs):
        print('call', func.__name__, args)
        return func(*args, **kwargs)
    return wrapper


@logged
def add(a, b):
    return a + b


print(add(2, 3), add.__name__, add.__wrapped__(1, 1), add.__qualname__)


def other():
    pass


def shell():
    pass


update_wrapper(shell, other)
print(shell.__name__, shell.__wrapped__ is other)


@total_ordering
class Version:
    def __init__(self, *parts):
        self.parts = parts

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))


a, b = Version(1, 2), Version(1, 10)
print(a < b, a <= b, a > b, a >= b, a == Version(1, 2), sorted([b, a, Version(0, 9)]))


@total_ordering
class Rev:
    def __init__(self, n):
        self.n = n

    def __eq__(self, other):
        return self.n == other.n

    def __gt__(self, other):
        return self.n > other.n


print(Rev(1) < Rev(2), Rev(2) <= Rev(2), Rev(3) >= Rev(4))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print('ValueError', e)
