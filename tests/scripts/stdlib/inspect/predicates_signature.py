import inspect
import functools


async def coro(a, b=2):
    return a + b


def gen():
    yield 1


async def agen():
    yield 1


def plain(x, y=3, *args, z, w=5, **kw) -> int:
    """Add things.

        Indented line.
    Last line.
    """
    return x


class Thing:
    """A thing."""

    def method(self, a, /, b, *, c=1):
        pass

    async def amethod(self):
        pass

    def __call__(self, q):
        pass


class Sub(Thing):
    def method(self, a, /, b, *, c=1):
        pass


t = Thing()
for f in (coro, gen, agen, plain, Thing.method, t.method, t.amethod, len, Thing, functools.partial(coro, 1)):
    print(inspect.iscoroutinefunction(f), inspect.isgeneratorfunction(f), inspect.isasyncgenfunction(f),
          inspect.isfunction(f), inspect.ismethod(f), inspect.isclass(f), inspect.isbuiltin(f))

c = coro(1)
g = gen()
a = agen()
print(inspect.iscoroutine(c), inspect.isawaitable(c), inspect.isgenerator(g), inspect.isawaitable(g))
print(inspect.isasyncgen(a), inspect.isasyncgen(g), inspect.ismodule(inspect), inspect.ismodule(t))
c.close()


class Awaitable:
    def __await__(self):
        yield


print(inspect.isawaitable(Awaitable()), inspect.isawaitable(Awaitable), inspect.isawaitable(3))

print(str(inspect.signature(plain)))
print(str(inspect.signature(coro)))
print(inspect.signature(Thing.method))
print(inspect.signature(t.method))
print(inspect.signature(Thing))
print(inspect.signature(t))
print(inspect.signature(lambda: 0))
print(repr(inspect.signature(coro)))
for name, p in inspect.signature(plain).parameters.items():
    print(name, p.kind, p.kind.description, p.default is inspect.Parameter.empty, repr(p))
sig = inspect.signature(plain)
print(sig.return_annotation)
ba = sig.bind(1, 2, 3, 4, z=9, extra=1)
print(ba.arguments)
print(ba.args, ba.kwargs)
try:
    sig.bind()
except TypeError as e:
    print("TypeError", e)
print(inspect.getdoc(plain))
print(inspect.getdoc(Sub))
print(repr(inspect.cleandoc("  first\n    second\n      third\n\n")))
print(inspect.getdoc(Sub.method))
members = inspect.getmembers(Thing, inspect.isfunction)
print([n for n, _ in members])
print([n for n, v in inspect.getmembers(t) if not n.startswith("__")])
params = [inspect.Parameter("a", inspect.Parameter.POSITIONAL_ONLY),
          inspect.Parameter("b", inspect.Parameter.KEYWORD_ONLY, default=None, annotation=str)]
print(inspect.Signature(params, return_annotation=list))
try:
    inspect.Parameter("1x", inspect.Parameter.POSITIONAL_ONLY)
except ValueError as e:
    print("ValueError", e)
