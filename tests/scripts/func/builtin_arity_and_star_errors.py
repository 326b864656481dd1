# Argument-count messages of builtins and the errors of `*`/`**` arguments that are not
# iterables/mappings, worded as CPython 3.11 words them.


def show(f):
    try:
        print(repr(f()))
    except TypeError as e:
        print("TypeError:", e)


def target(*a, **k):
    return a, k


class Klass:
    def __init__(self, *a, **k):
        pass


show(lambda: isinstance(1))
show(lambda: issubclass(int))
show(lambda: divmod(1))
show(lambda: setattr(1, "x"))
show(lambda: delattr(1))
show(lambda: hasattr(1, "x", 2))
show(lambda: [].insert(0))
show(lambda: getattr(1))
show(lambda: {}.get())
show(lambda: len())
show(lambda: enumerate())
show(lambda: (1, 2).count())
show(lambda: [1].count())
# A lone `*x` reaches the call itself, which names the callee; inside a longer list the
# star is reported on its own.
show(lambda: target(*1))
show(lambda: target(0, *1))
show(lambda: target(*[1], *None))
show(lambda: [*1])
show(lambda: (0, *2.5))
show(lambda: {*1})
show(lambda: Klass(*1))
show(lambda: print(*None))
show(lambda: target(**1))
show(lambda: target(a=1, **[1]))
show(lambda: Klass(**1))
show(lambda: target(a=1, **{"a": 2}))


def gen_raises():
    yield 1
    raise TypeError("from inside the generator")


show(lambda: target(*gen_raises()))
show(lambda: target(0, *gen_raises()))
print(target(*range(3), *"ab", **{"k": 1}))
