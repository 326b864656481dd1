# Closures referring to themselves and mutual recursion via closures.
def make():
    def even(n):
        return n == 0 or odd(n - 1)
    def odd(n):
        return n != 0 and even(n - 1)
    return even, odd
even, odd = make()
print(even(10), odd(10), even(7), odd(7))
def memoize(fn):
    cache = {}
    def wrapped(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapped.cache = cache
    return wrapped
@memoize
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80), len(fib.cache))
def walker():
    seen = []
    def walk(tree, depth=0):
        seen.append((tree[0], depth))
        for child in tree[1:]:
            walk(child, depth + 1)
        return seen
    return walk
print(walker()(("root", ("a", ("a1",)), ("b",))))
