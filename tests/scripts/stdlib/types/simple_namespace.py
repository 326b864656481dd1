# types.SimpleNamespace: attributes, repr, equality, subclassing.
import types

ns = types.SimpleNamespace(host="localhost", port=8080)
print(ns)
ns.debug = True
del ns.port
print(ns, vars(ns))
print(ns == types.SimpleNamespace(host="localhost", debug=True), ns != types.SimpleNamespace())
print(types.SimpleNamespace())
try:
    hash(ns)
except TypeError as e:
    print("TypeError:", e)


class Config(types.SimpleNamespace):
    pass


print(Config(a=1), isinstance(Config(), types.SimpleNamespace))
print(getattr(ns, "missing", "default"))
nested = types.SimpleNamespace(inner=types.SimpleNamespace(x=[1, 2]))
print(nested, nested.inner.x[1])
