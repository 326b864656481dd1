# Iterator classes: __iter__ returning self, __next__ raising StopIteration.
class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
c = Countdown(3)
print(list(c), list(c))
class Reusable:
    def __init__(self, data):
        self.data = data
    def __iter__(self):
        return iter(self.data)
r = Reusable("ab")
print(list(r), list(r), [x + y for x in r for y in r])
it = iter(Countdown(2))
print(next(it), next(it), next(it, "done"))
class NotIter:
    pass
try:
    iter(NotIter())
except TypeError as e:
    print(e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(e)
a, b, c = Countdown(3)
print(a, b, c, sum(Countdown(4)), max(Countdown(5)), sorted(Countdown(3)))
