# cmp_to_key sorting, cached_property computed once, singledispatch on types.
from functools import cmp_to_key, cached_property, singledispatch


def by_length_then_reverse(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a < b) - (a > b)


print(sorted(['bb', 'a', 'ccc', 'aa', 'c'], key=cmp_to_key(by_length_then_reverse)))
print(max([3, 1, 2], key=cmp_to_key(lambda a, b: b - a)))


class Circle:
    def __init__(self, r):
        self.r = r

    @cached_property
    def area(self):
        print('computing area')
        return 3 * self.r * self.r


c = Circle(2)
print(c.area)
print(c.area)
c.area = 5
print(c.area, isinstance(Circle.area, cached_property))


@singledispatch
def describe(x):
    return 'something'


@describe.register(int)
def _(x):
    return 'int %d' % x


@describe.register(list)
def _(x):
    return 'list of %d' % len(x)


print(describe(3), describe([1, 2]), describe('s'), describe(True), describe(2.5))
print(describe.dispatch(bool) is describe.dispatch(int), object in describe.registry)
