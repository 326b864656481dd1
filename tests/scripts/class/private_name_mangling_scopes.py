# Private names in nested scopes: nested defs, nonlocal, async, generator expressions,
# except targets, __getattr__ fallbacks for the unmangled name.
class C:
    __vals = [1, 2]
    doubled = [v * 2 for v in [3]]
    def m(self):
        def __helper():
            return 5
        __n = 0
        def inc():
            nonlocal __n
            __n += 1
            return __n
        inc()
        return __helper(), inc(), __helper.__name__, __helper.__qualname__
    async def am(self):
        async def __g():
            return 1
        return await __g()
    def gen(self):
        yield from (__i for __i in self.__vals)
print(C().m(), C._C__vals, list(C().gen()))
import asyncio
print(asyncio.run(C().am()))
try:
    class E(Exception):
        pass
    class R:
        def f(self):
            try:
                raise E("x")
            except E as __err:
                return str(__err)
    print(R().f())
except Exception as e:
    print(type(e).__name__, e)
class Z:
    def __init__(self):
        self.__q = 1
    def __getattr__(self, n):
        return "ga:" + n
z = Z()
print(z.__q, z._Z__q)
print(eval("1+1"))
