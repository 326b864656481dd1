# Generator expressions are lazy; only the first iterable is evaluated eagerly.
log = []
def src(n):
    log.append(f"src({n})")
    for i in range(n):
        log.append(f"produce {i}")
        yield i
g = (x * 10 for x in src(3))
print("created", log)
print(next(g), log)
print(list(g), log[-2:])
data = [1, 2, 3]
ge = (d * 2 for d in data)
data.append(4)
print(list(ge))
data2 = [1, 2]
ge2 = (d for d in data2)
data2 = [9, 9]
print(list(ge2))
try:
    (1 / 0 for _ in range(1))
    print("division not evaluated yet")
except ZeroDivisionError:
    print("never")
print(sum(x * x for x in range(10)), max((len(w), w) for w in ["hi", "hello"]))
ge3 = (x for x in range(3))
print(list(ge3), list(ge3))
try:
    (x for x in 5)
except TypeError as e:
    print(e)
print(type(x for x in []).__name__)
