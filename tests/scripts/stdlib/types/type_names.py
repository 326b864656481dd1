# The types module's names match what type() reports, and the constructible ones work.
import sys
import types


def f():
    yield 1


async def c():
    return 1


class K:
    def m(self):
        return self


print(isinstance(f, types.FunctionType), isinstance(lambda: 0, types.LambdaType))
print(isinstance(f(), types.GeneratorType), isinstance(len, types.BuiltinFunctionType))
co = c()
print(isinstance(co, types.CoroutineType))
co.close()
print(isinstance(K().m, types.MethodType), isinstance(sys, types.ModuleType))
print(types.NoneType is type(None), types.NoneType() is None)
bound = types.MethodType(lambda self, n: (type(self).__name__, n), K())
print(bound(3))
mod = types.ModuleType("plugins", "Plugin registry.")
mod.VERSION = 2
print(mod, mod.__name__, mod.__doc__, mod.VERSION)
proxy = types.MappingProxyType({"a": 1, "b": 2})
print(proxy, proxy["a"], len(proxy), list(proxy))
try:
    proxy["c"] = 3
except TypeError as e:
    print("TypeError:", e)
try:
    types.MethodType(1, K())
except TypeError as e:
    print("TypeError:", e)
Point = types.new_class("Point", (), exec_body=lambda ns: ns.update(dims=2))
print(Point.__name__, Point.dims)
print(types.FunctionType.__name__, types.CodeType.__name__, types.MappingProxyType.__name__)
