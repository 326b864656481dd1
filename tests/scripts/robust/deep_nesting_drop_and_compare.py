# Regression: values nested 200000 deep overflowed the Rust stack.
# - Freeing nested slices and frozensets recursed (the trashcan only knew lists, tuples,
#   dicts and some objects); so did sets, iterators over lists and `super` objects.
# - `==` on nested tuples took a fast path with no recursion check.
# - `str()` of an exception whose argument is an exception, nested deeply, had no check.
DEPTH = 200000

def nest(make, leaf):
    x = leaf
    for _ in range(DEPTH):
        x = make(x)
    return x

x = nest(slice, 1)
print(type(x).__name__, type(x.start).__name__)
del x
x = nest(lambda v: frozenset([v]), frozenset())
print(len(x))
del x
x = nest(lambda v: iter([v]), 0)
del x
x = nest(lambda v: [v, set()], 0)
del x
print("freed")

t = nest(lambda v: (v,), ())
try:
    print(t == t[0])
except RecursionError as e:
    print("RecursionError")
print(t == t)
del t

e = nest(ValueError, ValueError())
for f in [str, repr, lambda v: f"{v}", lambda v: "%s" % (v,), lambda v: "{}".format(v)]:
    try:
        f(e)
    except RecursionError as ex:
        print(ex)
k = nest(KeyError, KeyError())
try:
    str(k)
except RecursionError as ex:
    print(ex)
del e, k
print("done")
