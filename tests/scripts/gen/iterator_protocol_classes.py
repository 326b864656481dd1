# Separate iterable and iterator classes; independent iterators.
class Range2:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi
    def __iter__(self):
        return Range2Iter(self.lo, self.hi)
class Range2Iter:
    def __init__(self, cur, hi):
        self.cur, self.hi = cur, hi
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur >= self.hi:
            raise StopIteration
        v = self.cur
        self.cur += 1
        return v
r = Range2(1, 4)
print(list(r), [(a, b) for a in r for b in r if a < b])
it1, it2 = iter(r), iter(r)
print(next(it1), next(it1), next(it2))
print(list(zip(r, "abc")), dict(zip("xyz", r)), sorted(r, reverse=True))
a, *b = r
print(a, b, 2 in r, max(r), sum(r))
class Peekable:
    def __init__(self, it):
        self.it = iter(it)
        self.buf = []
    def __iter__(self):
        return self
    def __next__(self):
        if self.buf:
            return self.buf.pop()
        return next(self.it)
    def peek(self, default=None):
        if not self.buf:
            try:
                self.buf.append(next(self.it))
            except StopIteration:
                return default
        return self.buf[-1]
p = Peekable("abc")
print(p.peek(), next(p), p.peek(), list(p), p.peek("end"))
