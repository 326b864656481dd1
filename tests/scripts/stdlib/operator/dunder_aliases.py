# Dunder aliases and user classes through operator functions.
import operator


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __lt__(self, other):
        return self.cents < other.cents

    def __repr__(self):
        return f'Money({self.cents})'


print(operator.__add__(1, 2), operator.add(Money(5), Money(7)), operator.lt(Money(1), Money(2)))
print(sorted([Money(3), Money(1)], key=operator.attrgetter('cents')), operator.__getitem__('xyz', 1))
